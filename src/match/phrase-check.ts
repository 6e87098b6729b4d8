// The phrase checks at a hit (prefilter.ts), walked in JavaScript instead of run as regexes. Each
// anchor word's check was a sticky regex (anchoredSource): a MTSamples run compiled some 300 of
// them, and compiling regexes was a fifth of the instructions of its first 1,000 records (regex
// compiling costs about as much for V8's bytecode as for native code: most of it is building the
// node graph). The walk answers exactly what the regex answers, for rule words in ASCII (others
// keep the regex): a regex test is whether any way of matching exists, so the walk follows every
// way at once, as a set of positions, token by token:
//  - the tokens before the anchor, backwards from the place (the regex's lookbehind), each a word
//    of its list (or "&" for "and"), its TAIL (apostrophes, each with an optional "s") and a JOIN
//    (white space and hyphens) after it, and no letter or digit before the first (NOT_AFTER_WORD);
//  - the anchor's token and those after it, forwards from the place, with a JOIN before each but the
//    first, and no letter or digit after the last (NOT_BEFORE_WORD).
// Case is compared as the regex's flags compare it: 'i' (ASCII letters in either case) or, when
// `folds` (flags 'iu'), also the Kelvin sign for "k" and the long s for "s".
import type { TokenSequence } from '../rules/pattern.js';
import { isAlnum, isApostrophe, isJoin, isS, wordAt } from './char-codes.js';
import { backwardsOne, forwardsOne } from './phrase-check-one.js';

/** One phrase, anchored at its token `anchor`. */
export interface AnchoredSequence {
  sequence: TokenSequence;
  anchor: number;
}

/** Whether a phrase of the check stands at `at` of `text` (the check's sticky regex, tested there). */
export type PhraseCheck = (text: string, at: number) => boolean;

// Written with index loops and no closures: TurboFan compiles these at a run's first thousand notes,
// and the first version (for-of, some, includes) took it 49 ms for phraseAt alone.

// Set when a set of positions would pass MAX_POSITIONS (a long run of apostrophes): the check then
// asks the regex, as a run of JOIN characters cannot cause it (below).
let overflow = false;
const MAX_POSITIONS = 64;

function add(list: number[], p: number): void {
  for (let i = 0; i < list.length; i++) if (list[i] === p) return;
  if (list.length >= MAX_POSITIONS) overflow = true;
  else list.push(p);
}

/** Adds to `out` the positions reached from it by TAIL, forwards. */
function tailsAfter(text: string, out: number[], folds: boolean): void {
  for (let i = 0; i < out.length; i++) {
    const q = out[i]!;
    if (q < text.length && isApostrophe(text.charCodeAt(q))) {
      add(out, q + 1);
      if (q + 1 < text.length && isS(text.charCodeAt(q + 1), folds)) add(out, q + 2);
    }
  }
}

/** Adds to `out` the positions reached from it by TAIL, backwards. */
function tailsBefore(text: string, out: number[], folds: boolean): void {
  for (let i = 0; i < out.length; i++) {
    const q = out[i]!;
    if (q > 0 && isApostrophe(text.charCodeAt(q - 1))) add(out, q - 1);
    if (q > 1 && isS(text.charCodeAt(q - 1), folds) && isApostrophe(text.charCodeAt(q - 2))) add(out, q - 2);
  }
}

// JOIN is read to the end of its run: no word holds a JOIN character (phraseCheck keeps the regex
// for one that does), so no word starts (or, backwards, ends) inside a run of them, and only the
// run's end can be followed by the next word. A run of 160,000 spaces is one position.

/** `out`, each position moved past the run of JOIN characters it starts. */
function joinsAfter(text: string, out: number[]): number[] {
  const moved: number[] = [];
  for (let i = 0; i < out.length; i++) {
    let q = out[i]!;
    while (q < text.length && isJoin(text.charCodeAt(q))) q++;
    add(moved, q);
  }
  return moved;
}

