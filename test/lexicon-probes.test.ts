// Coverage of the published lexicons (issue 11): a probe sentence for every term of the reference
// term table (fixtures/lexicon/probes.tsv) is flagged under the `all` preset; the recommended
// preset flags fewer of them (the all-only terms), so the check cannot pass by flagging nothing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';

const probes = readFileSync(new URL('../fixtures/lexicon/probes.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'))
  .map((line) => {
    const [row, term, text] = line.split('\t');
    return { row: row!, term: term!, text: text! };
  });

describe('reference term table under --preset all', () => {
  it('has a probe for each of the 100 flaggable rows', () => {
    expect(new Set(probes.map((p) => p.row)).size).toBe(100);
  });

  it('flags every probe sentence', async () => {
    const missed: string[] = [];
    for (const p of probes) if ((await lintText(p.text, { preset: 'all' })).length === 0) missed.push(`${p.row} ${p.term}: ${p.text}`);
    expect(missed).toEqual([]);
  });

  it('leaves some of them to the all preset', async () => {
    let recommended = 0;
    for (const p of probes) if ((await lintText(p.text)).length > 0) recommended++;
    expect(recommended).toBeGreaterThan(80);
    expect(recommended).toBeLessThan(probes.length);
  });
});
