// Tier-B wording in shorthand (fixtures/recall-probes batch 44's kinds, branch brecall): a compliance
// field written with "w/" ("Compliance w/ X: poor"); a family, guardian or caregiver non-compliant
// with the patient's care named (the parent rule); a postpartum mother's own refusal and credibility
// words ("PPD#2", "s/p SVD" on her line); "epileptic" as a field item after a numbered field or
// before a bracket; and the look-alikes: a device's or dressing's "adherence"/"nonadherent", someone
// aimed at the patient ("hostile toward pt"), a relative's care "for herself" beside the patient, a
// family refusing no care, the TB skin test "PPD"; and batch 45's: a guardian refusing care "for pt", an
// organ's care programme ("bladder program", "chest PT") beside organ compliance. Small inputs of our
// own wording.
import { describe, expect, it } from 'vitest';
import { expectFlag, expectPass, ruleIds } from './detection.js';

describe('tier-B shorthand', () => {
  it('reads "w/" in a compliance field as "with"', async () => {
    await expectFlag(['Compliance w/ inhaler: poor', 'Adherence w/ statin - erratic', 'Compliance w/ home exercises: suboptimal']);
    // Not a field answered "poor": the word is in another clause.
    await expectPass(['Compliance w/ meds reviewed, appetite poor.', 'Pt compliance w/ logs has improved; sleep quality poor.']);
  });

  it("reports a family, guardian or caregiver non-compliant with the patient's care", async () => {
    expect(await ruleIds("Family noncompliant with pt's g-tube feeds.")).toContain('compliance/noncompliant');
    expect(await ruleIds("Guardian not compliant with pt's insulin plan.")).toContain('compliance/poor-compliance');
    expect(await ruleIds("Caregiver nonadherent with pt's seizure meds.")).toContain('compliance/nonadherent');
  });

  it('reports a guardian or caregiver refusing something for the patient named', async () => {
    expect(await ruleIds('Caregiver refused the EEG for pt.')).toContain('compliance/refused');
    expect(await ruleIds('Guardian refusing the hearing test for patient.')).toContain('compliance/refused');
  });

  it("reports compliance with an organ's care programme, not the organ's own compliance", async () => {
    expect(await ruleIds('Pt not compliant with her bladder training schedule.')).toContain('compliance/poor-compliance');
    expect(await ruleIds('Compliance w/ chest PT: poor')).toContain('compliance/poor-compliance-field');
    await expectPass(['Poor bladder compliance on the study despite her bladder diary.', 'Lung compliance: poor, peak pressures rising.']);
  });

  it('leaves a family, guardian or caregiver refusing no care of the patient', async () => {
    await expectPass([
      'Family refused the offered meal tray and asked the nephew to bring food.',
      'Caregiver refused to sign the visitor log.',
      'Family refused the room change for pt.',
    ]);
  });

  it('reads a mother on her own postpartum line as the patient', async () => {
    expect(await ruleIds('PPD#1: mother refused her tetanus booster.')).toContain('compliance/refused');
    expect(await ruleIds('PP day 2 s/p SVD, mom adamant about going home tonight.')).toContain('credibility/adamant');
    expect(await ruleIds('Mom insists on a private room, s/p NSVD this morning.')).toContain('credibility/insists');
  });

  it('leaves a mother whose line names the TB skin test or her own care beside the patient', async () => {
    await expectPass([
      'PPD 12 mm; mother refused the chest film.',
      'Mother refused the hep B shot for herself; pt got his today.',
      'Mother noncompliant with her own dental follow-up.',
    ]);
  });

  it('reports "epileptic" as an item after a numbered field or before a bracket', async () => {
    expect(await ruleIds('Room 7: epileptic, fall precautions.')).toContain('identity/epileptic');
    expect(await ruleIds('Hx: epileptic (absence type), migraines')).toContain('identity/epileptic');
    await expectPass(['Hx: epileptic (seizure) activity on the last EEG was not seen.', 'Seizure type: epileptic (focal)']);
  });

  it('reports "diabetic" after the old names of its type (IDDM, NIDDM, juvenile), not before a complication or a clinic', async () => {
    expect(await ruleIds('NIDDM diabetic on metformin, here for a refill.')).toContain('identity/diabetic');
    expect(await ruleIds('Juvenile diabetic since age 4, on a pump.')).toContain('identity/diabetic');
    await expectPass(['IDDM diabetic retinopathy follow-up in the spring.', 'Referred to the juvenile diabetic clinic.']);
  });

  it("passes a device's, a dressing's or a cover's adherence", async () => {
    await expectPass([
      'Patch adherence: poor in the shower.',
      'Lead adherence - poor at V4, re-prepped.',
      'Dressing nonadherent to the wound bed, changed.',
      'Electrodes nonadherent after sweating; replaced.',
    ]);
    expect(await ruleIds('Med adherence: poor since the move.')).toContain('compliance/poor-compliance-field');
  });

  it('passes a behaviour word aimed at the patient by someone the model does not know', async () => {
    await expectPass(['Roomie hostile toward pt, moved to another bed.', 'Neighbor in bed 2 aggressive towards the patient overnight.']);
    expect(await ruleIds('Pt hostile toward staff overnight.')).toContain('demeanor/combative');
  });
});
