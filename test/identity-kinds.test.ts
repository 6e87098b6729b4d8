// Identity labels in the shapes of genres the rules were not tuned on (issue 11; recall-probes batches
// 15 and 17): each kind is checked on two sentences of different wording, with look-alikes beside it
// that must pass. Every sentence is written for this file (not taken from the probes or the rules'
// examples).
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';

/** The identity findings of the default preset, as [rule, words]. */
const identity = async (text: string) => (await lintText(text)).filter((f) => f.category === 'identity').map((f) => [f.ruleId, f.actual] as [string, string]);

const KINDS: { kind: string; rule: string; flag: [string, string][]; pass: string[] }[] = [
  {
    kind: 'a role noun right after the label',
    rule: 'identity/diabetic',
    flag: [
      ['Two diabetic students eat lunch in the health office.', 'diabetic students'],
      ['Footwear benefit for diabetic enrollees is listed in section 4.', 'diabetic enrollees'],
    ],
    pass: ['The diabetic educator visits the students on Fridays.', 'The school keeps diabetic supplies in room 3.'],
  },
  {
    kind: 'a role noun right after "obese", never a few words on',
    rule: 'identity/obese-person',
    flag: [
      ['An obese retiree with knee pain was seen today.', 'obese retiree'],
      ['Obese claimants must show six months of supervised diet.', 'Obese claimants'],
    ],
    pass: ['He is obese and a heavy smoker.', 'Obese; retired postal worker, lives alone.'],
  },
  {
    kind: 'the label beside an age',
    rule: 'identity/epileptic',
    flag: [
      ['Epileptic 15-year-old, rescue plan on file.', 'Epileptic'],
      ['Transport request: 62F epileptic, needs a seizure pad.', 'epileptic'],
    ],
    pass: ['Epileptic 3 days ago per mother?', 'Epileptic discharges at 14 y/o on the old EEG.'],
  },
  {
    kind: 'the bare label as a field item before "with" or "off", or after a dash',
    rule: 'identity/diabetic',
    flag: [
      ['Reason for visit: diabetic off insulin for a week', 'diabetic'],
      ['Plan: hold metformin - diabetic with CKD 3', 'diabetic'],
    ],
    pass: ['Reason for visit: diabetic foot check', 'Plan: education - diabetic teaching done'],
  },
  {
    kind: 'apposition after a name',
    rule: 'identity/epileptic',
    flag: [
      ['Ms. Ruiz, epileptic, was found on the floor.', 'epileptic'],
      ['Called Dr. Obi about Mr. Lamb, epileptic, whose level was low.', 'epileptic'],
    ],
    pass: ['Seizures: tonic, epileptic, no aura.', 'Ms. Ruiz, epileptologist, reviewed the EEG.'],
  },
  {
    kind: '"demented"/"senile" with any subject, or before a person noun',
    rule: 'identity/crazy-person',
    flag: [
      ['Her husband was senile before he died.', 'was senile'],
      ['Night shift: senile gentleman in 12 keeps calling out.', 'senile gentleman'],
    ],
    pass: ['The rash is senile purpura.', 'Senile cataract, right eye, surgery declined.'],
  },
  {
    kind: '"the diabetic" as a noun, "diagnosed diabetic", "long-term diabetic", before a verb',
    rule: 'identity/diabetic',
    flag: [
      ['Per nursing, the diabetic in 4B skipped breakfast.', 'the diabetic'],
      ['A recently diagnosed diabetic requires a glucometer.', 'diagnosed diabetic'],
    ],
    pass: ['The diabetic educator will call on Monday.', 'Long-term diabetic nephropathy, stage 3.', 'Diabetic needs were reviewed with the family.'],
  },
  {
    kind: '"the epileptic" as a noun before a verb',
    rule: 'identity/epileptic',
    flag: [
      ['Per staff, the epileptic fell out of bed at 3 am.', 'the epileptic'],
      ['Bed 2: the epileptic took her levetiracetam late.', 'the epileptic'],
    ],
    pass: ['The epileptic network spans both temporal lobes.', 'The epileptic focus was resected in 2019.'],
  },
  {
    kind: 'a person noun after "bipolar"',
    rule: 'identity/bipolar-person',
    flag: [
      ['The bipolar lady on 5 West wants her lithium now.', 'bipolar lady'],
      ['Group for bipolar veterans meets on Thursdays.', 'bipolar veterans'],
    ],
    pass: ['The bipolar electrode was repositioned.', 'Bipolar II, current episode depressed.'],
  },
];

describe('identity labels in the shapes of new genres (batches 15 and 17)', () => {
  for (const { kind, rule, flag, pass } of KINDS) {
    it(`${kind}: flagged by ${rule}`, async () => {
      for (const [text, words] of flag) expect(await identity(text), text).toContainEqual([rule, words]);
    });
    it(`${kind}: the look-alikes pass`, async () => {
      for (const text of pass) expect(await identity(text), text).toEqual([]);
    });
  }
});
