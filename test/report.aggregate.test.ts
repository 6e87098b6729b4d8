// The audit report's numbers: hand-built records for each rule of counting, then the fixture
// export end to end through the adapter, checked against counts worked out by hand from
// fixtures/report/notes.csv (31 notes; see the comments for the tallies).
import { parse } from 'csv-parse/sync';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aggregate, aggregateStream, parseDate, periodOf, sentenceAround, termKey, type ReportRecord } from '../src/report/aggregate.js';
import { renderReportCsv } from '../src/report/csv.js';
import { renderReportHtml } from '../src/report/html.js';
import { createProgress, formatDuration, progressLine } from '../src/report/progress.js';
import { readRecords } from '../src/report/records.js';
import type { Finding, Severity } from '../src/types.js';
import { ROOT } from './helpers.js';

const FIXTURE = path.join(ROOT, 'fixtures/report/notes.csv');

function finding(ruleId: string, actual: string, suggestion = 'x', severity: Severity = 'error', offset = 0): Finding {
  const point = (o: number) => ({ line: 1, column: o + 1, offset: o });
  return {
    ruleId,
    category: ruleId.split('/')[0]!,
    severity,
    message: '',
    actual,
    suggestions: [suggestion],
    start: point(offset),
    end: point(offset + actual.length),
    url: 'https://example.org/docs/rules.md#x',
  };
}

let rowCounter = 0;
function note(fields: Record<string, string>, ...findings: Finding[]): ReportRecord {
  return { row: ++rowCounter, id: `n${rowCounter}`, fields, findings };
}

describe('aggregate: counts', () => {
  it('counts notes, notes with a finding, findings and the rate per 1,000 notes', () => {
    const a = aggregate([
      note({}, finding('c/a', 'addict'), finding('c/a', 'addict')),
      note({}),
      note({}),
      note({}, finding('c/b', 'drug abuse', 'drug use', 'warning')),
    ]);
    expect(a.totals).toEqual({ notes: 4, notesWithFindings: 2, findings: 3, per1000: 750, share: 0.5 });
    expect(a.severities).toEqual({ error: 2, warning: 1, info: 0 });
  });

  // A newcomer trial: a rule took the severity of its first finding, a quoted one (info), and
  // "Findings by rule" listed identity/diabetic as info where most of its findings were warnings.
  it("gives a rule and a term the highest severity of their findings, not the first one's", () => {
    const a = aggregate([
      note({}, finding('c/diabetic', 'diabetic', 'x', 'info')),
      note({}, finding('c/diabetic', 'diabetic', 'x', 'warning')),
      note({}, finding('c/diabetic', 'diabetic', 'x', 'info')),
    ]);
    expect(a.rules.map((r) => [r.ruleId, r.severity])).toEqual([['c/diabetic', 'warning']]);
    expect(a.terms.map((t) => [t.term, t.severity])).toEqual([['diabetic', 'warning']]);
  });

  it('gives zero rates, not NaN, for an empty export', () => {
    const a = aggregate([]);
    expect(a.totals).toEqual({ notes: 0, notesWithFindings: 0, findings: 0, per1000: 0, share: 0 });
    expect(a.rules).toEqual([]);
    expect(renderReportHtml({ aggregates: a, source: 'x.csv', generatedAt: new Date(0), version: '0', options: [], rules: [], groupBy: [] })).toContain(
      'The export held no notes.',
    );
  });

  it('counts a rule or term once per note in "notes" and every time in "findings"', () => {
    const a = aggregate([
      note({}, finding('c/abuse', 'EtOH abuse', 'alcohol use'), finding('c/abuse', 'etoh  abuse', 'alcohol use'), finding('c/abuse', 'drug abuse', 'drug use')),
      note({}, finding('c/abuse', 'ETOH abuse', 'alcohol use')),
      note({}, finding('c/addict', 'addict', 'person with a substance use disorder')),
    ]);
    expect(a.rules.map((r) => [r.ruleId, r.findings, r.notes, r.topTerm, r.suggestion])).toEqual([
      ['c/abuse', 4, 2, 'EtOH abuse', 'alcohol use'],
      ['c/addict', 1, 1, 'addict', 'person with a substance use disorder'],
    ]);
    // Case and spacing do not make a new term; the most frequent spelling is shown.
    expect(a.terms.map((t) => [t.term, t.findings, t.notes])).toEqual([
      ['EtOH abuse', 3, 2],
      ['addict', 1, 1],
      ['drug abuse', 1, 1],
    ]);
    expect(a.categories).toEqual([{ category: 'c', findings: 5, notes: 3 }]);
  });

  it('keeps a term under each rule that reports it', () => {
    const a = aggregate([note({}, finding('c/one', 'clean'), finding('c/two', 'clean'))]);
    expect(a.terms.map((t) => t.ruleId).sort()).toEqual(['c/one', 'c/two']);
  });
});

