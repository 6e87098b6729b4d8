// Errors found by blind detection probe 17 (six genres: tobacco treatment clinic, gestational-carrier
// screening, marathon medical tent, pharmacist naloxone counselling, geriatric falls clinic, adolescent
// confidential visit):
// - a lower-case "drug abuse program" is a generic programme, not a name: the file exception
//   "Drug Abuse Program" matched in any case and hid the label (rule data);
// - "Triathlete", "Marathoner" alone at the start of a sentence, and "Runner" there in a text that
//   names a race, are an endurance event's patient, not someone else (src/match/described.ts,
//   ENDURANCE, RACE); "food runner" and a ward's bare "Runner" stay someone else.
import { describe, expect, it } from 'vitest';
import { findingsOf } from './detection.js';

describe('blind probe 17 fixes', () => {
  it('flags "drug abuse" in a generic, lower-case programme', async () => {
    for (const text of ['She was enrolled in a drug abuse program after the arrest.', 'Hx: outpatient alcohol and drug abuse program 2019.'])
      expect(
        (await findingsOf(text)).some((f) => f.startsWith('substance-use/substance-abuse:')),
        text,
      ).toBe(true);
  });

  it('still passes a programme named in Title Case', async () => {
    for (const text of [
      'He completed the Residential Drug Abuse Program while incarcerated.',
      'Army Substance Abuse Program (ASAP) intake scheduled.',
      'Referred to the Alcohol and Drug Abuse Program at the county.',
    ])
      expect(await findingsOf(text), text).toEqual([]);
  });

  it('reads a bare "Triathlete", or a "Runner" where a race is named, opening a sentence as the patient', async () => {
    expect(await findingsOf('Triathlete was hostile toward the medics.')).toEqual(['demeanor/combative:hostile']);
    expect(await findingsOf('Medical tent, mile 18. Runner became combative during cooling.')).toEqual(['demeanor/combative:combative']);
  });

  it('leaves a runner of a trade, or a runner with no race in the text, as someone else', async () => {
    for (const text of [
      'Food runner was rude to the patient at lunch.',
      'Errand runner was hostile at the desk.',
      'Runner became hostile at the nursing station.',
      'Finished the half marathon course. Food runner was rude at the tent.',
    ])
      expect(await findingsOf(text), text).toEqual([]);
  });
});
