// The first stage on the reading thread: whether a document could hold a finding at all. Most
// export records hold none of the rules' anchor words (MTSamples: 4,220 of 4,999 notes, 79% of the
// text, about 5% of the lint time), so with a worker pool the reading thread answers those itself
// and only the others cross to a worker (lint-parallel.ts): a fifth of the text copied, and no
// worker time spent scanning notes that cannot hold a finding. The others cross with the places
// found here, so the worker parses around them and scans nothing (match/places.ts).
import type { Document } from '../inputs/document.js';
import type { ResolvedOptions } from '../match/match.js';
import { firstStagePlaces } from '../match/places.js';
import { hiddenFreeVariants } from '../parse/hidden.js';

/**
 * The first stage on this thread, for a pool: `false` when lintDocument certainly finds nothing in
 * `doc` (a plain-text document, an export record or a .txt file, in which the first-stage scanner
 * names no place as lintDocument scans it, placeholders masked, and that holds no hidden character:
 * hidden.ts lints a second reading of such a text); else the places found (firstStagePlaces: hand
 * them to lintDocument so the text is not scanned again; empty when only a hidden-free reading may
 * hold a finding), or undefined for Markdown, HTML and .docx documents (their readers decide).
 * Throws nothing.
 */
export function gatePlaces(doc: Document, resolved: ResolvedOptions): Int32Array | undefined | false {
  if (doc.syntax !== 'text' || doc.paragraphs) return undefined;
  const places = firstStagePlaces(doc.text, resolved.rules);
  if (places.length) return places;
  return hiddenFreeVariants(doc.text).length > 0 ? places : false;
}

/**
 * False only when lintDocument certainly finds nothing in `doc` (gatePlaces). Throws nothing.
 * test/gate.test.ts holds this to lintDocument over the corpus and generated texts.
 */
export function mayFind(doc: Document, resolved: ResolvedOptions): boolean {
  return gatePlaces(doc, resolved) !== false;
}
