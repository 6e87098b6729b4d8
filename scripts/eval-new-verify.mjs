#!/usr/bin/env node
// Checks fixtures/eval-new/labelled.jsonl (the third, blind-labelled evaluation set; see its README).
//
//   node scripts/eval-new-verify.mjs [--corpus ../shared/corpus] [fixtures/eval-new/labelled.jsonl]
//
// Beyond the record checks of `eval-genre-candidates.mjs --verify` (offsets, categories, tiers, levels,
// unique ids), it checks what keeps this set held out and honest:
//   - every `genre: "real"` record's text occurs verbatim in the corpus record named by its id and
//     source (ACI-Bench `note` field of that line; MedQuAD answer of that line, a line ≡ 3 (mod 5)
//     outside the substance-use subset), so no real sentence was edited;
//   - no record's text is also in fixtures/eval or fixtures/eval-genres (case/whitespace-insensitive),
//     and no id is shared with them;
//   - written genres are `kind: "handwritten"`, real records `candidate` or `random`, random records unlabelled.
// Exit 0 when clean, 1 with one line per problem (record id first). Node 20 ESM, no dependencies;
// when the corpus folder is absent the corpus check is skipped with a warning (exit code unaffected).

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const ci = args.indexOf('--corpus');
const CORPUS = resolve(ci >= 0 ? args[ci + 1] : join(here, '..', '..', 'shared', 'corpus'));
const FILE = resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--corpus') ?? join(here, '..', 'fixtures', 'eval-new', 'labelled.jsonl'));

const CATS = new Set(['substance-use', 'credibility', 'compliance', 'demeanor', 'identity']);
const GENRES = new Set(['template', 'reference-card', 'nursing-social-work', 'discharge-letter', 'speech', 'real']);
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
for (const set of ['eval', 'eval-genres']) {
  const f = join(here, '..', 'fixtures', set, 'labelled.jsonl');
  if (!existsSync(f)) continue;
  for (const r of readJsonl(f)) {
    otherTexts.add(norm(r.text));
    otherIds.add(r.id);
  }
}

const corpusOk = existsSync(join(CORPUS, 'aci_bench_notes.jsonl')) && existsSync(join(CORPUS, 'medquad_answers.jsonl'));
let aci = [];
let mq = [];
let subset = new Set();
if (corpusOk) {
  aci = readFileSync(join(CORPUS, 'aci_bench_notes.jsonl'), 'utf8').split('\n');
  mq = readFileSync(join(CORPUS, 'medquad_answers.jsonl'), 'utf8').split('\n');
  subset = new Set(readJsonl(join(CORPUS, 'medquad_substance_use_subset.jsonl')).map((r) => r.answer));
} else console.error(`warning: corpus not found at ${CORPUS}; verbatim check of real records skipped`);

const seen = new Set();
for (const r of records) {
  const id = r.id ?? '(no id)';
  if (seen.has(id)) problem(id, 'duplicate id');
  seen.add(id);
  if (otherIds.has(id)) problem(id, 'id also used in fixtures/eval or fixtures/eval-genres');
  if (typeof r.text !== 'string' || !r.text) problem(id, 'no text');
  if (!GENRES.has(r.genre)) problem(id, `unknown genre ${JSON.stringify(r.genre)}`);
  if (!r.source) problem(id, 'no source');
  if (r.genre === 'real' ? !['candidate', 'random'].includes(r.kind) : r.kind !== 'handwritten')
    problem(id, `kind ${JSON.stringify(r.kind)} does not fit genre ${r.genre}`);
  if (!Array.isArray(r.spans)) {
    problem(id, 'spans is not an array');
    continue;
  }
  if (r.kind === 'random' && r.spans.length) problem(id, 'random record with spans');
  if (otherTexts.has(norm(r.text ?? ''))) problem(id, 'text also in fixtures/eval or fixtures/eval-genres');
  for (const s of r.spans) {
    if (r.text.slice(s.start, s.end) !== s.text) problem(id, `offset mismatch ${JSON.stringify(s)}`);
    if (!CATS.has(s.category)) problem(id, `bad category ${s.category}`);
    if (!['core', 'B', 'C'].includes(s.tier)) problem(id, `bad tier ${s.tier}`);
    if (s.level !== undefined && s.level !== 'info') problem(id, `bad level ${s.level}`);
  }
  if (r.genre === 'real' && corpusOk) {
    const m = /^(acin|mq3)-L(\d+)-/.exec(id);
    if (!m) {
      problem(id, 'real record id is neither acin-L<line>-… nor mq3-L<line>-…');
      continue;
    }
    const line = Number(m[2]);
    if (m[1] === 'acin') {
      const note = aci[line - 1] ? JSON.parse(aci[line - 1]).note : '';
      if (!note.includes(r.text)) problem(id, `text not found verbatim in aci_bench_notes.jsonl line ${line} field note`);
    } else {
      const a = mq[line - 1] ? JSON.parse(mq[line - 1]).answer : '';
      if (line % 5 !== 3) problem(id, `MedQuAD line ${line} is not ≡ 3 (mod 5)`);
      if (subset.has(a)) problem(id, 'MedQuAD answer is in the substance-use subset');
      if (!a.includes(r.text)) problem(id, `text not found verbatim in medquad_answers.jsonl line ${line}`);
    }
  }
}
console.error(`${records.length} records checked, ${bad} problems`);
process.exit(bad ? 1 : 0);
