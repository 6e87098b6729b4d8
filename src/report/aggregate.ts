// The audit report's numbers: counts, rates per 1,000 notes, and breakdowns by category, rule,
// term, group column and period, built from a stream of linted records. Only counts, terms and
// record ids are kept (plus sentences when snippets are asked for), never whole notes, so memory
// stays flat however long the export is. No I/O here: the page (html.ts) and the spreadsheet
// (csv.ts) both render these aggregates.
import { utcMonday, utcMonth } from 'd3-time';
import { type Finding, SEVERITY_RANK, type Severity } from '../types.js';

/**
 * One note of an export (or one document of a folder), already linted. This is the contract with
 * the readers: `fields` holds the record's other columns (for --group-by and --date-column).
 * `text` is needed only for --include-snippets.
 */
export interface ReportRecord {
  /** 1-based position of the record in its source. */
  row: number;
  id?: string;
  fields: Record<string, string>;
  findings: Finding[];
  text?: string;
}

export type Period = 'month' | 'week';

export interface AggregateOptions {
  groupBy?: readonly string[];
  dateColumn?: string;
  period?: Period;
  /** Keep each finding's sentence (needs ReportRecord.text). */
  snippets?: boolean;
  /** How many sentences to keep at most (the page must stay openable). Default 5,000. */
  snippetLimit?: number;
  /** How many of the notes with the most findings to list. Default 20. */
  topNotes?: number;
}

export interface Counts {
  notes: number;
  notesWithFindings: number;
  findings: number;
}

export interface Rated extends Counts {
  /** Findings per 1,000 notes. */
  per1000: number;
  /** Share of notes with at least one finding, 0–1. */
  share: number;
}

export interface CategoryRow {
  category: string;
  findings: number;
  /** Notes with at least one finding in this category. */
  notes: number;
}

export interface TermRow {
  /** The most frequent spelling of the term. */
  term: string;
  ruleId: string;
  severity: Severity;
  suggestion: string;
  findings: number;
  notes: number;
}

export interface RuleRow {
  ruleId: string;
  category: string;
  severity: Severity;
  findings: number;
  notes: number;
  /** The rule's most frequent term and what to write instead. */
  topTerm: string;
  suggestion: string;
}

export interface GroupRow extends Rated {
  value: string;
  topTerm?: string;
}

export interface RuleCount {
  /** A group value or a period key. */
  key: string;
  ruleId: string;
  findings: number;
  notes: number;
}

export interface GroupBreakdown {
  column: string;
  rows: GroupRow[];
  /** Findings per rule within each group value. */
  byRule: RuleCount[];
}

export interface PeriodRow extends Rated {
  /** "2024-03" for a month, the Monday "2024-03-11" for a week. */
  period: string;
  label: string;
}

export interface Trend {
  column: string;
  period: Period;
  rows: PeriodRow[];
  byRule: RuleCount[];
  /** Notes whose date was missing or not understood. */
  undated: number;
  /** Of those, the notes with a finding, and their findings. */
  undatedWithFindings: number;
  undatedFindings: number;
  /** Of those, the notes whose date was there but not understood (15.03.2024). */
  unreadDates: number;
}

export interface NoteRow {
  row: number;
  id?: string;
  findings: number;
  terms: string[];
  groups: string[];
}

export interface Snippet {
  row: number;
  id?: string;
  ruleId: string;
  term: string;
  suggestion: string;
  sentence: string;
}

/**
 * What the audit did not read, as the readers told it (the lines the command writes on stderr,
 * kept as data): none of it is counted in `totals`, so a page or spreadsheet that leaves it out
 * passes an incomplete audit for a complete one. Files are named as the command names them.
 */
export interface Unread {
  /** Files left out whole, in the order met, each with the one-line reason (could not be read, no text column, binary, not UTF-8). */
  files: Array<{ file: string; reason: string }>;
  /** Malformed records left out, counted by file, in the order the files were met. */
  records: Array<{ file: string; count: number }>;
  /**
   * Parts of a file left out on purpose (FHIR attachments: given only by url, without a
   * contentType, of a type not read), counted by file and `kind` (`application/pdf`, `url-only`,
   * `no contentType`): by file in the order met, then most frequent kind first.
   */
  attachments: Array<{ file: string; kind: string; count: number }>;
}

