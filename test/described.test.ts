// The patient-subject model (src/match/described.ts): who a behaviour, refusal or credibility word
// describes, from small sentences of our own (issue 11, "whose behaviour").
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { who } from './detection.js';

describe('describedPerson', () => {
  it('reads the patient: pt, a pronoun, an age, a title, the word a setting uses', () => {
    expect(who('Pt refused the morning labs.', 'refused')).toBe('patient');
    expect(who('She insists the rash began last week.', 'insists')).toBe('patient');
    expect(who('This 52-year-old man refused the level.', 'refused')).toBe('patient');
    expect(who('Mr. Haddad insists he uses the drops.', 'insists')).toBe('patient');
    expect(who('Per the officer, the arrestee was combative.', 'combative')).toBe('patient');
    expect(who('Veteran insists he is sober.', 'insists')).toBe('patient');
    expect(who('They refused the blood draw twice.', 'refused')).toBe('patient');
    expect(who('Medic reports pt was combative in the rig.', 'combative')).toBe('patient');
    expect(who('Pt and husband refused the vaccine.', 'refused')).toBe('patient');
    expect(who('Patient/family refused hospice.', 'refused')).toBe('patient');
  });

  it('reads someone or something else: an article or a possessive before a noun that is not the patient', () => {
    expect(who('The owner claims the shots are current.', 'claims')).toBe('other');
    expect(who('A stray cat became agitated and bit him.', 'agitated')).toBe('other');
    expect(who('Her ferret is hostile to strangers.', 'hostile')).toBe('other');
    expect(who('The wholesaler refused the backorder.', 'refused')).toBe('other');
    expect(who('Ophthalmology: the left eye refuses to fuse.', 'refuses')).toBe('other');
    expect(who('Right elbow refuses to straighten.', 'refuses')).toBe('other');
    expect(who('Another member insisted on leaving early.', 'insisted')).toBe('other');
    expect(who('A family member was hysterical in the hallway.', 'hysterical')).toBe('other');
    expect(who('Crew insists the rhythm was VF.', 'insists')).toBe('other');
    expect(who('Nursing noted aggressive behaviour overnight.', 'aggressive')).toBe('unknown');
  });

  it('reads a relative clause, a small clause with "as" and a pronoun whose antecedent is a relative', () => {
    expect(who('The bystander who called 911 was hysterical.', 'hysterical')).toBe('other');
    expect(who('He describes his old platoon sergeant as hostile.', 'hostile')).toBe('other');
    expect(who('Nurses described him as hostile.', 'hostile')).toBe('patient');
    expect(who("Pt's sister was at the bedside. She was hysterical.", 'hysterical')).toBe('other');
    // The patient is "he" ("his sister"), so "she" is the sister (pronoun.ts; 'patient' before branch pronoun).
    expect(who('Pt seen with his sister. She was hysterical.', 'hysterical')).toBe('other');
    expect(who('Pt seen with her sister. She was hysterical.', 'hysterical')).toBe('patient');
    expect(who("Pt's sister was at the bedside. He was hysterical.", 'hysterical')).toBe('patient');
    expect(who('The man who lives next door was hostile to the medics.', 'hostile')).toBe('other');
    expect(who('Her cousin at the group home was aggressive on Sunday.', 'aggressive')).toBe('other');
    expect(who('A wart that refuses to clear with cryotherapy.', 'refuses')).toBe('other');
    expect(who('The cadet refused the second dose.', 'refused')).toBe('patient');
  });

  it('leaves unknown what it cannot read: no subject, a noun form, a bare word, an object of a preposition', () => {
    expect(who('Refused lunch and dinner.', 'refused')).toBe('unknown');
    expect(who('Admitted for noncompliance with lithium.', 'noncompliance')).toBe('unknown');
    expect(who('He has a hostile manner with staff at times.', 'hostile')).toBe('unknown');
    expect(who('Found at a bus shelter agitated and shouting.', 'agitated')).toBe('unknown');
    expect(who('He has never become as combative as this.', 'combative')).toBe('unknown');
  });

  it('reads a bare common noun opening the sentence as someone else, unless a genre names its patient so', () => {
    // Someone else: roles no list names, written bare as notes write them.
    expect(who('Tenant refused entry to the nurse.', 'refused')).toBe('other');
    expect(who('Sculptor insists on cash for the cast.', 'insists')).toBe('other');
    expect(who('Runner refused the tray at the door.', 'refused')).toBe('other');
    expect(who('Usher became agitated in the aisle.', 'agitated')).toBe('other');
    expect(who('Ferry captain claims the crossing was calm.', 'claims')).toBe('other');
    expect(who('Member liaison insists the form was mailed.', 'insists')).toBe('other');
    expect(who('Shuttle driver refused to wait at the curb.', 'refused')).toBe('other');
    // The name a forensic genre gives its patient is the patient, bare or after "the" (branch legal).
    expect(who('Defendant was hostile during the interview.', 'hostile')).toBe('patient');
    // A death investigation's or a mortality review's decedent, bare or after "the" (the fifth round's kind).
    expect(who('Decedent reportedly refused care.', 'refused')).toBe('patient');
    expect(who('Per the log the decedent was combative with deputies.', 'combative')).toBe('patient');
    // The patient as a genre names them stays unknown, so the rules flag it.
    for (const [sentence, word] of <[string, string][]>[
      ['Donor refused the juice after the draw.', 'refused'],
      ['Youth insists the fight was not his.', 'insists'],
      ['Toddler refused the cup.', 'refused'],
      ['Sophomore claims she slept all weekend.', 'claims'],
      ['Quarterback refused the ice after the game.', 'refused'],
      ['Preschooler refused the eye drops.', 'refused'],
      ['Unrestrained passenger refused the collar.', 'refused'],
      ['Roofer claims the harness was clipped.', 'claims'],
    ])
      expect(who(sentence, word), sentence).toBe('unknown');
    // Not a bare subject: what was refused, a field value, a regimen, initials, a name inside a sentence.
    expect(who('Meds refused.', 'refused')).toBe('unknown');
    expect(who('Insulin refused this AM.', 'refused')).toBe('unknown');
    expect(who('Wound packing was refused again today.', 'refused')).toBe('unknown');
    expect(who('Post op refused the spirometer.', 'refused')).toBe('unknown');
    expect(who('Behavior: {calm/agitated}', 'agitated')).toBe('unknown');
    expect(who('Diet noncompliant per wife.', 'noncompliant')).toBe('unknown');
    expect(who('JD refused the swab.', 'refused')).toBe('unknown');
    expect(who('Seen today; Rosalind refused the swab.', 'refused')).toBe('unknown');
    expect(who('Records show poor compliance.', 'poor')).toBe('unknown');
  });

  it('reads the patient across "and" when the sentence named them first', () => {
    expect(who('The patient is a Jehovah\u2019s Witness and has refused blood.', 'refused')).toBe('patient');
    expect(who('She came with a nosebleed and refused packing.', 'refused')).toBe('patient');
  });
});

