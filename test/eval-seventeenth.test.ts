// The seventeenth evaluation set (fixtures/eval-seventeenth, handwritten in eight new genres, labelled blind,
// held out whole until 2026-12-02, tuned on since): its integrity check (scripts/eval-seventeenth-verify.mjs) and the shape its README promises,
// by the shared tests of a written set (test/written-set.ts). The set is in scripts/eval.js's RETIRED (a third round,
// 2026-12-02) and among the sets `npm run eval` scores by default since the lead's first run of it (its README,
// Figures). This file does not lint the set.
import { BLIND_CHECKS, describeWrittenSet } from './written-set.js';

describeWrittenSet({
  ...BLIND_CHECKS,
  coreIsSubstanceUse: true,
  set: 'eval-seventeenth',
  prefix: 'sv',
  genres: [
    'acute-pain-service',
    'cystic-fibrosis-clinic',
    'family-planning-clinic',
    'hemophilia-treatment-centre',
    'movement-disorders-clinic',
    'multiple-sclerosis-clinic',
    'pancreatitis-clinic',
    'pediatric-intensive-care',
  ],
  minRecords: 510,
  minClean: 290,
  minCore: 105,
  minB: 160,
  minC: 50,
  inDefaultEval: true,
  retired: '2026-12-02',
  bad: { genre: 'pancreatitis-clinic', earlierId: 'sx-vascular-access-team-001', earlierGenre: 'vascular-access-team', earlierSet: 'eval-sixteenth' },
});
