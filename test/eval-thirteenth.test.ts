// The thirteenth evaluation set (fixtures/eval-thirteenth, handwritten in eight new genres, labelled blind,
// held out whole until 2026-12-02, tuned on since): its integrity check (scripts/eval-thirteenth-verify.mjs) and the shape its README promises,
// by the shared tests of a written set (test/written-set.ts). The set is in scripts/eval.js's RETIRED (a second round, 2026-12-02) and,
// since the lead's first run of it (README, Figures), among the sets `npm run eval` scores by default.
// This file does not lint the set.
import { BLIND_CHECKS, describeWrittenSet } from './written-set.js';

describeWrittenSet({
  ...BLIND_CHECKS,
  coreIsSubstanceUse: true,
  set: 'eval-thirteenth',
  prefix: 'th',
  genres: [
    'aviation-medical-exam',
    'cardiac-pulmonary-rehab',
    'fitness-for-duty-evaluation',
    'long-covid-clinic',
    'neuropsych-testing',
    'nows-followup-clinic',
    'psych-ed-boarding',
    'rural-critical-access-hospital',
  ],
  minRecords: 520,
  minClean: 295,
  inDefaultEval: true,
  retired: '2026-12-02',
  bad: { genre: 'psych-ed-boarding', earlierId: 'tw-medical-respite-001', earlierGenre: 'medical-respite', earlierSet: 'eval-twelfth' },
});
