// Errors found by blind detection probe 16 (six genres: HIV PrEP clinic, in-flight medical emergency,
// overdose fatality review, plan of safe care, discharge against medical advice, permanent supportive
// housing), fixed in the rule data:
// - "could not" (a past negated modal) after an aggressive person is no generic statement of a sign;
// - "homeless" after a time adverb ("was previously homeless") is the label (all).
import { describe, expect, it } from 'vitest';
import { findingsOf } from './detection.js';

describe('blind probe 16 fixes', () => {
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

  it('flags "homeless" after a time adverb under all', async () => {
    expect(await findingsOf('Pt was recently homeless, now in a shelter bed.', { preset: 'all' })).toContain('identity/homeless:recently homeless');
    expect(await findingsOf('He is formerly homeless and works nights.', { preset: 'all' })).toContain('identity/homeless:formerly homeless');
    // HUD's defined status and a place stay unreported.
    for (const text of ['Meets the HUD definition of chronically homeless.', 'Referred to the homeless outreach team.'])
      expect(
        (await findingsOf(text, { preset: 'all' })).filter((f) => f.startsWith('identity/homeless')),
        text,
      ).toEqual([]);
  });
});
