// A word split by inline markup with no white space ("**IV**DU", "<b>IV</b>DU", "ad*dict*") is one
// word to its reader and must be read as one (src/parse/markup-words.ts): found, its range running
// from the first piece to the last in the source, its fix withheld because a replacement would break
// the markup. Markup the reader sees as a break (a line break, a paragraph, a link target, white
// space) keeps two words.
import { describe, expect, it, vi } from 'vitest';
import { lintText } from '../src/index.js';

type Syntax = 'markdown' | 'html';

async function found(text: string, syntax: Syntax) {
  return (await lintText(text, { syntax })).map((f) => ({
    rule: f.ruleId,
    source: text.slice(f.start.offset, f.end.offset),
    fix: f.fix ? 'fix' : f.fixSkipped?.reason,
  }));
}

const IVDU = 'substance-use/injection-drug-abuse';

describe('a word split by inline markup', () => {
  it.each([
    ['Past history of **IV**DU, seen in clinic in May.', 'IV**DU'],
    ['Past history of *IV*DU, seen in clinic in May.', 'IV*DU'],
    ['Past history of ***IV***DU, seen in clinic in May.', 'IV***DU'],
    ['Past history of IV**DU**, seen in clinic in May.', 'IV**DU'],
    ['Past history of <b>IV</b>DU, seen in clinic in May.', 'IV</b>DU'],
    ['Past history of IV<wbr>DU, seen in clinic in May.', 'IV<wbr>DU'],
  ])('Markdown %j is read as one word', async (text, source) => {
    expect(await found(text, 'markdown')).toEqual([{ rule: IVDU, source, fix: 'markup' }]);
  });

  it.each([
    ['<p>Past history of <b>IV</b>DU, seen in clinic in May.</p>', 'IV</b>DU'],
    ['<p>Past history of <span class="hl">IV</span>DU.</p>', 'IV</span>DU'],
    ['<p>Past history of I<em>V</em>D<strong>U</strong>.</p>', 'I<em>V</em>D<strong>U'],
    ['<p>Past history of IV<!-- edited -->DU.</p>', 'IV<!-- edited -->DU'],
    ['<p>Past history of IV<wbr>DU.</p>', 'IV<wbr>DU'],
  ])('HTML %j is read as one word', async (text, source) => {
    expect(await found(text, 'html')).toEqual([{ rule: IVDU, source, fix: 'markup' }]);
  });

  it('finds a term split inside a word in either format (an emphasised syllable)', async () => {
    expect((await found('He is an ad*dict*, per his sister.', 'markdown')).map((f) => f.rule)).toEqual(['substance-use/addict']);
    expect((await found('<p>He is an ad<i>dict</i>, per his sister.</p>', 'html')).map((f) => f.rule)).toEqual(['substance-use/addict']);
  });

  it('gives the range in UTF-16 code units of the source, after astral characters', async () => {
    const text = '😀😀 Past history of **IV**DU.';
    const [f] = await lintText(text, { syntax: 'markdown' });
    expect(f?.start.offset).toBe(text.indexOf('IV'));
    expect(f?.end.offset).toBe(text.indexOf('DU') + 2);
  });

  it('fixes nothing across the markup, and says why', async () => {
    const [f] = await lintText('History of **IV**DU.', { syntax: 'markdown' });
    expect(f?.fix).toBeUndefined();
    expect(f?.fixSkipped?.message).toMatch(/markup/);
  });

  it.each<[string, Syntax]>([
    ['Started **IV** fluids and **IV** antibiotics.', 'markdown'],
    ['**Dx**: cellulitis, **Plan**: IV antibiotics.', 'markdown'],
    ['<p>Started <b>IV</b> fluids.</p>', 'html'],
    // The reader sees two words here: a space, a line break, a paragraph, a link target.
    ['Gave **IV** DU notes to the nurse.', 'markdown'],
    ['Route: IV<br>DU ward.', 'markdown'],
    ['Route: [IV](https://example.org/iv)DU ward.', 'markdown'],
    ['<p>Route: <b>IV</b> DU ward.</p>', 'html'],
    ['<p>Route: IV<br>DU ward.</p>', 'html'],
    ['<p>Route: IV</p><p>DU ward.</p>', 'html'],
  ])('look-alike %j is not reported', async (text, syntax) => {
    expect(await found(text, syntax)).toEqual([]);
  });

  it('leaves plain text as it was: markup characters there are not markup', async () => {
    expect(await lintText('Past history of **IV**DU.')).toEqual([]);
  });
});

describe('the regexes of markup inside words', () => {
  it('are built at the first Markdown or HTML text that asks, one per syntax, not when the module loads', async () => {
    // Counted as markup-words.ts builds them (lazyRegExp calls new RegExp): a plain-text check never
    // asks, and building both was ~1 ms of every start.
    const built: string[] = [];
    const Native = RegExp;
    vi.resetModules();
    globalThis.RegExp = new Proxy(Native, {
      construct(target, args: [string, string?]) {
        if (String(args[0]).startsWith(String.raw`(?<=[\p{L}\p{N}])`)) built.push(String(args[1]));
        return new target(...args);
      },
    });
    try {
      const { withoutWordMarkup } = await import('../src/parse/markup-words.js');
      expect(built).toEqual([]);
      expect(withoutWordMarkup('a **IV**DU', 'markdown')).toBe('a **IVDU');
      expect(withoutWordMarkup('<b>IV</b>DU', 'html')).toBe('<b>IVDU');
      expect(withoutWordMarkup('**IV**DU and **IV**DU', 'markdown')).toBe('**IVDU and **IVDU');
      expect(built).toEqual(['giu', 'giu']);
    } finally {
      globalThis.RegExp = Native;
    }
  });
});
