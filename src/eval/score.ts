// Precision and recall of a linter against the gold-labelled evaluation sets
// (fixtures/eval/labelled.jsonl, fixtures/eval-genres/labelled.jsonl). Plain functions over records
// and findings, so the same scoring runs from `npm run eval` (built dist) and from the tests (source).
import type { Finding, Severity } from '../types.js';

/**
 * How much a gold span is expected: `core` (consensus substance-use terms), `B` (the other terms the
 * `recommended` preset reports) or `C` (terms only the `all` preset reports). Records of
 * fixtures/eval carry no tier: substance-use spans count as `core`, the others as `B`.
 */
export type Tier = 'core' | 'B' | 'C';

export interface GoldSpan {
  /** UTF-16 code-unit offsets into the record's text, end exclusive. */
  start: number;
  end: number;
  text: string;
  category: string;
  tier?: Tier;
  /**
   * `info`: the words are the patient's or a relative's own, or a mention of the word. Only an
   * info finding on them is right (an error or warning is a false positive) and silence is not a miss.
   */
  level?: 'info';
  note?: string;
}

export interface EvalRecord {
  id: string;
  source?: string;
  /** The kind of text (dialogue, patient-education…); derived from the id when absent. */
  genre?: string;
  kind: 'candidate' | 'random' | 'handwritten';
  text: string;
  spans: GoldSpan[];
}

export interface Counts {
  /** Findings that overlap a gold span (at info level when the span is `level: info`). */
  truePositives: number;
  /** Findings that overlap no gold span, or an info-level span with a higher severity. */
  falsePositives: number;
  /** Gold spans no finding overlaps (info-level and neutral spans excluded). */
  misses: number;
  /** Gold spans some finding overlaps. */
  found: number;
  precision: number;
  recall: number;
}

export interface FalsePositive {
  id: string;
  kind: EvalRecord['kind'];
  genre: string;
  ruleId: string;
  category: string;
  severity: Severity;
  actual: string;
  /** `unlabelled`: no gold span there; `severity`: an error/warning on the patient's own words or a mention. */
  reason: 'unlabelled' | 'severity';
  text: string;
}

export interface Miss {
  id: string;
  kind: EvalRecord['kind'];
  genre: string;
  category: string;
  tier: Tier;
  span: string;
  text: string;
}

export type GenreCounts = Counts & { records: number; clean: number; cleanWithFinding: number };

export interface RuleCounts {
  truePositives: number;
  falsePositives: number;
  precision: number;
}

export interface QuoteCounts {
  /** Info-level spans (own words, mentions) reported at info level: right. */
  info: number;
  /** Reported as error or warning: each is also a false positive. */
  flagged: number;
  /** Not reported: accepted (the --quotes ignore policy), not a miss. */
  silent: number;
}

export interface EvalReport {
  records: number;
  spans: number;
  findings: number;
  /** Whether tier-C spans counted (preset `all`) or were neutral. */
  preset?: string;
  overall: Counts;
  byCategory: Record<string, Counts>;
  byGenre: Record<string, GenreCounts>;
  /** All records but the hand-written ones: the figures on real text. */
  corpus: GenreCounts;
  byRule: Record<string, RuleCounts>;
  /** Recall by tier (`C` only when the preset is `all`). */
  byTier: Record<string, Counts>;
  quotes: QuoteCounts;
  /** Findings on tier-C spans under a preset other than `all`: neither right nor wrong. */
  neutralFindings: number;
  /** Records with no gold span at all (random sentences, unlabelled candidates, look-alikes). */
  cleanRecords: number;
  /** Clean records with at least one finding (any severity). */
  cleanWithFinding: number;
  falsePositives: FalsePositive[];
  misses: Miss[];
  /** Findings on `random` records (sentences without any candidate term): must be 0. */
  randomFindings: number;
}

export interface ScoreOptions {
  /** The preset the findings were made with; tier-C spans count only for `all`. */
  preset?: string;
}

/** Parses a JSON-lines evaluation set. Throws SyntaxError naming the 1-based line of bad JSON. */
export function parseRecords(jsonl: string): EvalRecord[] {
  const out: EvalRecord[] = [];
  jsonl.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      out.push(JSON.parse(line) as EvalRecord);
    } catch (e) {
      throw new SyntaxError(`line ${i + 1}: ${(e as Error).message}`);
    }
  });
  return out;
}

const GENRE_BY_PREFIX: [RegExp, string][] = [
  [/^mts-/, 'notes-mtsamples'],
  [/^negex-/, 'notes-negex'],
  [/^aci-/, 'notes-aci'],
  [/^primock-/, 'notes-primock'],
  [/^ctakes-/, 'notes-ctakes'],
  [/^mqs-/, 'patient-education-sud'],
  [/^mq-/, 'patient-education'],
  [/^hand-/, 'handwritten'],
];

