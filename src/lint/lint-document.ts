// Lints one Document: the unit of work (each parsed tree goes through lintTree, as in the plugin). A pure function of (document, resolved options), so
// documents and export records can be linted anywhere (a worker pool) and reported in order.
import type { Root } from 'nlcst';
import type { Document } from '../inputs/document.js';
import type { Finding } from '../types.js';
import { refineFixes, type Segment } from '../fix/refine.js';
import { loadEquality } from '../match/equality.js';
import { hiddenFreeVariants, mergeHidden, pointer, type HiddenFree } from '../parse/hidden.js';
import { applyInlineControl, inlineControl, type CodeSpans } from '../match/inline-control.js';
import { lazy, withLoading } from '../engine/lazy.js';
import { parseTextWhole, parseTextWindows } from '../parse/parse-text.js';
import { scannerFor } from '../match/prefilter.js';
import { readablePhrase, withoutWordMarkup } from '../parse/markup-words.js';
import { knownPlaces } from '../match/places.js';
import { lintTree } from './lint-tree.js';
import type { ResolvedOptions } from '../match/match.js';
import { collectSentences, type SentenceTokens } from '../parse/tokens.js';

// Loaded when the first Markdown or HTML document with an anchor word is linted (see lazy.ts).
const markdown = lazy('the Markdown parser', () => import('../parse/markdown.js'));
const html = lazy('the HTML parser', () => import('../parse/html.js'));
// Where a fix may edit a Markdown or HTML document (its text nodes): read only for a document
// with a fixable finding.
const markdownSegments = lazy('the Markdown fix planner', () => import('../fix/segments-markdown.js'));
const htmlSegments = lazy('the HTML fix planner', () => import('../fix/segments-html.js'));

/** Loads every part lint loads on first use, for code that must lint synchronously throughout. */
export async function preloadLint(): Promise<void> {
  await Promise.all([markdown.load(), html.load(), markdownSegments.load(), htmlSegments.load(), loadEquality()]);
}

function trees(doc: Document, resolved: ResolvedOptions, whole: boolean, places?: Int32Array): Iterable<Root> {
  switch (doc.syntax) {
    case 'markdown':
      // An HTML block's text is read by the HTML parser, loaded only for a document that has one.
      return orAsText(doc, resolved, whole, () => markdown.get().markdownTrees(doc.text, (blocks) => html.get().htmlTrees(blocks)));
    case 'html':
      return orAsText(doc, resolved, whole, () => html.get().htmlTrees(doc.text));
    default:
      // Plain text and export records: parse only the blocks that may hold a finding (the same
      // findings as the whole parse: test/fast-path.test.ts).
      if (whole) return parseTextWhole(doc.text);
      return parseTextWindows(doc.text, places ? knownPlaces(places, scannerFor(resolved.rules)) : scannerFor(resolved.rules));
  }
}

/**
 * The Markdown or HTML trees, or, when a paragraph is too long for the converters to nlcst (they
 * spread a paragraph's tokens into one call, which overflows the stack past about 100,000), the
 * text linted as plain text in bounded pieces: positions stay those of the file, and markup
 * words are no phrase.
 */
function orAsText(doc: Document, resolved: ResolvedOptions, whole: boolean, make: () => Root[]): Iterable<Root> {
  try {
    return make();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return whole ? parseTextWhole(doc.text) : parseTextWindows(doc.text, scannerFor(resolved.rules));
  }
}

/** The 1-based number of the paragraph holding `offset`, counting only paragraphs with text. */
function paragraphNumber(doc: Document, starts: readonly number[], offset: number): number {
  let n = 0;
  for (let i = 0; i < starts.length && starts[i]! <= offset; i++) {
    const end = starts[i + 1] ?? doc.text.length;
    if (doc.text.slice(starts[i], end).trim() !== '') n++;
  }
  return n;
}

function quoteSentence(doc: Document, sentences: readonly SentenceTokens[], f: Finding): string | undefined {
  const s = sentences.find((x) => x.start <= f.start.offset && f.end.offset <= x.end);
  return s && doc.text.slice(s.start, s.end).replace(/\s+/g, ' ').trim();
}

/**
 * Synchronous: throws NotLoaded when the document needs a part not loaded yet (lint it through
 * withLoading, or call preloadLint first).
 *
 * `places`, for a plain-text document (syntax 'text', no paragraphs), is
 * firstStagePlaces(doc.text, resolved.rules) found earlier (by a pool's reading thread): the text
 * is then parsed around them without being scanned again, with the same findings
 * (test/places.test.ts). Ignored for other documents.
 */
export function lintDocument(doc: Document, resolved: ResolvedOptions, places?: Int32Array): Finding[] {
  return lint(doc, resolved, false, doc.syntax === 'text' && !doc.paragraphs ? places : undefined);
}

/** The slow path, parsing the whole text: only for the test that proves the fast path changes nothing. */
export function lintDocumentWhole(doc: Document, resolved: ResolvedOptions): Finding[] {
  return lint(doc, resolved, true);
}

