// markdownTrees keeps the code spans and the editable text runs of the text it parsed, so that
// linting a Markdown document parses it once, not three times (src/parse/markdown.ts). What it
// keeps must be what a parse of its own would give, for any text, and for another text it must
// not be used at all.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownCodeSpans, markdownTextRuns, markdownTrees } from '../src/parse/markdown.js';

const SAMPLE = [
  '# Social history',
  '',
  'Known IVDU, see <https://example.org/a> and [notes](http://x.test "t").',
  '',
  '```',
  'dignify-disable-next-line',
  'drug abuse',
  '```',
  '',
  '| Urine tox | dirty `code` |',
  '|---|---|',
  '| ![drug abuser](a.png) | <code>addict</code> [ref][] |',
  '',
  '[ref]: http://example.org',
].join('\n');

/** What each function gives when the text was not just parsed by markdownTrees. */
function uncached(text: string) {
  markdownTrees(`${text}\n\nsomething else`); // the kept parse is now another text's
  return { code: markdownCodeSpans(text), runs: markdownTextRuns(text) };
}

describe('one Markdown parse per document', () => {
  it('gives the same code spans and text runs from the kept parse as from a parse of their own', () => {
    const fresh = uncached(SAMPLE);
    expect(fresh.code.length).toBeGreaterThanOrEqual(2); // the fence and the inline code
    expect(fresh.runs.length).toBeGreaterThanOrEqual(5);
    markdownTrees(SAMPLE);
    expect(markdownCodeSpans(SAMPLE)).toEqual(fresh.code);
    expect(markdownTextRuns(SAMPLE)).toEqual(fresh.runs);
  });

  it('hands out copies: a caller changing the array changes nothing kept', () => {
    markdownTrees(SAMPLE);
    markdownCodeSpans(SAMPLE).length = 0;
    markdownTextRuns(SAMPLE).length = 0;
    expect(markdownCodeSpans(SAMPLE).length).toBeGreaterThan(0);
    expect(markdownTextRuns(SAMPLE).length).toBeGreaterThan(0);
  });

  it('is the same for any Markdown-like text (property)', () => {
    const piece = fc.constantFrom(
      'drug abuse',
      '`x`',
      '```\ncode\n```',
      '<pre>a</pre>',
      '[t](http://u)',
      '<a@b.org>',
      'http://b.org',
      '| a | b |\n|---|---|\n| c | d |',
      '> quote',
      '- item',
      '![alt](i.png)',
      '[r][]',
      '\n\n',
      ' ',
      'word',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const fresh = uncached(text);
        markdownTrees(text);
        expect(markdownCodeSpans(text)).toEqual(fresh.code);
        expect(markdownTextRuns(text)).toEqual(fresh.runs);
      }),
      { numRuns: 60 },
    );
  });
});
