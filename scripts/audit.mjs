// The precision audit on real text no labelled set uses (issue 11): lints this session's audit slices
// of the shared corpus with the built linter and compares the findings with the judgements recorded in
// fixtures/audit/judgements.jsonl, so that a later session can re-measure per-rule precision.
//
//   node scripts/audit.mjs                 per rule and preset: findings, judged, right, wrong, precision
//                                          (judged findings that are still reported), judged findings no
//                                          longer reported, and how many findings are not judged yet
//   node scripts/audit.mjs --sample N [--seed S] [--rule ID] [--preset P]
//                                          prints up to N unjudged findings per rule (a seeded draw, the
//                                          same for the same findings) with their context, for judging
//   node scripts/audit.mjs --json          the report as JSON
//   node scripts/audit.mjs --gone          lists the judged findings no longer reported
//   node scripts/audit.mjs --write-precision
//                                          writes each rule's judged precision (in the smallest preset
//                                          that holds it) as the set `fixtures/audit` of
//                                          fixtures/eval-genres/precision.json, which docs/rules.md shows
//   node scripts/audit.mjs --add FILE [--drawn TEXT]
//                                          appends the verdicts of FILE (JSONL: doc, rule, start, end,
//                                          verdict, optional kind and note) to the judgements, each with
//                                          the finding's actual words, severity and excerpt as now
//                                          reported, `drawn` (how it was drawn, e.g. "--sample 30 --seed 11")
//                                          and `commit` (the code judged); exit 2 when a verdict names a
//                                          finding not reported now or one already judged
//   node scripts/audit.mjs --recall [b]    the recall audit of the core substance-use terms: every
//                                          occurrence of a core stem (CORE_STEMS) in the slices, and
//                                          those no finding of the default preset covers, with context
//
// The slices (see fixtures/audit/README.md): medquad_answers.jsonl answers at 1-based lines ≡ 2 or 4
// (mod 5); distinct MTSamples transcriptions whose trimmed text's FNV-1a 32-bit hash is not ≡ 1 (mod 4);
// every PriMock57 note; the `dialogue` field of every ACI-Bench record. Nothing else is read (the other
// slices are held out for blind sets).
//
// A finding is identified by document id, rule id and its start/end offsets (UTF-16 code units) in the
// document: the corpus does not change, so an id names the same words in every session. Output goes to
// stdout only: no corpus text is written to the repository except the short excerpts a judge adds.
// Exit 2 on a usage or I/O error, 0 otherwise (a report, not a gate).
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintText } from '../dist/index.js';
import { csvRows } from './corpus-csv.mjs';
import { fnv1a, mulberry32 } from './seeded.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = path.resolve(root, '..', 'shared', 'corpus');
const JUDGEMENTS = path.join(root, 'fixtures', 'audit', 'judgements.jsonl');
const PRESETS = ['recommended', 'all'];

const fail = (message) => {
  console.error(`dignify audit: ${message}`);
  process.exit(2);
};
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (v === undefined || v.startsWith('--')) fail(`${name} needs a value`);
  return v;
};
const known = new Set(['--sample', '--seed', '--rule', '--preset', '--json', '--gone', '--doc', '--recall', '--write-precision', '--add', '--drawn']);
for (const a of args) if (a.startsWith('--') && !known.has(a)) fail(`unknown option ${a} (options: ${[...known].join(', ')})`);
const sample = opt('--sample') !== undefined ? Number(opt('--sample')) : undefined;
const seed = Number(opt('--seed') ?? 11);
const onlyRule = opt('--rule');
const onlyPreset = opt('--preset');
const onlyDoc = opt('--doc');
if (onlyPreset !== undefined && !PRESETS.includes(onlyPreset)) fail(`--preset must be one of ${PRESETS.join(', ')}`);
if (sample !== undefined && !(sample > 0)) fail('--sample needs a positive number');

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text) {
  const [head, ...body] = csvRows(text);
  return body.filter((r) => r.length === head.length).map((r) => Object.fromEntries(head.map((h, k) => [h, r[k]])));
}

const read = (file) => {
  try {
    return readFileSync(path.join(CORPUS, file), 'utf8');
  } catch (e) {
    return fail(`cannot read ${path.join(CORPUS, file)}: ${e.code ?? e.message}`);
  }
};
const jsonl = (file) =>
  read(file)
    .split('\n')
    .map((line, i) => ({ line: i + 1, text: line }))
    .filter((l) => l.text.trim());

