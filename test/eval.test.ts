// Precision and recall on the labelled evaluation set (fixtures/eval/), run from source. The
// floors are the product's targets; a rule change that costs precision or recall fails here.
// `npm run eval` prints the same figures with every false positive and miss.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatReport, parseRecords, scoreRecords, type EvalReport } from '../src/eval/score.js';
import { lintText } from '../src/index.js';
import { ROOT } from './helpers.js';

const records = parseRecords(readFileSync(path.join(ROOT, 'fixtures', 'eval', 'labelled.jsonl'), 'utf8'));

describe('evaluation set', () => {
  let report: EvalReport;
  beforeAll(async () => {
    report = await scoreRecords(records, (text) => lintText(text));
  });

  it('has every gold span where its text says', () => {
    expect(records.length).toBeGreaterThanOrEqual(1499);
    for (const r of records) for (const s of r.spans) expect(r.text.slice(s.start, s.end), r.id).toBe(s.text);
  });

  it('reaches precision ≥ 0.97 overall', () => {
    expect(report.overall.precision, formatReport(report)).toBeGreaterThanOrEqual(0.97);
  });

  it('reaches recall ≥ 0.97 on substance use and ≥ 0.90 on every other category', () => {
    expect(report.byCategory['substance-use']!.recall).toBeGreaterThanOrEqual(0.97);
    for (const category of ['credibility', 'compliance', 'demeanor', 'identity']) {
      expect(report.byCategory[category]!.recall, category).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('reports nothing at all on the random sentences', () => {
    expect(report.randomFindings).toBe(0);
    expect(report.falsePositives.filter((f) => f.kind === 'random')).toEqual([]);
  });
});

describe('scoring', () => {
  const record = {
    id: 'x',
    kind: 'candidate' as const,
    text: 'Hx of drug abuse, poor historian.',
    spans: [{ start: 6, end: 16, text: 'drug abuse', category: 'substance-use' }],
  };
  it('counts overlapping findings as true positives, others as false positives, unfound spans as misses', async () => {
    const r = await scoreRecords([record], (t) => lintText(t));
    expect(r.byCategory['substance-use']).toMatchObject({ truePositives: 1, falsePositives: 0, misses: 0, precision: 1, recall: 1 });
    expect(r.byCategory.credibility).toMatchObject({ truePositives: 0, falsePositives: 1 });
    expect(r.falsePositives.map((f) => [f.id, f.ruleId])).toEqual([['x', 'credibility/poor-historian']]);
    const none = await scoreRecords([record], () => []);
    expect(none.misses.map((m) => [m.id, m.span])).toEqual([['x', 'drug abuse']]);
    expect(none.overall.recall).toBe(0);
  });
});
