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
// The shared checks are in scripts/eval-set-checks.mjs (this set keeps their lenient form: see `lenient`).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, readJsonl, verifySet } from './eval-set-checks.mjs';

const { corpus, file } = parseArgs('eval-new');
const GENRES = new Set(['template', 'reference-card', 'nursing-social-work', 'discharge-letter', 'speech', 'real']);

let aci = [];
let mq = [];
let subset = new Set();

verifySet({
  file,
  corpusDir: corpus,
  earlierSets: ['eval', 'eval-genres'],
  idClash: 'id also used in fixtures/eval or fixtures/eval-genres',
  textClash: 'text also in fixtures/eval or fixtures/eval-genres',
  lenient: true,
  beforeSource(r, id, problem) {
    if (!GENRES.has(r.genre)) problem(id, `unknown genre ${JSON.stringify(r.genre)}`);
  },
  genreKind(r, id, problem) {
    if (r.genre === 'real' ? !['candidate', 'random'].includes(r.kind) : r.kind !== 'handwritten')
      problem(id, `kind ${JSON.stringify(r.kind)} does not fit genre ${r.genre}`);
  },
  corpus: {
    files: ['aci_bench_notes.jsonl', 'medquad_answers.jsonl'],
    skipped: 'verbatim check of real records skipped',
    load() {
      aci = readFileSync(join(corpus, 'aci_bench_notes.jsonl'), 'utf8').split('\n');
      mq = readFileSync(join(corpus, 'medquad_answers.jsonl'), 'utf8').split('\n');
      subset = new Set(readJsonl(join(corpus, 'medquad_substance_use_subset.jsonl')).map((r) => r.answer));
    },
    check(r, id, problem) {
      const m = /^(acin|mq3)-L(\d+)-/.exec(id);
      if (!m) {
        problem(id, 'real record id is neither acin-L<line>-… nor mq3-L<line>-…');
        return;
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
    },
  },
});
