// Tier-B wording in fields, tables and shorthand (fixtures/recall-probes batch 54's kinds, branch
// brecall2): a compliance field whose name holds a bracketed qualifier ("Compliance (meds): poor"); a
// table cell "poor" under a column named adherence or compliance; "w/" inside a clause ("compliance w/
// X has been poor", "pt w/ aggressive beh"); one person counted with a label ("1 epileptic"); "diabetic
// x 10 yrs" as an item; "a bipolar w/"; a degree before "senile"/"demented"; "Pt crazy" without the
// copula; the abbreviation "agit"; and the look-alikes beside each: a device's, a dressing's, an
// organ's or staff's column or field, a device non-compliant with a spec, a count before a diet, an
// event or a complication, the intensifier, a lab's "agit". And batch 55's (unseen until its first
// run): a square-bracketed qualifier, "agit" beside another
// behaviour word or after other names of the patient, "crazy" after them, a relative called demented.
// And two kinds earlier batches left: a ticked answer after unticked options ("Med adherence: [ ] good
// [x] poor", batch 38) and bare "demented" as an item of its own ("Bed 17 demented and …", batch 23).
// Small inputs of our own wording.
import { describe, expect, it } from 'vitest';
import { tableColumnHeaderOf } from '../src/match/table-header.js';
import { expectPass, ruleIds } from './detection.js';

describe('tier-B fields, tables and shorthand', () => {
  it('reads a compliance field across a bracketed qualifier in its name', async () => {
    expect(await ruleIds('Adherence (statin): erratic since the move')).toContain('compliance/poor-compliance-field');
    expect(await ruleIds('Med compliance (by refill dates) - poor')).toContain('compliance/poor-compliance-field');
    await expectPass([
      'Sensor adherence (left arm): poor, reapplied with overpatch',
      'Chest compliance (dynamic): poor on the ventilator',
      'Compliance (meds) reviewed; appetite poor.',
      'Compliance (meds: statin, ASA): good; sleep (nights): poor',
    ]);
  });

  it('reports "poor" in a table column named adherence or compliance', async () => {
    expect(await ruleIds('| Inhaler | Adherence | Note |\n| tiotropium | poor | cost |')).toContain('compliance/poor-compliance-cell');
    expect(await ruleIds('Week\tDiet compliance\n1\tsuboptimal\n2\tbetter')).toContain('compliance/poor-compliance-cell');
    await expectPass([
      '| Inhaler | Adherence | Technique |\n| tiotropium | good | poor |',
      '| Patch | Skin adherence |\n| day 3 | poor |',
      '| Floor | Hand hygiene compliance |\n| 5E | poor |',
      'Adherence | fine\nSleep | poor',
    ]);
  });

  it('finds the header cell of the match column only', () => {
    const text = '| A | Med adherence | C |\n|---|---|---|\n| x | poor | y |';
    const at = text.lastIndexOf('poor');
    expect(tableColumnHeaderOf(text, at, at + 4)).toBe('Med adherence');
    const y = text.lastIndexOf('y');
    expect(tableColumnHeaderOf(text, y, y + 1)).toBe('C');
    // Not alone in its cell, or in the header row itself.
    const two = 'A\tB\nx\tvery poor';
    expect(tableColumnHeaderOf(two, two.indexOf('poor'), two.indexOf('poor') + 4)).toBeUndefined();
    expect(tableColumnHeaderOf(text, 4, 5)).toBeUndefined();
  });

  it('reads "w/" as a word inside the clause', async () => {
    expect(await ruleIds('His compliance w/ the nebulizer has been poor this winter.')).toContain('compliance/poor-compliance');
    expect(await ruleIds('Resident w/ aggressive behavior toward the aide at 0600.')).toContain('demeanor/aggressive-person');
    expect(await ruleIds('Pt is a bipolar w/ two manic episodes this spring.')).toContain('identity/bipolar-person');
    await expectPass(['Compliance w/ diet discussed; A1c has been poor for years.', 'Bipolar w/ lithium level pending.']);
  });

  it('reports one person counted with a label', async () => {
    // (Three numbered items on a line read as a scale's anchors: spans.ts masks them.)
    expect(await ruleIds('Tonight: four post-ops and 1 epileptic on pads.')).toContain('identity/epileptic');
    expect(await ruleIds('Only 1 diabetic on the hall today.')).toContain('identity/diabetic');
    await expectPass([
      '1 epileptic seizure in the last month.',
      'One diabetic foot ulcer, healing well.',
      '1 diabetic and 1 renal diet sent up.',
      '1 diabetic tray to room 4.',
    ]);
  });

  it('reports "diabetic x N" as an item and a degree before senile or demented', async () => {
    expect(await ruleIds('HTN - diabetic x 6 yrs, on metformin')).toContain('identity/diabetic');
    expect(await ruleIds('Mom is very demented now, per the daughter.')).toContain('identity/crazy-person');
    await expectPass(['Foot - diabetic ulcer x 2 mo, healing.', 'He is very senile purpura-prone on the forearms.']);
  });

  it('reports "Pt crazy" without the copula, not the intensifier', async () => {
    expect(await ruleIds('Pt insane per the triage note, calm on exam.')).toContain('identity/crazy-person');
    await expectPass(['Pt crazy busy with work, missed the appointment.', 'Pt crazy about her new puppy.']);
  });

  it('reports the abbreviation "agit" said of a person, not a shaken vial', async () => {
    expect(await ruleIds('0300 pt increasingly agit, pulling at the PIV.')).toContain('demeanor/agitated');
    await expectPass(['Agit vial 10 sec before drawing up.', 'Gently agit the bag, then hang.']);
  });

  it("leaves a device non-compliant with a vendor's specification", async () => {
    await expectPass(['The charger was non-compliant with the specification and was pulled.', 'Monitor noncompliant with the vendor spec; biomed notified.']);
  });

  it("reads batch 55's kinds: a square bracket, more names of the patient", async () => {
    expect(await ruleIds('Adherence [ART]: erratic per pharmacy')).toContain('compliance/poor-compliance-field');
    expect(await ruleIds('0200: restless + agit, sitter at bedside')).toContain('demeanor/agitated');
    expect(await ruleIds('Individual insane per the group-home staff, calm here.')).toContain('identity/crazy-person');
    expect(await ruleIds('Cares for his senile mother at home.')).toContain('identity/crazy-person');
    await expectPass([
      'Bleeding risk [HAS-BLED]: poor data',
      'Consumer crazy about the new puppy at the house.',
      'Her mother has senile purpura on both hands.',
    ]);
  });

  it('reads a ticked answer after unticked options as the field answered', async () => {
    expect(await ruleIds('Statin adherence: [ ] good [ ] so-so [x] poor')).toContain('compliance/poor-compliance-field');
    expect(await ruleIds('Compliance - \u2610 full \u2612 erratic')).toContain('compliance/poor-compliance-field');
    await expectPass([
      'Sleep: [ ] good [ ] fair [x] poor',
      'Sensor adherence: [ ] good [x] poor',
      'Adherence [ ] good [x] poor appetite noted',
      'Adherence reviewed. Mood: [ ] good [x] poor',
    ]);
  });

  it('reports bare "demented" as an item of its own', async () => {
    expect(await ruleIds('Room 4 demented and pulling at the foley.')).toContain('identity/crazy-person');
    expect(await ruleIds('Feeding eval: demented, pockets food in cheeks.')).toContain('identity/crazy-person');
    await expectPass(['Not demented; word-finding pauses only.', 'Senile purpura; ecchymosis on the shins.']);
  });
});
