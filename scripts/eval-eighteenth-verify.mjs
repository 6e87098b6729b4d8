#!/usr/bin/env node
// Checks fixtures/eval-eighteenth/labelled.jsonl (the eighteenth evaluation set: all handwritten, eight genres no
// earlier set or probe batch used, labelled blind; see its README).
//
//   node scripts/eval-eighteenth-verify.mjs [--counts] [fixtures/eval-eighteenth/labelled.jsonl]
//
// The checks of scripts/eval-seventeenth-verify.mjs (all are verifyWrittenSet in scripts/eval-set-checks.mjs):
// unique ids of the form ei-<genre>-<nnn> for the eight genres, kind "handwritten", source "handwritten for
// this set (genre: <genre>)", offsets (UTF-16, end exclusive), categories, tiers, levels, no overlapping
// spans, notes on clean records, preferred-wording pairs only right after a record with spans; no id and no
// text shared with any other set under fixtures/ (otherSets in eval-set-checks.mjs: eval, eval-genres and
// every eval-* folder, earlier and later sets alike), and no text that contains or lies inside one of their
// texts (≥ 24 characters). --counts prints the per-genre table on stdout.
// Exit 0 when clean, 1 with one line per problem (record id first) on stderr, 2 when a set cannot be read.
// Node 20 ESM, no dependencies; it reads no corpus and runs no linter.

import { otherSets, verifyWrittenSet } from './eval-set-checks.mjs';

export const GENRES = [
  'pulmonary-hypertension-clinic',
  'head-and-neck-cancer-clinic',
  'bone-marrow-transplant-unit',
  'inflammatory-bowel-disease-clinic',
  'fracture-liaison-service',
  'mens-health-clinic',
  'copd-clinic',
  'early-psychosis-program',
];

verifyWrittenSet({ set: 'eval-eighteenth', prefix: 'ei', genres: GENRES, earlierSets: otherSets('eval-eighteenth') });
