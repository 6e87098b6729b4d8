// A phrase's anchor: the word the scanner (prefilter.ts) looks for in raw text, the word of the phrase
// least likely in ordinary text ("noncompliant" in "was noncompliant"), not its first word: first
// words such as "was", "a" and "is" stood in 215,000 places of MTSamples' 15 MB, anchors stand in
// 16,000. Which word is the anchor changes the speed, never the result.
//
// Apart from prefilter.ts so that the build (lean.ts leanForm, run by scripts/build-rules.js) stores
// each built-in phrase's anchor with the same code the scanner uses for a user's phrases, and a start
// computes no anchor for a built-in phrase (compile.ts PhraseEntry).
import type { PatternToken } from '../rules/pattern.js';
import { SCAN_FREQUENT } from './builtin-scan.js';

/** What anchorOf reads of a token: its words, and the set it stands for (a set's list is shared by its tokens). */
export type AnchorToken = Pick<PatternToken, 'words' | 'set'>;

// Words too common to anchor a phrase on.
const COMMON = new Set([
  'a',
  'an',
  'the',
  'is',
  'was',
  'be',
  'been',
  'being',
  'are',
  'were',
  'am',
  'not',
  'no',
  'also',
  'now',
  'still',
  'of',
  'with',
  'and',
  'or',
  'to',
  'in',
  'on',
  'for',
  'has',
  'had',
  'have',
  'he',
  'she',
  'his',
  'her',
  'this',
  'that',
  'as',
  'at',
  'by',
]);

/** Whether a word is one of COMMON's, which a phrase is never scanned for when it has another word (scan-choice.ts too). */
export function isCommonWord(w: string): boolean {
  return COMMON.has(w);
}

// A word's rarity where it is not its length: 0 for COMMON's; for SCAN_FREQUENT's, frequent words
// of the built-in phrases chosen at build time (scan-choice.ts), less than 1, the more frequent the
// less, so that a phrase is scanned for a rarer word of its own ("drug using" for "drug").
const LOW_RARITY = lowRarities(SCAN_FREQUENT.split(' '));

/**
 * The rarities anchorOf gives words instead of their length: each of `frequent` (most frequent
 * first) (1 + its rank) / (count + 1), all under 1; each of COMMON's 0. scan-choice.ts builds the
 * same map for the words it is choosing, so its choice and anchorOf's agree.
 */
export function lowRarities(frequent: readonly string[]): Map<string, number> {
  const low = new Map<string, number>();
  for (let k = 0; k < frequent.length; k++) low.set(frequent[k]!, (1 + k) / (frequent.length + 1));
  for (const w of COMMON) low.set(w, 0);
  return low;
}

// By a set's word list (shared by every token of that set), as alternativesOf.
const rarityOf = new WeakMap<readonly string[], number>();

function wordsRarity(words: readonly string[]): number {
  let r = Number.POSITIVE_INFINITY;
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    const x = LOW_RARITY.get(w) ?? w.length;
    if (x < r) r = x;
  }
  return r;
}

// Loops, not Math.min(...map) and forEach, and remembered only for a set's list (a few dozen), not
// for each phrase's own words (thousands of WeakMap entries): the scanner's build asks this of
// every phrase of the rules at every start, in code that runs once (interpreted).
function rarity(t: AnchorToken): number {
  if (t.set === undefined) return wordsRarity(t.words);
  let r = rarityOf.get(t.words);
  if (r === undefined) rarityOf.set(t.words, (r = wordsRarity(t.words)));
  return r;
}

/** The index of the token a sequence is scanned for: no common word, else the longest shortest word, a word of SCAN_FREQUENT shorter than any. */
export function anchorOf(sequence: readonly AnchorToken[]): number {
  if (sequence.length === 0) return 0;
  let best = 0;
  let bestRarity = rarity(sequence[0]!);
  for (let k = 1; k < sequence.length; k++) {
    const r = rarity(sequence[k]!);
    if (r > bestRarity) {
      best = k;
      bestRarity = r;
    }
  }
  return best;
}
