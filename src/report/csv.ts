// `dignify report --format csv`: the page's aggregates as one tidy table for a spreadsheet
// (filter or pivot on `section`). In every row `notes` is the number of notes in that slice
// (all notes, a group, a period), `notes_with_findings` those with at least one finding of the
// row's kind, and `per_1000_notes` = findings / notes × 1,000, so rows compare across slices.
// What was not read follows the total, one row per file (and kind), `column` naming the file:
// `unread_file` (`key`: why it was not read; no counts: its notes are unknown), `unread_records`
// (`notes`: the malformed records left out) and `unread_attachments` (`key`: the kind, such as
// application/pdf; `notes`: how many). None of them is counted in any other row.
import { stringify } from 'csv-stringify/sync';
import type { Aggregates, RuleCount } from './aggregate.js';

export const CSV_COLUMNS = ['section', 'column', 'key', 'rule', 'term', 'suggestion', 'notes', 'notes_with_findings', 'findings', 'per_1000_notes'] as const;

type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string | number>>;

const per1000 = (findings: number, notes: number) => (notes ? Math.round((findings / notes) * 10000) / 10 : 0);

export function renderReportCsv(a: Aggregates): string {
  const total = a.totals.notes;
  const rows: Row[] = [
    {
      section: 'total',
      notes: total,
      notes_with_findings: a.totals.notesWithFindings,
      findings: a.totals.findings,
      per_1000_notes: per1000(a.totals.findings, total),
    },
  ];
  // Next to the total, where a reader of the numbers meets them first.
  for (const f of a.unread.files) rows.push({ section: 'unread_file', column: f.file, key: f.reason });
  for (const r of a.unread.records) rows.push({ section: 'unread_records', column: r.file, notes: r.count });
  for (const p of a.unread.attachments) rows.push({ section: 'unread_attachments', column: p.file, key: p.kind, notes: p.count });
  for (const c of a.categories)
    rows.push({
      section: 'category',
      key: c.category,
      notes: total,
      notes_with_findings: c.notes,
      findings: c.findings,
      per_1000_notes: per1000(c.findings, total),
    });
  for (const r of a.rules)
    rows.push({
      section: 'rule',
      rule: r.ruleId,
      notes: total,
      notes_with_findings: r.notes,
      findings: r.findings,
      per_1000_notes: per1000(r.findings, total),
    });
  for (const t of a.terms) {
    rows.push({
      section: 'term',
      rule: t.ruleId,
      term: t.term,
      suggestion: t.suggestion,
      notes: total,
      notes_with_findings: t.notes,
      findings: t.findings,
      per_1000_notes: per1000(t.findings, total),
    });
  }
  const byRule = (section: string, column: string, counts: RuleCount[], notesOf: Map<string, number>) => {
    for (const c of counts) {
      const notes = notesOf.get(c.key) ?? 0;
      rows.push({
        section,
        column,
        key: c.key,
        rule: c.ruleId,
        notes,
        notes_with_findings: c.notes,
        findings: c.findings,
        per_1000_notes: per1000(c.findings, notes),
      });
    }
  };
  for (const g of a.groups) {
    for (const r of g.rows) {
      rows.push({
        section: 'group',
        column: g.column,
        key: r.value,
        notes: r.notes,
        notes_with_findings: r.notesWithFindings,
        findings: r.findings,
        per_1000_notes: per1000(r.findings, r.notes),
      });
    }
    byRule('group_rule', g.column, g.byRule, new Map(g.rows.map((r) => [r.value, r.notes])));
  }
  if (a.trend) {
    const t = a.trend;
    for (const p of t.rows) {
      rows.push({
        section: 'period',
        column: t.column,
        key: p.period,
        notes: p.notes,
        notes_with_findings: p.notesWithFindings,
        findings: p.findings,
        per_1000_notes: per1000(p.findings, p.notes),
      });
    }
    byRule('period_rule', t.column, t.byRule, new Map(t.rows.map((p) => [p.period, p.notes])));
    if (t.undated)
      rows.push({
        section: 'period',
        column: t.column,
        key: '(no date)',
        notes: t.undated,
        notes_with_findings: t.undatedWithFindings,
        findings: t.undatedFindings,
        per_1000_notes: per1000(t.undatedFindings, t.undated),
      });
  }
  return stringify(rows.map(neutraliseRow), { header: true, columns: [...CSV_COLUMNS] });
}

// A cell a spreadsheet would read as a formula (OWASP "CSV injection"): group-by values and ids
// come from the export, so `=HYPERLINK(...)` or `@SUM(1+1)` would run when the CSV is opened.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return, prefixed with a
 * single quotation mark so a spreadsheet shows it as text. Numbers (numeric cells) are left alone.
 */
export function neutraliseCell(value: string | number): string | number {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

function neutraliseRow(row: Row): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row) as [keyof Row, string | number | undefined][]) if (value !== undefined) out[key] = neutraliseCell(value);
  return out;
}
