// foldApostrophes (src/rules/pattern.ts) answers what the global replace it stands for answered,
// for words with and without the characters it folds, and returns a word without them unchanged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldApostrophes, normalizeWord } from '../src/rules/pattern.js';
import { propertyRuns } from './helpers.js';

const replaced = (word: string): string => word.replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'");

describe('foldApostrophes', () => {
  it('folds each curly or modifier apostrophe, backtick and acute accent, and nothing else', () => {
    expect(foldApostrophes('don\u2019t \u2018x\u2019 o\u02bcneil `a\u00b4')).toBe("don't 'x' o'neil 'a'");
    expect(foldApostrophes("it's \u201cq\u201d \u2032 \u00e9")).toBe("it's \u201cq\u201d \u2032 \u00e9");
    expect(normalizeWord('Addict\u2019s')).toBe('addict');
    expect(normalizeWord('Addicts\u00b4')).toBe('addicts');
  });

  it('answers as the replace over words drawn from letters, apostrophes and look-alikes', () => {
    const chars = fc.constantFrom('a', 'B', 's', "'", '\u2018', '\u2019', '\u02bc', '`', '\u00b4', '\u201c', '\u2032', '\u00e9', '-', '\u{1f600}');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 12 }), (parts) => {
        const word = parts.join('');
        expect(foldApostrophes(word)).toBe(replaced(word));
      }),
      { numRuns: propertyRuns(2000, 20000) },
    );
  });
});
