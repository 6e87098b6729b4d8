// Compliance and refusal kinds of batch 68 (fixtures/recall-probes, branch comp3), each from its
// small input: the forms a note writes that were missed, and the refusals by a payer, a service or a
// thing that were reported. Each positive has a look-alike beside it that must pass.
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';

const found = async (text: string) => (await lintText(text)).filter((f) => f.category === 'compliance').map((f) => `${f.ruleId} ${f.actual}`);

describe('compliance and refusal kinds (batch 68)', () => {
  it.each([
    // A field answered no, with a note in brackets after the answer.
    ['Compliant with CPAP: No (avg 1.9 h/night)', 'compliance/noncompliant Compliant'],
    // "NC w/" and a drug named by its stem.
    ['NC w/ tacrolimus per fill hx.', 'compliance/noncompliant NC'],
    ['Pt nc w/ montelukast since the spring.', 'compliance/noncompliant nc'],
    // A timing after the patient is the patient's regimen, not an audit's measure.
    ['Pt noncompliant with the tacrolimus timing.', 'compliance/noncompliant noncompliant'],
    // "ref." and "ref'd" after the patient.
    ['Infusion log: doses 4-6 not given, pt ref.', 'compliance/refused ref'],
    ["Pt ref'd HBV DNA draw today.", "compliance/refused ref'd"],
    // A plural noun after a count is no subject.
    ['Multiple refusals of the visiting nurse this month.', 'compliance/refused refusals'],
    ['Two refusals of the blood draw this week.', 'compliance/refused refusals'],
    // The verb adhere negated or failed, complying negated, adverbs of partial compliance.
    ['Pt does not adhere to the fluid restriction.', 'compliance/nonadherent does not adhere'],
    ['He has not been adhering to his inhaled steroid.', 'compliance/nonadherent not been adhering'],
    ['Pt failed to adhere to the antiviral regimen.', 'compliance/nonadherent failed to adhere'],
    ["Pt isn't complying with insulin.", "compliance/noncompliant isn't complying"],
    ['Pt complies poorly with the diet.', 'compliance/poor-compliance complies poorly'],
    ['Pt rarely compliant with his inhalers.', 'compliance/poor-compliance rarely compliant'],
    ['Pt sporadically adherent to ART.', 'compliance/nonadherent sporadically adherent'],
    // Batch 69's first run: a combination inhaler named by its stems.
    ['NC w/ budesonide-formoterol.', 'compliance/noncompliant NC'],
    // After batch 68's run, the same kinds in other words: a person label, a hedging adverb, a predicate noun.
    ['Pt is a known noncomplier.', 'compliance/noncompliant noncomplier'],
    ['Known non-adherer to ART.', 'compliance/nonadherent non-adherer'],
    ['Pt not fully compliant with insulin.', 'compliance/poor-compliance not fully compliant'],
    ['Pt not always adherent to the inhaler.', 'compliance/poor-compliance not always adherent'],
    ['Questionable adherence per fills.', 'compliance/nonadherent Questionable adherence'],
    ['Adherence remains a challenge since the move.', 'compliance/poor-compliance Adherence'],
    // A field answered "low" or "bad" (left by batch 55 for the scan regex's size).
    ['Medication adherence: low (PDC 45%)', 'compliance/poor-compliance-field low'],
    ['Compliance (SMBG): bad - checks once a week', 'compliance/poor-compliance-field bad'],
  ])('reports %j', async (text, finding) => {
    expect(await found(text)).toEqual([finding]);
  });

  it.each([
    // "ref." and "ref'd" for "referred" or a reference.
    'Pt ref. to GI for EGD.',
    "Pt ref'd for PT after the fall.",
    "Pt ref'd ortho.",
    'Ref range: 0.5-1.2; pt ref lab Quest.',
    // An audit's timing, with no patient before it.
    'Chart audit: two were noncompliant with the lactate timing.',
    // Oxygen by nasal cannula.
    'Pt on 2L NC with sats 95%.',
    // Things refused: a shipment, a prior auth, a refill; a request whose object has a modifier.
    'Shipment refused at the clinic dock - cold chain broken.',
    'Prior auth refused; peer-to-peer requested.',
    'PA refused x2, appeal pending.',
    'Refill refused - too soon.',
    'Authorization for home IVIG refused; peer-to-peer requested.',
    'The coil plugged into the table port refused to register.',
    // Batch 69's first run: two modifiers before the object's noun.
    'Request for extended IV therapy refused pending ID notes.',
    // What only a payer or a pharmacy refuses.
    'UHC refused the claim.',
    'UHC refused coverage.',
    'Caremark refused to cover the brand.',
    'Refusal of coverage by the plan was appealed.',
    // Adhere about a thing that sticks, a hypothetical, a definition, staff.
    'The foam dressing does not adhere to the wound bed.',
    'Cells failed to adhere to the culture plate.',
    'Sensor is not adhering well; overpatch applied.',
    'Mask foam seal does not adhere to the face well; size changed.',
    'The placenta was not fully adherent to the uterine wall.',
    // Next of kin, and refusals counted in a programme.
    'Next of kin refused organ donation.',
    'Opt-out HIV testing: refusals are documented.',
    // "low" as a word of another phrase after the field's name.
    'Compliance: low risk.',
    'Adherence: bad dose timing.',
    'The scale is not fully compliant with the vendor spec.',
    'If he does not adhere to the restriction, the team will meet again.',
    'Remission is the absence of lesions while not taking sulfones and not adhering to the diet.',
    'Staff did not adhere to hand hygiene on the last audit.',
  ])('passes %j', async (text) => {
    expect(await found(text)).toEqual([]);
  });

  it('still reads a patient whose refusals are documented', async () => {
    expect(await found("Pt's refusals are documented in the flowsheet.")).toEqual(['compliance/refused refusals']);
  });

  it('still reads a refusal by the patient of what a payer also refuses, and a refill refused by the patient', async () => {
    expect(await found('Refill refused by pt, says he feels fine.')).toEqual(['compliance/refused refused']);
    expect(await found('Pt refused the refill, says he feels fine.')).toEqual(['compliance/refused refused']);
  });
});
