// Table rows as one statement (issue 11, structure): the cells of a row are read together by
// conditions ("| Urine tox | dirty |" is "Urine tox: dirty"), a phrase never runs from one cell
// into the next, and no condition reaches across rows. Tested per reader: Markdown, HTML, plain
// text pipe and tab rows. Every example is written for this file.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';

type Syntax = 'text' | 'markdown' | 'html';
const found = async (text: string, syntax: Syntax) =>
  (await lintText(text, { syntax })).map((f) => {
    // Findings keep exact offsets into the source, whatever the reader.
    expect(text.slice(f.start.offset, f.end.offset)).toBe(f.actual);
    return [f.ruleId, f.actual];
  });

const markdown = (rows: string[][]) =>
  [`| ${rows[0]!.map(() => 'Item').join(' | ')} |`, `|${rows[0]!.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const html = (rows: string[][]) =>
  `<table>\n${rows.map((r) => `  <tr>${r.map((c, i) => (i === 0 ? `<th>${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`).join('\n')}\n</table>`;
const pipes = (rows: string[][]) => rows.map((r) => r.join(' | ')).join('\n');
const tabs = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\n');

const READERS: Array<[string, Syntax, (rows: string[][]) => string]> = [
  ['Markdown', 'markdown', markdown],
  ['HTML', 'html', html],
  ['plain-text pipe rows', 'text', pipes],
  ['plain-text tab rows', 'text', tabs],
];

describe.each(READERS)('table rows in %s', (_name, syntax, table) => {
  it("a condition in one cell holds for a phrase in the row's other cell", async () => {
    expect(await found(table([['Urine drug screen', 'dirty']]), syntax)).toEqual([['substance-use/clean-dirty-field', 'dirty']]);
    expect(
      await found(
        table([
          ['Date', '3/14'],
          ['Tox screen', 'clean'],
        ]),
        syntax,
      ),
    ).toEqual([['substance-use/clean-dirty-field', 'clean']]);
    // An exception in the first cell excuses the second ("Informed | refusal signed").
    expect(await found(table([['Informed', 'refusal form signed']]), syntax)).toEqual([]);
    expect(await found(table([['Flu vaccine', 'refused']]), syntax)).toEqual([['compliance/refused', 'refused']]);
  });

  it('no condition reaches across rows', async () => {
    // The test's name is on another row: "clean" is the dressing's.
    expect(
      await found(
        table([
          ['UDS', 'pending'],
          ['Dressing', 'clean'],
        ]),
        syntax,
      ),
    ).toEqual([]);
    // The exception's word is on the row before: this row's refusal is reported.
    expect(
      await found(
        table([
          ['Consent', 'informed'],
          ['Flu vaccine', 'refused'],
        ]),
        syntax,
      ),
    ).toEqual([['compliance/refused', 'refused']]);
  });

  it('no phrase runs from one cell into the next, nor from one row into the next', async () => {
    expect(await found(table([['Drug', 'seeking housing']]), syntax)).toEqual([]);
    expect(await found(table([['Behaviour', 'drug seeking']]), syntax)).toEqual([['substance-use/drug-seeking', 'drug seeking']]);
    expect(
      await found(
        table([
          ['Wound', 'dirty'],
          ['UA', 'pending'],
        ]),
        syntax,
      ),
    ).toEqual([]);
  });
});

describe('table rows: reader details', () => {
  it('a Markdown cell with several sentences joins the next cell only by its last one', async () => {
    const text = '| Consent | Informed. Flu vaccine |\n|---|---|\n| x | y |\n';
    expect(await found(text, 'markdown')).toEqual([]);
    const refused = '| Informed consent. Flu vaccine | refused |\n|---|---|\n';
    expect(await found(refused, 'markdown')).toEqual([['compliance/refused', 'refused']]);
  });

  it('HTML: rows spread over lines, a nested table, cells with paragraphs', async () => {
    const spread = '<table>\n<tr>\n  <td>\n    UDS\n  </td>\n  <td>clean</td>\n</tr>\n<tr><td>Wound</td><td>clean</td></tr>\n</table>';
    expect(await found(spread, 'html')).toEqual([['substance-use/clean-dirty-field', 'clean']]);
    const nested = '<table><tr><td>Labs<table><tr><td>UDS</td><td>dirty</td></tr></table></td><td>see attached</td></tr></table>';
    expect(await found(nested, 'html')).toEqual([['substance-use/clean-dirty-field', 'dirty']]);
    const paragraphs = '<table><tr><td><p>Urine tox</p></td><td><p>dirty</p><p>Repeat next week.</p></td></tr></table>';
    expect(await found(paragraphs, 'html')).toEqual([['substance-use/clean-dirty-field', 'dirty']]);
    // Text outside the table is read as before.
    expect(await found('<p>Pt refused the flu shot.</p><table><tr><td>Wound</td><td>clean</td></tr></table>', 'html')).toEqual([
      ['compliance/refused', 'refused'],
    ]);
  });

  it('plain text: a row line among prose lines, a label with a tab, a lead-in before rows', async () => {
    expect(await found('Labs drawn today\nUDS | dirty\nwound bed clean and dry', 'text')).toEqual([['substance-use/clean-dirty-field', 'dirty']]);
    expect(await found('UDS:\tdirty', 'text')).toEqual([['substance-use/clean-dirty-field', 'dirty']]);
    expect(await found('Results:\nUrine tox | dirty\nWound | clean', 'text')).toEqual([['substance-use/clean-dirty-field', 'dirty']]);
    // Prose lines without pipes or tabs are one sentence, as before.
    expect(await found('Urine tox came back\ndirty for cocaine.', 'text')).toEqual([['substance-use/clean-dirty-test', 'Urine tox came back\ndirty']]);
  });

  it('the fast path finds what the whole parse finds in rows (property)', async () => {
    const { lintDocument, lintDocumentWhole, preloadLint } = await import('../src/lint/lint-document.js');
    const { resolveOptions } = await import('../src/lint/options.js');
    await preloadLint();
    const resolved = resolveOptions({});
    const cell = fc.constantFrom('UDS', 'Urine tox', 'clean', 'dirty', 'Wound', 'refused', 'Informed', 'drug', 'seeking', 'pending', 'x');
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), fc.constantFrom(' | ', '\t', ' '), (rows, sep) => {
        const text = rows.map((r) => r.join(sep)).join('\n');
        const doc = { file: 'x.txt', syntax: 'text' as const, text };
        const key = (fs: Array<{ ruleId: string; start: { offset: number } }>) => fs.map((f) => `${f.ruleId}@${f.start.offset}`);
        expect(key(lintDocument(doc, resolved))).toEqual(key(lintDocumentWhole(doc, resolved)));
      }),
      { numRuns: 60 },
    );
  });
});