describe('rules with `described: other`', () => {
  const flagged = async (text: string) => (await lintText(text)).filter((f) => f.severity !== 'info').map((f) => f.ruleId);

  it('pass a look-alike whose subject is someone or something else', async () => {
    for (const text of [
      'The optician claimed the lenses were cut correctly.',
      'The league refused his appeal.',
      'A classmate was aggressive toward him at recess.',
      'The bus driver was hysterical after the collision.',
      'Lifeguard insists the pool was closed at six.',
      'Tow driver refused to move the car from the bay.',
    ])
      expect(await flagged(text), text).toEqual([]);
  });

  it('still flag the patient, a pronoun for them and a note with no subject', async () => {
    for (const text of [
      'Detainee refused the blood draw.',
      'Pt was combative during irrigation.',
      'Hostile and guarded throughout.',
      'Employee claims the mask fits.',
      'Guest refused the foot soak at the van.',
      'Probationer insists the test was clean.',
      'Meds refused x2.',
    ])
      expect((await flagged(text)).length, text).toBeGreaterThan(0);
  });

  it('read a lone capitalised word as a name when the note writes it capitalised inside a sentence too', async () => {
    // A first name opening a sentence is the patient as often as a bare role is someone else; the
    // note's own use tells them apart (a name keeps its capital mid-sentence, a role does not).
    for (const text of [
      'Met with Dariusz and his case manager. Dariusz refused the lab draw.',
      'Staff redirected Marisol twice, then Marisol was combative at dinner.',
      'Reviewed the plan with Oksana. Oksana insists she takes the pills daily.',
      'Dariusz refused the lab draw.', // no other use, but a given name (names.ts, test/names.test.ts)
    ])
      expect(await flagged(text), text).not.toEqual([]);
    for (const text of ['Called the superintendent about the heat. Superintendent refused entry.']) expect(await flagged(text), text).toEqual([]);
  });

  it('read "her" right before a quoted label as its object, the patient (retired sets, third round)', () => {
    expect(who('The triage note calls her "combative" at arrival.', 'combative')).toBe('patient');
    expect(who("Old notes called her 'hysterical' after the fall.", 'hysterical')).toBe('patient');
    // "her" before an unquoted word was read already; a relative after "her" is still the one described.
    expect(who('She calls her sister "hysterical" on the phone.', 'hysterical')).not.toBe('patient');
  });

  it('read "her" after a verb of calling or finding, and an age-sex opening phrase, as the patient (retired sets, third round)', () => {
    // "her" right after calls/found is the object the coordinated predicate describes.
    expect(who('The ward note calls her a complainer and manipulative.', 'manipulative')).toBe('patient');
    // A relative after "her" is still read first.
    expect(who('She found her brother hostile at the door.', 'hostile')).not.toBe('patient');
    // "22M GSW R leg, combative, smelled of smoke": the limb ending the age-sex phrase is not the subject.
    expect(who('31F stab wound L arm, combative, swore at EMS.', 'combative')).not.toBe('other');
    // Without an age-sex opening, the phrase's head is read as before.
    expect(who('Wife at bedside, hysterical, says he fell.', 'hysterical')).toBe('other');
  });
});
