// The matcher's lookups by word (src/match/match.ts), against the loops they replace, which are
// kept here as the reference:
// - occursWithin looks up the word at each position in an index of the sequences' first words
//   (firstWordIndex) instead of trying every sequence there; the old loop tried every sequence at
//   every position of the window, a position skipped when one of `except` matches there.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseText } from '../src/parse/parse-text.js';
import { collectSentences, type Token } from '../src/parse/tokens.js';
import { ANY_WORD } from '../src/rules/compile.js';
import { builtinRules } from '../src/rules/builtin.js';
import { expandPattern, type TokenSequence } from '../src/rules/pattern.js';
import { firstWordIndex, occursWithin } from '../src/match/match.js';
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
