// The audit report as one self-contained HTML page: headline numbers, the trend, rules, terms,
// groups, the notes to review, and the rules and options used. Every chart is inline SVG with
// its data in a table beside it. No script, no font or image from elsewhere: the page opens from
// disk, makes no request, and prints. Note text appears only when snippets were asked for, and
// then a banner at the top says so.
import type { Rule } from '../types.js';
import type { Aggregates, GroupBreakdown, Snippet, TermRow, Trend, Unread } from './aggregate.js';
import { barChart, columnChart, formatNumber, PALETTE, SEVERITY_COLOR } from './charts.js';
import { esc } from './escape.js';

export interface ReportPage {
  aggregates: Aggregates;
  /** The export or folder, as the user named it. */
  source: string;
  generatedAt: Date;
  version: string;
  /** Options as the user set them, for the "how this report was made" section. */
  options: Array<[string, string]>;
  rules: readonly Rule[];
  groupBy: readonly string[];
}

const TOP_TERMS = 15;

const pct = (share: number) => `${formatNumber(share * 100, share > 0 && share < 0.1 ? 1 : 0)}%`;
const rate = (n: number) => formatNumber(n, 1);
const plural = (n: number, one: string, many = `${one}s`) => `${formatNumber(n)} ${n === 1 ? one : many}`;

function swap(term: string, suggestion: string): string {
  // role="img": ARIA gives a span no name of its own (aria-label on it is prohibited, and screen
  // readers drop it, reading "right arrow" or nothing); an image named "write instead" is read.
  return `<span class="term">${esc(term)}</span>${suggestion ? ` <span class="arrow" role="img" aria-label="write instead">→</span> <span class="alt">${esc(suggestion)}</span>` : ''}`;
}

/** With one category its prefix says nothing: "substance-abuse" reads better than "substance-use/substance-abuse". */
function ruleLabel(a: Aggregates, id: string): string {
  return a.categories.length <= 1 ? id.slice(id.indexOf('/') + 1) : id;
}

/** A rule id that may break after its category. */
function ruleId(id: string): string {
  return `<code>${esc(id).replace('/', '/<wbr>')}</code>`;
}

