// The header row of a plain-text or Markdown table, for a word alone in a cell below it
// (match/table-header.ts, the `table` condition). Every example is written for this file.
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { headerRowAt, tableHeaderOf } from '../src/match/table-header.js';

const at = (text: string, word: string, nth = 0) => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(word, i + 1);
  return tableHeaderOf(text, i, i + word.length);
};

describe('tableHeaderOf', () => {
  it('gives the first row of the run of rows above a cell, pipe or tab, Markdown separator skipped', () => {
    expect(at('| Day | UDS | Note |\n|---|:-:|---|\n| 1 | neg | clean |\n| 2 | pos | dirty |', 'dirty')).toBe('| Day | UDS | Note |');
    expect(at('Day\tUrine tox\tNote\n1\tneg\tclean', 'clean')).toBe('Day\tUrine tox\tNote');
    expect(at('Seen today.\nDay | UDS | Note\n1 | neg | clean\n', 'clean')).toBe('Day | UDS | Note');
    expect(at('Day | UDS | Note\r\n1 | neg | clean', 'clean')).toBe('Day | UDS | Note');
  });

  it('is undefined when the word shares its cell, stands in the header, or the line is no table row', () => {
    expect(at('| Day | Note |\n| 1 | wound clean and dry |', 'clean')).toBeUndefined();
    expect(at('| clean | dirty |\n| 1 | 2 |', 'clean')).toBeUndefined();
    expect(at('UDS today.\nClean.', 'Clean')).toBeUndefined();
    expect(at('Plan:\nclean | here', 'clean')).toBeUndefined();
  });

  it('is undefined in a list of fields (two columns) and when the header has another number of cells', () => {
    expect(at('UDS | pending\nDressing | clean', 'clean')).toBeUndefined();
    expect(at('Day\tUrine tox\n1\tclean', 'clean')).toBeUndefined();
    expect(at('UDS results | 2026\n1 | neg | clean', 'clean')).toBeUndefined();
  });

  it('stops at a row of another delimiter (a new table)', () => {
    expect(at('Day\tUDS\tNote\nSite | Status | x\nsacrum | clean | x', 'clean')).toBe('Site | Status | x');
  });
});

describe('tableHeaderOf on wide rows (cells counted against the header, not split whole)', () => {
  // A row of 2,000 cells under a header of as many: a table pasted as one line. The count stops past
  // the header's (a 1 MB row of dense cells took 568 s when each candidate split the whole row).
  const cells = (n: number, cell: (i: number) => string) => Array.from({ length: n }, (_, i) => cell(i)).join(' | ');
  const row = `| ${cells(2000, (i) => (i === 1500 ? 'dirty' : `v${i}`))} |`;
  const at = row.indexOf('dirty');

  it('finds the header of a row with as many cells, borders and blanks around the pipes allowed', () => {
    const header = `  | ${cells(2000, (i) => (i === 0 ? 'UDS' : `h${i}`))} |  `;
    expect(tableHeaderOf(`${header}\n${row}`, header.length + 1 + at, header.length + 1 + at + 5)).toBe(header);
  });

  it('gives none when the header has one cell more or one fewer', () => {
    for (const n of [1999, 2001]) {
      const header = `| ${cells(n, (i) => `h${i}`)} |`;
      expect(tableHeaderOf(`${header}\n${row}`, header.length + 1 + at, header.length + 1 + at + 5)).toBeUndefined();
    }
  });
});

describe('headerRowAt', () => {
  it('gives the header tableHeaderOf gives, at every offset of the cell, for the fast path to rely on', () => {
    const tables = [
      '| Day | UDS | Note |\n|---|:-:|---|\n| 1 | neg | clean |\n| 2 | pos | dirty |',
      'Day\tUrine tox\tNote\n1\tneg\tclean',
      'Seen today.\nDay | UDS | Note\r\n1 | neg |  clean  \n',
      'Day\tUDS\tNote\nSite | Status | x\nsacrum | dirty | x',
    ];
    for (const text of tables) {
      const word = /clean|dirty/.exec(text)!;
      const header = tableHeaderOf(text, word.index, word.index + word[0].length);
      expect(header).toBeDefined();
      for (let at = word.index; at < word.index + word[0].length; at++) expect(headerRowAt(text, at)).toBe(header);
    }
  });

  it('asks nothing of the cells, and is undefined off a table row or with no row above', () => {
    // A list of fields and a shared cell: no header for tableHeaderOf, a row above all the same.
    expect(headerRowAt('UDS | pending\nDressing | clean', 30)).toBe('UDS | pending');
    expect(headerRowAt('| Day | Note |\n| 1 | wound clean |', 25)).toBe('| Day | Note |');
    expect(headerRowAt('UDS | Note | x\nWound clean.', 20)).toBeUndefined();
    expect(headerRowAt('Wound | clean | dry', 9)).toBeUndefined();
  });
});

describe('substance-use/clean-dirty-cell', () => {
  const rules = async (text: string, syntax: 'text' | 'markdown' = 'text') => (await lintText(text, { syntax })).map((f) => `${f.ruleId} ${f.actual}`);

  it('reports a result cell under a header that names a drug test', async () => {
    expect(await rules('Week | Urine drug screen | Comment\n1 | fentanyl + | dirty\n2 | none | clean')).toEqual([
      'substance-use/clean-dirty-cell dirty',
      'substance-use/clean-dirty-cell clean',
    ]);
    expect(await rules('| Week | Tox | Note |\n|---|---|---|\n| 1 | + | dirty |', 'markdown')).toEqual(['substance-use/clean-dirty-cell dirty']);
  });

  it('passes a wound or site table, a sentence in a cell, and a table without a test', async () => {
    expect(await rules('Site | Tox | Wound\nleft heel | neg | clean')).toEqual([]);
    expect(await rules('Week | Status | Comment\n1 | stable | clean')).toEqual([]);
    expect(await rules('Week | UDS | Comment\n1 | neg | room left clean')).toEqual([]);
  });
});
