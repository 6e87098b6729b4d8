#!/usr/bin/env node
// Draws the unlabelled candidate sentences of the fourth evaluation set (fixtures/eval-fresh, issue 11)
// from the corpus slices reserved for it (see fixtures/eval-fresh/README.md):
//   - MedQuAD answers at 1-based lines ≡ 1 (mod 5), outside the substance-use subset;
//   - every NegEx sentence (negex_rsAnnotations-1-120-random.tsv);
//   - every cTAKES example note (ctakes_example_notes.jsonl);
//   - MTSamples transcriptions whose `transcription.trim()` has FNV-1a 32-bit hash ≡ 1 (mod 4)
//     (first note_id of each distinct text).
//
//   node scripts/eval-fresh-candidates.mjs [--corpus ../shared/corpus] [--out DIR]
//
// Writes DIR/candidates.jsonl (sentences matching the broad TERMS regex, with the stems matched) and
// DIR/random.jsonl (sentences of ≥ 25 characters matching no stem, drawn with mulberry32 seed SEED).
// DIR defaults to $TMPDIR/dignify-eval-fresh: corpus copies stay out of the repository.
// Ids: mq1-L<line>-s<n>, ngx-L<line number>, ctk-L<line>-s<n>, mts-N<note_id>-s<n> (n = 1-based
// sentence number after the split below). Node 20 ESM, no dependencies.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvRows } from './corpus-csv.mjs';
import { earlierSets, norm, readJsonl } from './eval-set-checks.mjs';
import { fnv1a, mulberry32 } from './seeded.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const CORPUS = resolve(opt('--corpus', join(here, '..', '..', 'shared', 'corpus')));
const OUT = resolve(opt('--out', join(process.env.TMPDIR || tmpdir(), 'dignify-eval-fresh')));
export const SEED = 0x20261130;

/** RFC 4180 CSV (quoted fields may hold commas, quotes doubled, line breaks) → array of rows (scripts/corpus-csv.mjs). */
export const parseCsv = csvRows;

/** Prose → sentences: newlines, MedQuAD's "   - " bullet joins, then [.!?] + spaces + capital/digit. */
export function sentences(text) {
  const out = [];
  for (const line of text.split(/\n|\s{2,}- /)) {
    const t = line.trim();
    if (!t) continue;
    for (const s of t.split(/(?<=[.!?])\s+(?=[A-Z0-9])/)) if (s.trim()) out.push(s.trim());
  }
  return out;
}

// Broad candidate regex: every substance, identity, credibility, compliance and demeanour word and stem
// of terms.csv / clinical-language.md, and their look-alikes.
const TERMS = [
  'addict',
  'abus',
  'junk',
  'crack',
  'druggie',
  'dope',
  'pothead',
  'stoner',
  'tweak',
  'alcoholi',
  'drunk',
  'user',
  'habit',
  'clean',
  'dirty',
  'sober',
  'relaps',
  'detox',
  'rehab',
  'depend',
  'ivd',
  'idu',
  'etoh',
  'seek',
  'narcotic',
  'methadone',
  'buprenorph',
  'suboxone',
  'heroin',
  'cocaine',
  'opioid',
  'opiate',
  'marijuana',
  'cannabis',
  'meth',
  'intoxicat',
  'withdraw',
  'overdose',
  'substance',
  'drug use',
  'smok',
  'tobacco',
  'high',
  'strung',
  'claim',
  'insist',
  'adamant',
  'alleged',
  'supposed',
  'apparent',
  'purport',
  'deni',
  'historian',
  'frequent fl',
  'malinger',
  'secondary gain',
  'exaggerat',
  'complain',
  'c/o',
  'compli',
  'adheren',
  'refus',
  'declin',
  'fail',
  'neglect',
  'motivat',
  'unwilling',
  'reluctan',
  'resist',
  'combativ',
  'agitat',
  'aggress',
  'angry',
  'anger',
  'belligeren',
  'argumentativ',
  'confront',
  'hostil',
  'defensiv',
  'uncooperat',
  'cooperat',
  'hysteri',
  'difficult',
  'manipulat',
  'demanding',
  'needy',
  'entitled',
  'challeng',
  'unpleasant',
  'pleasant',
  'dishevel',
  'unkempt',
  'groom',
  'malodor',
  'sickler',
  'schizo',
  'bipolar',
  'mentally ill',
  'psych',
  'crazy',
  'insan',
  'nuts',
  'lunatic',
  'psychotic',
  'borderline',
  'suffer',
  'afflict',
  'victim',
  'suicid',
  'diabetic',
  'control',
  'brittle',
  'epileptic',
  'asthmatic',
  'wheelchair',
  'handicap',
  'disabled',
  'cripple',
  'paraplegic',
  'quadriplegic',
  'amputee',
  'hearing impair',
  'demented',
  'senile',
  'retard',
  'obes',
  'hiv',
  'aids',
  'prostitut',
  'homeless',
  'vagrant',
  'transient',
  'inmate',
  'prison',
  'incarcerat',
  'jail',
  'elderly',
  'senior',
  'lol',
];
const TERM_RE = new RegExp(`(${TERMS.map((t) => t.replace(/[/]/g, '\\/')).join('|')})`, 'gi');
const SUBSTANCE = new Set([
  'addict',
  'abus',
  'junk',
  'crack',
  'druggie',
  'dope',
  'pothead',
  'stoner',
  'tweak',
  'alcoholi',
  'drunk',
  'habit',
  'clean',
  'dirty',
  'sober',
  'relaps',
  'detox',
  'rehab',
  'ivd',
  'idu',
  'etoh',
  'seek',
  'narcotic',
  'methadone',
  'buprenorph',
  'suboxone',
  'heroin',
  'cocaine',
  'opioid',
  'opiate',
  'marijuana',
  'cannabis',
  'intoxicat',
  'overdose',
  'substance',
  'drug use',
]);

