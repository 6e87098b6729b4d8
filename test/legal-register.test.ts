// Credibility and demeanour words in legal and forensic register (fixtures/recall-probes batch 52's
// kinds): a party, an authority or a document that alleges, another person of the case as the
// subject of a hedge, insisting on a legal right, a claim for money, the agent of a passive "described
// by … as", the name a forensic genre gives its patient after "the", and the patient's medicines as
// the subject of a hedge. Small inputs of our own wording, each kind beside the patient's own case
// that must stay reported.
import { describe, expect, it } from 'vitest';
import { expectFlag, expectPass, who } from './detection.js';

describe('a party, an authority or another person of the case as the subject of "alleges" or a hedge', () => {
  it('passes the State, the government, a petition, a party and another driver', async () => {
    await expectPass([
      'The State alleges that the client entered the garage without consent.',
      'The government alleges that she overstayed the visa.',
      'The petition for modification alleges that the mother moved without notice.',
      'The opposing party allegedly hid the bank statements.',
      'The other driver was allegedly texting, per the crash report.',
      'The commonwealth alleges two counts of theft.',
      // An adverb after a one-word noun phrase is read as a hedge on its subject (batch 53).
      'The offender supposedly had a knife, per the narrative.',
      'The landlord allegedly changed the locks in March.',
    ]);
  });

  it("reports the patient's own account hedged or alleged, and the patient's lost medicines", async () => {
    await expectFlag([
      'Examinee allegedly fell from the scaffold on 2/3.',
      'He supposedly took every dose while in custody.',
      'Pt alleges the meter is broken.',
      'Her prescription was allegedly stolen from the car.',
      'The insured allegedly ran out of insulin on the trip.',
      'The enrollee supposedly took the pills twice a day.',
      'The pills were supposedly lost at the shelter.',
      'Seen for an alleged fall at the shelter, no injuries found.',
    ]);
  });
});

describe('insisting on a legal right', () => {
  it('passes insisting on counsel, an attorney present or a right', async () => {
    await expectPass([
      'Evaluee insisted on his right to remain silent about the offense.',
      'She insisted on having her lawyer present for the interview.',
      'He insisted upon counsel before answering questions.',
      'Claimant insisted on speaking with her attorney first.',
      'He insisted on a jury trial against advice.',
      'The respondent insisted on an independent attorney.',
      // A defendant's rights in a competency report.
      'Defendant insists on representing himself at the hearing.',
      'She insisted on pleading not guilty.',
      'He insisted on proceeding pro se.',
      'He insisted on going to trial.',
    ]);
  });

  it('reports insisting on a test, a drug or an account', async () => {
    await expectFlag([
      'Evaluee insisted on an MRI of the neck.',
      'She insists on hydromorphone for the pain.',
      'He insisted that he had never been to the apartment.',
      'He insists on going home today.',
      'Insists on pleading with the nurses for more oxycodone.',
    ]);
  });
});

describe('a claim for money is the payer sense', () => {
  it('passes claims of lost wages, damages, mileage and expenses', async () => {
    await expectPass([
      'Claimant claims lost wages for eight weeks.',
      'Plaintiff claims damages for future care.',
      'Applicant claimed mileage to the counselling office.',
      'Victim claims funeral expenses for her son.',
      'Applicant claims past medical bills from the trauma center.',
      'Claimant claimed back pay for the two months.',
    ]);
  });

  it("reports a claim about the patient's account", async () => {
    await expectFlag(['Claimant claims the pain began at work.', 'Applicant claims she was pushed down the stairs.']);
  });
});

describe('"described by … as": the passive\'s subject is the one described, not its agent', () => {
  it('passes a witness or a relative described by staff or officers', async () => {
    await expectPass(['The complaining witness was described by the deputies as hysterical.', 'His sister was described by the nurses as hostile.']);
  });

  it('reports the patient described by staff or officers, and the patient as the object of "describe"', async () => {
    await expectFlag([
      'The patient was described by the officers as combative.',
      'He was described by staff as hostile.',
      'Arrest notes describe the defendant as belligerent.',
    ]);
  });
});

describe('the name a forensic genre gives its patient, after "the"', () => {
  it('reads the defendant, respondent, applicant, evaluee, supervisee, probationer and parolee as the patient', async () => {
    expect(await who('The defendant insisted that the seizures had come back.', 'insisted')).toBe('patient');
    expect(await who('The respondent was hostile during the capacity interview.', 'hostile')).toBe('patient');
    expect(await who('The applicant claims the scars came from the prison.', 'claims')).toBe('patient');
    expect(await who('The evaluee was argumentative about the timeline.', 'argumentative')).toBe('patient');
    expect(await who('Supervisee claims the screen was missed because of a bus strike.', 'claims')).toBe('patient');
    expect(await who('The probationer refused the referral.', 'refused')).toBe('patient');
    expect(await who('The parolee was belligerent at intake.', 'belligerent')).toBe('patient');
    expect(await who('The accused claims he was at work that night.', 'claims')).toBe('patient');
    expect(await who('Declarant was hostile when asked to undress.', 'hostile')).toBe('patient');
  });

  it('reads "a defendant", "another respondent" and the co-defendant as someone else', async () => {
    expect(await who('A defendant in the next courtroom was hostile.', 'hostile')).toBe('other');
    expect(await who('Another respondent insisted on a jury.', 'insisted')).toBe('other');
    await expectPass(['The co-defendant was belligerent at the hearing.', 'Prosecutor insists the bruises are recent.']);
  });
});