function table(caption: string, head: string[], rows: string[][], numeric: number[]): string {
  const cell = (tag: string, i: number, v: string) => `<${tag}${numeric.includes(i) ? ' class="num"' : ''}>${v}</${tag}>`;
  return `<table><caption>${esc(caption)}</caption><thead><tr>${head.map((h, i) => cell('th', i, esc(h))).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((v, i) => cell('td', i, v)).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/** A chart with its data table: side by side when the table is narrow, else the table under the chart. */
function figure(chart: string, data: string, layout: 'side' | 'stack' = 'side'): string {
  return `<div class="figure ${layout}"><div class="plot">${chart}</div><div class="data">${data}</div></div>`;
}

/** What was not read, counted ("1 file, 2 records and 3 attachments", with `kinds` "… 3 attachments (application/pdf ×2, url-only ×1)"), or '' when everything was. */
function unreadCounts(u: Unread, kinds = false): string {
  const records = u.records.reduce((n, r) => n + r.count, 0);
  const attachments = u.attachments.reduce((n, r) => n + r.count, 0);
  const parts = [
    u.files.length ? plural(u.files.length, 'file') : '',
    records ? plural(records, 'record') : '',
    attachments ? `${plural(attachments, 'attachment')}${kinds ? ` (${attachmentKinds(u)})` : ''}` : '',
  ].filter(Boolean);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '');
}

/** "application/pdf ×2, url-only ×1": the attachments left out, by kind over all files. */
function attachmentKinds(u: Unread): string {
  const kinds = new Map<string, number>();
  for (const r of u.attachments) kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + r.count);
  return [...kinds]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([kind, n]) => `${kind} ×${formatNumber(n)}`)
    .join(', ');
}

/** The warning at the top of a page whose numbers leave notes out: a reader of the page alone must see the audit is incomplete. */
function incomplete(u: Unread): string {
  const counts = unreadCounts(u, true);
  if (!counts) return '';
  return `<p class="incomplete" role="note"><strong>This audit is incomplete.</strong> Not read, so not counted anywhere on this page: ${esc(counts)}. See <a href="#unread">What was not read</a>.</p>`;
}

function unreadSection(u: Unread): string {
  if (!unreadCounts(u)) return '';
  const parts: string[] = [
    `<p class="explain">None of this is counted in the numbers above. The command named each on stderr as it met it (a record by its line and row, an attachment by its resource and part).</p>`,
  ];
  if (u.files.length)
    parts.push(
      `<h3>Files not read</h3><div class="data full">${table(
        `${plural(u.files.length, 'file')} left out whole: none of ${u.files.length === 1 ? 'its' : 'their'} notes is counted`,
        ['File', 'Why'],
        u.files.map((f) => [`<code>${esc(f.file)}</code>`, esc(f.reason)]),
        [],
      )}</div>`,
    );
  if (u.records.length)
    parts.push(
      `<h3>Records not read</h3><div class="data full">${table(
        'Malformed records left out, by file',
        ['File', 'Records'],
        u.records.map((r) => [`<code>${esc(r.file)}</code>`, formatNumber(r.count)]),
        [1],
      )}</div>`,
    );
  if (u.attachments.length)
    parts.push(
      `<h3>Attachments not read</h3><p class="note">By kind: ${esc(attachmentKinds(u))}. dignify reads text/plain, text/html and text/markdown attachments with inline data, and fetches nothing.</p><div class="data full">${table(
        'Attachments left out, by file and kind',
        ['File', 'Kind', 'Attachments'],
        u.attachments.map((r) => [`<code>${esc(r.file)}</code>`, esc(r.kind), formatNumber(r.count)]),
        [2],
      )}</div>`,
    );
  return section('unread', 'What was not read', parts.join(''));
}

function headline(a: Aggregates): string {
  const t = a.totals;
  const left = unreadCounts(a.unread);
  const cards = [
    ['Notes scanned', formatNumber(t.notes), left ? `not counted: ${left}` : ''],
    ['Notes with a finding', formatNumber(t.notesWithFindings), `${pct(t.share)} of notes`],
    [
      'Findings',
      formatNumber(t.findings),
      `${plural(a.severities.error, 'error')} · ${plural(a.severities.warning, 'warning')} · ${plural(a.severities.info, 'info', 'info')}`,
    ],
    ['Findings per 1,000 notes', rate(t.per1000), ''],
  ];
  return `<div class="cards">${cards
    .map(
      ([label, n, sub]) =>
        `<div class="card"><div class="label">${esc(label)}</div><div class="n">${esc(n)}</div>${sub ? `<div class="sub">${esc(sub)}</div>` : '<div class="sub">&nbsp;</div>'}</div>`,
    )
    .join('')}</div>`;
}

function summary(a: Aggregates): string {
  const t = a.totals;
  if (t.notes === 0) return '<p class="lead">The export held no notes.</p>';
  if (t.findings === 0) return `<p class="lead">No stigmatizing language was found in ${plural(t.notes, 'note')}.</p>`;
  const oneIn = Math.round(t.notes / t.notesWithFindings);
  const top = a.terms[0]!;
  const parts = [
    `${formatNumber(t.notesWithFindings)} of ${plural(t.notes, 'note')} (${pct(t.share)}${oneIn > 1 ? `, about 1 in ${formatNumber(oneIn)}` : ''}) use stigmatizing language at least once.`,
    `The most frequent term is ${swap(top.term, '')} (${plural(top.findings, 'time')})${top.suggestion ? `; write <span class="alt">${esc(top.suggestion)}</span> instead` : ''}.`,
  ];
  const dated = a.trend?.rows.filter((r) => r.notes > 0) ?? [];
  if (dated.length >= 2) {
    const [first, last] = [dated[0]!, dated[dated.length - 1]!];
    const dir = last.per1000 < first.per1000 ? 'fell' : last.per1000 > first.per1000 ? 'rose' : 'stayed';
    parts.push(`Findings per 1,000 notes ${dir} from ${rate(first.per1000)} in ${esc(first.label)} to ${rate(last.per1000)} in ${esc(last.label)}.`);
  }
  return `<p class="lead">${parts.join(' ')}</p>`;
}

function trendSection(trend: Trend): string {
  const unit = trend.period === 'month' ? 'month' : 'week';
  const rows = trend.rows;
  const note = trend.undated
    ? `<p class="note">${plural(trend.undated, 'note')} had no readable date in “${esc(trend.column)}” and ${trend.undated === 1 ? 'is' : 'are'} left out of this chart (but counted everywhere else).</p>`
    : '';
  if (rows.length === 0) return section('trend', 'Over time', `<p>No note had a readable date in “${esc(trend.column)}”.</p>${note}`);
  const chart = columnChart(
    'trend',
    `Findings per 1,000 notes by ${unit}`,
    rows.map((r) => ({ label: r.label, value: r.notes ? r.per1000 : null })),
    {
      axisLabel: `findings per 1,000 notes, by ${unit} of ${trend.column}`,
    },
  );
  const data = table(
    `Findings per 1,000 notes by ${unit}`,
    [unit === 'month' ? 'Month' : 'Week of', 'Notes', 'With a finding', 'Findings', 'Per 1,000'],
    rows.map((r) => [esc(r.label), formatNumber(r.notes), formatNumber(r.notesWithFindings), formatNumber(r.findings), r.notes ? rate(r.per1000) : '–']),
    [1, 2, 3, 4],
  );
  return section(
    'trend',
    'Over time',
    `<p class="explain">Rates, not counts, so a busy ${unit} does not look worse than a quiet one. A gap (–) is a ${unit} without notes.</p>${figure(chart, data)}${note}`,
  );
}

function rulesSection(a: Aggregates): string {
  if (a.rules.length === 0) return '';
  const name = (id: string) => ruleLabel(a, id);
  const chart = barChart(
    'rules',
    'Findings by rule',
    a.rules.map((r) => ({ label: name(r.ruleId), value: r.findings, color: SEVERITY_COLOR[r.severity] })),
    { axisLabel: 'findings' },
  );
  const legend = (['error', 'warning', 'info'] as const)
    .filter((s) => a.rules.some((r) => r.severity === s))
    .map((s) => `<span class="key"><span class="swatch" style="background:${SEVERITY_COLOR[s]}"></span>${s}</span>`)
    .join('');
  const data = table(
    'Findings by rule (notes: how many notes it appears in), with its most frequent term and what to write instead',
    ['Rule', 'Severity', 'Findings', 'Notes', 'Most frequent term'],
    a.rules.map((r) => [
      `<code title="${esc(r.ruleId)}">${esc(name(r.ruleId))}</code>`,
      esc(r.severity),
      formatNumber(r.findings),
      formatNumber(r.notes),
      swap(r.topTerm, r.suggestion),
    ]),
    [2, 3],
  );
  let categories = '';
  if (a.categories.length > 1) {
    const chart2 = barChart(
      'categories',
      'Findings by category',
      a.categories.map((c, i) => ({ label: c.category, value: c.findings, color: Object.values(PALETTE)[i % 7] })),
      { axisLabel: 'findings' },
    );
    categories = `<h3>By category</h3>${figure(
      chart2,
      table(
        'Findings by category',
        ['Category', 'Findings', 'Notes'],
        a.categories.map((c) => [esc(c.category), formatNumber(c.findings), formatNumber(c.notes)]),
        [1, 2],
      ),
    )}`;
  } else if (a.categories.length === 1) {
    categories = `<p class="note">All findings are in one category, <strong>${esc(a.categories[0]!.category)}</strong>; rules are named without it.</p>`;
  }
  return section('rules', 'Findings by rule', `<p class="legend">${legend}</p>${figure(chart, data, 'stack')}${categories}`);
}

function termRows(a: Aggregates, terms: readonly TermRow[], max: number): string[][] {
  return terms.map((t) => [
    swap(t.term, t.suggestion),
    `<span class="inline-bar" style="width:${Math.max(2, Math.round((t.findings / max) * 80))}px"></span>${formatNumber(t.findings)}`,
    formatNumber(t.notes),
    `<code title="${esc(t.ruleId)}">${esc(ruleLabel(a, t.ruleId))}</code>`,
  ]);
}

function termsSection(a: Aggregates): string {
  if (a.terms.length === 0) return '';
  const max = a.terms[0]!.findings;
  const head = ['Term → write instead', 'Findings', 'Notes', 'Rule'];
  const top = table(
    `The ${Math.min(TOP_TERMS, a.terms.length)} most frequent terms (notes: how many notes each appears in)`,
    head,
    termRows(a, a.terms.slice(0, TOP_TERMS), max),
    [1, 2],
  );
  const rest =
    a.terms.length > TOP_TERMS
      ? `<details><summary>${plural(a.terms.length - TOP_TERMS, 'more term')}</summary>${table('Less frequent terms', head, termRows(a, a.terms.slice(TOP_TERMS), max), [1, 2])}</details>`
      : '';
  return section('terms', 'Top terms and what to write instead', `<div class="data full">${top}${rest}</div>`);
}

/**
 * An id for a --group-by column's section and chart: the column's name with each character other than
 * ASCII letters, digits, "_" and "-" as "_". An id holds no white space (aria-labelledby and
 * headers are lists of ids split at white space, so "group-dept unit-h" named two ids that do not
 * exist and the section had no name), and the FHIR paths' "." and "[" are kept out of URL fragments.
 */
function groupId(column: string): string {
  return `group-${column.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

function groupSection(g: GroupBreakdown): string {
  // Groups without findings would be a column of empty bars: they are named under the chart instead.
  const flagged = g.rows.filter((r) => r.findings > 0);
  const clean = g.rows.filter((r) => r.findings === 0);
  const chart = flagged.length
    ? barChart(
        groupId(g.column),
        `Findings per 1,000 notes by ${g.column}`,
        flagged.map((r) => ({ label: r.value, value: r.per1000 })),
        { digits: 1, axisLabel: 'findings per 1,000 notes' },
      )
    : '';
  const none = clean.length
    ? `<p class="note">${flagged.length ? 'No findings in' : 'No findings in any group'}: ${clean.map((r) => esc(r.value)).join(', ')}.</p>`
    : '';
  const data = table(
    `Findings by ${g.column}, highest rate first`,
    [g.column, 'Notes', 'With a finding', 'Findings', 'Per 1,000', 'Top term'],
    g.rows.map((r) => [
      esc(r.value),
      formatNumber(r.notes),
      pct(r.share),
      formatNumber(r.findings),
      rate(r.per1000),
      r.topTerm ? `<span class="term">${esc(r.topTerm)}</span>` : '',
    ]),
    [1, 2, 3, 4],
  );
  return section(
    groupId(g.column),
    `By ${g.column}`,
    `<p class="explain">Highest rate first. Rates from a handful of notes swing widely: read them with the note counts.</p>${figure(chart + none, data, 'stack')}`,
  );
}

function notesSection(a: Aggregates, groupBy: readonly string[]): string {
  if (a.topNotes.length === 0) return '';
  const rows = a.topNotes.map((n) => [
    n.id !== undefined ? `<code>${esc(n.id)}</code>` : `row ${formatNumber(n.row)}`,
    ...n.groups.map(esc),
    formatNumber(n.findings),
    n.terms.map((t) => `<span class="term">${esc(t)}</span>`).join(' '),
  ]);
  return section(
    'notes',
    'Notes with the most findings',
    `<p class="explain">Record ids to look up in the source system.</p><div class="data full">${table(
      `The ${a.topNotes.length} notes with the most findings`,
      ['Record', ...groupBy, 'Findings', 'Terms'],
      rows,
      [1 + groupBy.length],
    )}</div>`,
  );
}

function highlight(sentence: string, term: string): string {
  const at = sentence.toLowerCase().indexOf(term.toLowerCase().replace(/\s+/g, ' '));
  if (at < 0) return esc(sentence);
  return `${esc(sentence.slice(0, at))}<mark>${esc(sentence.slice(at, at + term.length))}</mark>${esc(sentence.slice(at + term.length))}`;
}

function snippetsSection(snippets: readonly Snippet[], omitted: number): string {
  const rows = snippets.map((s) => [
    s.id !== undefined ? `<code>${esc(s.id)}</code>` : `row ${formatNumber(s.row)}`,
    highlight(s.sentence, s.term.replace(/\s+/g, ' ')),
    swap(s.term, s.suggestion),
  ]);
  const more = omitted
    ? `<p class="note">${plural(omitted, 'more finding')} not shown (the page keeps the first ${formatNumber(snippets.length)}); <code>dignify --format json</code> lists them all.</p>`
    : '';
  return section(
    'snippets',
    'Findings in context',
    `<div class="data full">${table('Each finding with its sentence', ['Record', 'Sentence', 'Term → write instead'], rows, [])}</div>${more}`,
  );
}

function setupSection(page: ReportPage): string {
  const options = `<dl class="options">${page.options.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
  const rules = table(
    `${plural(page.rules.length, 'rule')} applied`,
    ['Rule', 'Severity', 'Matches', 'Suggests'],
    page.rules.map((r) => [ruleId(r.id), esc(r.severity), esc(r.match.join(', ')), esc(r.suggestions.join('; '))]),
    [],
  );
  return section(
    'setup',
    'How this report was made',
    `${options}<details><summary>${plural(page.rules.length, 'rule')} applied</summary><div class="data full">${rules}</div></details>`,
  );
}

function section(id: string, title: string, body: string): string {
  return `<section id="${esc(id)}" aria-labelledby="${esc(id)}-h"><h2 id="${esc(id)}-h">${esc(title)}</h2>${body}</section>`;
}

export function renderReportHtml(page: ReportPage): string {
  const a = page.aggregates;
  const withSnippets = a.snippets !== undefined;
  const privacy = withSnippets
    ? `<div class="phi" role="alert"><strong>This report contains note text.</strong> It was made with <code>--include-snippets</code> and shows the sentence around each finding, which can hold protected health information. Store and share it as you would the notes themselves.</div>`
    : `<p class="privacy">No note text: this page shows terms, counts and record ids only.</p>`;
  const when = page.generatedAt.toISOString().replace('T', ' ').slice(0, 16);
  const body = [
    `<header>${withSnippets ? privacy : ''}<h1>Stigmatizing language audit</h1><p class="meta"><span>${esc(page.source)}</span> · generated ${esc(when)} UTC · dignify ${esc(page.version)}</p>${withSnippets ? '' : privacy}</header>`,
    incomplete(a.unread),
    headline(a),
    summary(a),
    a.trend ? trendSection(a.trend) : '',
    rulesSection(a),
    termsSection(a),
    ...a.groups.map(groupSection),
    notesSection(a, page.groupBy),
    a.snippets ? snippetsSection(a.snippets, a.snippetsOmitted) : '',
    unreadSection(a.unread),
    setupSection(page),
    `<footer>Made by dignify, which never makes a network call. This file is self-contained: it loads nothing from elsewhere.</footer>`,
  ].join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<title>Stigmatizing language audit — ${esc(page.source)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

// System fonts only (nothing to download); tabular figures so columns of numbers line up.
const CSS = `
:root{--ink:#1f2328;--muted:#59636e;--line:#d8dee4;--soft:#f6f8fa;--accent:${PALETTE.blue};--warn:${PALETTE.vermillion}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--soft);color:var(--ink);font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif}
main{max-width:1320px;margin:0 auto;padding:28px 28px 56px}
header h1{font-size:30px;line-height:1.2;margin:6px 0 4px;letter-spacing:-.01em}
.meta{color:var(--muted);margin:0 0 10px;font-size:14px}
.meta span{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px}
.privacy{display:inline-block;color:var(--muted);font-size:13px;margin:0 0 18px;border:1px solid var(--line);background:#fff;border-radius:999px;padding:2px 12px}
.phi{border:2px solid var(--warn);background:#fff4ec;color:#5c2400;border-radius:8px;padding:12px 16px;margin-bottom:12px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(210px,1fr));gap:14px}
.card{background:#fff;border:1px solid var(--line);border-radius:10px;padding:14px 18px}
.card .label{color:var(--muted);font-size:13px;font-weight:600;text-transform:uppercase;letter-spacing:.04em}
.card .n{font-size:38px;font-weight:700;line-height:1.15;font-variant-numeric:tabular-nums;color:var(--ink)}
.card .sub{color:var(--muted);font-size:13px}
.lead{font-size:18px;line-height:1.5;max-width:62em;margin:20px 0 4px}
section{background:#fff;border:1px solid var(--line);border-radius:10px;padding:18px 24px 20px;margin-top:22px}
h2{font-size:20px;margin:0 0 6px}
h3{font-size:16px;margin:20px 0 6px}
.explain,.note{color:var(--muted);font-size:14px;margin:0 0 12px}
.incomplete{border:2px solid var(--warn);background:#fff4ec;color:#5c2400;border-radius:8px;padding:10px 16px;margin:0 0 16px;font-size:15px}
.incomplete a{color:inherit}
.figure{display:flex;flex-wrap:wrap;gap:20px 32px;align-items:flex-start}
.plot{flex:0 1 600px;min-width:0}
.plot svg{width:100%;height:auto;display:block}
.data{flex:1 1 420px;min-width:0;overflow-x:auto}
.figure.stack{flex-direction:column;flex-wrap:nowrap;align-items:stretch}
.figure.stack .plot{flex:none;width:100%;max-width:640px}
.figure.stack .data{flex:none;max-width:1000px}
.figure .note{margin-top:8px}
.data.full{max-width:100%}
table{border-collapse:collapse;width:100%;font-size:14px;font-variant-numeric:tabular-nums}
caption{text-align:left;color:var(--muted);font-size:13px;padding:0 0 6px}
th,td{text-align:left;padding:6px 10px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-weight:600;font-size:13px;color:var(--muted);border-bottom:2px solid var(--line)}
.num{text-align:right;white-space:nowrap}
tbody tr:hover{background:var(--soft)}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
td code{white-space:nowrap}
.term,.alt{border-radius:4px;padding:1px 6px;-webkit-box-decoration-break:clone;box-decoration-break:clone}
.term{background:#fdecdf;color:#6b2a00}
.alt{background:#e1f3ec;color:#00513b}
.arrow{color:var(--muted)}
mark{background:#ffe08a;color:inherit;padding:0 2px;border-radius:2px}
.inline-bar{display:inline-block;height:10px;background:var(--accent);border-radius:2px;margin-right:8px;vertical-align:baseline}
.legend{margin:0 0 8px;font-size:13px;color:var(--muted)}
.key{margin-right:16px;white-space:nowrap}
.swatch{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:5px;vertical-align:-1px}
details{margin-top:10px}
summary{cursor:pointer;color:var(--accent);font-size:14px}
dl.options{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:4px 18px;margin:6px 0 12px;font-size:14px}
dt{color:var(--muted)}
dd{margin:0;overflow-wrap:anywhere;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px}
footer{color:var(--muted);font-size:13px;margin-top:28px}
svg.chart text{fill:var(--ink)}
svg.chart .tick,svg.chart .muted,svg.chart .axis-label{fill:var(--muted);font-size:12px}
svg.chart .grid{stroke:#eaeef2}
svg.chart .axis{stroke:#8c959f}
svg.chart .value{font-variant-numeric:tabular-nums}
@media (max-width:640px){main{padding:16px}.card .n{font-size:30px}}
@media print{
  body{background:#fff;font-size:11pt}
  main{max-width:none;padding:0}
  section,.card{border:none;padding:0}
  .cards,.plot,tr{break-inside:avoid}
  h2,h3{break-after:avoid}
  section{margin-top:18pt}
  tbody tr:hover{background:none}
  .term,.alt,.inline-bar,.swatch,.phi,mark{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;