function lint(doc: Document, resolved: ResolvedOptions, whole: boolean, places?: Int32Array): Finding[] {
  const findings = lintAsWritten(doc, resolved, whole, places);
  // Hidden characters (hidden.ts): lint the text again without them, positions mapped back. Not
  // for a .docx, whose paragraph numbers are counted in its own text.
  const readings = doc.paragraphs ? [] : hiddenFreeVariants(doc.text);
  const all = readings.length
    ? mergeHidden(
        doc.text,
        findings,
        readings.map((free) => ({ free, findings: lintAsWritten({ ...doc, text: free.text }, resolved, whole) })),
      )
    : findings;
  // dignify-disable comments work the same in every format (they are read from the source lines),
  // except inside code, where they are shown, not meant. In a .docx, -next-line is the next paragraph.
  return all.length ? readableMessages(doc, withSafeFixes(doc, applyInlineControl(doc.text, all, codeSpans(doc), doc.paragraphs !== undefined))) : all;
}

/**
 * In Markdown and HTML, each message quotes the phrase without the inline markup its source holds
 * (readablePhrase): `Avoid "committed suicide"`, not `Avoid "committed* suicide"`. `actual` stays
 * the source, as the offsets give it; only the message's quotation changes.
 */
function readableMessages(doc: Document, findings: Finding[]): Finding[] {
  if (doc.syntax !== 'markdown' && doc.syntax !== 'html') return findings;
  const syntax = doc.syntax;
  for (const f of findings) {
    const readable = readablePhrase(f.actual, syntax);
    if (readable !== f.actual) f.message = f.message.replace(`"${f.actual}"`, `"${readable}"`);
  }
  return findings;
}

/** Where a document's text is code (Markdown code, HTML pre/code/script): see applyInlineControl. */
export function codeSpans(doc: Document): CodeSpans {
  if (!doc.text.includes('dignify-')) return [];
  if (doc.syntax === 'markdown') return markdown.get().markdownCodeSpans(doc.text);
  if (doc.syntax === 'html') return html.get().htmlCodeSpans(doc.text);
  return [];
}

/** `places`: see lintDocument; for the text as written only (a hidden-free reading is scanned). */
function lintAsWritten(doc: Document, resolved: ResolvedOptions, whole: boolean, places?: Int32Array): Finding[] {
  const findings: Finding[] = [];
  for (const found of treeFindings(doc, resolved, whole, places)) for (const f of found.findings) findings.push(f);
  return findings.sort((a, b) => a.start.offset - b.start.offset);
}

/**
 * May the document hold a finding? For Markdown and HTML, the text is asked again with the markup
 * inside words taken out: "**IV**DU" holds no phrase's anchor as written, but its tree reads "IVDU"
 * (markup-words.ts).
 */
function mayHold(doc: Document, resolved: ResolvedOptions, whole: boolean): boolean {
  const holds = (text: string) => (whole ? resolved.rules.triggerPattern.test(text) : doc.syntax === 'text' || scannerFor(resolved.rules).mayHold(text));
  if (holds(doc.text)) return true;
  if (doc.syntax !== 'markdown' && doc.syntax !== 'html') return false;
  const joined = withoutWordMarkup(doc.text, doc.syntax);
  return joined !== undefined && holds(joined);
}

/** The findings of each parsed tree (block or piece of one), in text order: `start` is where the tree starts (UTF-16 offset). */
function* treeFindings(doc: Document, resolved: ResolvedOptions, whole: boolean, places?: Int32Array): Generator<{ start: number; findings: Finding[] }> {
  // Fast path: a Markdown or HTML text without any phrase's anchor word cannot produce a finding.
  // Plain text skips this test: its scanner (parseTextWindows) is stricter, and a text it finds
  // nothing in yields no tree at all. The slow path keeps the plain test of every first word.
  if (!mayHold(doc, resolved, whole)) return;
  for (const tree of trees(doc, resolved, whole, places)) {
    const sentences = collectSentences(tree);
    const findings = lintTree(tree, doc.text, resolved, sentences);
    if (doc.paragraphs) {
      for (const f of findings) {
        f.paragraph = paragraphNumber(doc, doc.paragraphs, f.start.offset);
        const context = quoteSentence(doc, sentences, f);
        if (context) f.context = context;
      }
    }
    // A Markdown or HTML tree can come without a start (mdast-util-to-nlcst on a paragraph that
    // opens with an unclosed link): 0 keeps it first.
    yield { start: tree.position?.start?.offset ?? 0, findings };
  }
}

/** Findings in a batch of lintDocumentBatches: about this many (it ends where a parsed tree ends; directives and the hidden-text merge may then remove some). */
export const FINDINGS_PER_BATCH = 2048;

/**
 * lintDocument's findings in batches, in text order, for a long document whose findings should not
 * all be held at once (a 100 MB note with a finding every 190 characters has 530,000 of them). A
 * plain-text document is linted tree by tree (a block or a piece of one: see parse/windows.ts) and
 * a batch is handed out once it holds `perBatch` findings, so memory is bounded by the batch, not the
 * document. Batches are never empty, except the last, which may be (a document without findings
 * gives one empty batch); a batch ends where a parsed tree ends, so one tree's findings are never split. Markdown, HTML and .docx documents (parsed whole anyway) give one batch.
 *
 * Concatenated, the batches are lintDocument's findings (test/lint-batches.test.ts). One
 * difference is possible: a text with hidden characters is merged with its hidden-free reading
 * batch by batch (mergeHidden), so a reading's finding that runs across the start of the next
 * tree (a blank line or a cut in a block longer than MAX_BLOCK) is not checked against the
 * findings after it. Throws NotLoaded as lintDocument does; call preloadLint first, as a generator
 * cannot be run again by withLoading.
 */
