// Identity labels in the kinds recall-probes batch 66 found missed (issue 11, branch ident): role
// nouns of employment and respite text, any person noun as the subject of "crazy"/"nuts"/"insane",
// "call him crazy", "crazy" before a person noun, the copula forms of "diabetic" and "a bipolar",
// "the obese" before a plural verb, "MR/DD", "a vegetable" said of a person, "WC bound", and
// "deaf-mute" left to the all preset. Each kind is checked on two sentences of different wording,
// with look-alikes beside it that must pass. Every sentence is written for this file (not taken from
// the probes or the rules' examples).
import { describe, expect, it } from 'vitest';
import { lintText, type PresetName } from '../src/index.js';

/** The findings of a preset (default: recommended), as [rule, words]. */
const found = async (text: string, preset?: PresetName) =>
  (await lintText(text, preset ? { preset } : {})).map((f) => [f.ruleId, f.actual] as [string, string]);

const KINDS: { kind: string; rule: string; flag: [string, string][]; pass: string[] }[] = [
  {
    kind: 'a role noun of employment or respite text right after the label',
    rule: 'identity/epileptic',
    flag: [
      ['The epileptic trainee was moved off the ladder crew.', 'epileptic trainee'],
      ['Two epileptic guests share the ground-floor room.', 'epileptic guests'],
    ],
    pass: ['The epileptic activity stopped after the second dose.', 'Guests with epilepsy keep rescue meds in the office.'],
  },
  {
    kind: 'a research or patient-education role noun right after the label',
    rule: 'identity/obese-person',
    flag: [
      ['Obese subjects had higher leptin at baseline.', 'Obese subjects'],
      ['The program enrolls obese youth from three schools.', 'obese youth'],
    ],
    pass: ['Subjects with obesity had higher leptin at baseline.', 'Obese; youth soccer coach, knee pain.'],
  },
  {
    kind: 'a role noun right after "diabetic" or "bipolar"',
    rule: 'identity/diabetic',
    flag: [
      ['Breaks are longer for diabetic employees on the night shift.', 'diabetic employees'],
      ['The diabetic applicant asked about a fridge in the break room.', 'diabetic applicant'],
    ],
    pass: ['Diabetic supplies for the employees are in the nurse office.', 'Diabetic candidate genes were not tested.'],
  },
  {
    kind: 'any person noun as the subject of crazy, nuts or insane',
    rule: 'identity/crazy-person',
    flag: [
      ['The foreman told the coach the employee is nuts.', 'is nuts'],
      ['Per the neighbour, her son was acting insane on the porch.', 'was acting insane'],
    ],
    pass: ['Her son is crazy about dinosaurs.', 'The worker is nuts about the new schedule, she says.'],
  },
  {
    kind: 'someone called crazy, and crazy before a person noun',
    rule: 'identity/crazy-person',
    flag: [
      ['Staff heard the visitor call her crazy in the hallway.', 'crazy'],
      ['Staff should not refer to the insane guest in room 6 that way.', 'insane guest'],
    ],
    pass: ['Call me crazy, but the swelling looks better.', 'It was a crazy patient load on the unit tonight.', 'Everyone called the storm crazy.'],
  },
  {
    kind: 'the copula forms of diabetic (being, became) and a poorly controlled diabetic',
    rule: 'identity/diabetic',
    flag: [
      ['He became diabetic in his forties.', 'became diabetic'],
      ['Referral for a poorly controlled diabetic, A1c 12.', 'controlled diabetic'],
    ],
    pass: ['Her sugars became diabetic range after the steroid.', 'Well controlled diabetic foot ulcer, healing.'],
  },
  {
    kind: '"a bipolar" after a copula at the clause end',
    rule: 'identity/bipolar-person',
    flag: [
      ['Per the chart she is a chronic bipolar.', 'is a chronic bipolar'],
      ["He's a bipolar, the sister says.", "He's a bipolar"],
    ],
    pass: ['Vessels were sealed with a bipolar.', 'The configuration is a bipolar lead.'],
  },
  {
    kind: '"the obese" before a plural verb',
    rule: 'identity/the-obese',
    flag: [
      ['In the trial the obese lost less weight on the low dose.', 'the obese'],
      ['The poster says the obese face stigma at every visit.', 'the obese'],
    ],
    pass: ['The obese mice lost weight on the drug.', 'The obese abdomen made the exam hard.'],
  },
  {
    kind: '"MR/DD", not MR alone or an agency name',
    rule: 'identity/retarded',
    flag: [
      ['PMH: MR/DD, seizure disorder.', 'MR'],
      ['Lives in a group home (MR/DD) with three others.', 'MR'],
    ],
    pass: ['Echo: moderate MR, EF 45%.', 'Case manager from the county MR/DD board called.'],
  },
  {
    kind: '"a vegetable" said of a person',
    rule: 'identity/vegetable',
    flag: [
      ['Her husband fears she will become a vegetable after the bleed.', 'become a vegetable'],
      ["The son said he's a vegetable now and asked about hospice.", "he's a vegetable"],
    ],
    pass: ['Half the plate should be a vegetable.', 'She became a vegetable farmer after retiring.'],
  },
  {
    kind: '"WC bound" written without the slash',
    rule: 'identity/wheelchair-bound',
    flag: [
      ['Pt WC bound since the fall, needs a ramp.', 'WC bound'],
      ['WC-dependent, lives with her brother.', 'WC-dependent'],
    ],
    pass: ['Uses a WC outdoors, walks indoors.', 'WC visit (workers comp) next week.'],
  },
];

describe('identity labels in the kinds batch 66 found missed', () => {
  for (const { kind, rule, flag, pass } of KINDS) {
    it(`${kind}: flagged by ${rule}`, async () => {
      for (const [text, words] of flag) expect(await found(text), text).toContainEqual([rule, words]);
    });
    it(`${kind}: the look-alikes pass`, async () => {
      for (const text of pass)
        expect(
          (await found(text)).filter(([id]) => id.startsWith('identity/')),
          text,
        ).toEqual([]);
    });
  }

  it('"deaf-mute" is reported under all (identity/hearing-impaired) and not under recommended', async () => {
    const text = 'Her uncle is deaf-mute and writes notes to talk.';
    expect(await found(text)).toEqual([]);
    expect(await found(text, 'all')).toContainEqual(['identity/hearing-impaired', 'deaf-mute']);
    expect(await found('Her uncle was called deaf and dumb at school.')).toContainEqual(['inclusive/deaf-and-dumb', 'deaf and dumb']);
  });
});
