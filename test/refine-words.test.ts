// fix/refine.ts reads the words of a phrase and its suggestion with a Unicode regex (flags giu),
// and an ASCII text with an ASCII regex instead (cheaper to build at start-up): the same words.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inProperName, lettersFrom, wordsOf } from '../src/fix/refine.js';

// The Unicode form, as refine.ts writes it: the reference.
const UNICODE_WORD = /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);|([\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*)/giu;
const reference = (text: string, offset = 0) =>
  [...text.matchAll(UNICODE_WORD)].filter((m) => m[1]).map((m) => ({ text: m[1], start: offset + m.index, end: offset + m.index + m[1]!.length }));

describe('wordsOf', () => {
  it('reads words, inner apostrophes and skipped entities alike in ASCII and other text', () => {
    expect(wordsOf("Hx of IVDA'er&nbsp;use &#8217;x", 5).map((w) => [w.text, w.start])).toEqual([
      ['Hx', 5],
      ['of', 8],
      ["IVDA'er", 11],
      ['use', 24],
      ['x', 35],
    ]);
    expect(wordsOf('Ærztin’s naïve use').map((w) => w.text)).toEqual(['Ærztin’s', 'naïve', 'use']);
  });

  it('gives the words of the Unicode regex for any ASCII text (fast-check)', () => {
    const piece = fc.constantFrom('a', 'Z', '9', "'", '&', ';', '#', 'x', 'F', '&amp;', '&#12;', '&#xAf;', ' ', '-', '_', 'drug', "o'", '\n');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ unit: 'binary-ascii' })), { maxLength: 20 }), fc.nat(50), (parts, offset) => {
        const text = parts.join('');
        expect(wordsOf(text, offset)).toEqual(reference(text, offset));
      }),
      { numRuns: 500 },
    );
  });
});

