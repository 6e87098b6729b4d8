// hasLineBreak (src/parse/parse-text.ts) stands for /[\r\n]/.test in the fast path's choice of
// sentence windows: it must answer as the regex does for every text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasLineBreak } from '../src/parse/parse-text.js';
import { propertyRuns } from './helpers.js';

describe('hasLineBreak', () => {
  it('answers as /[\\r\\n]/ for every code unit alone and between letters', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const text = `ab${String.fromCharCode(c)}cd`;
      if (hasLineBreak(text) !== /[\r\n]/.test(text)) differ.push(c);
    }
    expect(differ).toEqual([]);
    expect(hasLineBreak('ab\r\ncd') && hasLineBreak('\n') && !hasLineBreak('') && !hasLineBreak('a\u2028b')).toBe(true);
  });

  it('answers as /[\\r\\n]/ for texts of line breaks, other white space and words, and for slices of them', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', '\t', '\n', '\r', '\u2028', '\u0085', '\v', '\f', '.'), maxLength: 40 });
    fc.assert(
      fc.property(text, fc.nat(40), fc.nat(40), (s, i, j) => {
        const piece = s.slice(Math.min(i, j), Math.max(i, j));
        expect(hasLineBreak(piece)).toBe(/[\r\n]/.test(piece));
        expect(hasLineBreak(s)).toBe(/[\r\n]/.test(s));
      }),
      { numRuns: propertyRuns(500, 5000) },
    );
  });
});
