// Behaviour and credibility words about someone other than the patient (fixtures/recall-probes batch
// 30's kinds): the parent rule, a subject before a telegraphic dash, a room or bed number after a
// place, another patient, counts before a plural, in-law compounds, appositives that say who a bare
// role is, an account that names the patient, a pronoun's antecedent late in the sentence before,
// the roles of police, EMS and incident reports, a relative's history. Small inputs of our own
// wording, each kind with the patient's own case that must stay reported.
import { describe, expect, it } from 'vitest';
import { expectFlag, expectPass, who } from './detection.js';

const pass = (texts: string[]) => expectPass(texts);
const flag = (texts: string[]) => expectFlag(texts);

describe("the parent rule: a parent's refusal of or noncompliance with the child's care is the patient's", () => {
  it('reports a parent refusing the care of the child, named or in a note about a child', async () => {
    await flag([
      'Father refused the MMR for his daughter.',
      'Mom refusing the strep swab test for the toddler.',
      "Parents refused the newborn's hearing screen.",
      'MOB refusing the bili recheck.',
      'Stepdad is noncompliant with the child’s asthma medications.',
      'Mother refused to let the nurse place an IV in the baby.',
      'Dad refuses to give the antibiotic to the 3-year-old.',
      "Mother's refusal of the erythromycin ointment was charted.",
      'This 6-year-old boy is seen for a rash. Mother refused the flu vaccine.',
      'Dad refused the genetic testing for pt at this visit.',
    ]);
  });

  it("passes a parent's own acts and care, and a parent's claims, insisting or anger", async () => {
    await pass([
      'Father refused to leave the child’s room at the end of visiting hours.',
      'Mother refused a meal tray.',
      'Mom refused her own tetanus booster.',
      'Dad refused to sit down during the exam of his son.',
      'Parents insist the child had no fever.',
      'Mother was hostile toward the nurse about the parking fee.',
      // An adult's family history: the parent's own treatment.
      'Her father refused dialysis and died at 70.',
      "The roommate's mother refused the vaccine for her son.",
      "Father refused a ride for pt's sister.",
    ]);
  });
});

describe('the subject of a telegraphic predicate after a dash', () => {
  it("passes a relative or a role before the dash; reports the patient's", async () => {
    await pass(['Grandpa - argumentative w/ the charge RN.', 'Sister - belligerent in the lobby.']);
    await flag(['Pt - argumentative w/ the charge RN.', 'Wife at bedside - belligerent overnight.']);
  });
});

describe('after batch 31: a hyphenated role before a dash, a patient beside the one the note is about, a care plan', () => {
  it('passes them; reports the patient and a parent noncompliant with the child’s plan', async () => {
    await pass([
      'Step-grandmother - belligerent at the desk.',
      'A patient on the adjacent ward was combative.',
      'The resident from the other wing insisted on the TV.',
    ]);
    await flag(['Pt - belligerent at the desk.', 'The patient in bed 2 was combative.', 'Parents nonadherent with the seizure action plan.']);
  });
});

describe('a number after the object of a preposition names which place', () => {
  it('reads the noun before the place as the subject', async () => {
    await pass(['Visitor in bed 3 was belligerent with the tech.', 'The husband in room 204 was hostile.']);
    await flag(['Pt in bed 3 was belligerent with the tech.']);
  });
});

describe('another patient, counts and in-laws', () => {
  it('passes another or the other patient or resident, a count of relatives, an in-law', async () => {
    await pass([
      'A fellow patient was combative in the hallway.',
      'The other resident insisted on the window seat.',
      'Three visitors were hostile at the desk.',
      'Son-in-law insists she was never offered hospice.',
    ]);
    expect(who('Another patient was hostile.', 'hostile')).toBe('other');
    expect(who('Per security pt was hostile.', 'hostile')).toBe('patient');
  });

  it("reports the patient's own", async () => {
    await flag(['The patient was combative in the hallway.', 'Per nursing pt was combative overnight.']);
  });
});

describe('who a bare role is, and whose account it is', () => {
  it('reads an appositive after a bare role', async () => {
    await pass(['Informant, her landlord, claims she has not left the flat in a week.', 'Reporter, a school nurse, insists the bruise is new.']);
    await flag(['Pt, a retired teacher, claims the bruise is old.']);
  });

  it('an account that names the patient is someone else’s', async () => {
    await pass(['Lifeguard claims pt was underwater for a minute.', 'Crew chief adamant that the patient was pulseless.']);
    await flag(['Claims the patient before him took his chair.']);
  });

  it('the roles of police, EMS and incident reports named bare', async () => {
    await pass([
      'Trooper was hostile with the triage clerk.',
      'Bystander insists she saw him seize.',
      'Housekeeper refused to enter the room.',
      'FOB belligerent at the bedside.',
    ]);
  });
});

describe("a pronoun's antecedent in the sentence before", () => {
  it('reads a relative named late in that sentence, not one owned by the pronoun itself', async () => {
    await pass(['Received a call from the patient’s eldest daughter at noon. She insists he be transferred.']);
    await flag(['Arrived with her sister and her mother. She insists the pain began yesterday.']);
  });
});

describe("a relative's history", () => {
  it('passes a poor historian who is someone else; reports the patient', async () => {
    await pass(['The grandmother is a poor historian; records were requested.']);
    await flag(['The patient is an unreliable historian; records were requested.']);
  });
});
