#!/usr/bin/env node
// Checks fixtures/eval-unseen/labelled.jsonl (the fifth, blind-labelled evaluation set; see its README).
//
//   node scripts/eval-unseen-verify.mjs [--corpus ../shared/corpus] [--counts] [fixtures/eval-unseen/labelled.jsonl]
//
// Record checks: unique ids of the right shape (un-<genre>-<nnn> for the eight written genres,
// mq0-L<line>-s<n> for `real`), known genre and kind, `text.slice(start, end) === span.text` for every span
// (UTF-16 offsets, end exclusive), known category and tier, `level` absent or "info", no overlapping spans,
// random records unlabelled, look-alike notes only on records without spans.
// Held-out checks: no text (case/whitespace-insensitive) and no id shared with fixtures/eval, eval-genres,
// eval-new or eval-fresh, and no `real` text that contains or lies inside one of their texts (≥ 16
// characters); every `real` record's text is sentence n of the MedQuAD answer at that line (split of
// scripts/eval-fresh-candidates.mjs) and that line is inside this set's slice (≡ 0 mod 5, outside the
// substance-use subset, not an answer the eval-genres draw read: scripts/eval-unseen-candidates.mjs sliceLines).
// --counts prints the per-genre counts (records, with a span, clean, look-alikes, core/B/C spans without a
// level, info-level spans) as a Markdown table on stdout.
// Exit 0 when clean, 1 with one line per problem (record id first) on stderr. Node 20 ESM, no dependencies;
// when the corpus folder is absent the corpus check is skipped with a warning (exit code unaffected).

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sentences } from './eval-fresh-candidates.mjs';
import { EARLIER_SETS, sliceLines } from './eval-unseen-candidates.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const ci = args.indexOf('--corpus');
const CORPUS = resolve(ci >= 0 ? args[ci + 1] : join(here, '..', '..', 'shared', 'corpus'));
const FILE = resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--corpus') ?? join(here, '..', 'fixtures', 'eval-unseen', 'labelled.jsonl'));

const CATS = new Set(['substance-use', 'credibility', 'compliance', 'demeanor', 'identity']);
export const WRITTEN = [
  'primary-care',
  'addiction-medicine',
  'inpatient',
  'ems-triage',
  'case-management',
  'peds-geri',
  'procedure-wound',
  'sickle-cell-hematology',
];
const norm = (s) => s.toLowerCase().replace(/\s+/g, ' ').trim();
const readJsonl = (f) =>
  readFileSync(f, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l);
      } catch (e) {
        throw new Error(`${f}:${i + 1}: not JSON (${e.message})`);
      }
    });

let bad = 0;
const problem = (id, m) => {
  bad++;
  console.error(`${id}: ${m}`);
};

const records = readJsonl(FILE);
const otherTexts = new Set();
const otherIds = new Set();
for (const set of EARLIER_SETS) {
  const f = join(here, '..', 'fixtures', set, 'labelled.jsonl');
  if (!existsSync(f)) {
    console.error(`warning: ${f} not found; texts and ids of that set not compared`);
    continue;
  }
  for (const r of readJsonl(f)) {
    otherTexts.add(norm(r.text));
    otherIds.add(r.id);
  }
}
const longOther = [...otherTexts].filter((t) => t.length >= 16);

const corpusOk = ['medquad_answers.jsonl', 'medquad_substance_use_subset.jsonl', 'aci_bench_notes.jsonl', 'primock57_notes.jsonl'].every((f) =>
  existsSync(join(CORPUS, f)),
);
if (!corpusOk) console.error(`warning: corpus not found at ${CORPUS}; verbatim and slice checks of real records skipped`);
let slice;
const sliceOf = () => {
  slice ??= sliceLines(CORPUS).ok;
  return slice;
};

