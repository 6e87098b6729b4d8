// The twentieth evaluation set (fixtures/eval-twentieth, handwritten in eight new genres, labelled blind, held
// out whole): its integrity check (scripts/eval-twentieth-verify.mjs) and the shape its README promises, by the
// shared tests of a written set (test/written-set.ts). The set is in scripts/eval.js's HELD_OUT and among the sets
// `npm run eval` scores by default since the lead's first run of it (its README, Figures).
// This file does not lint the set.
import { BLIND_CHECKS, describeWrittenSet } from './written-set.js';

describeWrittenSet({
  ...BLIND_CHECKS,
  coreIsSubstanceUse: true,
  set: 'eval-twentieth',
  prefix: 'tt',
  genres: [
    'bipolar-disorder-clinic',
    'colorectal-surgery-clinic',
    'geriatric-emergency-department',
    'neuro-oncology-clinic',
    'pediatric-cardiology-clinic',
    'pediatric-gastroenterology-clinic',
    'thoracic-surgery-clinic',
    'urogynecology-clinic',
  ],
  minRecords: 585,
  minClean: 290,
  minCore: 110,
  minB: 170,
  minC: 60,
  inDefaultEval: true,
  bad: { genre: 'urogynecology-clinic', earlierId: 'ei-copd-clinic-001', earlierGenre: 'copd-clinic', earlierSet: 'eval-eighteenth' },
});
