// fix/refine.ts reads the words of a phrase and its suggestion with a Unicode regex (flags giu),
// and an ASCII text with an ASCII regex instead (cheaper to build at start-up): the same words.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordsOf } from '../src/fix/refine.js';

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
