// The eighteenth evaluation set (fixtures/eval-eighteenth, handwritten in eight new genres, labelled blind, held
// out whole until 2026-12-02, tuned on since): its integrity check (scripts/eval-eighteenth-verify.mjs) and the
// shape its README promises, by the shared tests of a written set (test/written-set.ts). The set is in
// scripts/eval.js's RETIRED (a fourth round, 2026-12-02) and among the sets `npm run eval` scores by default since
// the lead's first run of it (its README, Figures).
// This file does not lint the set.
import { BLIND_CHECKS, describeWrittenSet } from './written-set.js';

describeWrittenSet({
  ...BLIND_CHECKS,
  coreIsSubstanceUse: true,
  set: 'eval-eighteenth',
  prefix: 'ei',
  genres: [
    'bone-marrow-transplant-unit',
    'copd-clinic',
    'early-psychosis-program',
    'fracture-liaison-service',
    'head-and-neck-cancer-clinic',
    'inflammatory-bowel-disease-clinic',
    'mens-health-clinic',
    'pulmonary-hypertension-clinic',
  ],
  minRecords: 555,
  minClean: 290,
  minCore: 110,
  minB: 155,
  minC: 55,
  inDefaultEval: true,
  retired: '2026-12-02',
  bad: { genre: 'copd-clinic', earlierId: 'sv-pancreatitis-clinic-001', earlierGenre: 'pancreatitis-clinic', earlierSet: 'eval-seventeenth' },
});
