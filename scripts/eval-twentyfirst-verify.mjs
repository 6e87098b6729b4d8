#!/usr/bin/env node
// Checks fixtures/eval-twentyfirst/labelled.jsonl (the twenty-first evaluation set: all handwritten, eight genres
// no earlier set or probe batch used, labelled blind; see its README).
//
//   node scripts/eval-twentyfirst-verify.mjs [--counts] [fixtures/eval-twentyfirst/labelled.jsonl]
//
// The checks of scripts/eval-twentieth-verify.mjs (all are verifyWrittenSet in scripts/eval-set-checks.mjs):
// unique ids of the form tf-<genre>-<nnn> for the eight genres, kind "handwritten", source "handwritten for
// this set (genre: <genre>)", offsets (UTF-16, end exclusive), categories, tiers, levels, no overlapping
// spans, notes on clean records, preferred-wording pairs only right after a record with spans; no id and no
// text shared with any other set under fixtures/ (otherSets in eval-set-checks.mjs: eval, eval-genres and
// every eval-* folder, earlier and later sets alike), and no text that contains or lies inside one of their
// texts (≥ 24 characters). --counts prints the per-genre table on stdout.
// Exit 0 when clean, 1 with one line per problem (record id first) on stderr, 2 when a set cannot be read.
// Node 20 ESM, no dependencies; it reads no corpus and runs no linter.

import { otherSets, verifyWrittenSet } from './eval-set-checks.mjs';

export const GENRES = [
  'gynecologic-oncology-clinic',
  'genitourinary-oncology-clinic',
  'hematologic-malignancy-clinic',
  'orthopedic-arthroplasty-clinic',
  'pediatric-neurology-clinic',
  'pediatric-surgery-clinic',
  'anxiety-disorders-clinic',
  'family-therapy-practice',
];

verifyWrittenSet({ set: 'eval-twentyfirst', prefix: 'tf', genres: GENRES, earlierSets: otherSets('eval-twentyfirst') });