describe('aggregate: groups', () => {
  it('breaks down by each --group-by column, highest rate first, with blanks and missing columns as groups', () => {
    const a = aggregate(
      [
        note({ dept: 'ED', role: 'nurse' }, finding('c/a', 'addict')),
        note({ dept: 'ED', role: 'md' }),
        note({ dept: 'Psych', role: 'md' }, finding('c/a', 'addict'), finding('c/b', 'abuser')),
        note({ dept: '  ', role: 'md' }),
        note({ role: 'md' }),
      ],
      { groupBy: ['dept', 'role'] },
    );
    const dept = a.groups[0]!;
    expect(dept.column).toBe('dept');
    expect(dept.rows.map((r) => [r.value, r.notes, r.notesWithFindings, r.findings, r.per1000])).toEqual([
      ['Psych', 1, 1, 2, 2000],
      ['ED', 2, 1, 1, 500],
      ['(blank)', 1, 0, 0, 0],
      ['(missing)', 1, 0, 0, 0],
    ]);
    expect(dept.rows[0]!.topTerm).toBe('addict');
    expect(dept.byRule).toEqual([
      { key: 'Psych', ruleId: 'c/a', findings: 1, notes: 1 },
      { key: 'Psych', ruleId: 'c/b', findings: 1, notes: 1 },
      { key: 'ED', ruleId: 'c/a', findings: 1, notes: 1 },
    ]);
    expect(a.groups[1]!.rows.map((r) => [r.value, r.notes, r.findings])).toEqual([
      ['nurse', 1, 1],
      ['md', 4, 2],
    ]);
    for (const g of a.groups) expect(g.rows.reduce((n, r) => n + r.notes, 0)).toBe(a.totals.notes);
  });
});

