// parseAt: a window's tree, positioned where the window stands in the whole text (the tokens:
// positioned-english.ts), built by latin-tree.ts, parse-english's plugins ported to plain loops.
// The warehouse build (scripts/bundle-warehouse.js) puts positioned-english.ts in this module's place:
// the same trees from parse-english's own plugins, without the port's bytes.
import type { Root } from 'nlcst';
import type { Point } from '../types.js';
import { treeOfTokens } from './latin-tree.js';
import { english, ORIGIN } from './positioned-english.js';

/**
 * `text` parsed as retext-english parses it (unified().use(retextEnglish).parse), every position
 * moved to `at`: where `text` starts in a longer text (line and column counted as parse-latin
 * counts them; a column moves on the first line only). Throws a RangeError where parse-latin's
 * spreads of a sentence's tokens would (more than about 110,000 tokens; see windows.ts MAX_BLOCK).
 */
export function parseAt(text: string, at: Point): Root {
  english.at = at;
  try {
    return treeOfTokens(english.tokenize(text));
  } finally {
    english.at = ORIGIN;
  }
}
