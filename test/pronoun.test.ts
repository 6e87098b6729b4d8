// Whose pronoun (src/match/pronoun.ts): a he/she/they opening its clause takes the reading of its
// antecedent in the sentence or two before, from small sentences of our own (issue 11).
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { windowBefore } from '../src/match/pronoun.js';
import { who } from './detection.js';

describe('the kinds the old fallback of described.ts read, now in the model', () => {
  it('reads a sentence that says who its subject is', () => {
    expect(who("Caller is the patient's mother; she insists the child be seen tonight.", 'insists')).toBe('other');
    expect(who('Okafor is the accepting surgeon at Mercy. She refused the transfer.', 'refused')).toBe('other');
    expect(who("Anne is Henry's primary caregiver. She claims he sleeps all night.", 'claims')).toBe('other');
    expect(who('The escort was Brian Lowe. He insisted on staying for the exam.', 'insisted')).toBe('other');
    // Not a role: "Caller is the patient" says the caller is the one described.
    expect(who('Caller is the patient herself. She insists the rash is new.', 'insists')).toBe('patient');
  });

  it('reads a relative named first in the sentence before, before the patient', () => {
    expect(who("Spoke with the patient's sister by phone. She claims the fever began Friday.", 'claims')).toBe('other');
    expect(who("Met with Mr. Ito's two sons and his ex-wife. She became hysterical at the news.", 'hysterical')).toBe('other');
    expect(who("Rafael's uncle is his payee. He was adamant that the checks stop.", 'adamant')).toBe('other');
    // The patient first, or the relative of someone of the pronoun's gender: the patient.
    expect(who('Pt seen with his mother. She insists the cough is new.', 'insists')).toBe('other');
    expect(who('Seen with her foster mother. She insists the cough is new.', 'insists')).toBe('patient');
    expect(who('Pt came in with her aunt today. She refused the swab.', 'refused')).toBe('patient');
  });

  it('decides the disagreements of the fallback and the model by the guides (batches 48 and 64)', () => {
    // The object pronoun after the relative is the patient, and so is "she" (batch 48's labelled refusal).
    expect(who("Member's daughter dropped her off at 9. She was agitated until lunch.", 'agitated')).toBe('patient');
    // "his foster dad": the relative of the one "he" stands for (batch 64).
    expect(who('Mateo, 7, came with his foster dad. He was adamant that he flosses.', 'adamant')).toBe('patient');
  });

  it('reads a role before the head, a number in the subject, and the patient possessive outside the subject', () => {
    expect(who('Night supervisor came to the desk at 2. He insists the room stay locked.', 'insists')).toBe('other');
    expect(who('The 1:1 sitter is new to the unit. She was hysterical after pt threw a cup.', 'hysterical')).toBe('other');
    expect(who("Chaplain visited at pt's request. She was insistent that the family be called.", 'insistent')).toBe('other');
    expect(who("Pt's aide arrived at noon. She refused the chair.", 'refused')).toBe('patient');
  });
});