/** The audit slices as documents `{ id, text }`, in a fixed order. */
export function loadSlices() {
  const docs = [];
  for (const { line, text } of jsonl('medquad_answers.jsonl'))
    if (line % 5 === 2 || line % 5 === 4) docs.push({ id: `mq-L${line}`, text: JSON.parse(text).answer ?? '' });
  const seen = new Set();
  for (const r of parseCsv(read('mtsamples.csv'))) {
    const t = r.transcription ?? '';
    if (!t.trim() || seen.has(t.trim())) continue;
    seen.add(t.trim());
    if (fnv1a(t.trim()) % 4 !== 1) docs.push({ id: `mts-${r.note_id}`, text: t });
  }
  for (const { text } of jsonl('primock57_notes.jsonl')) {
    const r = JSON.parse(text);
    docs.push({ id: `primock-d${r.day}c${r.consultation}`, text: r.note ?? '' });
  }
  for (const { text } of jsonl('aci_bench_notes.jsonl')) {
    const r = JSON.parse(text);
    docs.push({ id: `aci-${r.encounter_id}-dialogue`, text: r.dialogue ?? '' });
  }
  return onlyDoc ? docs.filter((d) => d.id === onlyDoc) : docs;
}

const keyOf = (f) => `${f.doc}|${f.rule}|${f.start}|${f.end}`;

function loadJudgements() {
  if (!existsSync(JUDGEMENTS)) return new Map();
  const out = new Map();
  readFileSync(JUDGEMENTS, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      let j;
      try {
        j = JSON.parse(line);
      } catch (e) {
        fail(`${path.relative(root, JUDGEMENTS)} line ${i + 1}: ${e.message}`);
      }
      if (!['right', 'wrong'].includes(j.verdict)) fail(`${path.relative(root, JUDGEMENTS)} line ${i + 1}: verdict must be right or wrong`);
      out.set(keyOf(j), j);
    });
  return out;
}

const docs = loadSlices();
const judged = loadJudgements();
/** key → { doc, rule, start, end, actual, severity, presets: Set } */
const findings = new Map();
const texts = new Map(docs.map((d) => [d.id, d.text]));
const started = process.cpuUsage();
let chars = 0;
for (const d of docs) {
  chars += d.text.length;
  for (const preset of PRESETS) {
    if (onlyPreset && preset !== onlyPreset) continue;
    for (const f of await lintText(d.text, { preset })) {
      const rec = { doc: d.id, rule: f.ruleId, start: f.start.offset, end: f.end.offset, actual: f.actual, severity: f.severity };
      const k = keyOf(rec);
      const had = findings.get(k);
      if (had) had.presets.add(preset);
      else findings.set(k, { ...rec, presets: new Set([preset]) });
    }
  }
}
const cpu = process.cpuUsage(started);

// The stems of the core substance-use terms (fixtures/eval-new/README.md, tier `core`): person labels,
// "[substance] abuse" and "abusing", clean/dirty, IVDU/IVDA, drug-seeking, habit.
const CORE_STEMS =
  /(?<![\p{L}\p{N}])(?:addict(?:s|ed)?|abus(?:e|es|ed|er|ers|ing)|junkies?|crack-?heads?|alcoholics?|drunks?|(?:drug|heroin|cocaine|meth|iv|opioid|substance)\s+users?|habits?|clean|dirty|ivd[ua]s?|(?:drug|narcotic)[- ]seek(?:ing|ers?))(?![\p{L}\p{N}])/giu;
// The stems of the tier-B terms (the same README): credibility, negative compliance, demeanor,
// identity person labels, relapse/detox/rehab, "addicted", "[substance] dependence". `--recall b`.
const B_STEMS =
  /(?<![\p{L}\p{N}])(?:non-?complian(?:t|ce)|non-?adheren(?:t|ce)|refus(?:e|es|ed|ing|al)|claim(?:s|ed|ing)?|insist(?:s|ed|ing|ent)?|adamant(?:ly)?|alleged(?:ly)?|supposedly|historian|frequent fl[iy]ers?|combative(?:ness)?|belligeren(?:t|ce)|hostil(?:e|ity)|manipulative|un-?cooperative|non-?cooperative|hysteric(?:al|s)?|aggressive|diabetics?|obese|morbid(?:ly)?|schizophrenics?|wheel ?chair[- ]bound|retard(?:ed|ation)|epileptics?|sicklers?|committed suicide|hiv[- ]infected|relaps(?:e|ed|es|ing)|detox(?:ed|ing)?|rehab|dependen(?:ce|cy|t)|addicted)(?![\p{L}\p{N}])/giu;
