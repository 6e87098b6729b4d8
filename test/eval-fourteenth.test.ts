// The fourteenth evaluation set (fixtures/eval-fourteenth, handwritten in eight new genres, labelled blind,
// held out whole): its integrity check (scripts/eval-fourteenth-verify.mjs) and the shape its README promises,
// by the shared tests of a written set (test/written-set.ts). The set is in scripts/eval.js's HELD_OUT and,
// since the lead's first run (README, Figures), among the sets `npm run eval` scores by default. This file does
// not lint the set.
import { BLIND_CHECKS, describeWrittenSet } from './written-set.js';

describeWrittenSet({
  ...BLIND_CHECKS,
  coreIsSubstanceUse: true,
  set: 'eval-fourteenth',
  prefix: 'fo',
  genres: [
    'collaborative-care-registry',
    'concussion-clinic',
    'high-utilizer-care-plan',
    'pediatric-complex-care',
    'problem-gambling-clinic',
    'retail-clinic',
    'tobacco-cessation-clinic',
    'tribal-health-clinic',
  ],
  minRecords: 480,
  minClean: 295,
  inDefaultEval: true,
  bad: { genre: 'retail-clinic', earlierId: 'th-psych-ed-boarding-001', earlierGenre: 'psych-ed-boarding', earlierSet: 'eval-thirteenth' },
});