/** The record's genre: its `genre` field, else derived from the fixtures/eval id prefix, else `other`. */
export function genreOf(record: EvalRecord): string {
  if (record.genre) return record.genre;
  return GENRE_BY_PREFIX.find(([re]) => re.test(record.id))?.[1] ?? 'other';
}

/** The span's tier: its `tier` field, else `core` for substance-use and `B` for the rest. */
export function tierOf(span: GoldSpan): Tier {
  return span.tier ?? (span.category === 'substance-use' ? 'core' : 'B');
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function ratio(n: number, d: number): number {
  return d === 0 ? 1 : n / d;
}

type Raw = Omit<Counts, 'precision' | 'recall'>;
const tally = (): Raw => ({ truePositives: 0, falsePositives: 0, misses: 0, found: 0 });
const finish = (c: Raw): Counts => ({
  ...c,
  precision: ratio(c.truePositives, c.truePositives + c.falsePositives),
  recall: ratio(c.found, c.found + c.misses),
});

/**
 * Scores findings against the gold spans. A finding is a true positive when it overlaps a gold span
 * of a counted tier (any severity; only `info` on a `level: info` span), a false positive when it
 * overlaps none, and neutral when it overlaps only tier-C spans under a preset other than `all`.
 * Findings of a category the gold set does not label (such as `inclusive`) can only be false
 * positives. `lint` is called once per record, in order.
 */
export async function scoreRecords(
  records: readonly EvalRecord[],
  lint: (text: string) => Promise<Finding[]> | Finding[],
  goldCategories: readonly string[] = ['substance-use', 'credibility', 'compliance', 'demeanor', 'identity'],
  options: ScoreOptions = {},
): Promise<EvalReport> {
  const gold = new Set(goldCategories);
  const countC = options.preset === 'all';
  const counted = (s: GoldSpan) => countC || tierOf(s) !== 'C';
  const buckets = <K extends string>(m: Map<K, Raw>, k: K) => m.get(k) ?? m.set(k, tally()).get(k)!;
  const byCat = new Map<string, Raw>();
  for (const category of goldCategories) buckets(byCat, category);
  const byGenre = new Map<string, Raw>();
  const genreRecords = new Map<string, { records: number; clean: number; cleanWithFinding: number }>();
  // The corpus aggregate is kept under a key no genre can have.
  const CORPUS = '\u0000corpus';
  const byTier = new Map<string, Raw>();
  for (const t of countC ? ['core', 'B', 'C'] : ['core', 'B']) buckets(byTier, t);
  const byRule = new Map<string, { truePositives: number; falsePositives: number }>();
  const rule = (id: string) => byRule.get(id) ?? byRule.set(id, { truePositives: 0, falsePositives: 0 }).get(id)!;
  const quotes: QuoteCounts = { info: 0, flagged: 0, silent: 0 };
  const falsePositives: FalsePositive[] = [];
  const misses: Miss[] = [];
  let findingsTotal = 0;
  let spans = 0;
  let randomFindings = 0;
  let neutralFindings = 0;
  let cleanRecords = 0;
  let cleanWithFinding = 0;

  for (const record of records) {
    const genre = genreOf(record);
    const inCorpus = record.kind !== 'handwritten';
    const recordsOf = (k: string) => genreRecords.get(k) ?? genreRecords.set(k, { records: 0, clean: 0, cleanWithFinding: 0 }).get(k)!;
    const g = recordsOf(genre);
    const all = inCorpus ? [g, recordsOf(CORPUS)] : [g];
    for (const x of all) x.records++;
    const genreBuckets = () => (inCorpus ? [buckets(byGenre, genre), buckets(byGenre, CORPUS)] : [buckets(byGenre, genre)]);
    const findings = await lint(record.text);
    findingsTotal += findings.length;
    if (record.kind === 'random') randomFindings += findings.length;
    if (record.spans.length === 0) {
      cleanRecords++;
      for (const x of all) x.clean++;
      if (findings.length > 0) {
        cleanWithFinding++;
        for (const x of all) x.cleanWithFinding++;
      }
    }
    const ranges = findings.map((f) => ({ start: f.start.offset, end: f.end.offset, finding: f }));
    for (const { finding, ...range } of ranges) {
      const hits = gold.has(finding.category) ? record.spans.filter((s) => overlaps(s, range)) : [];
      const plain = hits.some((s) => counted(s) && s.level !== 'info');
      const quoted = hits.filter((s) => counted(s) && s.level === 'info');
      const fp = (reason: FalsePositive['reason']) => {
        buckets(byCat, finding.category).falsePositives++;
        for (const b of genreBuckets()) b.falsePositives++;
        rule(finding.ruleId).falsePositives++;
        falsePositives.push({
          id: record.id,
          kind: record.kind,
          genre,
          ruleId: finding.ruleId,
          category: finding.category,
          severity: finding.severity,
          actual: finding.actual,
          reason,
          text: record.text,
        });
      };
      if (plain || (quoted.length > 0 && finding.severity === 'info')) {
        buckets(byCat, finding.category).truePositives++;
        for (const b of genreBuckets()) b.truePositives++;
        rule(finding.ruleId).truePositives++;
      } else if (quoted.length > 0) fp('severity');
      else if (hits.length > 0) neutralFindings++;
      else fp('unlabelled');
    }
    for (const span of record.spans) {
      if (!counted(span)) continue;
      spans++;
      const over = ranges.filter((r) => gold.has(r.finding.category) && overlaps(span, r));
      if (span.level === 'info') {
        if (over.some((r) => r.finding.severity === 'info')) quotes.info++;
        else if (over.length > 0) quotes.flagged++;
        else quotes.silent++;
        continue;
      }
      const tier = tierOf(span);
      if (over.length > 0) {
        buckets(byCat, span.category).found++;
        for (const b of genreBuckets()) b.found++;
        buckets(byTier, tier).found++;
      } else {
        buckets(byCat, span.category).misses++;
        for (const b of genreBuckets()) b.misses++;
        buckets(byTier, tier).misses++;
        misses.push({ id: record.id, kind: record.kind, genre, category: span.category, tier, span: span.text, text: record.text });
      }
    }
  }

  const total = tally();
  const byCategory: Record<string, Counts> = {};
  for (const [category, c] of byCat) {
    byCategory[category] = finish(c);
    total.truePositives += c.truePositives;
    total.falsePositives += c.falsePositives;
    total.misses += c.misses;
    total.found += c.found;
  }
  const genres: EvalReport['byGenre'] = {};
  for (const [genre, r] of genreRecords) if (genre !== CORPUS) genres[genre] = { ...finish(byGenre.get(genre) ?? tally()), ...r };
  const corpus: GenreCounts = { ...finish(byGenre.get(CORPUS) ?? tally()), ...(genreRecords.get(CORPUS) ?? { records: 0, clean: 0, cleanWithFinding: 0 }) };
  const rules: Record<string, RuleCounts> = {};
  for (const id of [...byRule.keys()].sort()) {
    const c = byRule.get(id)!;
    rules[id] = { ...c, precision: ratio(c.truePositives, c.truePositives + c.falsePositives) };
  }
  const tiers: Record<string, Counts> = {};
  for (const [t, c] of byTier) tiers[t] = finish(c);
  return {
    records: records.length,
    spans,
    findings: findingsTotal,
    ...(options.preset !== undefined ? { preset: options.preset } : {}),
    overall: finish(total),
    byCategory,
    byGenre: genres,
    corpus,
    byRule: rules,
    byTier: tiers,
    quotes,
    neutralFindings,
    cleanRecords,
    cleanWithFinding,
    falsePositives,
    misses,
    randomFindings,
  };
}

/** One line of lexicon-cases.jsonl: a sentence written for a lexicon term, and whether it must be flagged. */
export interface LexiconCase {
  term: string;
  sentence: string;
  expect_flag: boolean;
  source?: string;
  note?: string;
}

export interface LexiconReport {
  /** Sentences with expect_flag true, and how many got at least one finding. */
  positives: number;
  flagged: number;
  /** Look-alikes (expect_flag false), and how many got no finding. */
  lookalikes: number;
  passed: number;
  missed: LexiconCase[];
  wronglyFlagged: (LexiconCase & { findings: string[] })[];
}

/** Parses lexicon-cases.jsonl. Throws SyntaxError naming the 1-based line of a bad line. */
export function parseLexiconCases(jsonl: string): LexiconCase[] {
  const out: LexiconCase[] = [];
  jsonl.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let c: LexiconCase;
    try {
      c = JSON.parse(line) as LexiconCase;
    } catch (e) {
      throw new SyntaxError(`line ${i + 1}: ${(e as Error).message}`);
    }
    if (typeof c.sentence !== 'string' || typeof c.expect_flag !== 'boolean')
      throw new SyntaxError(`line ${i + 1}: needs "sentence" (string) and "expect_flag" (boolean)`);
    out.push(c);
  });
  return out;
}