// match/suggest.ts's casePattern likewise reads an ASCII phrase with ASCII classes: the reference
// is its Unicode form.
const SMALL = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'who', 'with']);
function unicodeCasePattern(actual: string, sentenceStart: boolean): string {
  const isAcronym = (word: string) => /\p{Lu}/u.test(word.slice(1));
  const words = actual.split(/[^\p{L}\p{N}']+/u).filter((w) => /\p{L}/u.test(w));
  const letters = words.join('').replace(/[^\p{L}]/gu, '');
  if (words.length > 1 && letters === letters.toUpperCase()) return 'upper';
  const capitalized = (w: string) => /^\p{Lu}/u.test(w);
  const rest = words.slice(1).filter((w) => !SMALL.has(w.toLowerCase()));
  if (rest.length > 0 && rest.every(capitalized) && rest.some((w) => !isAcronym(w)) && capitalized(words[0]!)) return 'title';
  const first = words[0] ?? '';
  if (capitalized(first) && (sentenceStart || !isAcronym(first))) return 'sentence';
  return 'lower';
}

describe('casePattern', () => {
  it("gives the Unicode classes' answer for any ASCII phrase (fast-check)", async () => {
    const { casePattern } = await import('../src/match/suggest.js');
    expect(casePattern('Drug Abuse', false)).toBe('title');
    expect(casePattern('DRUG ABUSE', false)).toBe('upper');
    expect(casePattern('Ärger abuse', false)).toBe('sentence'); // the Unicode classes
    const word = fc.constantFrom('drug', 'Drug', 'DRUG', 'IVDU', 'EtOH', 'of', 'The', "o'", '9', 'x2', 'A', '-', "'");
    fc.assert(
      fc.property(fc.array(fc.oneof(word, fc.string({ unit: 'binary-ascii', maxLength: 4 })), { maxLength: 6 }), fc.boolean(), (parts, start) => {
        const phrase = parts.join(' ');
        expect(casePattern(phrase, start)).toBe(unicodeCasePattern(phrase, start));
      }),
      { numRuns: 500 },
    );
  });
});

// inProperName reads the words around a phrase with ASCII classes when they are ASCII, and builds
// its Unicode regexes only for other text (start-up): the reference is its Unicode form.
const TITLE_SMALL = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);
const GAP = String.raw`(?:[ \t*_~]|<\/?[a-z][^>\n]*>)+`;
function unicodeInProperName(text: string, start: number, end: number): boolean {
  const words = wordsOf(text.slice(start, end)).map((w) => w.text);
  const titleWord = (w: string) => /^\p{Lu}\p{Ll}{2,}/u.test(w) && !TITLE_SMALL.has(w.toLowerCase());
  if (words.length === 0 || !words.every((w, i) => /^\p{Lu}/u.test(w) || (i > 0 && TITLE_SMALL.has(w.toLowerCase())))) return false;
  const next = new RegExp(String.raw`^${GAP}([\p{L}\p{N}'’]+)`, 'u').exec(text.slice(end, end + 80));
  if (next && titleWord(next[1]!)) return true;
  const previous = new RegExp(String.raw`([^\s*_~>]?)[ \t]*([\p{L}\p{N}'’]+)${GAP}$`, 'u').exec(text.slice(Math.max(0, start - 80), start));
  return Boolean(previous && titleWord(previous[2]!) && previous[1] !== '' && !/[.!?:;]/.test(previous[1]!));
}

describe('inProperName', () => {
  it('takes a Title Case phrase beside a Title Case word as a name, in ASCII and other text', () => {
    const phrase = (text: string, words: string) => [text.indexOf(words), text.indexOf(words) + words.length] as const;
    const cases: [string, string, boolean][] = [
      ['Riverside Alcohol Abuse Clinic', 'Alcohol Abuse', true],
      ['Hx of Drug Abuse Resistance Education', 'Drug Abuse', true],
      ['hx of IVDU', 'IVDU', false],
      ['Hx. Drug Abuse', 'Drug Abuse', false],
      ['Ærzte Alcohol Abuse', 'Alcohol Abuse', false], // the word before starts the text: no character before it
      ['the Ærztehaus Alcohol Abuse', 'Alcohol Abuse', true],
      ['Alcohol Abuse Éducation', 'Alcohol Abuse', true],
      ['Alcohol Abuse éducation', 'Alcohol Abuse', false],
      ['ívdu', 'ívdu', false],
    ];
    for (const [text, words, expected] of cases) {
      const [start, end] = phrase(text, words);
      expect([text, inProperName(text, start, end)]).toEqual([text, expected]);
      expect(unicodeInProperName(text, start, end)).toBe(expected);
    }
  });

  it('answers as the Unicode regexes do (fast-check)', () => {
    const piece = fc.constantFrom(
      'Drug',
      'Abuse',
      'of',
      'the',
      'Clinic',
      'Éducation',
      'ívdu',
      'IVDU',
      'Mc',
      ' ',
      ' ',
      '\t',
      '*',
      '_',
      '<b>',
      '</i>',
      '.',
      ',',
      '\n',
      'Hx',
      "'",
      '’',
      'A',
      'ÀB',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 3 })), { maxLength: 14 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const text = parts.join('');
        const start = text.length ? a % text.length : 0;
        const end = start + (text.length - start ? b % (text.length - start + 1) : 0);
        expect(inProperName(text, start, end)).toBe(unicodeInProperName(text, start, end));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('lettersFrom', () => {
  it('counts the letters at an offset as ^\\p{L}+ does (fast-check)', () => {
    expect(lettersFrom('an IVDU', 0)).toBe(2);
    expect(lettersFrom('an IVDU', 2)).toBe(0);
    expect(lettersFrom('x naïve user', 2)).toBe(5);
    expect(lettersFrom('x na2ïve', 2)).toBe(2);
    const piece = fc.constantFrom('a', 'Z', '[', '@', '`', '{', 'ï', 'Æ', '9', ' ', '’', '\u{1d400}', 'ß');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 2 })), { maxLength: 10 }), fc.nat(), (parts, at) => {
        const text = parts.join('');
        const from = text.length ? at % (text.length + 1) : 0;
        expect(lettersFrom(text, from)).toBe(/^\p{L}+/u.exec(text.slice(from))?.[0].length ?? 0);
      }),
      { numRuns: 1000 },
    );
  });
});
