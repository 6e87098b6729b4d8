// The eighth evaluation set (fixtures/eval-final, handwritten in eight new genres, labelled blind, held out
// whole until 2026-12-02, tuned on since): its integrity check (scripts/eval-final-verify.mjs) and the shape its README promises, by the shared
// tests of a written set (test/written-set.ts). This file does not lint the set.
import { BLIND_CHECKS, describeWrittenSet } from './written-set.js';

describeWrittenSet({
  ...BLIND_CHECKS,
  coreIsSubstanceUse: true,
  set: 'eval-final',
  prefix: 'fi',
  genres: [
    'bariatric-surgery',
    'cardiology-clinic',
    'dermatology',
    'gastroenterology-endoscopy',
    'ob-gyn-outpatient',
    'pulmonology-sleep',
    'radiology-pathology',
    'utilization-review',
  ],
  minRecords: 440,
  minClean: 250,
  inDefaultEval: true,
  retired: '2026-12-02',
  bad: { genre: 'dermatology', earlierId: 'bl-ortho-trauma-001', earlierGenre: 'ortho-trauma', earlierSet: 'eval-blind' },
});
