// The nineteenth evaluation set (fixtures/eval-nineteenth, handwritten in eight new genres, labelled blind, held
// out whole): its integrity check (scripts/eval-nineteenth-verify.mjs) and the shape its README promises, by the
// shared tests of a written set (test/written-set.ts). The set is in scripts/eval.js's HELD_OUT and not yet among
// the sets `npm run eval` scores by default: the lead adds it there after the first run (then inDefaultEval: true).
// This file does not lint the set.
import { BLIND_CHECKS, describeWrittenSet } from './written-set.js';

describeWrittenSet({
  ...BLIND_CHECKS,
  coreIsSubstanceUse: true,
  set: 'eval-nineteenth',
  prefix: 'nn',
  genres: [
    'acute-care-surgery-service',
    'breast-surgery-clinic',
    'chronic-kidney-disease-clinic',
    'heart-transplant-clinic',
    'interstitial-lung-disease-clinic',
    'maternal-fetal-medicine-clinic',
    'partial-hospitalization-program',
    'pediatric-oncology-clinic',
  ],
  minRecords: 585,
  minClean: 295,
  minCore: 110,
  minB: 165,
  minC: 55,
  inDefaultEval: true,
  bad: { genre: 'heart-transplant-clinic', earlierId: 'ei-copd-clinic-001', earlierGenre: 'copd-clinic', earlierSet: 'eval-eighteenth' },
});
