// The eleventh evaluation set (fixtures/eval-eleventh, handwritten in eight new genres, labelled blind, held
// out whole until 2026-12-02, tuned on since): its integrity check (scripts/eval-eleventh-verify.mjs) and the shape its README promises, by the
// shared tests of a written set (test/written-set.ts). The set is in scripts/eval.js's RETIRED (a fifth round, 2026-12-02) and among the
// sets `npm run eval` scores by default since the lead's first run (its README records the runs).
// This file does not lint the set.
import { BLIND_CHECKS, describeWrittenSet } from './written-set.js';

describeWrittenSet({
  ...BLIND_CHECKS,
  coreIsSubstanceUse: true,
  set: 'eval-eleventh',
  prefix: 'el',
  genres: [
    'anticoagulation-clinic',
    'developmental-behavioral-pediatrics',
    'eating-disorder-program',
    'gender-affirming-care',
    'involuntary-commitment-petition',
    'medical-examiner-autopsy',
    'refugee-health-screening',
    'sexual-assault-forensic-exam',
  ],
  minRecords: 440,
  minClean: 280,
  inDefaultEval: true,
  retired: '2026-12-02',
  bad: { genre: 'anticoagulation-clinic', earlierId: 'te-travel-medicine-001', earlierGenre: 'travel-medicine', earlierSet: 'eval-tenth' },
});
