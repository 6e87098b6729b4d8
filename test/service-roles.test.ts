// Who a refusal, a claim or a behaviour word is about when the subject is a worker of a service, a
// trade or an institution named bare, a "he"/"she" after such a person, a thing or a document
// (issue 11, clean sentences; fixtures/recall-probes batches 40 and 41). Sentences of our own.
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { who } from './detection.js';

const flagged = async (text: string) => (await lintText(text)).filter((f) => f.severity !== 'info').map((f) => f.ruleId);
const any = async (text: string) => (await lintText(text)).map((f) => f.ruleId);

describe('bare workers of a service, a trade or the institution', () => {
  it('reads them as someone else', () => {
    expect(who('Receptionist insists the form was mailed.', 'insists')).toBe('other');
    expect(who('Electrician refused to work on the live panel.', 'refused')).toBe('other');
    expect(who('Janitor claims the floor was dry.', 'claims')).toBe('other');
    expect(who('Night clerk was hostile on the phone.', 'hostile')).toBe('other');
    expect(who('Refill refused by pharmacist on duty.', 'refused')).toBe('other');
    expect(who('Mercy Regional refused the bed.', 'refused')).toBe('other');
    expect(who('Dog agitated and barking at the gate.', 'agitated')).toBe('other');
    expect(who('Hygienist claims the x-rays were taken twice.', 'claims')).toBe('other');
    expect(who('Concierge refused to call up to the unit.', 'refused')).toBe('other');
  });

  it('leaves a bare activity role or a trade of the patient unknown, and the patient the patient', () => {
    expect(who('Driver insists he had a green light.', 'insists')).toBe('unknown');
    expect(who('Welder claims the goggles fog up.', 'claims')).toBe('unknown');
    expect(who('Pt refused the pharmacist consult.', 'refused')).toBe('patient');
  });
});

describe('"he"/"she" after someone else opening the sentence before', () => {
  it('stands for that person', () => {
    expect(who('The electrician came at noon. He insists the outlet is faulty.', 'insists')).toBe('other');
    expect(who('Dr. Okafor is the covering surgeon. She insists on a CT first.', 'insists')).toBe('other');
    expect(who('The receptionist called back. She claims the fax went through.', 'claims')).toBe('other');
    // A full stop after a number the sentence splitter does not end a sentence at.
    expect(who('The mechanic left at 4. He insists the lift is safe.', 'insists')).toBe('other');
    expect(who('The nurse saw him at 4. He insists the pain is worse.', 'insists')).toBe('patient');
  });

  it('stands for the patient when the sentence before names them, or names someone of the other gender', () => {
    expect(who('The nurse brought him lunch. He refused it.', 'refused')).toBe('patient');
    expect(who('Dr. Okafor saw her today. She insists the pain is worse.', 'insists')).toBe('patient');
    expect(who('The brother was at the desk. She refused the tray.', 'refused')).toBe('patient');
    expect(who('Pt seen by the electrician of the unit. He refused the bed change.', 'refused')).toBe('patient');
    // The role as an object, after a verb; a sentence that is only a title cut from its name.
    expect(who('Caller paged the charge nurse; she insists the dose was missed.', 'insists')).toBe('patient');
    expect(who('DR. NG SAW HIM; HE INSISTS THE PAIN IS WORSE.', 'insists')).toBe('patient');
  });
});

describe('things, documents and terms of art', () => {
  it('pass', async () => {
    for (const text of [
      'Unit policy insists on two nurses for the check.',
      'Referral refused - out of network.',
      'Vial should be gently agitated before drawing up.',
      'Combative patient simulation for new hires on Friday.',
      'Claims phone line is on the back of the card.',
      'Charging box refuses to power on.',
      'Bed request refused by Lakeview General.',
      'Rehab placement refused: no skilled beds.',
      'The formulary refuses the extended-release form.',
      'Combative patient response team drilled on nights.',
      'He was refused a bed at the respite centre.',
      'She has been refused admission to two programs.',
    ])
      expect(await any(text), text).toEqual([]);
  });

  it('still flag the patient', async () => {
    for (const text of [
      'Pt refused the referral to ortho.',
      'The nurse checked on her. She insists the pain is a 10.',
      'Combative patient, restrained x4.',
      'Pt insists the policy was explained wrong.',
      'Referral discussed; pt refused.',
      'Combative patient response: restraints applied.',
      'When I offered the flu shot, pt refused.',
      'Dressing change was refused a second time.',
      'Pt was refused.',
      'Insulin was refused this morning.',
    ])
      expect((await flagged(text)).length, text).toBeGreaterThan(0);
  });
});
