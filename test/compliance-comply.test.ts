// Compliance and demeanour wording of recall-probes batch 62's kinds: the verb "comply" negated or
// failed ("did not comply", "didn't comply", "fails to comply", "failure to comply"), the judgement in
// other adjectives ("suboptimal/erratic/spotty compliance"), a predicate noun ("compliance has been an
// issue"), a field answered no ("Compliant with meds: No"), "NC w/" before the treatments of other
// clinics (drops, flushes, bandaging, elastics), "unadherent" and "noncomplaince", the negated
// positive ("not cooperative"), a bare "difficult" after the patient, a parent non-compliant with a
// child's clinic care; and the look-alikes beside each. Small inputs of our own wording.
import { describe, expect, it } from 'vitest';
import { expectFlag, expectPass, ruleIds } from './detection.js';

describe('compliance: the verb comply', () => {
  it('reports the negated or failed verb of the patient', async () => {
    await expectFlag([
      'He did not comply with the sling precautions after surgery.',
      "Pt didn't comply with the steroid taper.",
      'She doesn’t comply with the splint at night.',
      'Pt fails to comply with the fluid limit.',
      'Pt has failed to comply with the brace schedule.',
      'Failure to comply with the walking boot noted at clinic.',
      'Hx of failure to comply with meds.',
      // Batch 63's misses: the participle.
      'Pt has not complied with the sling.',
      'He never complied with the knee brace.',
    ]);
  });

  it('passes hypotheticals, warnings, counselling, institutions and things', async () => {
    await expectPass([
      'If he does not comply, the plan will be revisited.',
      "If she doesn't comply, the aligners go back to the lab.",
      'Failure to comply with these instructions may void the warranty.',
      'Pt was told the consequences of failing to comply.',
      'The lab did not comply with chain-of-custody rules.',
      'The hospital failed to comply with the transfer law.',
      'The pharmacy did not comply with the request.',
      'Staff did not comply with the hand hygiene policy.',
      'The device does not comply with the standard.',
      'Pt reports she could not comply due to cost.',
      'If he has not complied by Friday, call the family.',
      'The facility has not complied with the corrective plan.',
    ]);
  });
});

describe('compliance: other adjectives, predicates and fields', () => {
  it('reports them', async () => {
    await expectFlag([
      'Suboptimal compliance with the night splint.',
      'Erratic adherence to her insulin.',
      'Spotty compliance with drops.',
      'Compliance has been an issue since the move.',
      'Adherence is a concern per the fill dates.',
      'Adherence questionable per fills.',
      'Retainer compliance: minimal',
      'Compliant with meds: No',
      'Compliance: N',
      'Compliance with CPAP: No - mask leaks',
      'Is the pt compliant? No.',
      'Pt unadherent to ART.',
      'Pt noncomplaince with his statin.',
      'NC w/ drops since June.',
      'Pt NC w/ bandaging, skin breakdown.',
      'NC w/ elastics per mom.',
    ]);
  });

  it('passes good news, device and organ fields, and nasal cannulas', async () => {
    await expectPass([
      'Compliance was not an issue this quarter.',
      'Compliance: no issues',
      'Compliance: N/A',
      'Lung compliance: minimal change',
      'Compliant: yes',
      'Dressing adherent: no',
      'Lung compliance: no change',
      'Staff compliance with hand hygiene has been an issue.',
      'Low adherence to statins is common in the community.',
      'On 2L NC with feeds held overnight.',
      'Bandage contact lens non-adherent, replaced.',
      'Wound dressing is non-adherent silicone; change q3d.',
    ]);
  });
});

describe('demeanour: the negated positive and a bare difficult', () => {
  it('reports them', async () => {
    await expectFlag(['Pt not cooperative with the exam.', 'Pt has not been cooperative with turns.', 'Pt difficult overnight, on the call light.']);
  });

  it('passes negation, relatives and tasks', async () => {
    await expectPass([
      "Pt's son not cooperative with the sitter.",
      'Pt difficult breathing this morning.',
      'Pt difficult to arouse.',
      'Not uncooperative, just in pain.',
    ]);
  });
});

describe('the parent rule: a child clinic’s care', () => {
  it('reports parents non-compliant with the child’s clinic care', async () => {
    expect(await ruleIds('Parents non-compliant with bringing him to adjustments.')).toContain('compliance/noncompliant');
    expect(await ruleIds('Parents did not comply with the feeding plan for the baby.')).toContain('compliance/noncompliant');
  });

  it('keeps a relative’s own act a third party’s', async () => {
    expect(await ruleIds('His wife did not comply with the visitor rules.')).not.toContain('compliance/noncompliant');
    expect(await ruleIds('Dad did not comply with the custody order.')).not.toContain('compliance/noncompliant');
  });
});
