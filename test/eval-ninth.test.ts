// The ninth evaluation set (fixtures/eval-ninth, handwritten in eight new genres, labelled blind, held out
// whole until 2026-12-02, tuned on since): its integrity check (scripts/eval-ninth-verify.mjs) and the shape its README promises, by the shared
// tests of a written set (test/written-set.ts). The set is in scripts/eval.js's RETIRED and among the sets
// `npm run eval` scores by default (since its first run; its README records the runs).
// This file does not lint the set.
import { BLIND_CHECKS, describeWrittenSet } from './written-set.js';

describeWrittenSet({
  ...BLIND_CHECKS,
  coreIsSubstanceUse: true,
  set: 'eval-ninth',
  prefix: 'ni',
  genres: [
    'disability-forensic-evaluation',
    'endocrinology-thyroid',
    'ent-otolaryngology',
    'nurse-advice-line',
    'ophthalmology',
    'public-health-case-investigation',
    'rheumatology',
    'urology',
  ],
  minRecords: 440,
  minClean: 280,
  inDefaultEval: true,
  retired: '2026-12-02',
  bad: { genre: 'urology', earlierId: 'fi-dermatology-001', earlierGenre: 'dermatology', earlierSet: 'eval-final' },
});