function main() {
  const seen = earlierSets(['eval', 'eval-genres', 'eval-new']).texts;
  // Texts of the earlier sets, to drop sentences that contain one or lie inside one (stricter than
  // equality: fixtures/eval split MTSamples at other places, so a sentence here may hold one of its).
  const earlier = [...seen].filter((t) => t.length >= 16);
  const overlaps = (k) => earlier.some((o) => k.includes(o) || o.includes(k));
  const all = [];
  const add = (id, source, text) => {
    const k = norm(text);
    if (seen.has(k)) return;
    seen.add(k);
    if (overlaps(k)) return;
    all.push({ id, source, text });
  };

  const mq = readFileSync(join(CORPUS, 'medquad_answers.jsonl'), 'utf8').split('\n');
  const subset = new Set(readJsonl(join(CORPUS, 'medquad_substance_use_subset.jsonl')).map((r) => r.answer));
  for (let line = 1; line <= mq.length; line++) {
    if (line % 5 !== 1 || !mq[line - 1].trim()) continue;
    const r = JSON.parse(mq[line - 1]);
    if (subset.has(r.answer)) continue;
    sentences(r.answer).forEach((s, i) => add(`mq1-L${line}-s${i + 1}`, `medquad_answers.jsonl line ${line} (${r.file}; focus: ${r.focus})`, s));
  }

  const ngx = readFileSync(join(CORPUS, 'negex_rsAnnotations-1-120-random.tsv'), 'utf8').split('\n').slice(1);
  for (const l of ngx) {
    const c = l.split('\t');
    if (c.length < 3) continue;
    add(`ngx-L${c[0]}`, `negex_rsAnnotations-1-120-random.tsv line number ${c[0]} (sentence column)`, c[2].trim());
  }

  const ctk = readFileSync(join(CORPUS, 'ctakes_example_notes.jsonl'), 'utf8').split('\n');
  ctk.forEach((l, i) => {
    if (!l.trim()) return;
    const r = JSON.parse(l);
    sentences(r.text).forEach((s, j) => add(`ctk-L${i + 1}-s${j + 1}`, `ctakes_example_notes.jsonl line ${i + 1} (${r.file})`, s));
  });

  const rows = parseCsv(readFileSync(join(CORPUS, 'mtsamples.csv'), 'utf8'));
  const head = rows[0];
  const ti = head.indexOf('transcription');
  const ni = head.indexOf('note_id');
  const done = new Set();
  for (const row of rows.slice(1)) {
    const t = (row[ti] ?? '').trim();
    if (!t || done.has(t) || fnv1a(t) % 4 !== 1) continue;
    done.add(t);
    sentences(t).forEach((s, j) => add(`mts-N${row[ni]}-s${j + 1}`, `mtsamples.csv note_id ${row[ni]} (transcription)`, s));
  }

  const cands = [];
  const rest = [];
  for (const r of all) {
    const stems = [...new Set([...r.text.matchAll(TERM_RE)].map((m) => m[1].toLowerCase()))];
    if (stems.length) cands.push({ ...r, stems, substance: stems.some((s) => SUBSTANCE.has(s)) });
    else if (r.text.length >= 25) rest.push(r);
  }
  const rnd = mulberry32(SEED);
  const random = [];
  for (let k = 0; k < 40 && rest.length; k++) random.push(rest.splice(Math.floor(rnd() * rest.length), 1)[0]);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'candidates.jsonl'), `${cands.map((r) => JSON.stringify(r)).join('\n')}\n`);
  writeFileSync(join(OUT, 'random.jsonl'), `${random.map((r) => JSON.stringify(r)).join('\n')}\n`);
  console.error(`${all.length} sentences, ${cands.length} candidates, ${random.length} random → ${OUT}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
