// The sixth evaluation set (fixtures/eval-sealed, handwritten in eight new genres, labelled blind, held
// out whole): its integrity check (scripts/eval-sealed-verify.mjs) and the shape its README promises, by the
// shared tests of a written set (test/written-set.ts). `npm run eval` scores it like eval-unseen (one
// held-out block, lists hidden): test/eval-unseen.test.ts tests that code, so this file does not lint the set.
import { describeWrittenSet } from './written-set.js';

describeWrittenSet({
  set: 'eval-sealed',
  prefix: 'se',
  genres: [
    'correctional-health',
    'harm-reduction',
    'icu-critical',
    'nephrology-dialysis',
    'palliative-home',
    'telehealth-urgent',
    'transplant-hepatology',
    'trial-research',
  ],
  minClean: 230,
  minCore: 90,
  minB: 110,
  inDefaultEval: true,
  bad: { genre: 'icu-critical', earlierId: 'un-inpatient-001', earlierGenre: 'inpatient', earlierSet: 'eval-unseen' },
});