const seen = new Set();
const counts = new Map();
const count = (g, k, n = 1) => {
  if (!counts.has(g)) counts.set(g, {});
  const c = counts.get(g);
  c[k] = (c[k] ?? 0) + n;
};
for (const r of records) {
  const id = r.id ?? '(no id)';
  if (seen.has(id)) problem(id, 'duplicate id');
  seen.add(id);
  if (otherIds.has(id)) problem(id, `id also used in one of ${EARLIER_SETS.join(', ')}`);
  if (typeof r.text !== 'string' || !r.text) {
    problem(id, 'no text');
    continue;
  }
  if (!r.source) problem(id, 'no source');
  if (r.genre === 'real') {
    if (!['candidate', 'random'].includes(r.kind)) problem(id, `kind ${JSON.stringify(r.kind)} does not fit genre real`);
    if (!/^mq0-L\d+-s\d+$/.test(id)) problem(id, 'real record id does not have the form mq0-L<line>-s<n>');
  } else if (WRITTEN.includes(r.genre)) {
    if (r.kind !== 'handwritten') problem(id, `kind ${JSON.stringify(r.kind)} does not fit genre ${r.genre}`);
    if (!new RegExp(`^un-${r.genre}-\\d{3}$`).test(id)) problem(id, `id does not have the form un-${r.genre}-<nnn>`);
  } else problem(id, `unknown genre ${JSON.stringify(r.genre)}`);
  if (!Array.isArray(r.spans)) {
    problem(id, 'spans is not an array');
    continue;
  }
  if (r.kind === 'random' && r.spans.length) problem(id, 'random record with spans');
  const lookAlike = /look-alike:/.test(r.note ?? '');
  if (r.spans.length && lookAlike) problem(id, 'look-alike note on a record with spans');
  const k = norm(r.text);
  if (otherTexts.has(k)) problem(id, 'text also in an earlier evaluation set');
  else if (r.genre === 'real' && longOther.some((o) => k.includes(o) || o.includes(k))) problem(id, 'text contains or lies inside a text of an earlier set');
  const sorted = [...r.spans].sort((a, b) => a.start - b.start);
  for (let i = 0; i < sorted.length; i++) {
    const s = sorted[i];
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end <= s.start) problem(id, `bad offsets ${JSON.stringify(s)}`);
    if (r.text.slice(s.start, s.end) !== s.text) problem(id, `offset mismatch ${JSON.stringify(s)}`);
    if (i && sorted[i - 1].end > s.start) problem(id, `overlapping spans at ${s.start}`);
    if (!CATS.has(s.category)) problem(id, `bad category ${s.category}`);
    if (!['core', 'B', 'C'].includes(s.tier)) problem(id, `bad tier ${s.tier}`);
    if (s.level !== undefined && s.level !== 'info') problem(id, `bad level ${s.level}`);
    count(r.genre, s.level ? 'info' : s.tier);
  }
  count(r.genre, 'records');
  count(r.genre, r.spans.length ? 'withSpan' : 'clean');
  if (lookAlike) count(r.genre, 'lookAlike');
  if (r.kind !== 'handwritten') count(r.genre, r.kind);
  if (r.genre === 'real' && corpusOk) {
    const m = /^mq0-L(\d+)-s(\d+)$/.exec(id);
    if (!m) continue;
    const ans = sliceOf().get(Number(m[1]));
    if (!ans) problem(id, `MedQuAD line ${m[1]} is not in this set's slice (≡ 0 mod 5, not the substance-use subset, not read by eval-genres)`);
    else if (sentences(ans.answer)[Number(m[2]) - 1] !== r.text) problem(id, `text is not sentence ${m[2]} of medquad_answers.jsonl line ${m[1]}`);
  }
}

if (args.includes('--counts')) {
  const keys = ['records', 'withSpan', 'clean', 'lookAlike', 'core', 'B', 'C', 'info'];
  const total = {};
  const rows = [];
  for (const g of [...WRITTEN, 'real']) {
    const c = counts.get(g) ?? {};
    for (const key of keys) total[key] = (total[key] ?? 0) + (c[key] ?? 0);
    rows.push(`| \`${g}\` | ${keys.map((key) => c[key] ?? 0).join(' | ')} |`);
  }
  console.log(`| genre | ${keys.join(' | ')} |\n|${'---|'.repeat(keys.length + 1)}\n${rows.join('\n')}`);
  console.log(`| **total** | ${keys.map((key) => `**${total[key]}**`).join(' | ')} |`);
}
console.error(`${records.length} records checked, ${bad} problems`);
process.exit(bad ? 1 : 0);
