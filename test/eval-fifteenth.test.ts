// The fifteenth evaluation set (fixtures/eval-fifteenth, handwritten in eight new genres, labelled blind,
// held out whole until 2026-12-02, tuned on since): its integrity check (scripts/eval-fifteenth-verify.mjs) and the shape its README promises,
// by the shared tests of a written set (test/written-set.ts). The set is in scripts/eval.js's RETIRED (a second round, 2026-12-02) and, since
// its first run (its README, Figures), among the sets `npm run eval` scores by default. This file does not lint the set.
import { BLIND_CHECKS, describeWrittenSet } from './written-set.js';

describeWrittenSet({
  ...BLIND_CHECKS,
  coreIsSubstanceUse: true,
  set: 'eval-fifteenth',
  prefix: 'ff',
  genres: [
    'act-team',
    'alcohol-liver-clinic',
    'autism-evaluation-clinic',
    'behavioral-health-urgent-care',
    'headache-clinic',
    'medicaid-care-coordination',
    'pediatric-emergency-dept',
    'radiation-oncology',
  ],
  minRecords: 480,
  minClean: 290,
  inDefaultEval: true,
  retired: '2026-12-02',
  bad: { genre: 'act-team', earlierId: 'fo-retail-clinic-001', earlierGenre: 'retail-clinic', earlierSet: 'eval-fourteenth' },
});
