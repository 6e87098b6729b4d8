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
// The shared checks are in scripts/eval-set-checks.mjs.

import { sentences } from './eval-fresh-candidates.mjs';
import { genreCounts, once, parseArgs, verifySet } from './eval-set-checks.mjs';
import { EARLIER_SETS, sliceLines } from './eval-unseen-candidates.mjs';

const { args, corpus, file } = parseArgs('eval-unseen');
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

const sliceOf = once(() => sliceLines(corpus).ok);
let longOther;
const counts = genreCounts();

verifySet({
  file,
  corpusDir: corpus,
  earlierSets: EARLIER_SETS,
  warnMissingEarlier: true,
  idClash: `id also used in one of ${EARLIER_SETS.join(', ')}`,
  textClash: 'text also in an earlier evaluation set',
  genreKind(r, id, problem) {
    if (r.genre === 'real') {
      if (!['candidate', 'random'].includes(r.kind)) problem(id, `kind ${JSON.stringify(r.kind)} does not fit genre real`);
      if (!/^mq0-L\d+-s\d+$/.test(id)) problem(id, 'real record id does not have the form mq0-L<line>-s<n>');
    } else if (WRITTEN.includes(r.genre)) {
      if (r.kind !== 'handwritten') problem(id, `kind ${JSON.stringify(r.kind)} does not fit genre ${r.genre}`);
      if (!new RegExp(`^un-${r.genre}-\\d{3}$`).test(id)) problem(id, `id does not have the form un-${r.genre}-<nnn>`);
    } else problem(id, `unknown genre ${JSON.stringify(r.genre)}`);
  },
  nearText(r, k, otherTexts) {
    if (r.genre !== 'real') return;
    longOther ??= [...otherTexts].filter((t) => t.length >= 16);
    if (longOther.some((o) => k.includes(o) || o.includes(k))) return 'text contains or lies inside a text of an earlier set';
  },
  onSpan: counts.span,
  onRecord(r, lookAlike) {
    counts.record(r, lookAlike);
    if (r.kind !== 'handwritten') counts.count(r.genre, r.kind);
  },
  corpus: {
    files: ['medquad_answers.jsonl', 'medquad_substance_use_subset.jsonl', 'aci_bench_notes.jsonl', 'primock57_notes.jsonl'],
    skipped: 'verbatim and slice checks of real records skipped',
    check(r, id, problem) {
      const m = /^mq0-L(\d+)-s(\d+)$/.exec(id);
      if (!m) return;
      const ans = sliceOf().get(Number(m[1]));
      if (!ans) problem(id, `MedQuAD line ${m[1]} is not in this set's slice (≡ 0 mod 5, not the substance-use subset, not read by eval-genres)`);
      else if (sentences(ans.answer)[Number(m[2]) - 1] !== r.text) problem(id, `text is not sentence ${m[2]} of medquad_answers.jsonl line ${m[1]}`);
    },
  },
  after() {
    if (!args.includes('--counts')) return;
    const keys = ['records', 'withSpan', 'clean', 'lookAlike', 'core', 'B', 'C', 'info'];
    counts.print([...WRITTEN, 'real'], keys);
  },
});