export interface Aggregates {
  totals: Rated;
  /** What was not read; every list empty when the whole source was read. */
  unread: Unread;
  severities: Record<Severity, number>;
  categories: CategoryRow[];
  rules: RuleRow[];
  terms: TermRow[];
  groups: GroupBreakdown[];
  trend?: Trend;
  topNotes: NoteRow[];
  snippets?: Snippet[];
  /** Sentences left out past the snippet limit. */
  snippetsOmitted: number;
}

// ---- small helpers ----

function rated(c: Counts): Rated {
  return { ...c, per1000: c.notes ? (c.findings / c.notes) * 1000 : 0, share: c.notes ? c.notesWithFindings / c.notes : 0 };
}

/** How a term is counted: case, spacing and apostrophe style do not make a new term. */
export function termKey(actual: string): string {
  return actual
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'")
    .replace(/\s+/g, ' ');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Reads the dates exports carry: ISO (2024-03-15, with or without a time), 2024/03/15 and US 03/15/2024. */
export function parseDate(value: string | undefined): Date | undefined {
  const v = value?.trim() ?? '';
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:$|[T\s])/.exec(v);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:$|\s)/.exec(v))) [y, mo, d] = [Number(m[3]), Number(m[1]), Number(m[2])];
  else return undefined;
  const date = new Date(Date.UTC(y, mo - 1, d));
  // Reject 2024-02-31 and the like rather than letting Date roll them over.
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date : undefined;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The period a date falls in: its month, or the week starting on its Monday. */
export function periodOf(date: Date, period: Period): { key: string; label: string } {
  if (period === 'month') {
    const start = utcMonth.floor(date);
    return { key: isoDay(start).slice(0, 7), label: `${MONTHS[start.getUTCMonth()]} ${start.getUTCFullYear()}` };
  }
  const monday = utcMonday.floor(date);
  return { key: isoDay(monday), label: `${monday.getUTCDate()} ${MONTHS[monday.getUTCMonth()]} ${monday.getUTCFullYear()}` };
}

/** Every period from the first to the last date, so a month without notes shows as a gap, not as nothing. */
function periodsBetween(first: Date, last: Date, period: Period): Array<{ key: string; label: string }> {
  const interval = period === 'month' ? utcMonth : utcMonday;
  return interval.range(interval.floor(first), interval.offset(interval.floor(last), 1)).map((d) => periodOf(d, period));
}

/** The sentence around a finding: from the previous sentence end (or line break) to the next. */
export function sentenceAround(text: string, start: number, end: number, max = 300): string {
  const before = text.slice(0, start);
  const boundary = Math.max(before.search(/[^.!?\n]*$/), 0);
  const after = text.slice(end).search(/[.!?](\s|$)|\n/);
  let sentence = text
    .slice(boundary, after < 0 ? text.length : end + after + 1)
    .replace(/\s+/g, ' ')
    .trim();
  if (sentence.length > max) {
    // Keep the phrase in view: cut around it rather than at the end.
    const at = sentence.toLowerCase().indexOf(text.slice(start, end).toLowerCase().replace(/\s+/g, ' '));
    const from = Math.max(0, Math.min(at - Math.floor(max / 3), sentence.length - max));
    sentence = `${from > 0 ? '…' : ''}${sentence.slice(from, from + max).trim()}${from + max < sentence.length ? '…' : ''}`;
  }
  return sentence;
}

// ---- the accumulator ----

interface TermAcc {
  ruleId: string;
  severity: Severity;
  suggestion: string;
  spellings: Map<string, number>;
  findings: number;
  notes: number;
}

interface RuleAcc {
  category: string;
  severity: Severity;
  findings: number;
  notes: number;
}

