// The twelfth evaluation set (fixtures/eval-twelfth, handwritten in eight new genres, labelled blind, held
// out whole until 2026-12-02, tuned on since): its integrity check (scripts/eval-twelfth-verify.mjs) and the shape its README promises, by the
// shared tests of a written set (test/written-set.ts). The set is in scripts/eval.js's RETIRED and among the
// sets `npm run eval` scores by default. This file does not lint the set.
import { BLIND_CHECKS, describeWrittenSet } from './written-set.js';

describeWrittenSet({
  ...BLIND_CHECKS,
  coreIsSubstanceUse: true,
  set: 'eval-twelfth',
  prefix: 'tw',
  genres: [
    'clozapine-clinic',
    'domestic-violence-advocacy',
    'forensic-competency-restoration',
    'hospital-violence-intervention',
    'life-insurance-paramedical-exam',
    'medical-respite',
    'organ-donor-risk-assessment',
    'pain-management-clinic',
  ],
  minRecords: 470,
  minClean: 290,
  inDefaultEval: true,
  retired: '2026-12-02',
  bad: { genre: 'medical-respite', earlierId: 'el-anticoagulation-clinic-001', earlierGenre: 'anticoagulation-clinic', earlierSet: 'eval-eleventh' },
});
