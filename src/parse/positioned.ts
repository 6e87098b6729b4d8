// parseAt: a window's tree, positioned where the window stands in the whole text, from
// parse-latin's tokens (tokenize-at.ts) built into sentences and paragraphs by latin-tree.ts,
// parse-english's plugins ported to plain loops. The warehouse build (scripts/bundle-warehouse.js)
// puts positioned-english.ts in this module's place: the same trees from parse-latin's tokenizer
// with a table and parse-english's own plugins, without this module's and the port's bytes
// (test/latin-tree.test.ts holds the two to each other and to retext-english's parse).
import type { Root } from 'nlcst';
import type { Point } from '../types.js';
import { treeOfTokens } from './latin-tree.js';
import { tokenizeAt } from './tokenize-at.js';

/**
 * `text` parsed as retext-english parses it (unified().use(retextEnglish).parse), every position
 * moved to `at`: where `text` starts in a longer text (line and column counted as parse-latin
 * counts them; a column moves on the first line only). Throws a RangeError where parse-latin's
 * spreads of a sentence's tokens would (more than about 110,000 tokens; see windows.ts MAX_BLOCK).
 */
export function parseAt(text: string, at: Point): Root {
  return treeOfTokens(tokenizeAt(text, at));
}