interface KeyAcc extends Counts {
  rules: Map<string, { findings: number; notes: number }>;
  terms: Map<string, number>;
}

const newKeyAcc = (): KeyAcc => ({ notes: 0, notesWithFindings: 0, findings: 0, rules: new Map(), terms: new Map() });

/** Collects records one at a time; `result()` gives the sorted aggregates. */
export class ReportAggregator {
  private readonly groupBy: readonly string[];
  private readonly period: Period;
  private readonly topLimit: number;
  private readonly snippetLimit: number;
  private readonly totals: Counts = { notes: 0, notesWithFindings: 0, findings: 0 };
  private readonly severities: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  private readonly categories = new Map<string, { findings: number; notes: number }>();
  private readonly rules = new Map<string, RuleAcc>();
  private readonly terms = new Map<string, TermAcc>();
  private readonly groups: Array<Map<string, KeyAcc>>;
  private readonly periods = new Map<string, KeyAcc & { label: string }>();
  private first?: Date;
  private last?: Date;
  private undated = 0;
  // The undated notes' counts, as a period's (their row of the CSV report had no figures but notes).
  private readonly undatedAcc = newKeyAcc();
  private unreadDates = 0;
  private topNotes: NoteRow[] = [];
  private readonly snippets: Snippet[] = [];
  private snippetsOmitted = 0;
  private readonly unreadFiles: Unread['files'] = [];
  private readonly badRecords = new Map<string, number>();
  private readonly skippedParts = new Map<string, Map<string, number>>();

  constructor(private readonly options: AggregateOptions = {}) {
    this.groupBy = options.groupBy ?? [];
    this.period = options.period ?? 'month';
    this.topLimit = options.topNotes ?? 20;
    this.snippetLimit = options.snippetLimit ?? 5000;
    this.groups = this.groupBy.map(() => new Map());
  }

  add(record: ReportRecord): void {
    const { findings } = record;
    const flagged = findings.length > 0 ? 1 : 0;
    this.totals.notes++;
    this.totals.notesWithFindings += flagged;
    this.totals.findings += findings.length;

    // Per note, each rule/term/category counts once towards "notes".
    const ruleCounts = new Map<string, number>();
    const termCounts = new Map<string, number>();
    const categories = new Set<string>();
    for (const f of findings) {
      this.severities[f.severity]++;
      categories.add(f.category);
      const cat = this.categories.get(f.category) ?? { findings: 0, notes: 0 };
      cat.findings++;
      this.categories.set(f.category, cat);

      const rule = this.rules.get(f.ruleId) ?? { category: f.category, severity: f.severity, findings: 0, notes: 0 };
      // A rule's (and a term's) severity is the highest of its findings: the first one may be quoted
      // words, reported as info, which gave identity/diabetic "info" on MTSamples where 47 of its 52
      // findings are warnings (a newcomer trial).
      if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[rule.severity]) rule.severity = f.severity;
      rule.findings++;
      if (!ruleCounts.has(f.ruleId)) rule.notes++;
      ruleCounts.set(f.ruleId, (ruleCounts.get(f.ruleId) ?? 0) + 1);
      this.rules.set(f.ruleId, rule);

      const key = `${f.ruleId}\u0000${termKey(f.actual)}`;
      const term = this.terms.get(key) ?? {
        ruleId: f.ruleId,
        severity: f.severity,
        suggestion: f.suggestions[0] ?? '',
        spellings: new Map(),
        findings: 0,
        notes: 0,
      };
      if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[term.severity]) term.severity = f.severity;
      term.findings++;
      if (!termCounts.has(key)) term.notes++;
      termCounts.set(key, (termCounts.get(key) ?? 0) + 1);
      const spelling = f.actual.replace(/\s+/g, ' ');
      term.spellings.set(spelling, (term.spellings.get(spelling) ?? 0) + 1);
      this.terms.set(key, term);

