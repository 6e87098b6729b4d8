// Which word the scanner looks for to find each phrase of the built-in rules, chosen at build time
// from how common words are in clinical notes (word-frequency.ts), so that neither a start nor the
// bundles read that table. prefilter.ts's anchorOf picks a phrase's longest shortest word; where
// the frequency table picks otherwise, the choice is stored in builtin-scan.ts (written by
// scripts/build-rules.js, checked by test/scan-anchors.test.ts), and only those exceptions:
// - a phrase of several words is not scanned for one of the TOO_FREQUENT most frequent words when
//   another of its words is rarer ("drug using" for "drug", not "using": "using", "past", "daily",
//   "head", "prior" were a third of MTSamples' scan hits, each checked and dropped);
// - a phrase of one very common word ("low", "bad" as a field's answer) whose rule requires a rarer
//   word in the same sentence ("compliance" before it) is scanned for that word instead.
// A user's own rules are scanned as anchorOf says.
import type { CompiledRule, CompiledRules } from '../rules/compile.js';
import type { PatternToken, TokenSequence } from '../rules/pattern.js';
import { isCommonWord, lowRarities } from './anchor.js';
import { phrasesOf, phraseRequires, type RuleScanner, scanKey } from './prefilter.js';
import { FREQUENT_WORDS } from './word-frequency.js';

/**
 * How many of FREQUENT_WORDS' most frequent words a phrase is scanned for only when it has no
 * rarer token: with 600, the all preset's scan regex passed V8's 20 KB (test/prefilter-size.test.ts).
 */
export const TOO_FREQUENT = 300;

/** How many of FREQUENT_WORDS' most frequent words are too common to scan for where a rule requires a rarer word (contextOf). */
export const VERY_COMMON = 500;

const FREQUENT = FREQUENT_WORDS.split(' ');
const frequentRank = new Map(FREQUENT.map((w, k) => [w, k]));

/**
 * How common a word is in clinical notes: 0 for a word not among FREQUENT_WORDS, else the more
 * frequent the higher (up to FREQUENT_WORDS' length); a condition's `*` (any word) and a word of
 * prefilter.ts's COMMON are the commonest of all.
 */
export function commonness(w: string): number {
  if (w === '*' || isCommonWord(w)) return Number.POSITIVE_INFINITY;
  const rank = frequentRank.get(w);
  return rank === undefined ? 0 : frequentRank.size - rank;
}

/** How common a token is: its commonest word's commonness. */
export function tokenCommonness(t: PatternToken): number {
  let c = 0;
  for (const w of t.words) {
    const x = commonness(w);
    if (x > c) c = x;
  }
  return c;
}

/** A word's rarity: 0 for a COMMON word, less than 1 for one of the TOO_FREQUENT most frequent words (the more frequent, the less), else its length. */
function wordRarity(w: string): number {
  if (isCommonWord(w)) return 0;
  const rank = frequentRank.get(w);
  return rank !== undefined && rank < TOO_FREQUENT ? (1 + rank) / (TOO_FREQUENT + 1) : w.length;
}

/** The index of the token whose least rare word, by `rarityOf`, is rarest (the first of equals; 0 for no token). */
function rarestToken(sequence: TokenSequence, rarityOf: (w: string) => number): number {
  let best = 0;
  let bestRarity = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < sequence.length; k++) {
    let r = Number.POSITIVE_INFINITY;
    for (const w of sequence[k]!.words) r = Math.min(r, rarityOf(w));
    if (r > bestRarity) [best, bestRarity] = [k, r];
  }
  return best;
}

/** The index of the token a phrase is scanned for by frequency: the token whose least rare word is rarest (the first of equals). */
export function frequentAnchorOf(sequence: TokenSequence): number {
  return rarestToken(sequence, wordRarity);
}

/**
 * The words a phrase of one very common word is scanned for instead, or undefined: the words of the
 * required condition whose commonest word is least common, when that is less common than the
 * phrase's word. Only a before, after or sentence condition of the phrase's own sentence counts
 * (not one read in the previous sentence): its words stand in the block of every match
 * (windows.ts). In each of the condition's phrases the least common token (never a `*`) is the one
 * scanned for.
 */
export function contextOf(compiled: CompiledRule, sequence: TokenSequence): string[] | undefined {
  if (sequence.length !== 1) return undefined;
  const own = tokenCommonness(sequence[0]!);
  if (own <= frequentRank.size - VERY_COMMON) return undefined;
  let best: { words: string[]; commonness: number } | undefined;
  for (const c of phraseRequires(compiled, sequence)) {
    if ((c.kind !== 'before' && c.kind !== 'after' && c.kind !== 'sentence') || c.previous) continue;
    const words = new Set<string>();
    let worst = 0;
    for (const seq of c.sequences) {
      let token: PatternToken | undefined;
      let least = Number.POSITIVE_INFINITY;
      for (const t of seq) {
        const x = tokenCommonness(t);
        if (x < least) [token, least] = [t, x];
      }
      if (!token || least === Number.POSITIVE_INFINITY) {
        worst = Number.POSITIVE_INFINITY;
        break;
      }
      for (const w of token.words) words.add(w);
      if (least > worst) worst = least;
    }
    if (worst < own && (!best || worst < best.commonness)) best = { words: [...words], commonness: worst };
  }
  return best?.words;
}

