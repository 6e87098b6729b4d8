// The sixteenth evaluation set (fixtures/eval-sixteenth, handwritten in eight new genres, labelled blind,
// held out whole until 2026-12-02, tuned on since): its integrity check (scripts/eval-sixteenth-verify.mjs) and the shape its README promises,
// by the shared tests of a written set (test/written-set.ts). The set is in scripts/eval.js's RETIRED (a third round, 2026-12-02) and among
// the sets `npm run eval` scores by default since its first run (its README, Figures). This file does not lint the set.
import { BLIND_CHECKS, describeWrittenSet } from './written-set.js';

describeWrittenSet({
  ...BLIND_CHECKS,
  coreIsSubstanceUse: true,
  set: 'eval-sixteenth',
  prefix: 'sx',
  genres: [
    'driving-rehabilitation-evaluation',
    'firearm-injury-prevention-counselling',
    'infectious-disease-inpatient-consult',
    'lung-cancer-screening-clinic',
    'medical-cannabis-certification',
    'obstetric-anesthesia-consult',
    'pain-psychology-evaluation',
    'vascular-access-team',
  ],
  minRecords: 545,
  minClean: 290,
  minCore: 105,
  minB: 165,
  minC: 55,
  inDefaultEval: true,
  retired: '2026-12-02',
  bad: { genre: 'vascular-access-team', earlierId: 'ff-act-team-001', earlierGenre: 'act-team', earlierSet: 'eval-fifteenth' },
});