export function* lintDocumentBatches(doc: Document, resolved: ResolvedOptions, perBatch = FINDINGS_PER_BATCH): Generator<Finding[]> {
  if (doc.syntax !== 'text' || doc.paragraphs) {
    yield lintDocument(doc, resolved);
    return;
  }
  // Directives and line starts are read once for the whole text, not per batch.
  const control = inlineControl(doc.text);
  const readings = hiddenFreeVariants(doc.text).map((free) => readingStream(free, doc, resolved));
  const pointAt = readings.length ? pointer(doc.text) : undefined;
  let batch: Finding[] = [];
  const take = (until: number): Finding[] => {
    // Sorted as lintAsWritten sorts (trees do not interleave, so per batch is the same order).
    let all = batch.sort((a, b) => a.start.offset - b.start.offset);
    batch = [];
    if (pointAt)
      all = mergeHidden(
        doc.text,
        all,
        readings.map((r) => ({ free: r.free, findings: r.before(until) })),
        pointAt,
      );
    const kept = all.length ? control(all) : all;
    return kept.length ? withSafeFixes(doc, kept) : kept;
  };
  for (const { start, findings } of treeFindings(doc, resolved, false)) {
    if (batch.length >= perBatch) {
      const out = take(start);
      if (out.length) yield out;
    }
    for (const f of findings) batch.push(f);
  }
  yield take(Number.POSITIVE_INFINITY);
}

/** A hidden-free reading's findings, read tree by tree as the batches of the text as written need them. */
function readingStream(free: HiddenFree, doc: Document, resolved: ResolvedOptions): { free: HiddenFree; before(until: number): Finding[] } {
  const trees = treeFindings({ ...doc, text: free.text }, resolved, false);
  let pending: Finding[] = [];
  let done = false;
  return {
    free,
    /** The reading's findings not taken yet that start before `until`, an offset in the original text. */
    before(until) {
      const out: Finding[] = [];
      for (;;) {
        let i = 0;
        while (i < pending.length && free.toOriginal(pending[i]!.start.offset) < until) out.push(pending[i++]!);
        pending = pending.slice(i);
        if (pending.length || done) return out;
        const next = trees.next();
        if (next.done) done = true;
        else pending = next.value.findings.sort((a, b) => a.start.offset - b.start.offset);
      }
    },
  };
}

/** Where a fix may edit `text` (fix/segments-*.ts): a Markdown or HTML text's runs, undefined for plain text. Throws NotLoaded until that planner is loaded. */
function segmentsOf(syntax: Document['syntax'], text: string): Segment[] | undefined {
  return syntax === 'markdown' ? markdownSegments.get().markdownSegments(text) : syntax === 'html' ? htmlSegments.get().htmlSegments(text) : undefined;
}

/**
 * The runs of `text` an edit may touch, as `--fix` reads them ([start, end) UTF-16 offsets of its
 * text nodes; undefined for plain text), loading the planner on first use: for an editor's
 * suggestions other than a rule's own fix (lsp/server.ts).
 */
export function editableRuns(syntax: Document['syntax'], text: string): Promise<Segment[] | undefined> {
  return withLoading(() => segmentsOf(syntax, text));
}

/**
 * Where a comment parses in `text`, for the language server's "disable for this line": the runs
 * `--fix` edits and, in Markdown, the text runs of its HTML blocks (read as HTML, left alone by
 * `--fix`), where a line may end inside a tag just as in an HTML file. Undefined for plain text.
 */
export function commentRuns(syntax: Document['syntax'], text: string): Promise<Segment[] | undefined> {
  return withLoading(() => {
    const runs = segmentsOf(syntax, text);
    if (syntax !== 'markdown' || runs === undefined) return runs;
    const blocks = markdown.get().markdownHtmlBlocks(text);
    if (blocks.length === 0) return runs;
    const inBlocks = htmlSegments
      .get()
      .htmlSegments(markdown.get().onlyBlocks(text, blocks))
      .flatMap(([s, e]) =>
        blocks.flatMap(([bs, be]): Segment[] => {
          const from = Math.max(s, bs);
          const to = Math.min(e, be);
          return from < to ? [[from, to]] : [];
        }),
      );
    return [...runs, ...inBlocks].sort((a, b) => a[0] - b[0]);
  });
}

/** Each fix narrowed to the words that change, or withheld with a reason (src/fix/refine.ts). */
function withSafeFixes(doc: Document, findings: Finding[]): Finding[] {
  if (!findings.some((f) => f.fix)) return findings;
  return refineFixes(doc.text, findings, segmentsOf(doc.syntax, doc.text));
}