/** The anchor of a phrase with these rarities of words (lowRarities', else a word's length): prefilter.ts's anchorOf. */
function anchorWith(sequence: TokenSequence, low: ReadonlyMap<string, number>): number {
  return rarestToken(sequence, (w) => low.get(w) ?? w.length);
}

/** What builtin-scan.ts holds (scanChoices). */
export interface ScanChoices {
  /**
   * The fewest of the TOO_FREQUENT most frequent words, most frequent first, that the scanner must
   * rank below every other word (prefilter.ts LOW_RARITY) for anchorOf to choose as
   * frequentAnchorOf does for every phrase of the rules.
   */
  frequent: string[];
  /** By rule id, by phrase (scanKey): the words a phrase is scanned for instead of its own (contextOf). */
  context: Record<string, Record<string, string[]>>;
}

/**
 * The choices for the rules' phrases (the built-in ones): the frequent words anchorOf must rank
 * low, found by adding the frequent words of each phrase whose anchor still differs from
 * frequentAnchorOf's until none does; and each phrase's context words (contextOf). Sorted, so
 * the written file is the same for the same rules.
 */
export function scanChoices(rules: CompiledRules): ScanChoices {
  const phrases = phrasesOf(rules);
  const low = new Set<string>();
  // The frequent words chosen so far, most frequent first.
  const chosen = (): string[] => [...low].sort((a, b) => frequentRank.get(a)! - frequentRank.get(b)!);
  for (let changed = true; changed; ) {
    changed = false;
    const rarity = lowRarities(chosen());
    for (const { sequence } of phrases) {
      if (anchorWith(sequence, rarity) === frequentAnchorOf(sequence)) continue;
      for (const t of sequence)
        for (const w of t.words)
          if (!isCommonWord(w) && (frequentRank.get(w) ?? TOO_FREQUENT) < TOO_FREQUENT && !low.has(w)) {
            low.add(w);
            changed = true;
          }
    }
    if (!changed && phrases.some(({ sequence }) => anchorWith(sequence, rarity) !== frequentAnchorOf(sequence)))
      throw new Error('scan-choice: no set of frequent words gives every phrase its frequentAnchorOf');
  }
  const byRule = new Map<string, Map<string, string[]>>();
  for (const { compiled, sequence } of phrases) {
    const context = contextOf(compiled, sequence);
    if (!context) continue;
    let byPhrase = byRule.get(compiled.rule.id);
    if (!byPhrase) byRule.set(compiled.rule.id, (byPhrase = new Map()));
    byPhrase.set(scanKey(sequence), [...context].sort());
  }
  const context: ScanChoices['context'] = {};
  for (const id of [...byRule.keys()].sort()) {
    const byPhrase = byRule.get(id)!;
    context[id] = Object.fromEntries([...byPhrase.keys()].sort().map((k) => [k, byPhrase.get(k)!]));
  }
  return { frequent: chosen(), context };
}

/** The text of builtin-scan.ts for these rules (the built-in ones): what scripts/build-rules.js writes. */
export function scanChoicesSource(rules: CompiledRules): string {
  const { frequent, context } = scanChoices(rules);
  // As Biome formats it (single quotes, spaces inside braces), so `biome check --write` leaves it.
  const q = (s: string) => `'${s.replace(/[\\']/g, (c) => `\\${c}`)}'`;
  const lines = Object.entries(context).map(
    ([id, phrases]) =>
      `  ${q(id)}: { ${Object.entries(phrases)
        .map(([k, words]) => `${q(k)}: [${words.map(q).join(', ')}]`)
        .join(', ')} },`,
  );
  return `// Generated by scripts/build-rules.js from the built-in rules and word-frequency.ts: do not edit.
// How the scanner (prefilter.ts) finds the built-in rules' phrases, chosen at build time (scan-choice.ts).

/** Frequent words of the phrases, most frequent first, that anchorOf ranks below any other word. */
export const SCAN_FREQUENT = ${q(frequent.join(' '))};

/** By rule id, by phrase (prefilter.ts scanKey): the words its rule requires in the same sentence that it is scanned for instead. */
export const SCAN_CONTEXT: Record<string, Record<string, string[]>> = {
${lines.join('\n')}
};
`;
}

/** A phrase of a rule and the words the scanner looks for to find it (scannedPhrases). */
export interface ScannedPhrase {
  compiled: CompiledRule;
  sequence: TokenSequence;
  words: readonly string[];
  /** Scanned for through a word its rule requires in the same block, not a word of its own. */
  context: boolean;
}

/** Every phrase of a scanner's rules with the words it is scanned for: its anchor token's, or a required context word's (SCAN_CONTEXT). */
export function scannedPhrases(scanner: RuleScanner): ScannedPhrase[] {
  const out: ScannedPhrase[] = [];
  const byRule = new Map<CompiledRule, Map<TokenSequence, ScannedPhrase>>();
  const [anchored, contextAnchored] = scanner.phrasesByWord();
  for (const [map, context] of [
    [anchored, false],
    [contextAnchored, true],
  ] as const) {
    for (const [word, list] of map) {
      for (const { compiled, sequence } of list) {
        let bySequence = byRule.get(compiled);
        if (!bySequence) byRule.set(compiled, (bySequence = new Map()));
        let phrase = bySequence.get(sequence);
        if (!phrase) {
          bySequence.set(sequence, (phrase = { compiled, sequence, words: [], context }));
          out.push(phrase);
        }
        (phrase.words as string[]).push(word);
      }
    }
  }
  return out;
}
