// Errors found by blind detection probe 16 (six genres: HIV PrEP clinic, in-flight medical emergency,
// overdose fatality review, plan of safe care, discharge against medical advice, permanent supportive
// housing), fixed in the rule data:
// - "frequent flyer" with an airline's loyalty tier or membership is the guide's benign sense;
// - "could not" (a past negated modal) after an aggressive person is no generic statement of a sign;
// - "apparently"/"reportedly" hedging what someone else did or is does not doubt the patient (all);
// - "homeless" after a time adverb or another linking verb ("was previously homeless", "became
//   homeless", "is now homeless") is the label (all).
import { describe, expect, it } from 'vitest';
import { findingsOf } from './detection.js';

describe('blind probe 16 fixes', () => {
  it('passes an airline loyalty tier or membership beside "frequent flyer"', async () => {
    for (const text of [
      'Passenger is an elite-status frequent flyer travelling to a conference.',
      'Pax gave his frequent flyer number to the purser for the incident form.',
      'She is a diamond frequent flier and asked to be reseated near the galley.',
    ])
      expect(await findingsOf(text), text).toEqual([]);
  });

  it('still flags a frequent flyer of the emergency department or the clinic', async () => {
    expect(await findingsOf('Known frequent flyer to our ED, seen 9 times since June.')).toEqual(['credibility/frequent-flyer:frequent flyer']);
    expect(await findingsOf('Pt is a frequent flier at urgent care for back pain.')).toEqual(['credibility/frequent-flyer:frequent flier']);
  });

  it('reads a coordinated "aggressive" before "could not" as the patient\'s conduct', async () => {
    expect(await findingsOf('She was hostile and aggressive after she was told she could not smoke on the unit.')).toEqual([
      'demeanor/aggressive-person:hostile and aggressive',
    ]);
    // The generic statements stay unreported, "can not" and "could" without a negation included.
    for (const text of [
      'Agitated and aggressive behaviour can not always be prevented in delirium.',
      'Aggressive outbursts could be a sign of pain in dementia.',
    ])
      expect(await findingsOf(text), text).toEqual([]);
  });

  it('passes a hedge on what someone else did or is, under all', async () => {
    // The subject, or a relative right before the hedge in a telegraphic line with no verb.
    for (const text of [
      'His father reportedly drank heavily; not involved in care.',
      'Her sister apparently moved out of state last spring.',
      'PGF reportedly on dialysis, lives in Ohio.',
    ])
      expect(
        (await findingsOf(text, { preset: 'all' })).filter((f) => f.startsWith('credibility/apparently')),
        text,
      ).toEqual([]);
    expect(await findingsOf('He reportedly skipped two doses last week.', { preset: 'all' })).toContain('credibility/apparently:reportedly');
  });

  it('flags "homeless" after a time adverb under all', async () => {
    expect(await findingsOf('Pt was recently homeless, now in a shelter bed.', { preset: 'all' })).toContain('identity/homeless:recently homeless');
    expect(await findingsOf('He is formerly homeless and works nights.', { preset: 'all' })).toContain('identity/homeless:formerly homeless');
    expect(await findingsOf('Her son says she remained homeless through the winter.', { preset: 'all' })).toContain('identity/homeless:remained homeless');
    expect(await findingsOf('Pt is now homeless after the fire.', { preset: 'all' })).toContain('identity/homeless:now homeless');
    // HUD's defined status and a place stay unreported.
    for (const text of ['Meets the HUD definition of chronically homeless.', 'Referred to the homeless outreach team.'])
      expect(
        (await findingsOf(text, { preset: 'all' })).filter((f) => f.startsWith('identity/homeless')),
        text,
      ).toEqual([]);
  });
});
