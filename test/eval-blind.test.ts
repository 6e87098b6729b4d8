// The seventh evaluation set (fixtures/eval-blind, handwritten in eight new genres, labelled blind, held out
// whole until 2026-12-02, tuned on since): its integrity check (scripts/eval-blind-verify.mjs) and the shape its README promises, by the shared
// tests of a written set (test/written-set.ts). This file does not lint the set.
import { BLIND_CHECKS, describeWrittenSet } from './written-set.js';

describeWrittenSet({
  ...BLIND_CHECKS,
  set: 'eval-blind',
  prefix: 'bl',
  genres: [
    'dental-oral-surgery',
    'infectious-disease-opat',
    'neurology-epilepsy',
    'oncology-survivorship',
    'ortho-trauma',
    'rehab-therapy',
    'sexual-health-clinic',
    'veterans-ptsd',
  ],
  minRecords: 480,
  minClean: 250,
  inDefaultEval: true,
  retired: '2026-12-02',
  bad: { genre: 'ortho-trauma', earlierId: 'se-icu-critical-001', earlierGenre: 'icu-critical', earlierSet: 'eval-sealed' },
});
