#!/usr/bin/env node
// Checks fixtures/eval-sealed/labelled.jsonl (the sixth, blind-labelled evaluation set: all handwritten, eight
// genres no earlier set used; see its README).
//
//   node scripts/eval-sealed-verify.mjs [--counts] [fixtures/eval-sealed/labelled.jsonl]
//
// Record checks: unique ids of the form se-<genre>-<nnn> for the eight genres, kind "handwritten", source
// "handwritten for this set (genre: <genre>)", `text.slice(start, end) === span.text` for every span (UTF-16
// offsets, end exclusive), known category and tier, `level` absent or "info", no overlapping spans, look-alike
// notes only on records without spans, every clean record's note starting "clean:" or holding "look-alike:", and
// a preferred-wording record ("pair of the previous record") only right after a record with spans.
// Held-out checks: no id and no text (case/whitespace-insensitive) shared with fixtures/eval, eval-genres,
// eval-new, eval-fresh or eval-unseen, and no text that contains or lies inside one of their texts (≥ 24
// characters) — this set was written, not drawn from the corpus, so nothing in it may come from an earlier set.
// --counts prints the per-genre counts (records, with a span, clean, look-alikes, preferred-wording pairs,
// core/B/C spans without a level, info-level spans) as a Markdown table on stdout.
// Exit 0 when clean, 1 with one line per problem (record id first) on stderr, 2 when a set cannot be read.
// Node 20 ESM, no dependencies; it reads no corpus and runs no linter. The shared checks are in
// scripts/eval-set-checks.mjs.

import { genreCounts, parseArgs, verifySet } from './eval-set-checks.mjs';

export const EARLIER_SETS = ['eval', 'eval-genres', 'eval-new', 'eval-fresh', 'eval-unseen'];
export const GENRES = [
  'transplant-hepatology',
  'nephrology-dialysis',
  'correctional-health',
  'trial-research',
  'harm-reduction',
  'palliative-home',
  'telehealth-urgent',
  'icu-critical',
];
/** Shortest earlier text that the containment check compares (shorter ones are common phrases). */
const NEAR_MIN = 24;
const PAIR = /pair of the previous record/;

const { args, file } = parseArgs('eval-sealed');
let longOther;
let previousHadSpans = false;
const counts = genreCounts();

verifySet({
  file,
  corpusDir: '(none: this set has no corpus text)',
  earlierSets: EARLIER_SETS,
  warnMissingEarlier: true,
  idClash: `id also used in one of ${EARLIER_SETS.join(', ')}`,
  textClash: 'text also in an earlier evaluation set',
  genreKind(r, id, problem) {
    // Runs once per record with text, in file order, before the span checks: the place for this set's own
    // record checks, since verifySet hands `problem` to this hook (and to no later one).
    const spans = Array.isArray(r.spans) ? r.spans : [];
    const note = r.note ?? '';
    const clean = spans.length === 0;
    if (!GENRES.includes(r.genre)) problem(id, `unknown genre ${JSON.stringify(r.genre)}`);
    else {
      if (!new RegExp(`^se-${r.genre}-\\d{3}$`).test(id)) problem(id, `id does not have the form se-${r.genre}-<nnn>`);
      if (r.source !== `handwritten for this set (genre: ${r.genre})`) problem(id, `source ${JSON.stringify(r.source)} does not name the genre`);
    }
    if (r.kind !== 'handwritten') problem(id, `kind ${JSON.stringify(r.kind)} is not "handwritten"`);
    if (clean && !note.startsWith('clean:') && !note.includes('look-alike:')) problem(id, 'clean record without a "clean:" or "look-alike:" note');
    if (PAIR.test(note) && !clean) problem(id, 'preferred-wording pair with spans');
    if (PAIR.test(note) && !previousHadSpans) problem(id, 'preferred-wording pair that does not follow a record with spans');
    if (spans.some((sp) => typeof sp.text !== 'string' || !sp.text.trim())) problem(id, 'empty span');
    previousHadSpans = !clean;
  },
  nearText(_r, k, otherTexts) {
    longOther ??= [...otherTexts].filter((t) => t.length >= NEAR_MIN);
    if (longOther.some((o) => k.includes(o) || (k.length >= NEAR_MIN && o.includes(k)))) return 'text contains or lies inside a text of an earlier set';
  },
  onSpan: counts.span,
  onRecord(r, lookAlike) {
    counts.record(r, lookAlike);
    if (PAIR.test(r.note ?? '')) counts.count(r.genre, 'pairs');
  },
  // No corpus text in this set: no file is needed and no record is checked against one.
  corpus: { files: [], skipped: '', check() {} },
  after() {
    if (!args.includes('--counts')) return;
    const keys = ['records', 'withSpan', 'clean', 'lookAlike', 'pairs', 'core', 'B', 'C', 'info'];
    counts.print(GENRES, keys);
  },
});