describe('first names and their gender (the names list)', () => {
  it("reads he as Maria's husband, she as Maria", () => {
    expect(who("Maria's husband was home at noon. He refused to let me in the kitchen.", 'refused')).toBe('other');
    expect(who("Maria's husband was home at noon. She refused her shower.", 'refused')).toBe('patient');
    expect(who('Dolores sat by the window. Frank came in from the yard. He was hostile about the truck.', 'hostile')).toBe('other');
    expect(who('Dolores sat by the window. Frank came in from the yard. She was combative at the transfer.', 'combative')).toBe('patient');
    expect(who('Lily, 6, came with her caseworker Tom. He was uncooperative about the records.', 'uncooperative')).toBe('other');
  });

  it('reads a named person, a named relative, an appositive and a full name with a title', () => {
    expect(who("Bea's grandson Tyler stayed over. He was uncooperative about the hallway.", 'uncooperative')).toBe('other');
    expect(who('Stanley said his son Greg would visit. Greg came at noon. He insisted on paying cash.', 'insisted')).toBe('other');
    expect(who("Jordan, the neighbour's teenager, mowed the lawn. He claims she pays weekly.", 'claims')).toBe('other');
    expect(who('Grace, the CASA volunteer, sat in. She claims the heat was off.', 'claims')).toBe('other');
    expect(who('Caseworker Denise Hall attended. She claims the visits stopped in May.', 'claims')).toBe('other');
    // "Dr. Amari": a surname after a title gives no gender (batch 40).
    expect(who('Dr. Amari is the accepting physician. She refused the transfer.', 'refused')).toBe('other');
  });

  it('reads an account that names the patient by the setting word or the name the note opened with', () => {
    expect(who('Casey from the agency covered Monday. She claims the client was on the floor.', 'claims')).toBe('other');
    expect(who('Destiny, 13, lives with her aunt. She was adamant that Destiny not get the shot.', 'adamant')).toBe('other');
  });

  it('takes no evidence from a name of either gender or no name', () => {
    // Jordan is either: the patient's gender is not fixed, and "he" stays the patient.
    expect(who('Jordan sat by the window. Frank came in from the yard. He was hostile about the truck.', 'hostile')).toBe('patient');
    expect(who('Resident sat by the window. Frank came in. He was hostile about the truck.', 'hostile')).toBe('patient');
  });
});

