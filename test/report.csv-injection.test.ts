// Report CSV cells that a spreadsheet would run as a formula are neutralised (OWASP CSV injection).
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { aggregate, type ReportRecord } from '../src/report/aggregate.js';
import { neutraliseCell, renderReportCsv } from '../src/report/csv.js';
import type { Finding } from '../src/types.js';

const finding = (): Finding => ({
  ruleId: 'substance-use/addict',
  category: 'substance-use',
  severity: 'error',
  message: 'Avoid "addict"',
  actual: 'addict',
  suggestions: ['person with a substance use disorder'],
  start: { line: 1, column: 1, offset: 0 },
  end: { line: 1, column: 7, offset: 6 },
  url: 'https://example.org/docs/rules.md#x',
});

describe('report CSV and spreadsheet formulas', () => {
  it.each(['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(1+1)', '\tx', '\rx'])('prefixes %j with a quotation mark', (value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`);
  });

  it('leaves ordinary text and numbers alone', () => {
    expect(neutraliseCell('Emergency')).toBe('Emergency');
    expect(neutraliseCell('a=b')).toBe('a=b');
    expect(neutraliseCell(-3)).toBe(-3);
  });

  it('neutralises a group-by value taken from the export', () => {
    const records: ReportRecord[] = [
      { row: 1, id: '1', fields: { dept: '=HYPERLINK("http://evil","click")' }, findings: [finding()] },
      { row: 2, id: '2', fields: { dept: '@SUM(1+1)' }, findings: [] },
    ];
    const rows = parse(renderReportCsv(aggregate(records, { groupBy: ['dept'] })), { columns: true }) as Array<Record<string, string>>;
    const keys = rows.filter((r) => r.section === 'group').map((r) => r.key);
    expect(keys.sort()).toEqual([`'=HYPERLINK("http://evil","click")`, `'@SUM(1+1)`]);
    expect(rows.every((r) => Object.values(r).every((v) => !/^[=+@\t\r]/.test(v)))).toBe(true);
  });
});
