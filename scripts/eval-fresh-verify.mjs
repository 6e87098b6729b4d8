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
// The shared checks are in scripts/eval-set-checks.mjs.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from './eval-fresh-candidates.mjs';
import { once, parseArgs, readJsonl, verifySet } from './eval-set-checks.mjs';
import { fnv1a } from './seeded.mjs';

const { corpus, file } = parseArgs('eval-fresh');
const WRITTEN = new Set(['ed-physician', 'psychiatry', 'perinatal', 'pain-pharmacy', 'portal-message', 'handoff-problem-list', 'hiv-diabetes-obesity']);

// Each corpus file is read the first time a record needs it (MTSamples is 17 MB of CSV).
const medquad = once(() => ({
  lines: readFileSync(join(corpus, 'medquad_answers.jsonl'), 'utf8').split('\n'),
  subset: new Set(readJsonl(join(corpus, 'medquad_substance_use_subset.jsonl')).map((r) => r.answer)),
}));
const negexRows = once(() => {
  const rows = new Map();
  for (const l of readFileSync(join(corpus, 'negex_rsAnnotations-1-120-random.tsv'), 'utf8').split('\n').slice(1)) {
    const c = l.split('\t');
    if (c.length >= 3) rows.set(c[0], c[2]);
  }
  return rows;
});
const ctakesLines = once(() => readFileSync(join(corpus, 'ctakes_example_notes.jsonl'), 'utf8').split('\n'));
const mtsamples = once(() => {
  const rows = parseCsv(readFileSync(join(corpus, 'mtsamples.csv'), 'utf8'));
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

verifySet({
  file,
  corpusDir: corpus,
  earlierSets: ['eval', 'eval-genres', 'eval-new'],
  idClash: 'id also used in fixtures/eval, eval-genres or eval-new',
  textClash: 'text also in fixtures/eval, eval-genres or eval-new',
  genreKind(r, id, problem) {
    if (r.genre === 'real') {
      if (!['candidate', 'random'].includes(r.kind)) problem(id, `kind ${JSON.stringify(r.kind)} does not fit genre real`);
    } else if (WRITTEN.has(r.genre)) {
      if (r.kind !== 'handwritten') problem(id, `kind ${JSON.stringify(r.kind)} does not fit genre ${r.genre}`);
      if (!new RegExp(`^fr-${r.genre}-\\d{3}$`).test(id)) problem(id, `id does not have the form fr-${r.genre}-<nnn>`);
    } else problem(id, `unknown genre ${JSON.stringify(r.genre)}`);
  },
  corpus: {
    files: ['medquad_answers.jsonl', 'negex_rsAnnotations-1-120-random.tsv', 'ctakes_example_notes.jsonl', 'mtsamples.csv'],
    skipped: 'verbatim check of real records skipped',
    check(r, id, problem) {
      const c = corpusText(id);
      if (c.err) problem(id, c.err);
      else if (!c.text.includes(r.text)) problem(id, `text not found verbatim in ${c.where}`);
    },
  },
});
