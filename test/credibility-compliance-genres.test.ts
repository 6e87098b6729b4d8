// Credibility and compliance wording in genres of payers, claim forms, audits, home care and call
// centres (issue 11; recall-probes batch 20): who the patient is in each genre, the payer's sense of
// "claim", and refusals by things, third parties and people in general. Each kind with phrasings of
// our own (not the batch's) and the look-alikes beside them.
import { describe, expect, it } from 'vitest';
import { expectPass as passes, findingsOf } from './detection.js';

/** The rule ids and words of the findings above info (what a user sees as a problem). */
const strong = (text: string) => findingsOf(text, { strong: true });
const expectPass = (texts: string[]) => passes(texts, { strong: true });

async function expectFinding(cases: [string, string][]): Promise<void> {
  for (const [text, finding] of cases) expect(await strong(text), text).toContain(finding);
}

describe('the member of a health plan is the patient of a payer letter', () => {
  it('reports what the member is said to do', async () => {
    await expectFinding([
      ['Member refused the sleep study twice.', 'compliance/refused:refused'],
      ['The member insists the refill was never shipped.', 'credibility/insists:insists'],
      ['Member was noncompliant with the oxygen prescription.', 'compliance/noncompliant:noncompliant'],
      ['Per the nurse reviewer, member claims the brace was never delivered.', 'credibility/claims:claims'],
    ]);
  });

  it('passes a member of a family, a staff, a board or a union', async () => {
    await expectPass([
      'Staff member refused to enter the room without a gown.',
      'A family member insists on staying overnight.',
      'Board member claimed the vote on the new wing was unanimous.',
      'Union member refused the overtime shift.',
      'Another member of the choir insisted on driving her home.',
    ]);
  });
});

describe('a singular "claim" is a noun: a payer\'s or a legal claim, unless it is an account', () => {
  it('passes a claim that is filed, paid, open or denied', async () => {
    await expectPass([
      'Her disability claim is pending since the summer.',
      'Open claim with the carrier since May.',
      'Auto accident claim paperwork completed for the adjuster.',
      'Filed a claim with the insurer of his employer.',
      'Dental claim for the crown came back unpaid.',
      "Per the insurer, the subscriber's claims were closed in June.",
    ]);
  });

  it('reports a claim that is what the patient says', async () => {
    await expectFinding([
      ['His claim that he has not smoked since June conflicts with the carboxyhemoglobin level.', 'credibility/claims:claim'],
      ['She claims she never got the appointment letter.', 'credibility/claims:claims'],
    ]);
  });
});

describe('noncompliant with a rule, a bundle or a standard is an audit finding, not a patient', () => {
  it('passes units, charts and sites that are noncompliant with a rule', async () => {
    await expectPass([
      'The clinic was noncompliant with the state reporting requirement.',
      'Three charts noncompliant with the restraint policy this quarter.',
    ]);
  });

  it('reports the patient noncompliant with a treatment', async () => {
    await expectFinding([['Noncompliant with the low-sodium diet since the holidays.', 'compliance/noncompliant:Noncompliant']]);
  });
});

describe('refusals by things, third parties and people in general', () => {
  it('passes a device, a translator, a reviewer or patients in general as the subject', async () => {
    await expectPass([
      'The glucometer refused to power on after the fall.',
      'Label printer refused the new label stock.',
      'The translator refused to render the insult word for word.',
      'Appeals reviewer refused to reconsider the denial.',
      'Patients often refuse the flu shot out of fear of needles.',
      'Refusal policy reviewed at the staff meeting.',
      'Heel wound refuses to close after six weeks of offloading.',
      'His cough refused to settle on two inhalers.',
    ]);
  });

  it('reports the patient who refuses, with the same words nearby', async () => {
    await expectFinding([
      ['Pt refused the glucometer teaching.', 'compliance/refused:refused'],
      ['She often refuses the flu shot.', 'compliance/refused:refuses'],
      ['Pt refuses wound care to the heel.', 'compliance/refused:refuses'],
      ['Refusal of the MRI was documented.', 'compliance/refused:Refusal'],
      ['The translator reports the patient refused the CT.', 'compliance/refused:refused'],
    ]);
  });
});

describe('a parenthesis right before the verb names its subject', () => {
  it('passes a relative named in the parenthesis', async () => {
    await expectPass(['Informant (his daughter) insists he has been eating.', 'Caller (pt’s wife) refused to spell her name.']);
  });

  it('reports the patient with an age, a way of speaking or a source in the parenthesis', async () => {
    await expectFinding([
      ['Patient (via phone interpreter) refused the CT.', 'compliance/refused:refused'],
      ['Pt (76F) refuses PT today.', 'compliance/refused:refuses'],
      ['Pt (per daughter) refused the evening insulin.', 'compliance/refused:refused'],
      ['Resident (assisted living) refused the morning insulin.', 'compliance/refused:refused'],
    ]);
  });
});

describe('a pronoun after a sentence that says who someone is to the patient', () => {
  it('passes the relative the pronoun stands for', async () => {
    await expectPass([
      'Caller is his daughter; she insists he be admitted tonight.',
      'The person on the phone was the patient’s son. He claims the rash is new.',
    ]);
  });

  it('reports the patient when the relative is of the other gender or no role is said', async () => {
    await expectFinding([
      ['Caller is her husband; she insists the pills were taken.', 'credibility/insists:insists'],
      ['Caller reached the nurse line; she insists the pills were taken.', 'credibility/insists:insists'],
    ]);
  });
});

describe('forms of the same words that were missed', () => {
  it('reports "not adherent", "insistently" and "purports" of the patient', async () => {
    await expectFinding([
      ['Not adherent to the tacrolimus schedule since the move.', 'compliance/poor-compliance:Not adherent'],
      ['She has never been adherent with her statin.', 'compliance/poor-compliance:never been adherent'],
      ['He insistently requests the same ED doctor.', 'credibility/insists:insistently'],
      ['Pt purports to check her sugars four times a day.', 'credibility/allegedly:purports'],
    ]);
  });

  it('passes the physical sense of adherent and a product that purports', async () => {
    await expectPass([
      'The silicone dressing is not adherent to the granulating wound.',
      'Clot not adherent to the vessel wall on ultrasound.',
      'The supplement purports to lower cholesterol.',
    ]);
  });
});
