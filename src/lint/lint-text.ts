// lintText: the Node API's entry point for one string. Shares collectSentences and
// matchSentences with the retext plugin, so both report exactly the same findings.
import type { Nodes, Root } from 'nlcst';
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import type { Finding, Options, Point } from '../types.js';
import { matchSentences, type MatchOptions } from './match.js';
import { resolveOptions } from './options.js';
import { scannerFor } from './prefilter.js';
import { collectSentences } from './tokens.js';
import { windows, type Window } from './windows.js';

const parser = unified().use(retextEnglish).freeze();

/**
 * Lints text with options already resolved (the hot path for many documents). Fast path: only
 * the blocks that may hold a rule phrase are parsed (see prefilter.ts and windows.ts); the
 * findings are the same as lintWhole's, which a differential test checks over the corpus.
 */
export function lintResolved(text: string, resolved: MatchOptions): Finding[] {
  const findings: Finding[] = [];
  for (const window of windows(text, scannerFor(resolved.rules))) {
    const tree = parser.parse(text.slice(window.start, window.end)) as Root;
    if (window.start > 0) shiftPositions(tree, window);
    // The whole text goes to the matcher: it reads lines and quotation marks around a phrase.
    for (const finding of matchSentences(collectSentences(tree), text, resolved)) findings.push(finding);
  }
  return findings;
}

/** The slow path: parses the whole text. For tests that prove the fast path changes nothing. */
export function lintWhole(text: string, resolved: MatchOptions): Finding[] {
  return matchSentences(collectSentences(parser.parse(text) as Root), text, resolved);
}

/** Moves every position of a block's tree to where the block stands in the whole text. */
function shiftPositions(tree: Root, window: Window): void {
  const { line, column, offset } = window.point;
  const shift = (p: { line: number; column: number; offset?: number | undefined }): Point => ({
    line: p.line + line - 1,
    column: p.line === 1 ? p.column + column - 1 : p.column,
    offset: (p.offset ?? 0) + offset,
  });
  const walk = (node: Nodes) => {
    // parse-latin shares point objects between nodes, so each node gets new ones.
    if (node.position) node.position = { start: shift(node.position.start), end: shift(node.position.end) };
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(tree);
}

/**
 * Finds stigmatizing language in `text`. Offsets are 0-based UTF-16 indexes into `text`, so
 * `text.slice(f.start.offset, f.end.offset) === f.actual` for every finding.
 */
export async function lintText(text: string, options?: Options): Promise<Finding[]> {
  return lintResolved(String(text), resolveOptions(options));
}