if (args.includes('--recall')) {
  const stems = args[args.indexOf('--recall') + 1] === 'b' ? B_STEMS : CORE_STEMS;
  let total = 0;
  const uncovered = [];
  for (const d of docs) {
    const spans = [...findings.values()].filter((f) => f.doc === d.id && f.presets.has('recommended'));
    for (const m of d.text.matchAll(stems)) {
      total++;
      const start = m.index;
      const end = start + m[0].length;
      if (!spans.some((f) => f.start < end && f.end > start)) uncovered.push({ doc: d.id, start, end, actual: m[0] });
    }
  }
  const byWord = new Map();
  for (const u of uncovered) byWord.set(u.actual.toLowerCase(), (byWord.get(u.actual.toLowerCase()) ?? 0) + 1);
  console.log(
    `${total} occurrences of a ${stems === B_STEMS ? 'tier-B' : 'core'} stem, ${total - uncovered.length} covered by a finding (recommended), ${uncovered.length} not`,
  );
  console.log(
    [...byWord]
      .sort((a, b) => b[1] - a[1])
      .map(([w, n]) => `${w} ${n}`)
      .join(', '),
  );
  const show = new RegExp(onlyRule ?? '.', 'i');
  for (const u of uncovered) if (show.test(u.actual)) console.log(`${u.doc} ${u.start} ${JSON.stringify(u.actual)}  | ${context({ ...u, doc: u.doc }, 70)}`);
  process.exit(0);
}
const cpuSeconds = (cpu.user + cpu.system) / 1e6;

if (opt('--add') !== undefined) {
  const file = opt('--add');
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    fail(`cannot read ${file}: ${e.code ?? e.message}`);
  }
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    // Not a git checkout: the judgement still holds, only its provenance is less precise.
  }
  const out = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let v;
    try {
      v = JSON.parse(line);
    } catch (e) {
      fail(`${file} line ${i + 1}: ${e.message}`);
    }
    if (!['right', 'wrong'].includes(v.verdict)) fail(`${file} line ${i + 1}: verdict must be right or wrong`);
    const k = keyOf(v);
    const f = findings.get(k);
    if (!f) fail(`${file} line ${i + 1}: no finding ${k} is reported now`);
    if (judged.has(k)) fail(`${file} line ${i + 1}: ${k} is already judged`);
    const t = texts.get(f.doc);
    const excerpt = `${t.slice(Math.max(0, f.start - 35), f.start)}[[${t.slice(f.start, f.end)}]]${t.slice(f.end, f.end + 35)}`.replace(/\s+/g, ' ');
    out.push({
      doc: f.doc,
      rule: f.rule,
      start: f.start,
      end: f.end,
      actual: f.actual,
      severity: f.severity,
      verdict: v.verdict,
      ...(v.kind ? { kind: v.kind } : {}),
      ...(v.note ? { note: v.note } : {}),
      excerpt,
      ...(opt('--drawn') ? { drawn: opt('--drawn') } : {}),
      commit,
    });
    judged.set(k, out.at(-1));
  });
  appendFileSync(JUDGEMENTS, out.map((j) => `${JSON.stringify(j)}\n`).join(''));
  console.error(`dignify audit: added ${out.length} judgements to ${path.relative(root, JUDGEMENTS)} (commit ${commit})`);
  process.exit(0);
}

/** A finding's words in [[ ]] with `n` characters either side, white space collapsed (for judging; never written to the repository). */
function context(f, n = 90) {
  const t = texts.get(f.doc) ?? '';
  const one = (s) => s.replace(/\s+/g, ' ');
  return `${one(t.slice(Math.max(0, f.start - n), f.start))}[[${t.slice(f.start, f.end)}]]${one(t.slice(f.end, f.end + n))}`;
}

if (sample !== undefined) {
  const byRule = new Map();
  for (const [k, f] of findings) {
    if (judged.has(k) || (onlyRule && f.rule !== onlyRule && !f.rule.startsWith(`${onlyRule}/`))) continue;
    if (!byRule.has(f.rule)) byRule.set(f.rule, []);
    byRule.get(f.rule).push(f);
  }
  for (const [rule, list] of [...byRule].sort((a, b) => a[0].localeCompare(b[0]))) {
    const rng = mulberry32(seed ^ fnv1a(rule));
    const drawn = list
      .map((f) => ({ f, r: rng() }))
      .sort((a, b) => a.r - b.r)
      // Up to N judged findings a rule in all: those judged and still reported count.
      .slice(0, Math.max(0, sample - [...findings.entries()].filter(([k, f]) => f.rule === rule && judged.has(k)).length))
      .map((x) => x.f);
    if (!drawn.length) continue;
    console.log(`\n## ${rule}: ${list.length} unjudged, ${drawn.length} drawn`);
    for (const f of drawn)
      console.log(
        JSON.stringify({ doc: f.doc, rule: f.rule, start: f.start, end: f.end, actual: f.actual, severity: f.severity, presets: [...f.presets] }),
        `\n   ${context(f)}`,
      );
  }
  process.exit(0);
}