describe('aggregate: trend', () => {
  it('buckets by month, fills months without notes, and counts undated notes apart', () => {
    const a = aggregate(
      [
        note({ d: '2024-01-31' }, finding('c/a', 'addict')),
        note({ d: '2024-01-02T08:30:00Z' }),
        note({ d: '03/15/2024' }, finding('c/a', 'addict'), finding('c/a', 'addict')),
        note({ d: '2024-02-31' }, finding('c/a', 'addict')), // no such day
        note({ d: '' }),
      ],
      { dateColumn: 'd' },
    );
    const t = a.trend!;
    expect(t.period).toBe('month');
    expect(t.rows.map((r) => [r.period, r.label, r.notes, r.findings, r.per1000])).toEqual([
      ['2024-01', 'Jan 2024', 2, 1, 500],
      ['2024-02', 'Feb 2024', 0, 0, 0],
      ['2024-03', 'Mar 2024', 1, 2, 2000],
    ]);
    expect(t.undated).toBe(2);
    expect(t.byRule).toEqual([
      { key: '2024-01', ruleId: 'c/a', findings: 1, notes: 1 },
      { key: '2024-03', ruleId: 'c/a', findings: 2, notes: 1 },
    ]);
  });

  it('buckets by week, named by the Monday it starts on', () => {
    const a = aggregate(
      [note({ d: '2024-03-10' }), note({ d: '2024-03-11' }, finding('c/a', 'addict')), note({ d: '2024-03-17' }), note({ d: '2024-03-25' })],
      { dateColumn: 'd', period: 'week' },
    );
    expect(a.trend!.rows.map((r) => [r.period, r.notes, r.findings])).toEqual([
      ['2024-03-04', 1, 0],
      ['2024-03-11', 2, 1],
      ['2024-03-18', 0, 0],
      ['2024-03-25', 1, 0],
    ]);
  });

  it('has no trend without --date-column', () => {
    expect(aggregate([note({ d: '2024-01-01' })]).trend).toBeUndefined();
  });

  it('reads ISO, slashed and US dates and rejects the rest', () => {
    expect(parseDate('2024-03-05')?.toISOString()).toBe('2024-03-05T00:00:00.000Z');
    expect(parseDate('2024-03-05 14:22')?.toISOString()).toBe('2024-03-05T00:00:00.000Z');
    expect(parseDate('2024/3/5')?.toISOString()).toBe('2024-03-05T00:00:00.000Z');
    expect(parseDate('3/5/2024')?.toISOString()).toBe('2024-03-05T00:00:00.000Z');
    for (const bad of ['', 'yesterday', '2024-13-01', '2023-02-29', '20240305', undefined]) expect(parseDate(bad)).toBeUndefined();
    expect(periodOf(parseDate('2024-12-31')!, 'week')).toEqual({ key: '2024-12-30', label: '30 Dec 2024' });
  });
});

describe('aggregate: notes to review and snippets', () => {
  it('lists the notes with the most findings, earlier rows first on ties, up to the limit', () => {
    const one = finding('c/a', 'addict');
    const records = [note({}, one), note({}, one, one, one), note({}), note({}, one, one), note({}, one, one)];
    const a = aggregate(records, { topNotes: 3 });
    expect(a.topNotes.map((n) => [n.id, n.findings])).toEqual([
      [records[1]!.id, 3],
      [records[3]!.id, 2],
      [records[4]!.id, 2],
    ]);
  });

  it('keeps no sentence unless snippets are asked for, and then at most the limit', () => {
    const text = 'Pain controlled. Known heroin addict, here for a refill. Plan: follow up.';
    const f = finding('c/a', 'heroin addict', 'person with opioid use disorder', 'error', text.indexOf('heroin addict'));
    const record: ReportRecord = { row: 1, fields: {}, findings: [f, f], text };
    expect(aggregate([record]).snippets).toBeUndefined();
    const a = aggregate([record], { snippets: true, snippetLimit: 1 });
    expect(a.snippets).toEqual([
      { row: 1, ruleId: 'c/a', term: 'heroin addict', suggestion: 'person with opioid use disorder', sentence: 'Known heroin addict, here for a refill.' },
    ]);
    expect(a.snippetsOmitted).toBe(1);
  });

  it('cuts a long sentence around the phrase', () => {
    const text = `${'word '.repeat(200)}heroin addict ${'word '.repeat(200)}.`;
    const at = text.indexOf('heroin');
    const s = sentenceAround(text, at, at + 'heroin addict'.length, 120);
    expect(s).toContain('heroin addict');
    expect(s.length).toBeLessThanOrEqual(122);
    expect(s.startsWith('…') && s.endsWith('…')).toBe(true);
  });

  it('normalizes terms by case, spacing and apostrophes', () => {
    expect(termKey('Junkie’s  Habit')).toBe("junkie's habit");
  });
});

