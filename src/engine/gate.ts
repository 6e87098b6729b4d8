// The first stage on the reading thread: whether a document could hold a finding at all. Most
// export records hold none of the rules' anchor words (MTSamples: 4,220 of 4,999 notes, 79% of the
// text, about 5% of the lint time), so with a worker pool the reading thread answers those itself
// and only the others cross to a worker (lint-parallel.ts): a fifth of the text copied, and no
// worker time spent scanning notes that cannot hold a finding.
import type { Document } from '../inputs/document.js';
import { scannerFor } from '../match/prefilter.js';
import type { ResolvedOptions } from '../match/match.js';
import { hiddenFreeVariants } from '../parse/hidden.js';
import { maskPlaceholders } from '../parse/placeholders.js';

/**
 * False only when lintDocument certainly finds nothing in `doc`: a plain-text document (an export
 * record, a .txt file) in which the first-stage scanner names no place, as lintDocument scans it
 * (placeholders masked), and that holds no hidden character (hidden.ts lints a second reading of
 * such a text). Markdown and HTML are always true (their readers decide). Throws nothing.
 * test/gate.test.ts holds this to lintDocument over the corpus and generated texts.
 */
export function mayFind(doc: Document, resolved: ResolvedOptions): boolean {
  if (doc.syntax !== 'text' || doc.paragraphs) return true;
  if (scannerFor(resolved.rules).next(maskPlaceholders(doc.text), 0) !== -1) return true;
  return hiddenFreeVariants(doc.text).length > 0;
}