// The report: per rule, per preset.
const rows = new Map();
const row = (rule) => {
  if (!rows.has(rule)) rows.set(rule, Object.fromEntries(PRESETS.map((p) => [p, { findings: 0, judged: 0, right: 0, wrong: 0, kinds: {} }])));
  return rows.get(rule);
};
const gone = [];
for (const [k, j] of judged) {
  const f = findings.get(k);
  if (!f) {
    if (!onlyDoc || j.doc === onlyDoc) gone.push(j);
  }
}
for (const [k, f] of findings) {
  const j = judged.get(k);
  for (const p of f.presets) {
    const r = row(f.rule)[p];
    r.findings++;
    if (!j) continue;
    r.judged++;
    // A judgement holds for the level it was made at: an error that became info on own words is
    // re-judged (listed as changed), not counted.
    if (j.severity !== undefined && j.severity !== f.severity && (j.severity === 'info') !== (f.severity === 'info')) {
      r.judged--;
      r.changed = (r.changed ?? 0) + 1;
      continue;
    }
    if (j.verdict === 'right') r.right++;
    else {
      r.wrong++;
      r.kinds[j.kind ?? '?'] = (r.kinds[j.kind ?? '?'] ?? 0) + 1;
    }
  }
}

const totals = Object.fromEntries(PRESETS.map((p) => [p, { findings: 0, judged: 0, right: 0, wrong: 0 }]));
for (const r of rows.values()) for (const p of PRESETS) for (const k of ['findings', 'judged', 'right', 'wrong']) totals[p][k] += r[p][k];

if (args.includes('--write-precision')) {
  const { builtinRules } = await import('../dist/rules/builtin.js');
  const presetOf = new Map(builtinRules().rules.map((r) => [r.id, r.presets.includes('recommended') ? 'recommended' : 'all']));
  const file = path.join(root, 'fixtures', 'eval-genres', 'precision.json');
  let data = { preset: 'default', sets: {} };
  if (existsSync(file)) data = JSON.parse(readFileSync(file, 'utf8'));
  const set = {};
  for (const [rule, r] of [...rows].sort((a, b) => a[0].localeCompare(b[0]))) {
    const c = r[presetOf.get(rule) ?? 'all'];
    if (c.right + c.wrong === 0) continue;
    set[rule] = { truePositives: c.right, falsePositives: c.wrong, precision: c.right / (c.right + c.wrong) };
  }
  data.sets['fixtures/audit'] = set;
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  console.error(`dignify audit: wrote ${path.relative(root, file)} (set fixtures/audit, ${Object.keys(set).length} rules)`);
}

if (args.includes('--json')) {
  console.log(JSON.stringify({ documents: docs.length, characters: chars, cpuSeconds, rules: Object.fromEntries(rows), totals, gone }, null, 2));
  process.exit(0);
}
const pct = (a, b) => (b ? (a / b).toFixed(2) : '  – ');
console.log(`${docs.length} documents, ${(chars / 1e6).toFixed(1)} M characters, ${cpuSeconds.toFixed(1)} CPU s; ${judged.size} judgements`);
console.log(
  '\nrule                                         | recommended: findings judged right wrong precision | all: findings judged right wrong precision | errors (all)',
);
for (const [rule, r] of [...rows].sort((a, b) => a[0].localeCompare(b[0]))) {
  const cell = (c) =>
    `${String(c.findings).padStart(5)} ${String(c.judged).padStart(4)} ${String(c.right).padStart(4)} ${String(c.wrong).padStart(4)}  ${pct(c.right, c.judged)}`;
  const kinds = Object.entries(r.all.kinds)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  const changed = r.all.changed || r.recommended.changed ? ` (level changed: ${r.all.changed ?? r.recommended.changed}, re-judge)` : '';
  console.log(`${rule.padEnd(44)} | ${cell(r.recommended)} | ${cell(r.all)} | ${kinds}${changed}`);
}
for (const p of PRESETS) {
  const t = totals[p];
  console.log(
    `\n${p}: ${t.findings} findings, ${t.judged} judged, ${t.right} right, ${t.wrong} wrong, precision ${pct(t.right, t.judged)}; ${t.findings - t.judged} not judged`,
  );
}
console.log(
  `\n${gone.length} judged findings no longer reported (${gone.filter((g) => g.verdict === 'wrong').length} judged wrong, ${gone.filter((g) => g.verdict === 'right').length} judged right: lost recall)`,
);
if (args.includes('--gone')) for (const g of gone) console.log(`  ${g.verdict.padEnd(5)} ${keyOf(g)} ${JSON.stringify(g.actual)} ${g.kind ?? ''}`);
