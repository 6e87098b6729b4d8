#!/usr/bin/env node
// Checks fixtures/eval-fresh/labelled.jsonl (the fourth, blind-labelled evaluation set; see its README).
//
//   node scripts/eval-fresh-verify.mjs [--corpus ../shared/corpus] [fixtures/eval-fresh/labelled.jsonl]
//
// Record checks: unique ids of the right shape per genre, known genre and kind, `text.slice(start, end)
// === span.text` for every span (UTF-16 offsets, end exclusive), known category and tier, `level` absent
// or "info", no overlapping spans, random records unlabelled, look-alike notes only on records without spans.
// Held-out checks: no text (case/whitespace-insensitive) and no id shared with fixtures/eval,
// fixtures/eval-genres or fixtures/eval-new; every `real` record's text verbatim in the corpus record its id
// names, and that record inside the slice reserved for this set:
//   mq1-L<line>-s<n>   medquad_answers.jsonl, line ≡ 1 (mod 5), answer not in the substance-use subset;
//   ngx-L<n>           negex_rsAnnotations-1-120-random.tsv, the row with that "line number" (sentence column);
//   ctk-L<line>-s<n>   ctakes_example_notes.jsonl, field text of that line;
//   mts-N<note_id>-s<n> mtsamples.csv, transcription of that note_id, whose trimmed text has
//                      FNV-1a 32-bit hash ≡ 1 (mod 4).
// Exit 0 when clean, 1 with one line per problem (record id first). Node 20 ESM, no dependencies; when
// the corpus folder is absent the corpus check is skipped with a warning (exit code unaffected).

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from './eval-fresh-candidates.mjs';
import { fnv1a } from './seeded.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const ci = args.indexOf('--corpus');
const CORPUS = resolve(ci >= 0 ? args[ci + 1] : join(here, '..', '..', 'shared', 'corpus'));
const FILE = resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--corpus') ?? join(here, '..', 'fixtures', 'eval-fresh', 'labelled.jsonl'));

const CATS = new Set(['substance-use', 'credibility', 'compliance', 'demeanor', 'identity']);
const WRITTEN = new Set(['ed-physician', 'psychiatry', 'perinatal', 'pain-pharmacy', 'portal-message', 'handoff-problem-list', 'hiv-diabetes-obesity']);
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
for (const set of ['eval', 'eval-genres', 'eval-new']) {
  const f = join(here, '..', 'fixtures', set, 'labelled.jsonl');
  if (!existsSync(f)) continue;
  for (const r of readJsonl(f)) {
    otherTexts.add(norm(r.text));
    otherIds.add(r.id);
  }
}

const need = ['medquad_answers.jsonl', 'negex_rsAnnotations-1-120-random.tsv', 'ctakes_example_notes.jsonl', 'mtsamples.csv'];
const corpusOk = need.every((f) => existsSync(join(CORPUS, f)));
if (!corpusOk) console.error(`warning: corpus not found at ${CORPUS}; verbatim check of real records skipped`);
// Each corpus file is read the first time a record needs it (MTSamples is 17 MB of CSV).
const once = (load) => {
  let value;
  return () => {
    value ??= load();
    return value;
  };
};
const medquad = once(() => ({
  lines: readFileSync(join(CORPUS, 'medquad_answers.jsonl'), 'utf8').split('\n'),
  subset: new Set(readJsonl(join(CORPUS, 'medquad_substance_use_subset.jsonl')).map((r) => r.answer)),
}));
const negexRows = once(() => {
  const rows = new Map();
  for (const l of readFileSync(join(CORPUS, 'negex_rsAnnotations-1-120-random.tsv'), 'utf8').split('\n').slice(1)) {
    const c = l.split('\t');
    if (c.length >= 3) rows.set(c[0], c[2]);
  }
  return rows;
});
const ctakesLines = once(() => readFileSync(join(CORPUS, 'ctakes_example_notes.jsonl'), 'utf8').split('\n'));
const mtsamples = once(() => {
  const rows = parseCsv(readFileSync(join(CORPUS, 'mtsamples.csv'), 'utf8'));
  const ti = rows[0].indexOf('transcription');
  const ni = rows[0].indexOf('note_id');
  return new Map(rows.slice(1).map((row) => [row[ni], row[ti] ?? '']));
});

