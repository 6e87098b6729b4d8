// Markdown link, image and reference-definition titles ('[text](url "title")', "![alt](x.png 'title')",
// '[id]: url (title)'): patient-education Markdown shows them as tooltips, so a reader meets their
// words, but only an image's alt text was read. Each title is now a paragraph of its own at its place
// in the file (as an HTML title attribute is: src/parse/html.ts), positions in UTF-16 offsets of the
// file; a title whose source text is not its value (an escape, an entity) is left out rather than
// misplaced; --fix edits a title's words and never writes its delimiter into it.
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { planFix } from '../src/fix/refine.js';
import { markdownTextRuns } from '../src/parse/markdown.js';
import type { Finding } from '../src/types.js';

const lintMd = (text: string) => lintText(text, { syntax: 'markdown' });
/** Each finding as [line, column, actual, the source text at its offsets]. */
const placed = (text: string, findings: Finding[]) => findings.map((f) => [f.start.line, f.start.column, f.actual, text.slice(f.start.offset, f.end.offset)]);

/** The titles of a Markdown text as its parser reads them, in order. */
function titlesOf(text: string): string[] {
  const out: string[] = [];
  visit(unified().use(remarkParse).parse(text), (node) => {
    if ('title' in node && typeof node.title === 'string') out.push(node.title);
  });
  return out;
}

describe('Markdown titles', () => {
  it('are read in each form, with positions in the file (UTF-16 offsets, after an emoji and on later lines)', async () => {
    const text = [
      'See [help](https://x.org "Help for addicts") today.',
      '',
      "![Photo](x.png 'A known IVDU')",
      '',
      '[id]: https://x.org (Drug abuser resources)',
      '',
      'Emoji 😀 [e](f "drug abuser")',
      '',
      '[https://x.org](https://x.org "Heroin addict help")',
      '',
      '| a | b |',
      '|---|---|',
      '| [x](y "IVDU clinic") | ok |',
      '',
    ].join('\n');
    expect(placed(text, await lintMd(text))).toEqual([
      [1, 36, 'addicts', 'addicts'],
      [3, 25, 'IVDU', 'IVDU'],
      [5, 22, 'Drug abuser', 'Drug abuser'],
      [7, 17, 'drug abuser', 'drug abuser'],
      [9, 32, 'Heroin addict', 'Heroin addict'],
      [13, 10, 'IVDU', 'IVDU'],
    ]);
  });

  it('stand alone: a phrase never runs from the link text into its title, and the title is no quotation', async () => {
    // "drug" ends the link text and "abuse" starts the title: no phrase across them.
    expect(await lintMd('[Help with drug](https://x.org "abuse and more")\n')).toEqual([]);
    // Its quotes delimit the title: the finding is not taken for a patient's own words.
    const [f] = await lintMd('[x](y "Known addict")\n');
    expect(f?.quoted).toBeUndefined();
  });

  it('look-alikes in titles pass', async () => {
    const text = [
      '[Wound care](a.html "Keep the wound clean and dry")',
      "![Chart](b.png 'History of sexual abuse: where to get support')",
      '[Rash](c.html (It itched like crazy: what to do))',
      '[id]: https://x.org "Patient is in recovery"',
      '',
    ].join('\n\n');
    expect(await lintMd(text)).toEqual([]);
  });

  it('a title with an escape or an entity is left out, not misplaced; the rest of the file is read where it stands', async () => {
    const text = '[c](d "Help for \\"addicts\\"") and [e](f "Drug &amp; abuse") then a heroin addict.\n';
    expect(titlesOf(text)).toEqual(['Help for "addicts"', 'Drug & abuse']);
    expect(placed(text, await lintMd(text))).toEqual([[1, 68, 'heroin addict', 'heroin addict']]);
  });

  it('--fix edits the words of each title form and keeps the markup; a second --fix changes nothing', async () => {
    const cases: Array<[string, string]> = [
      ['[a](b "Hx of IVDU")\n', 'Hx of injection drug use'],
      ["![a](b.png 'Hx of IVDU')\n", 'Hx of injection drug use'],
      ['[a](b (Hx of IVDU))\n', 'Hx of injection drug use'],
      ['[a]\n\n[a]: https://x.org "Hx of IVDU"\n', 'Hx of injection drug use'],
      ['[a]\n\n[a]:\n  https://x.org\n  (Hx of IVDU)\n', 'Hx of injection drug use'],
    ];
    for (const [text, title] of cases) {
      const once = await lintText(text, { syntax: 'markdown', fix: true });
      expect(once.fixed, text).toBe(1);
      expect(titlesOf(once.output), text).toEqual([title]);
      // Only the title changed: the rest of the markup is as written.
      expect(once.output.replace(title, 'Hx of IVDU'), text).toBe(text);
      const twice = await lintText(once.output, { syntax: 'markdown', fix: true });
      expect(twice.output).toBe(once.output);
    }
  });

  it("a fix never writes a title's delimiter (or a backslash or '&') into it", () => {
    const check = (text: string, phrase: string, replacement: string) => {
      const start = text.indexOf(phrase);
      const finding = {
        fix: { range: [start, start + phrase.length] as [number, number], text: replacement },
        start: { offset: start },
        end: { offset: start + phrase.length },
      };
      return planFix(text, finding, markdownTextRuns(text));
    };
    // The quote that delimits the title is refused; another one is fine.
    expect(check('[a](b "Hx of junkie")\n', 'junkie', 'person who uses "drugs"')).toMatchObject({
      reason: 'markup',
      message: expect.stringContaining('title'),
    });
    expect(check("[a](b 'Hx of junkie')\n", 'junkie', "person who uses one's drugs")).toMatchObject({
      reason: 'markup',
      message: expect.stringContaining('title'),
    });
    expect(check('[a](b "Hx of junkie")\n', 'junkie', "person who uses one's drugs")).toEqual({ range: [13, 19], text: "person who uses one's drugs" });
    // A parenthesized title takes neither parenthesis unescaped.
    expect(check('[a](b (Hx of junkie))\n', 'junkie', 'person (who uses drugs')).toMatchObject({ reason: 'markup' });
    expect(check('[a](b (Hx of junkie))\n', 'junkie', 'person who) uses drugs')).toMatchObject({ reason: 'markup' });
    expect(check('[a](b "Hx of junkie")\n', 'junkie', 'person who uses drugs & alcohol')).toMatchObject({ reason: 'markup' });
    // The same replacement in the link's text is no title's business.
    expect(check('[Hx of junkie](b "x")\n', 'junkie', 'person who uses "drugs"')).toEqual({ range: [7, 13], text: 'person who uses "drugs"' });
  });

  it('the editable runs hold each title, with its forbidden characters', () => {
    const text = '[Known addict](https://x.org "Help for addicts") ![pic](p.png \'An addict\')\n\n[id]: u (Addict info)\n\n[q](r "a \\"b\\"")\n';
    const runs = markdownTextRuns(text).map(([s, e, forbidden]) => [text.slice(s, e), forbidden ?? '']);
    expect(runs).toEqual([
      ['Known addict', ''],
      ['Help for addicts', '"\\&'],
      [' ', ''],
      ['pic', ''],
      ['An addict', "'\\&"],
      ['Addict info', '()\\&'],
      ['q', ''],
    ]);
  });
});
