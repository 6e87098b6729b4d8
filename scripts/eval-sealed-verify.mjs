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
// Node 20 ESM, no dependencies; it reads no corpus and runs no linter. The checks are verifyWrittenSet in
// scripts/eval-set-checks.mjs, shared with scripts/eval-blind-verify.mjs.

import { verifyWrittenSet } from './eval-set-checks.mjs';

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

verifyWrittenSet({ set: 'eval-sealed', prefix: 'se', genres: GENRES, earlierSets: EARLIER_SETS });
