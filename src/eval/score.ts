// Precision and recall of a linter against the gold-labelled evaluation set
// (fixtures/eval/labelled.jsonl). Plain functions over records and findings, so the same scoring
// runs from `npm run eval` (built dist) and from test/eval.test.ts (source).
import type { Finding } from '../types.js';

export interface GoldSpan {
  start: number;
  end: number;
  text: string;
  category: string;
  note?: string;
}

export interface EvalRecord {
  id: string;
  source?: string;
  kind: 'candidate' | 'random' | 'handwritten';
  text: string;
  spans: GoldSpan[];
}

export interface Counts {
  /** Findings that overlap a gold span. */
  truePositives: number;
  /** Findings that overlap no gold span. */
  falsePositives: number;
  /** Gold spans no finding overlaps. */
  misses: number;
  /** Gold spans some finding overlaps. */
  found: number;
  precision: number;
  recall: number;
}

export interface FalsePositive {
  id: string;
  kind: EvalRecord['kind'];
  ruleId: string;
  category: string;
  actual: string;
  text: string;
}

export interface Miss {
  id: string;
  kind: EvalRecord['kind'];
  category: string;
  span: string;
  text: string;
}

export interface EvalReport {
  records: number;
  spans: number;
  findings: number;
  overall: Counts;
  byCategory: Record<string, Counts>;
  falsePositives: FalsePositive[];
  misses: Miss[];
  /** Findings on `random` records (sentences without any candidate term): must be 0. */
  randomFindings: number;
}

/** Parses the JSON-lines evaluation set. */
export function parseRecords(jsonl: string): EvalRecord[] {
  return jsonl
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as EvalRecord);
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function ratio(n: number, d: number): number {
  return d === 0 ? 1 : n / d;
}

function tally(): Omit<Counts, 'precision' | 'recall'> {
  return { truePositives: 0, falsePositives: 0, misses: 0, found: 0 };
}

/**
 * Scores findings against the gold spans. A finding counts as a true positive when it overlaps a
 * gold span, whatever its severity (info and quoted findings are reported too). Findings of a
 * category the gold set does not label (such as `inclusive`) can only be false positives.
 */
export async function scoreRecords(
  records: readonly EvalRecord[],
  lint: (text: string) => Promise<Finding[]> | Finding[],
  goldCategories: readonly string[] = ['substance-use', 'credibility', 'compliance', 'demeanor', 'identity'],
): Promise<EvalReport> {
  const gold = new Set(goldCategories);
  const raw = new Map<string, Omit<Counts, 'precision' | 'recall'>>();
  const bucket = (category: string) => raw.get(category) ?? raw.set(category, tally()).get(category)!;
  for (const category of goldCategories) bucket(category);
  const falsePositives: FalsePositive[] = [];
  const misses: Miss[] = [];
  let findingsTotal = 0;
  let spans = 0;
  let randomFindings = 0;

  for (const record of records) {
    const findings = await lint(record.text);
    findingsTotal += findings.length;
    if (record.kind === 'random') randomFindings += findings.length;
    const ranges = findings.map((f) => ({ start: f.start.offset, end: f.end.offset, finding: f }));
    for (const { finding, ...range } of ranges) {
      const hit = gold.has(finding.category) && record.spans.some((s) => overlaps(s, range));
      if (hit) bucket(finding.category).truePositives++;
      else {
        bucket(finding.category).falsePositives++;
        falsePositives.push({ id: record.id, kind: record.kind, ruleId: finding.ruleId, category: finding.category, actual: finding.actual, text: record.text });
      }
    }
    for (const span of record.spans) {
      spans++;
      const hit = ranges.some((r) => gold.has(r.finding.category) && overlaps(span, r));
      if (hit) bucket(span.category).found++;
      else {
        bucket(span.category).misses++;
        misses.push({ id: record.id, kind: record.kind, category: span.category, span: span.text, text: record.text });
      }
    }
  }

  const finish = (c: Omit<Counts, 'precision' | 'recall'>): Counts => ({
    ...c,
    precision: ratio(c.truePositives, c.truePositives + c.falsePositives),
    recall: ratio(c.found, c.found + c.misses),
  });
  const total = tally();
  const byCategory: Record<string, Counts> = {};
  for (const [category, c] of raw) {
    byCategory[category] = finish(c);
    total.truePositives += c.truePositives;
    total.falsePositives += c.falsePositives;
    total.misses += c.misses;
    total.found += c.found;
  }
  return { records: records.length, spans, findings: findingsTotal, overall: finish(total), byCategory, falsePositives, misses, randomFindings };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);

/** A plain-text report: the table, then every false positive and miss with its record id. */
export function formatReport(report: EvalReport): string {
  const lines: string[] = [];
  lines.push(`${report.records} records, ${report.spans} gold spans, ${report.findings} findings`, '');
  lines.push('category        precision  recall    TP    FP  found  missed');
  const row = (name: string, c: Counts) =>
    `${name.padEnd(15)} ${pct(c.precision)}    ${pct(c.recall)} ${String(c.truePositives).padStart(5)} ${String(c.falsePositives).padStart(5)} ${String(c.found).padStart(6)} ${String(c.misses).padStart(7)}`;
  for (const [name, c] of Object.entries(report.byCategory)) lines.push(row(name, c));
  lines.push(row('overall', report.overall), '');
  lines.push(`findings on random sentences: ${report.randomFindings}`, '');
  lines.push(`false positives (${report.falsePositives.length}):`);
  for (const f of report.falsePositives) lines.push(`  ${f.id}  ${f.ruleId}  "${f.actual}"  | ${f.text.replace(/\s+/g, ' ').slice(0, 160)}`);
  lines.push('', `misses (${report.misses.length}):`);
  for (const m of report.misses) lines.push(`  ${m.id}  ${m.category}  "${m.span}"  | ${m.text.replace(/\s+/g, ' ').slice(0, 160)}`);
  return lines.join('\n');
}