/** A sentence counts as flagged when it gets any finding, of any rule and severity. */
export async function scoreLexiconCases(cases: readonly LexiconCase[], lint: (text: string) => Promise<Finding[]> | Finding[]): Promise<LexiconReport> {
  const report: LexiconReport = { positives: 0, flagged: 0, lookalikes: 0, passed: 0, missed: [], wronglyFlagged: [] };
  for (const c of cases) {
    const findings = await lint(c.sentence);
    if (c.expect_flag) {
      report.positives++;
      if (findings.length > 0) report.flagged++;
      else report.missed.push(c);
    } else {
      report.lookalikes++;
      if (findings.length === 0) report.passed++;
      else report.wronglyFlagged.push({ ...c, findings: findings.map((f) => `${f.ruleId} "${f.actual}"`) });
    }
  }
  return report;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
const num = (n: number, w: number) => String(n).padStart(w);
const oneLine = (s: string) => s.replace(/\s+/g, ' ').slice(0, 160);

/** A plain-text report: tables per category, tier, genre and rule, then every false positive and miss. */
export function formatReport(report: EvalReport, title?: string): string {
  const lines: string[] = [];
  if (title) lines.push(`== ${title}${report.preset ? ` (preset ${report.preset})` : ''}`, '');
  lines.push(`${report.records} records, ${report.spans} gold spans counted, ${report.findings} findings`, '');
  lines.push('category           precision  recall    TP    FP  found  missed');
  const row = (name: string, c: Counts) =>
    `${name.padEnd(18)} ${pct(c.precision)}    ${pct(c.recall)} ${num(c.truePositives, 5)} ${num(c.falsePositives, 5)} ${num(c.found, 6)} ${num(c.misses, 7)}`;
  for (const [name, c] of Object.entries(report.byCategory)) lines.push(row(name, c));
  lines.push(row('overall', report.overall), '');
  lines.push('tier               recall  found  missed');
  for (const [name, c] of Object.entries(report.byTier)) lines.push(`${name.padEnd(18)} ${pct(c.recall)} ${num(c.found, 6)} ${num(c.misses, 7)}`);
  lines.push('');
  lines.push('genre                      records  precision  recall    TP    FP  missed  clean  clean with finding');
  for (const [name, c] of [...Object.entries(report.byGenre), ['(all but handwritten)', report.corpus] as const]) {
    const share = c.clean === 0 ? 0 : c.cleanWithFinding / c.clean;
    lines.push(
      `${name.padEnd(26)} ${num(c.records, 7)}     ${pct(c.precision)}  ${pct(c.recall)} ${num(c.truePositives, 5)} ${num(c.falsePositives, 5)} ${num(c.misses, 7)} ${num(c.clean, 6)}  ${num(c.cleanWithFinding, 4)} (${pct(share).trim()})`,
    );
  }
  lines.push('');
  lines.push('rule                                         precision    TP    FP');
  for (const [id, c] of Object.entries(report.byRule))
    lines.push(`${id.padEnd(44)} ${pct(c.precision)}   ${num(c.truePositives, 5)} ${num(c.falsePositives, 5)}`);
  lines.push('');
  const cleanShare = report.cleanRecords === 0 ? 0 : report.cleanWithFinding / report.cleanRecords;
  lines.push(`clean sentences (no gold span) with a finding: ${report.cleanWithFinding} of ${report.cleanRecords} (${pct(cleanShare).trim()})`);
  lines.push(`findings on random sentences: ${report.randomFindings}`);
  lines.push(
    `own words / mentions (level info): ${report.quotes.info} reported at info, ${report.quotes.flagged} as error/warning (false positives), ${report.quotes.silent} not reported`,
  );
  if (report.neutralFindings) lines.push(`findings on tier-C (all-preset-only) spans, not scored: ${report.neutralFindings}`);
  lines.push('', `false positives (${report.falsePositives.length}):`);
  for (const f of report.falsePositives)
    lines.push(`  ${f.id}  ${f.ruleId}  ${f.severity}${f.reason === 'severity' ? ' on own words/mention' : ''}  "${f.actual}"  | ${oneLine(f.text)}`);
  lines.push('', `misses (${report.misses.length}):`);
  for (const m of report.misses) lines.push(`  ${m.id}  ${m.category}/${m.tier}  "${m.span}"  | ${oneLine(m.text)}`);
  return lines.join('\n');
}

/** The lexicon-case coverage, with every missed sentence and flagged look-alike. */
export function formatLexiconReport(report: LexiconReport, preset?: string): string {
  const lines = [
    `== lexicon cases${preset ? ` (preset ${preset})` : ''}`,
    '',
    `flagged: ${report.flagged} of ${report.positives} sentences that must be flagged`,
    `passed: ${report.passed} of ${report.lookalikes} look-alikes`,
  ];
  if (report.missed.length) lines.push('', `not flagged (${report.missed.length}):`, ...report.missed.map((c) => `  ${c.term}  | ${oneLine(c.sentence)}`));
  if (report.wronglyFlagged.length)
    lines.push(
      '',
      `look-alikes flagged (${report.wronglyFlagged.length}):`,
      ...report.wronglyFlagged.map((c) => `  ${c.term}  ${c.findings.join(', ')}  | ${oneLine(c.sentence)}`),
    );
  return lines.join('\n');
}
