// The phrase checks at a hit, walked in JavaScript (src/match/phrase-check.ts), answer what their
// sticky regexes (checkRegex) answer, at every position of texts built from rule words, the
// characters of JOIN and TAIL, case-folding corners and letters either side.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRegex } from '../src/match/prefilter.js';
import { type PhraseCheck, phraseCheck as walkedCheck } from '../src/match/phrase-check.js';
import { expandPattern, type TokenSequence } from '../src/rules/pattern.js';
import { builtinRules } from '../src/rules/builtin.js';
import { propertyRuns } from './helpers.js';

const sequenceOf = (pattern: string): TokenSequence => expandPattern(pattern, new Map())[0]!;

function regexAt(phrases: { sequence: TokenSequence; anchor: number }[], folds: boolean, text: string, at: number): boolean {
  const regex = checkRegex(phrases, folds);
  regex.lastIndex = at;
  return regex.test(text);
}

// The walk with a regex that must not be asked (the walk decides alone), or counts its askings.
const noRegex = (): PhraseCheck => () => {
  throw new Error('the regex was asked');
};
function phraseCheck(phrases: { sequence: TokenSequence; anchor: number }[], folds: boolean, regex: () => PhraseCheck = noRegex) {
  return walkedCheck(phrases, folds, regex);
}

describe('phrase checks walked in JavaScript', () => {
  const tox = [{ sequence: sequenceOf('urine tox dirty'), anchor: 2 }];
  const walked = phraseCheck(tox, false)!;
  const cases: [string, number, boolean][] = [
    ['urine tox dirty', 10, true],
    ['Urine’s  tox-\ndirty.', 14, true],
    ["URINE''s tox \u2010 DIRTY's", 15, true],
    ['xurine tox dirty', 11, false], // a letter before the first word (NOT_AFTER_WORD)
    ['urine tox dirtyx', 10, false], // a letter after the last (NOT_BEFORE_WORD)
    ['urine tox dirty9', 10, false],
    ['urine, tox dirty', 11, false], // a comma is no JOIN
    ['urine tox dirty', 9, false], // not at the anchor
    ['tox dirty', 4, false],
  ];
  for (const [text, at, expected] of cases) {
    it(`${JSON.stringify(text)} at ${at}: ${expected}, as the regex`, () => {
      expect(walked(text, at)).toBe(expected);
      expect(regexAt(tox, false, text, at)).toBe(expected);
    });
  }

  it('folds the Kelvin sign and the long s only with folds (flags iu)', () => {
    const phrases = [{ sequence: sequenceOf('skin popping'), anchor: 1 }];
    const text = '\u017f\u212aIN popping';
    expect(phraseCheck(phrases, false)!(text, 5)).toBe(false);
    expect(phraseCheck(phrases, true)!(text, 5)).toBe(true);
    expect(regexAt(phrases, false, text, 5)).toBe(false);
    expect(regexAt(phrases, true, text, 5)).toBe(true);
  });

  it('reads "&" for "and", and an apostrophe in a word as any apostrophe', () => {
    const phrases = [{ sequence: sequenceOf("drug and alcohol pt's"), anchor: 2 }];
    const check = phraseCheck(phrases, false)!;
    expect(check('drug & alcohol pt’s', 7)).toBe(true);
    expect(regexAt(phrases, false, 'drug & alcohol pt’s', 7)).toBe(true);
  });

  it('leaves a word outside ASCII, or with a hyphen, to the regex', () => {
    expect(phraseCheck([{ sequence: sequenceOf('café user'), anchor: 1 }], false)).toBeUndefined();
    expect(phraseCheck([{ sequence: [{ words: ['x-ray'], lookup: new Set(['x-ray']) }, ...sequenceOf('user')], anchor: 1 }], false)).toBeUndefined();
  });

  it('reads a run of 160,000 spaces as one JOIN, and asks the regex past 64 ways at once', () => {
    const gap = ' '.repeat(160_000);
    const text = `urine${gap}tox\n${gap}dirty`;
    expect(walked(text, text.length - 5)).toBe(true);
    expect(walked(`urine tox${gap}dirtyx`, 9 + gap.length)).toBe(false);
    // A run of apostrophes is a TAIL of as many ways to end; past 64 the regex answers.
    let asked = 0;
    const counting = () => (text: string, at: number) => {
      asked++;
      return regexAt(tox, false, text, at);
    };
    const apostrophes = `urine${"'s".repeat(100)} tox dirty`;
    expect(phraseCheck(tox, false, counting)!(apostrophes, apostrophes.length - 5)).toBe(true);
    expect(asked).toBe(1);
    expect(phraseCheck(tox, false, counting)!("urine's tox dirty", 12)).toBe(true);
    expect(asked).toBe(1);
  });

  // Every phrase of the built-in rules, anchored at any of its tokens, in text around it.
  const rules = builtinRules();
  const sequences = [...new Set([...rules.index.values()].flat().map((e) => e.sequence))];
  const join = fc.constantFrom('', ' ', '  ', '-', '\u2010', '\u2011', '\u00a0', '\u0085', '\u2028', '\n', '\r\n', '\t', ' - ', ',', '.', '/');
  const tail = fc.constantFrom('', "'", "'s", '’S', "''s", '`', '´s', 's', "'ſ", 'x');
  const edge = fc.constantFrom('', ' ', 'a', 'Z', '9', '_', '\u017f', '\u212a', 'é', '.', "'", '-');
  const casing = fc.constantFrom<(w: string) => string>(
    (w) => w,
    (w) => w.toUpperCase(),
    (w) => w.replace(/k/g, '\u212a').replace(/s/g, '\u017f'),
    (w) => w.replace(/'/g, '’'),
  );
  const example = fc
    .tuple(fc.constantFrom(...sequences), fc.nat(), fc.array(fc.tuple(fc.nat(), join, tail, casing), { minLength: 8, maxLength: 8 }), edge, edge, fc.boolean())
    .map(([sequence, anchorPick, parts, before, after, folds]) => {
      const anchor = anchorPick % sequence.length;
      let text = before;
      let at = 0;
      sequence.forEach((token, k) => {
        const [pick, j, t, cased] = parts[k]!;
        if (k > 0) text += j;
        if (k === anchor) at = text.length;
        text += cased(token.words[pick % token.words.length]!) + t;
      });
      return { phrases: [{ sequence, anchor }], text: text + after, at, folds };
    });

  it('answers what the sticky regex answers, at the anchor and at every position', () => {
    fc.assert(
      fc.property(example, ({ phrases, text, at, folds }) => {
        const check = phraseCheck(phrases, folds);
        if (!check) return; // a word outside ASCII: the regex is kept
        expect(check(text, at)).toBe(regexAt(phrases, folds, text, at));
        for (let p = 0; p <= text.length; p++) expect(check(text, p)).toBe(regexAt(phrases, folds, text, p));
      }),
      { numRuns: propertyRuns(400, 4000) },
    );
  });

  it('finds the phrase it was built from when nothing breaks it', () => {
    let held = 0;
    for (const sequence of sequences) {
      const text = sequence.map((t) => t.words[0]).join(' ');
      const anchor = sequence.length - 1;
      const at = text.lastIndexOf(sequence[anchor]!.words[0]!);
      const check = phraseCheck([{ sequence, anchor }], false);
      if (!check) continue;
      expect(check(text, at)).toBe(true);
      held++;
    }
    expect(held).toBeGreaterThan(100);
  });
});
