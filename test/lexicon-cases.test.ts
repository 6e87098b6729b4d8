// The published lexicons of stigmatizing clinical language, as sentences: with the all preset
// every expect_flag:true sentence is flagged and every look-alike (expect_flag:false) passes.
// The cases live in the shared reference folder beside the clone (../shared, or /work/shared);
// without it the test is skipped with a warning rather than failing.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { ROOT } from './helpers.js';

interface LexiconCase {
  term: string;
  source: string;
  sentence: string;
  expect_flag: boolean;
  note?: string;
}

const CANDIDATES = [path.join(ROOT, '..', 'shared', 'reference', 'lexicon-cases.jsonl'), '/work/shared/reference/lexicon-cases.jsonl'];
const file = CANDIDATES.find((f) => existsSync(f));
if (!file) console.warn(`lexicon-cases.test.ts: skipped, no lexicon-cases.jsonl at ${CANDIDATES.join(' or ')}`);
const cases: LexiconCase[] = file
  ? readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as LexiconCase)
  : [];

describe.skipIf(!file)('lexicon cases with --preset all', () => {
  it('has cases of both kinds', () => {
    expect(cases.filter((c) => c.expect_flag).length).toBeGreaterThan(10);
    expect(cases.filter((c) => !c.expect_flag).length).toBeGreaterThan(5);
  });
  it.each(cases.filter((c) => c.expect_flag).map((c) => [c.term, c.sentence] as const))('flags %s: %s', async (_term, sentence) => {
    const findings = await lintText(sentence, { preset: 'all', quotes: 'flag' });
    expect(findings.length).toBeGreaterThan(0);
  });
  it.each(cases.filter((c) => !c.expect_flag).map((c) => [c.term, c.sentence] as const))('passes %s: %s', async (_term, sentence) => {
    const findings = await lintText(sentence, { preset: 'all', quotes: 'flag' });
    expect(findings.map((f) => `${f.ruleId}: ${f.actual}`)).toEqual([]);
  });
});