function corpusText(id) {
  let m = /^mq1-L(\d+)-s\d+$/.exec(id);
  if (m) {
    const line = Number(m[1]);
    if (line % 5 !== 1) return { err: `MedQuAD line ${line} is not ≡ 1 (mod 5)` };
    const { lines, subset } = medquad();
    const a = lines[line - 1] ? JSON.parse(lines[line - 1]).answer : '';
    if (subset.has(a)) return { err: 'MedQuAD answer is in the substance-use subset' };
    return { text: a, where: `medquad_answers.jsonl line ${line}` };
  }
  m = /^ngx-L(\d+)$/.exec(id);
  if (m) return { text: negexRows().get(m[1]) ?? '', where: `NegEx line number ${m[1]}` };
  m = /^ctk-L(\d+)-s\d+$/.exec(id);
  if (m) {
    const l = ctakesLines()[Number(m[1]) - 1];
    return { text: l ? JSON.parse(l).text : '', where: `ctakes_example_notes.jsonl line ${m[1]}` };
  }
  m = /^mts-N(\d+)-s\d+$/.exec(id);
  if (m) {
    const t = mtsamples().get(m[1]) ?? '';
    if (fnv1a(t.trim()) % 4 !== 1) return { err: `MTSamples note_id ${m[1]}: transcription hash is not ≡ 1 (mod 4)` };
    return { text: t, where: `mtsamples.csv note_id ${m[1]}` };
  }
  return { err: 'real record id is none of mq1-L…, ngx-L…, ctk-L…, mts-N…' };
}

const seen = new Set();
for (const r of records) {
  const id = r.id ?? '(no id)';
  if (seen.has(id)) problem(id, 'duplicate id');
  seen.add(id);
  if (otherIds.has(id)) problem(id, 'id also used in fixtures/eval, eval-genres or eval-new');
  if (typeof r.text !== 'string' || !r.text) {
    problem(id, 'no text');
    continue;
  }
  if (!r.source) problem(id, 'no source');
  if (r.genre === 'real') {
    if (!['candidate', 'random'].includes(r.kind)) problem(id, `kind ${JSON.stringify(r.kind)} does not fit genre real`);
  } else if (WRITTEN.has(r.genre)) {
    if (r.kind !== 'handwritten') problem(id, `kind ${JSON.stringify(r.kind)} does not fit genre ${r.genre}`);
    if (!new RegExp(`^fr-${r.genre}-\\d{3}$`).test(id)) problem(id, `id does not have the form fr-${r.genre}-<nnn>`);
  } else problem(id, `unknown genre ${JSON.stringify(r.genre)}`);
  if (!Array.isArray(r.spans)) {
    problem(id, 'spans is not an array');
    continue;
  }
  if (r.kind === 'random' && r.spans.length) problem(id, 'random record with spans');
  if (r.spans.length && /look-alike:/.test(r.note ?? '')) problem(id, 'look-alike note on a record with spans');
  if (otherTexts.has(norm(r.text))) problem(id, 'text also in fixtures/eval, eval-genres or eval-new');
  const sorted = [...r.spans].sort((a, b) => a.start - b.start);
  for (let i = 0; i < sorted.length; i++) {
    const s = sorted[i];
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end <= s.start) problem(id, `bad offsets ${JSON.stringify(s)}`);
    if (r.text.slice(s.start, s.end) !== s.text) problem(id, `offset mismatch ${JSON.stringify(s)}`);
    if (i && sorted[i - 1].end > s.start) problem(id, `overlapping spans at ${s.start}`);
    if (!CATS.has(s.category)) problem(id, `bad category ${s.category}`);
    if (!['core', 'B', 'C'].includes(s.tier)) problem(id, `bad tier ${s.tier}`);
    if (s.level !== undefined && s.level !== 'info') problem(id, `bad level ${s.level}`);
  }
  if (r.genre === 'real' && corpusOk) {
    const c = corpusText(id);
    if (c.err) problem(id, c.err);
    else if (!c.text.includes(r.text)) problem(id, `text not found verbatim in ${c.where}`);
  }
}
console.error(`${records.length} records checked, ${bad} problems`);
process.exit(bad ? 1 : 0);