/** `out`, each position moved before the run of JOIN characters it ends. */
function joinsBefore(text: string, out: number[]): number[] {
  const moved: number[] = [];
  for (let i = 0; i < out.length; i++) {
    let q = out[i]!;
    while (q > 0 && isJoin(text.charCodeAt(q - 1))) q--;
    add(moved, q);
  }
  return moved;
}

/** The positions after one of `words` standing at one of `from`. */
function wordsAfter(text: string, from: number[], words: string[], folds: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < from.length; i++) {
    const p = from[i]!;
    for (let k = 0; k < words.length; k++) if (wordAt(text, p, words[k]!, folds)) add(out, p + words[k]!.length);
  }
  return out;
}

/** The positions before one of `words` ending at one of `from`. */
function wordsBefore(text: string, from: number[], words: string[], folds: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < from.length; i++) {
    const p = from[i]!;
    for (let k = 0; k < words.length; k++) if (wordAt(text, p - words[k]!.length, words[k]!, folds)) add(out, p - words[k]!.length);
  }
  return out;
}

/** Whether the anchor's token and those after it stand from `at`, no letter or digit after. */
function forwards(text: string, at: number, after: string[][], folds: boolean): boolean {
  let positions = [at];
  for (let k = 0; k < after.length; k++) {
    if (k > 0) positions = joinsAfter(text, positions);
    positions = wordsAfter(text, positions, after[k]!, folds);
    if (positions.length === 0) return false;
    tailsAfter(text, positions, folds);
  }
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i]!;
    if (p >= text.length || !isAlnum(text.charCodeAt(p), folds)) return true;
  }
  return false;
}

/** Whether the tokens before the anchor stand before `at` (each with its TAIL and a JOIN), no letter or digit before. */
function backwards(text: string, at: number, before: string[][], folds: boolean): boolean {
  if (before.length === 0) return true;
  let positions = [at];
  for (let k = before.length - 1; k >= 0; k--) {
    positions = joinsBefore(text, positions);
    tailsBefore(text, positions, folds);
    positions = wordsBefore(text, positions, before[k]!, folds);
    if (positions.length === 0) return false;
  }
  for (let i = 0; i < positions.length; i++) {
    const m = positions[i]!;
    if (m === 0 || !isAlnum(text.charCodeAt(m - 1), folds)) return true;
  }
  return false;
}

/** A token's words as the regex lists them: lower case, and "&" beside "and". */
function tokenWords(words: readonly string[]): string[] {
  return [...new Set([...words.map((w) => w.toLowerCase()), ...(words.includes('and') ? ['&'] : [])])];
}

/**
 * The check of `phrases` (any of them standing at the place) as a walk, or undefined when a word
 * holds a character outside ASCII or one of JOIN's (then the caller keeps the regex). `regex` answers
 * where the walk would follow more than MAX_POSITIONS ways at once (a long run of apostrophes).
 */
export function phraseCheck(phrases: readonly AnchoredSequence[], folds: boolean, regex: () => PhraseCheck): PhraseCheck | undefined {
  const walks = phrases.map(({ sequence, anchor }) => ({
    before: sequence.slice(0, anchor).map((t) => tokenWords(t.words)),
    after: sequence.slice(anchor).map((t) => tokenWords(t.words)),
  }));
  if (walks.some((w) => [...w.before, ...w.after].some((words) => words.some((word) => /[^\x00-\x7f]|[\s-]/.test(word) || word.length === 0))))
    return undefined;
  return (text, at) => {
    overflow = false;
    let found = false;
    // The one-position walks first (phrase-check-one.ts), the set walk where they give up. The words
    // before the anchor first: at most hits a phrase fails, and there sooner than after the anchor,
    // whose token is walked word by word of its list (MTSamples: 0.6 of the CPU of after-first).
    // Either order gives the same answer: each side's is exact unless `overflow`, and then the regex answers.
    for (let i = 0; i < walks.length && !found; i++) {
      const { after, before } = walks[i]!;
      found =
        (backwardsOne(text, at, before, folds) ?? backwards(text, at, before, folds)) &&
        (forwardsOne(text, at, after, folds) ?? forwards(text, at, after, folds));
    }
    return overflow ? regex()(text, at) : found;
  };
}