      if (this.options.snippets && record.text !== undefined) {
        if (this.snippets.length < this.snippetLimit) {
          this.snippets.push({
            row: record.row,
            ...(record.id !== undefined ? { id: record.id } : {}),
            ruleId: f.ruleId,
            term: f.actual,
            suggestion: f.suggestions[0] ?? '',
            sentence: sentenceAround(record.text, f.start.offset, f.end.offset),
          });
        } else this.snippetsOmitted++;
      }
    }
    for (const c of categories) this.categories.get(c)!.notes++;

    const tally = (acc: KeyAcc) => {
      acc.notes++;
      acc.notesWithFindings += flagged;
      acc.findings += findings.length;
      for (const [ruleId, n] of ruleCounts) {
        const r = acc.rules.get(ruleId) ?? { findings: 0, notes: 0 };
        r.findings += n;
        r.notes++;
        acc.rules.set(ruleId, r);
      }
      for (const [key, n] of termCounts) acc.terms.set(key, (acc.terms.get(key) ?? 0) + n);
    };

    const groupValues = this.groupBy.map((column, i) => {
      const value = groupValue(record.fields, column);
      const groups = this.groups[i]!;
      if (!groups.has(value)) groups.set(value, newKeyAcc());
      tally(groups.get(value)!);
      return value;
    });

    if (this.options.dateColumn !== undefined) {
      const value = record.fields[this.options.dateColumn];
      const date = parseDate(value);
      if (!date) {
        this.undated++;
        tally(this.undatedAcc);
        if (value?.trim()) this.unreadDates++;
      } else {
        if (!this.first || date < this.first) this.first = date;
        if (!this.last || date > this.last) this.last = date;
        const { key, label } = periodOf(date, this.period);
        if (!this.periods.has(key)) this.periods.set(key, { ...newKeyAcc(), label });
        tally(this.periods.get(key)!);
      }
    }

    if (flagged) this.rememberNote(record, groupValues, termCounts);
  }

  /** A file left out whole: it could not be read (`reason` as the command says it), or was not text. */
  unreadFile(file: string, reason: string): void {
    this.unreadFiles.push({ file, reason });
  }

  /** A malformed record of `file`, left out. */
  badRecord(file: string): void {
    this.badRecords.set(file, (this.badRecords.get(file) ?? 0) + 1);
  }

  /** A part of `file` (a FHIR attachment) left out on purpose; `kind` is what it was (`application/pdf`, `url-only`). */
  skippedAttachment(file: string, kind: string): void {
    let kinds = this.skippedParts.get(file);
    if (!kinds) this.skippedParts.set(file, (kinds = new Map()));
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }

  /** Keeps the notes with the most findings (earlier rows first on ties) in a short sorted list. */
  private rememberNote(record: ReportRecord, groups: string[], termCounts: Map<string, number>): void {
    const n = record.findings.length;
    if (this.topLimit <= 0) return;
    if (this.topNotes.length >= this.topLimit && n <= this.topNotes[this.topNotes.length - 1]!.findings) return;
    const terms = [...termCounts].sort((a, b) => b[1] - a[1]).map(([key]) => this.displayTerm(this.terms.get(key)!));
    const note: NoteRow = { row: record.row, ...(record.id !== undefined ? { id: record.id } : {}), findings: n, terms, groups };
    const at = this.topNotes.findIndex((t) => t.findings < n);
    this.topNotes.splice(at < 0 ? this.topNotes.length : at, 0, note);
    if (this.topNotes.length > this.topLimit) this.topNotes.pop();
  }

  private displayTerm(term: TermAcc): string {
    let best = '';
    let count = -1;
    for (const [spelling, n] of term.spellings) if (n > count) [best, count] = [spelling, n];
    return best;
  }

  result(): Aggregates {
    const byCount =
      <T extends { findings: number }>(name: (t: T) => string) =>
      (a: T, b: T) =>
        b.findings - a.findings || name(a).localeCompare(name(b));

    const terms: TermRow[] = [...this.terms.values()]
      .map((t) => ({ term: this.displayTerm(t), ruleId: t.ruleId, severity: t.severity, suggestion: t.suggestion, findings: t.findings, notes: t.notes }))
      .sort(byCount((t) => t.term));
    const rules: RuleRow[] = [...this.rules]
      .map(([ruleId, r]) => {
        const top = terms.find((t) => t.ruleId === ruleId)!;
        return { ruleId, category: r.category, severity: r.severity, findings: r.findings, notes: r.notes, topTerm: top.term, suggestion: top.suggestion };
      })
      .sort(byCount((r) => r.ruleId));
    const categories = [...this.categories].map(([category, c]) => ({ category, ...c })).sort(byCount((c) => c.category));

    const topTermOf = (acc: KeyAcc): string | undefined => {
      let best: string | undefined;
      let count = 0;
      for (const [key, n] of acc.terms) if (n > count) [best, count] = [key, n];
      return best === undefined ? undefined : this.displayTerm(this.terms.get(best)!);
    };
    const ruleCounts = (entries: Iterable<[string, KeyAcc]>): RuleCount[] =>
      [...entries].flatMap(([key, acc]) =>
        [...acc.rules].sort((a, b) => b[1].findings - a[1].findings || a[0].localeCompare(b[0])).map(([ruleId, r]) => ({ key, ruleId, ...r })),
      );

    const groups: GroupBreakdown[] = this.groupBy.map((column, i) => {
      const entries = [...this.groups[i]!].sort((a, b) => rated(b[1]).per1000 - rated(a[1]).per1000 || b[1].notes - a[1].notes || a[0].localeCompare(b[0]));
      const rows = entries.map(([value, acc]) => {
        const top = topTermOf(acc);
        return { value, ...rated(acc), ...(top !== undefined ? { topTerm: top } : {}) };
      });
      return { column, rows, byRule: ruleCounts(entries) };
    });

    const out: Aggregates = {
      totals: rated(this.totals),
      unread: {
        files: [...this.unreadFiles],
        records: [...this.badRecords].map(([file, count]) => ({ file, count })),
        attachments: [...this.skippedParts].flatMap(([file, kinds]) =>
          [...kinds].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([kind, count]) => ({ file, kind, count })),
        ),
      },
      severities: { ...this.severities },
      categories,
      rules,
      terms,
      groups,
      topNotes: [...this.topNotes],
      snippetsOmitted: this.snippetsOmitted,
    };
    if (this.options.snippets) out.snippets = [...this.snippets];
    if (this.options.dateColumn !== undefined) {
      const periods = this.first && this.last ? periodsBetween(this.first, this.last, this.period) : [];
      const rows = periods.map(({ key, label }) => {
        const acc = this.periods.get(key);
        return { period: key, label, ...rated(acc ?? newKeyAcc()) };
      });
      const withData = periods.filter((p) => this.periods.has(p.key)).map((p): [string, KeyAcc] => [p.key, this.periods.get(p.key)!]);
      out.trend = {
        column: this.options.dateColumn,
        period: this.period,
        rows,
        byRule: ruleCounts(withData),
        undated: this.undated,
        undatedWithFindings: this.undatedAcc.notesWithFindings,
        undatedFindings: this.undatedAcc.findings,
        unreadDates: this.unreadDates,
      };
    }
    return out;
  }
}

/** A record's value in a group column; blanks and absent columns are groups of their own. */
export function groupValue(fields: Record<string, string>, column: string): string {
  if (!(column in fields)) return '(missing)';
  return fields[column]!.trim() || '(blank)';
}

/** Aggregates a list of records (tests, the API). */
export function aggregate(records: Iterable<ReportRecord>, options?: AggregateOptions): Aggregates {
  const acc = new ReportAggregator(options);
  for (const r of records) acc.add(r);
  return acc.result();
}

/** Aggregates a stream of records as they arrive. */
export async function aggregateStream(records: AsyncIterable<ReportRecord>, options?: AggregateOptions): Promise<Aggregates> {
  const acc = new ReportAggregator(options);
  for await (const r of records) acc.add(r);
  return acc.result();
}