describe('a pronoun whose antecedent is someone else', () => {
  it('takes the subject of the sentence before when it is someone else and agrees', () => {
    expect(who('The courier got to the dock late. He refused to wait for the signature.', 'refused')).toBe('other');
    expect(who('The tow operator hooked up the car. He insists the keys were left inside.', 'insists')).toBe('other');
    expect(who('Warden Kaplan met the crew at the gate. She insists the yard stay locked.', 'insists')).toBe('other');
    expect(who('An usher waved the cart through. She was agitated about the blocked stairs.', 'agitated')).toBe('other');
    expect(who('Sgt. Boyle walked in with the medics. He claims the crowd was throwing cans.', 'claims')).toBe('other');
    // An agent noun in -ant with a verb a person does (batch 49: "The room attendant found him").
    expect(who('The valet attendant brought the car around. She claims he left the keys in it.', 'claims')).toBe('other');
    // "They" needs a plural antecedent: two caddies, the patient named in the singular.
    expect(who('Pt golfs with two caddies. They were hostile about the cart path rules.', 'hostile')).toBe('other');
  });

  it('does not take a subject the pronoun cannot agree with, or one beside a patient mention that agrees', () => {
    // A plural or a collective is no "he"/"she"; a relative of the other gender is not either.
    expect(who('Two lifeguards pulled him from the pool. He was combative on the deck.', 'combative')).toBe('patient');
    expect(who('Security walked her to the triage bay. She refused the ECG.', 'refused')).toBe('patient');
    expect(who("Pt's husband went to park the car. She refused the IV.", 'refused')).toBe('patient');
    // The patient named with a pronoun that agrees: the patient, as before.
    expect(who('The tech helped her onto the table. She refused the contrast.', 'refused')).toBe('patient');
    // A thing is no "he"/"she": an implant, a mass, a catheter as the subject before.
    expect(who('The implant was removed in clinic. She refused a new one.', 'refused')).toBe('patient');
    expect(who('The mass enhanced with contrast. He refused the biopsy.', 'refused')).toBe('patient');
    // A day after a verb is no titled name ("Seen Tuesday"), and a verb is no title.
    expect(who('Seen Tuesday with her aunt. She refused the flu shot.', 'refused')).toBe('patient');
    expect(who('Seen Tuesday in clinic. She refused the flu shot.', 'refused')).toBe('patient');
    expect(who('Visited Lakeside Park on Sunday. He refused the cast.', 'refused')).toBe('patient');
    // The pronoun first: nothing before it to stand for.
    expect(who('He refused the splint. The ranger called back at noon.', 'refused')).toBe('patient');
    expect(who('Pt tearful at the desk. She refused the flu shot.', 'refused')).toBe('patient');
  });

  it('reads a pronoun of the other gender than the patient as the one named nearby', () => {
    expect(who('Pt came in with wife. She insists he quit smoking in June.', 'insists')).toBe('other');
    expect(who('Pt was fishing with his daughter. She claims he fell off the dock.', 'claims')).toBe('other');
    expect(who('Mrs. Alvarez came with her son. He was hostile with the front desk.', 'hostile')).toBe('other');
    expect(who('Pt seen with his sister. She was hysterical.', 'hysterical')).toBe('other');
    // The same gender as the patient: the patient.
    expect(who('Pt came in with his wife. He insists he quit smoking in June.', 'insists')).toBe('patient');
    // A distance or a team is no age with a sex ("fell 6 m", "a 2-man assist").
    expect(who('Pt fell about 6 m off a ladder. The roofer found pt at the base. She insists the rung broke.', 'insists')).toBe('patient');
    expect(who('Pt up with a 2-man assist. The aide stayed with pt. She refused the walker.', 'refused')).toBe('patient');
    // Nobody else named: the patient, whatever the gender.
    expect(who('Pt seen alone today. She insists he is drinking less.', 'insists')).toBe('patient');
  });

  it('reads the one asked as the one who refuses', () => {
    expect(who('Pt asked the desk clerk to call a cab. She refused because of the policy.', 'refused')).toBe('other');
    expect(who('The aide asked her to sit down for lunch. She refused and kept pacing.', 'refused')).toBe('patient');
    expect(who('The doctor asked us to see her about the surgery. She refused the surgery.', 'refused')).toBe('patient');
  });

  it('reads an account that names the patient in the third person as someone else’s', () => {
    expect(who('Spoke with the neighbor by phone. He claims pt has not left the house in days.', 'claims')).toBe('other');
    expect(who('She insists the patient be moved to a private room.', 'insists')).toBe('other');
    expect(who('She insists she has been taking the pills.', 'insists')).toBe('patient');
    // Anywhere in the account's clause, not only first (batch 49: "insists the car hit pt").
    expect(who('He insists the dog bit pt on the hand.', 'insists')).toBe('other');
    expect(who('He insists the dog bit him on the hand.', 'insists')).toBe('patient');
    expect(who("He insists pt's mother gave the dose.", 'insists')).toBe('patient');
  });

  it('reads a possessive pronoun opening the sentence as its antecedent’s', () => {
    expect(who('The shuttle driver came at noon. His refusal to use the ramp delayed the visit.', 'refusal')).toBe('other');
    expect(who('She came with her brother. Her refusal of the biopsy was discussed.', 'refusal')).toBe('unknown');
  });

  it('looks back two sentences at most, within the paragraph and the dialogue turn', () => {
    expect(windowBefore('One. Two. Three. ', 17)).toEqual(['Two.', 'Three.']);
    expect(windowBefore('The guard left.\n\nNew paragraph here. ', 36)).toEqual(['New paragraph here.']);
    expect(windowBefore('Dr. Amsel called twice. ', 24)).toEqual(['Dr. Amsel called twice.']);
    expect(windowBefore('Doctor: The guard left.\nPatient: I know. ', 41)).toEqual(['I know.']);
    // Across a turn, the other speaker's "guard" is not read.
    expect(who('SPEAKER 1: The courier left early.\nSPEAKER 2: He refused to stay with me.', 'refused')).toBe('patient');
    expect(who('SPEAKER 1: The courier left early. He refused to stay with me.', 'refused')).toBe('other');
  });

  it('flags the patient and passes the other in a note', async () => {
    const other = await lintText('The lift operator stopped the chair. He refused to restart it until patrol came.');
    expect(other.filter((f) => f.ruleId === 'compliance/refused')).toEqual([]);
    const patient = await lintText('Patroller packaged him in the sled. He refused the collar.');
    expect(patient.map((f) => f.ruleId)).toContain('compliance/refused');
  });
});
