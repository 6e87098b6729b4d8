// The matcher's two lookups by word (src/match/match.ts), against the loops they replace, which
// are kept here as the reference:
// - occursWithin looks up the word at each position in an index of the sequences' first words
//   (firstWordIndex) instead of trying every sequence there; the old loop tried every sequence at
//   every position of the window, a position skipped when one of `except` matches there.
// - findCandidates tries at a token only the index entries whose second word is the next token's
//   (entryGroup, entriesAt) instead of every entry of the token's word, in the index's order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseText } from '../src/parse/parse-text.js';
import { collectSentences, type Token } from '../src/parse/tokens.js';
import { ANY_WORD } from '../src/rules/compile.js';
import { builtinRules } from '../src/rules/builtin.js';
import { expandPattern, type TokenSequence } from '../src/rules/pattern.js';
import { entriesAt, entryGroup, firstWordIndex, occursWithin } from '../src/match/match.js';
import { propertyRuns } from './helpers.js';

// The matcher's matchesAt and afterWith before the index, unchanged.
function afterWith(previous: Token, token: Token): boolean {
  return previous.norm === 'w' && token.start.offset - previous.end.offset <= 2 && token.start.offset > previous.end.offset;
}
function matchesAt(tokens: readonly Token[], at: number, sequence: TokenSequence): boolean {
  if (at < 0 || at + sequence.length > tokens.length) return false;
  for (let k = 0; k < sequence.length; k++) {
    const token = tokens[at + k]!;
    if (k > 0 && !token.adjacent && !afterWith(tokens[at + k - 1]!, token)) return false;
    if (!sequence[k]!.lookup.has(token.norm)) return false;
  }
  return true;
}
function occursWithinOld(tokens: readonly Token[], sequences: readonly TokenSequence[], from: number, to: number, except?: readonly TokenSequence[]): boolean {
  const lo = Math.max(0, from);
  const hi = Math.min(tokens.length - 1, to);
  for (let at = lo; at <= hi; at++) {
    if (except?.some((sequence) => matchesAt(tokens, at, sequence))) continue;
    for (const sequence of sequences) {
      if (at + sequence.length - 1 <= hi && matchesAt(tokens, at, sequence)) return true;
    }
  }
  return false;
}

const tokensOf = (text: string): Token[] => collectSentences(parseText(text)).flatMap((s) => s.tokens);
const seq = (pattern: string): TokenSequence => expandPattern(pattern, new Map())[0]!;
const any: TokenSequence = [{ words: ['*'], lookup: ANY_WORD }];

/** Every window [from, to] over the tokens (and a little beyond both ends): the two answers agree. */
function agreeEverywhere(tokens: readonly Token[], sequences: readonly TokenSequence[], except?: readonly TokenSequence[]): number {
  let found = 0;
  for (let from = -2; from <= tokens.length + 1; from++) {
    for (let to = from - 1; to <= tokens.length + 1; to++) {
      const want = occursWithinOld(tokens, sequences, from, to, except);
      expect(occursWithin(tokens, sequences, from, to, except), `window ${from}..${to}`).toBe(want);
      if (want) found++;
    }
  }
  return found;
}

describe('occursWithin with a first-word index', () => {
  it('groups sequences by every word of their first token; `*` and empty ones go to `any`', () => {
    const drinks = seq('drinks|drank heavily');
    const index = firstWordIndex([drinks, seq('drank'), any, []]);
    expect([...index.byWord.keys()].sort()).toEqual(['drank', 'drinks']);
    expect(index.byWord.get('drank')).toHaveLength(2);
    expect(index.byWord.get('drinks')).toEqual([drinks]);
    expect(index.any).toHaveLength(2);
    // Built once per list.
    const list = [drinks];
    expect(firstWordIndex(list)).toBe(firstWordIndex(list));
  });

  it('answers as every sequence tried at every position: phrases, bounds, exceptions, `*`', () => {
    const tokens = tokensOf('He drinks heavily, not drank heavily before w/ his wife at the bar and drinks.');
    const sequences = [seq('drinks heavily'), seq('drank'), seq('wife'), seq('w wife')];
    expect(agreeEverywhere(tokens, sequences)).toBeGreaterThan(0);
    expect(agreeEverywhere(tokens, sequences, [seq('drank heavily'), seq('his wife')])).toBeGreaterThan(0);
    // An exception longer than the window still counts (it is bounded by the sentence only).
    expect(agreeEverywhere(tokens, [seq('wife')], [seq('wife at the bar')])).toBe(0);
    expect(agreeEverywhere(tokens, [[seq('at')[0]!, any[0]!, seq('bar')[0]!]])).toBeGreaterThan(0);
    expect(agreeEverywhere(tokens, [any], [seq('the')])).toBeGreaterThan(0);
    expect(agreeEverywhere(tokens, [[]])).toBeGreaterThan(0);
    expect(agreeEverywhere([], sequences)).toBe(0);
  });

  it("answers as before for every built-in condition's phrases over sentences made of their words", () => {
    const rules = builtinRules();
    const conditions = [...rules.byId.values()].flatMap((r) => [...r.requires, ...r.unless]).filter((c) => c.sequences.length > 0);
    expect(conditions.length).toBeGreaterThan(100);
    // Sentences of each condition's own words (so the phrases are met), shuffled with fillers.
    const words = (c: (typeof conditions)[number]) =>
      [...c.sequences, ...(c.except ?? [])].flatMap((s) => s.map((t) => (t.lookup instanceof Set ? [...t.lookup][0]! : 'any')));
    let found = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: conditions.length - 1 }),
        fc.array(fc.nat(), { minLength: 4, maxLength: 24 }),
        fc.integer({ min: -3, max: 26 }),
        fc.integer({ min: 0, max: 30 }),
        (which, picks, from, width) => {
          const condition = conditions[which]!;
          const pool = [...words(condition), 'the', 'patient', 'and', ',', 'w/', 'not'];
          const tokens = tokensOf(`${picks.map((p) => pool[p % pool.length]).join(' ')}.`);
          const want = occursWithinOld(tokens, condition.sequences, from, from + width, condition.except);
          if (want) found++;
          expect(occursWithin(tokens, condition.sequences, from, from + width, condition.except)).toBe(want);
        },
      ),
      { numRuns: propertyRuns(3000, 30000) },
    );
    // The sentences do meet the phrases (the property is not all "no").
    expect(found).toBeGreaterThan(100);
  });
});

