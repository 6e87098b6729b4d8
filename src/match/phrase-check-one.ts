// phrase-check.ts's walk while it has one way to follow. That walk keeps a set of positions,
// token by token, and allocates a few arrays at each step; at almost every anchor hit there is one
// position throughout (one word of the token stands there, and no apostrophe follows it), so
// these follow that position alone and give up (undefined) where a second way opens: two words of
// a token ending at different places, or an apostrophe after a word (TAIL). The caller then walks
// the set from the start, so an answer given here is the set walk's answer. Speed only: the
// warehouse build stands these in by functions that always give up (scripts/bundle-warehouse.js).
import { isAlnum, isApostrophe, isJoin, isS, wordAt } from './char-codes.js';

/** The one end of a word of `words` standing at `p`, -1 when none, -2 when two words end apart. */
function endAfter(text: string, p: number, words: string[], folds: boolean): number {
  let end = -1;
  for (let k = 0; k < words.length; k++) {
    const word = words[k]!;
    if (!wordAt(text, p, word, folds)) continue;
    if (end === -1) end = p + word.length;
    else if (end !== p + word.length) return -2;
  }
  return end;
}

/** The one start of a word of `words` ending at `p`, -1 when none, -2 when two words start apart. */
function startBefore(text: string, p: number, words: string[], folds: boolean): number {
  let start = -1;
  for (let k = 0; k < words.length; k++) {
    const word = words[k]!;
    if (!wordAt(text, p - word.length, word, folds)) continue;
    if (start === -1) start = p - word.length;
    else if (start !== p - word.length) return -2;
  }
  return start;
}

/**
 * phrase-check.ts's forwards (whether the anchor's token and the tokens `after` it stand from
 * `at`, no letter or digit after) while one position is followed; undefined where a second opens.
 */
export function forwardsOne(text: string, at: number, after: string[][], folds: boolean): boolean | undefined {
  let p = at;
  for (let k = 0; k < after.length; k++) {
    if (k > 0) while (p < text.length && isJoin(text.charCodeAt(p))) p++;
    const end = endAfter(text, p, after[k]!, folds);
    if (end === -1) return false;
    // An apostrophe after the word: TAIL adds positions (and "'s" one more).
    if (end === -2 || (end < text.length && isApostrophe(text.charCodeAt(end)))) return undefined;
    p = end;
  }
  return p >= text.length || !isAlnum(text.charCodeAt(p), folds);
}

/**
 * phrase-check.ts's backwards (whether the tokens `before` the anchor stand before `at`, each with
 * its TAIL and a JOIN, no letter or digit before) while one position is followed; undefined where
 * a second opens.
 */
export function backwardsOne(text: string, at: number, before: string[][], folds: boolean): boolean | undefined {
  if (before.length === 0) return true;
  let p = at;
  for (let k = before.length - 1; k >= 0; k--) {
    while (p > 0 && isJoin(text.charCodeAt(p - 1))) p--;
    // An apostrophe (or "'s") before the JOIN: TAIL adds positions.
    if (p > 0 && (isApostrophe(text.charCodeAt(p - 1)) || (p > 1 && isS(text.charCodeAt(p - 1), folds) && isApostrophe(text.charCodeAt(p - 2)))))
      return undefined;
    const start = startBefore(text, p, before[k]!, folds);
    if (start === -1) return false;
    if (start === -2) return undefined;
    p = start;
  }
  return p === 0 || !isAlnum(text.charCodeAt(p - 1), folds);
}