describe('the HTML page', () => {
  it('escapes every value from the export and says when it holds note text', () => {
    const text = 'Known <script>alert(1)</script> addict.';
    const f = finding('c/a', 'addict', 'person <b>', 'error', text.indexOf('addict'));
    const records: ReportRecord[] = [{ row: 1, id: '<img src=x>', fields: { dept: '<i>ED</i>' }, findings: [f], text }];
    const page = (snippets: boolean) =>
      renderReportHtml({
        aggregates: aggregate(records, { groupBy: ['dept'], snippets }),
        source: 'a&b.csv',
        generatedAt: new Date(0),
        version: '1',
        options: [],
        rules: [],
        groupBy: ['dept'],
      });
    for (const html of [page(false), page(true)]) {
      expect(html).not.toMatch(/<script>|<img|<i>ED|<b>/);
      expect(html).toContain('&lt;i&gt;ED&lt;/i&gt;');
      expect(html).toContain('a&amp;b.csv');
    }
    expect(page(false)).toContain('No note text');
    expect(page(false)).not.toContain('alert(1)');
    expect(page(true)).toContain('This report contains note text.');
    expect(page(true)).toContain('Known &lt;script&gt;alert(1)&lt;/script&gt; <mark>addict</mark>.');
  });
});

describe('progress line', () => {
  it('shows the share read, notes done, rate and time left', () => {
    expect(progressLine(2000, 25, 100, 4000, 8)).toBe('[██░░░░░░]  25%  2,000 notes  500/s  0:12 left');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(formatDuration(NaN)).toBe('–');
  });

  it('draws on a terminal and clears itself, and writes nothing elsewhere', () => {
    let clock = 0;
    const written = (isTTY: boolean) => {
      const out: string[] = [];
      const p = createProgress({ isTTY, write: (s: string) => out.push(s) }, () => (clock += 500));
      p.update(10, 1, 4);
      p.update(20, 2, 4);
      p.end();
      return out;
    };
    expect(written(false)).toEqual([]);
    const tty = written(true);
    expect(tty).toHaveLength(3);
    expect(tty[1]).toContain(' 50%  20 notes');
    expect(tty[2]).toBe('\r\u001b[K');
  });
});