describe('findCandidates tries the entries whose second word follows', () => {
  const rules = builtinRules();

  /** At each token: the entries that match, tried all (the old loop) and tried from entriesAt. */
  function agreeAt(tokens: readonly Token[]): number {
    let matched = 0;
    for (let i = 0; i < tokens.length; i++) {
      const entries = rules.index.get(tokens[i]!.norm);
      if (!entries) continue;
      const group = entryGroup(entries);
      expect(group.entries).toBe(entries);
      const tried = entriesAt(tokens, i, group);
      expect(
        [...tried].sort((a, b) => a - b),
        'ascending, once each',
      ).toEqual([...new Set(tried)]);
      const all = group.entries.map((_, k) => k).filter((k) => matchesAt(tokens, i, group.entries[k]!.sequence));
      expect(tried.filter((k) => matchesAt(tokens, i, group.entries[k]!.sequence))).toEqual(all);
      matched += all.length;
    }
    return matched;
  }

  it('groups every entry of a word once: one-word, by second word, or other', () => {
    const clean = entryGroup(rules.index.get('clean')!);
    expect(clean.entries.length).toBeGreaterThan(10);
    const placed = new Set([...clean.ones, ...clean.other, ...[...clean.bySecond.values()].flat()]);
    expect(placed.size).toBe(clean.entries.length);
    expect(entryGroup(rules.index.get('clean')!)).toBe(clean);
  });

  it('keeps the order of the entries, reads "w/" as joining, tries entries with any second word', () => {
    const compiled = rules.byId.values().next().value!;
    const entry = (sequence: TokenSequence) => ({ compiled, sequence });
    const sequences = [seq('x w y'), seq('x'), [seq('x')[0]!, any[0]!, seq('z')[0]!], seq('x y'), seq('x w')];
    const own = entryGroup(sequences.map(entry));
    expect(own.ones).toEqual([1]);
    expect(own.other).toEqual([2]);
    const tried = (text: string) => {
      const tokens = tokensOf(text);
      return entriesAt(tokens, 0, own).filter((k) => matchesAt(tokens, 0, sequences[k]!));
    };
    expect(tried('x w/ y')).toEqual([0, 1, 4]);
    expect(tried('x a z')).toEqual([1, 2]);
    expect(tried('x y z')).toEqual([1, 2, 3]);
    expect(tried('x y')).toEqual([1, 3]);
    expect(tried('x. y')).toEqual([1]);
    // The word after "w/" joins the "w" (afterWith): "compliance w/ diet".
    const withY = seq('w y');
    const byW = entryGroup([entry(withY)]);
    const tokens = tokensOf('x w/ y');
    expect(tokens[2]!.adjacent).toBe(false);
    expect(entriesAt(tokens, 1, byW).filter((k) => matchesAt(tokens, 1, [withY][k]!))).toEqual([0]);
  });

  it('finds the matches the old loop found: joined and parted words, "w/", hyphens', () => {
    const tokens = tokensOf('Pt is a poor historian, non-compliant w/ meds; urine tox clean, he is clean and sober, a drug abuser. Clean. Drug-seeking.');
    expect(agreeAt(tokens)).toBeGreaterThan(3);
  });

  it('finds the matches the old loop found in sentences of rule words', () => {
    // Sentences of the built-in phrases' own words, shuffled with fillers and punctuation.
    const words = [...new Set([...rules.index.values()].flat().flatMap(({ sequence }) => sequence.map((t) => [...(t.lookup as Set<string>)][0]!)))];
    let matched = 0;
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { minLength: 2, maxLength: 16 }),
        fc.array(fc.constantFrom(' ', ' ', ' ', '-', ', ', ' w/ ', '. '), { minLength: 16, maxLength: 16 }),
        (picks, gaps) => {
          const text = picks.map((p, k) => words[p % words.length]! + gaps[k]!).join('');
          matched += agreeAt(tokensOf(text));
        },
      ),
      { numRuns: propertyRuns(1500, 15000) },
    );
    expect(matched).toBeGreaterThan(500);
  });
});
