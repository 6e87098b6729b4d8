// The twenty-first evaluation set (fixtures/eval-twentyfirst, handwritten in eight new genres, labelled blind, held
// out whole): its integrity check (scripts/eval-twentyfirst-verify.mjs) and the shape its README promises, by the
// shared tests of a written set (test/written-set.ts). The set is in scripts/eval.js's HELD_OUT and among the sets
// `npm run eval` scores by default since the lead's first run of it (its README, Figures).
// This file does not lint the set.
import { BLIND_CHECKS, describeWrittenSet } from './written-set.js';

describeWrittenSet({
  ...BLIND_CHECKS,
  coreIsSubstanceUse: true,
  set: 'eval-twentyfirst',
  prefix: 'tf',
  genres: [
    'anxiety-disorders-clinic',
    'family-therapy-practice',
    'genitourinary-oncology-clinic',
    'gynecologic-oncology-clinic',
    'hematologic-malignancy-clinic',
    'orthopedic-arthroplasty-clinic',
    'pediatric-neurology-clinic',
    'pediatric-surgery-clinic',
  ],
  minRecords: 590,
  minClean: 290,
  minCore: 110,
  minB: 170,
  minC: 60,
  inDefaultEval: true,
  bad: { genre: 'pediatric-surgery-clinic', earlierId: 'tt-urogynecology-clinic-001', earlierGenre: 'urogynecology-clinic', earlierSet: 'eval-twentieth' },
});