describe('the fixture export, end to end', () => {
  const load = async (options: Parameters<typeof aggregateStream>[1]) =>
    aggregateStream(
      readRecords(
        FIXTURE,
        {},
        {
          textColumn: 'text',
          idColumn: 'note_id',
          fields: ['department', 'author_role', 'note_date'],
          onError: (m) => expect.fail(m),
          onBadRecord: (_f, _r, m) => expect.fail(m),
        },
      ),
      options,
    );

  it('matches the counts worked out by hand', async () => {
    const a = await load({ groupBy: ['department', 'author_role'], dateColumn: 'note_date' });
    // 13 of 31 notes have findings; N-1001 and N-1014 have two each: 15 findings.
    expect(a.totals).toMatchObject({ notes: 31, notesWithFindings: 13, findings: 15 });
    expect(a.totals.per1000).toBeCloseTo(483.87, 2);
    // The quoted "addict" in N-1025 is info; "dirty needles" and "been clean" are warnings.
    expect(a.severities).toEqual({ error: 12, warning: 2, info: 1 });
    expect(a.rules.map((r) => [r.ruleId.split('/')[1], r.findings, r.notes])).toEqual([
      ['substance-abuse', 7, 6],
      ['addict', 2, 2],
      ['abuser', 1, 1],
      ['clean-abstinent', 1, 1],
      ['clean-dirty-test', 1, 1],
      ['dirty-needles', 1, 1],
      ['former-addict', 1, 1],
      ['injection-drug-abuse', 1, 1],
    ]);
    expect(a.rules[0]).toMatchObject({ topTerm: 'Alcohol abuse', suggestion: 'alcohol use' });
    expect(a.terms.slice(0, 2).map((t) => [t.term, t.findings, t.notes])).toEqual([
      ['Alcohol abuse', 2, 1],
      ['EtOH abuse', 2, 2],
    ]);
    // Look-alikes in the fixture are not counted: "Wound clean, dry", "history of sexual abuse",
    // "Drug Abuse Program", "Drug Abuse Screening Test", "marijuana use".
    expect(a.terms.some((t) => /sexual|program|screening|wound/i.test(t.term))).toBe(false);

    const [dept, role] = a.groups;
    expect(dept!.rows.map((r) => [r.value, r.notes, r.notesWithFindings, r.findings])).toEqual([
      ['Emergency', 9, 6, 7],
      ['Internal Medicine', 8, 4, 5],
      ['Psychiatry', 6, 3, 3],
      ['Surgery', 4, 0, 0],
      ['Obstetrics', 3, 0, 0],
      ['(blank)', 1, 0, 0],
    ]);
    expect(role!.rows.map((r) => [r.value, r.notes, r.findings, Number(r.per1000.toFixed(1))])).toEqual([
      ['physician', 13, 10, 769.2],
      ['resident', 7, 3, 428.6],
      ['nurse', 9, 2, 222.2],
      ['social worker', 2, 0, 0],
    ]);

    // Five notes a month, January to June; N-1030 has no date.
    expect(a.trend!.rows.map((r) => [r.period, r.notes, r.findings])).toEqual([
      ['2024-01', 5, 3],
      ['2024-02', 5, 3],
      ['2024-03', 5, 4],
      ['2024-04', 5, 2],
      ['2024-05', 5, 2],
      ['2024-06', 5, 0],
    ]);
    expect(a.trend!.undated).toBe(1);
    expect(a.topNotes.slice(0, 2).map((n) => [n.id, n.findings, n.groups])).toEqual([
      ['N-1001', 2, ['Emergency', 'physician']],
      ['N-1014', 2, ['Internal Medicine', 'physician']],
    ]);
  });

  it('writes the same numbers as CSV rows', async () => {
    const a = await load({ groupBy: ['department'], dateColumn: 'note_date' });
    const rows = parse(renderReportCsv(a), { columns: true }) as Array<Record<string, string>>;
    const find = (section: string, key = '', rule = '') => rows.filter((r) => r.section === section && r.key === key && r.rule === rule);
    expect(find('total')).toEqual([
      {
        section: 'total',
        column: '',
        key: '',
        rule: '',
        term: '',
        suggestion: '',
        notes: '31',
        notes_with_findings: '13',
        findings: '15',
        per_1000_notes: '483.9',
      },
    ]);
    expect(find('group', 'Emergency')[0]).toMatchObject({ column: 'department', notes: '9', notes_with_findings: '6', findings: '7', per_1000_notes: '777.8' });
    expect(find('group_rule', 'Internal Medicine', 'substance-use/substance-abuse')[0]).toMatchObject({
      notes: '8',
      notes_with_findings: '3',
      findings: '4',
      per_1000_notes: '500',
    });
    expect(find('period', '2024-03')[0]).toMatchObject({ column: 'note_date', notes: '5', findings: '4', per_1000_notes: '800' });
    expect(find('period', '(no date)')[0]).toMatchObject({ notes: '1' });
    // The undated notes' row has its figures (a newcomer trial found them blank), and with the
    // months' rows it adds up to the total.
    const periods = rows.filter((r) => r.section === 'period');
    for (const field of ['notes', 'notes_with_findings', 'findings', 'per_1000_notes'] as const) expect(find('period', '(no date)')[0]![field]).toMatch(/^\d/);
    expect(periods.reduce((n, r) => n + Number(r.notes), 0)).toBe(31);
    expect(periods.reduce((n, r) => n + Number(r.notes_with_findings), 0)).toBe(13);
    expect(periods.reduce((n, r) => n + Number(r.findings), 0)).toBe(15);
    expect(rows.filter((r) => r.section === 'term').find((r) => r.term === 'IVDU')).toMatchObject({ suggestion: 'injection drug use', findings: '1' });
    expect(rows.filter((r) => r.section === 'rule').reduce((n, r) => n + Number(r.findings), 0)).toBe(15);
  });
});
