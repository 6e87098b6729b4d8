// The tenth evaluation set (fixtures/eval-tenth, handwritten in eight new genres, labelled blind, held out
// whole until 2026-12-02, tuned on since): its integrity check (scripts/eval-tenth-verify.mjs) and the shape its README promises, by the shared
// tests of a written set (test/written-set.ts). The set is in scripts/eval.js's RETIRED (a fifth round, 2026-12-02) and among the sets
// `npm run eval` scores by default (since its first run; its README records the runs).
// This file does not lint the set.
import { BLIND_CHECKS, describeWrittenSet } from './written-set.js';

describeWrittenSet({
  ...BLIND_CHECKS,
  coreIsSubstanceUse: true,
  set: 'eval-tenth',
  prefix: 'te',
  genres: [
    'burn-trauma-surgery',
    'child-abuse-pediatrics',
    'neurosurgery-spine',
    'nicu-neonatal',
    'street-medicine',
    'toxicology-consult',
    'travel-medicine',
    'vascular-surgery',
  ],
  minRecords: 440,
  minClean: 280,
  inDefaultEval: true,
  retired: '2026-12-02',
  bad: { genre: 'travel-medicine', earlierId: 'ni-urology-001', earlierGenre: 'urology', earlierSet: 'eval-ninth' },
});
