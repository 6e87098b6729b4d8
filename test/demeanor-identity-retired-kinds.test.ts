// Demeanour and identity kinds learnt from the sets retired to tuning on 2026-12-02 (eval-sealed,
// -blind, -final, -ninth, -twelfth; branch di, fixtures/recall-probes batches 78 and 79). Each kind
// with sentences of our own (none of those sets' text), beside the look-alikes that must pass.
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';

const found = async (text: string) => (await lintText(text)).map((f) => [f.ruleId, f.actual] as [string, string]);
const rulesOf = async (text: string) => (await lintText(text)).map((f) => f.ruleId);

interface Kind {
  kind: string;
  rule: string;
  flag: [string, string][];
  pass: string[];
}

const KINDS: Kind[] = [
  {
    kind: 'a bare "diabetic" as an item of a comma list of descriptors after an age-sex token or a person noun',
    rule: 'identity/diabetic',
    flag: [
      ['ED triage: 67F, diabetic, fell at home.', 'diabetic'],
      ['Transfer: 45 yo M, obese, diabetic (on insulin), chest pain.', 'diabetic'],
      ['Retired welder, diabetic w/ CKD 3, here for a foot check.', 'diabetic'],
    ],
    pass: [
      'Problem list: Nephropathy, diabetic; Gastroparesis, diabetic.',
      '67F, diet: 1800 kcal, diabetic, low salt.',
      '67F, diabetic foot ulcer on the left heel.',
      'Supplies: lancets, diabetic socks, strips.',
    ],
  },
  {
    kind: '"Diabetic for" a span of time opening the item',
    rule: 'identity/diabetic',
    flag: [
      ['Diabetic for 15 yrs, on metformin.', 'Diabetic'],
      ['Social: Diabetic for many years, lives alone.', 'Diabetic'],
    ],
    pass: ['Diabetic foot care for 15 minutes was taught.', 'Diabetic education for the family on Friday.'],
  },
  {
    kind: 'a verb the follower list lacked after "a known diabetic"',
    rule: 'identity/diabetic',
    flag: [
      ['She is a known diabetic transferred from the rehab unit.', 'known diabetic'],
      ['A longtime diabetic hospitalized twice this year.', 'longtime diabetic'],
    ],
    pass: ['A known diabetic neuropathy limits her walking.'],
  },
  {
    kind: '"demented" or "senile" as an item of a comma list after an age-sex token',
    rule: 'identity/crazy-person',
    flag: [
      ['Consult: 93M, demented, in a nursing home.', 'demented'],
      ['Home visit: 79 yo F, frail, senile per her son.', 'senile'],
      ['Handoff: "demented, pulls lines."', 'demented'],
    ],
    pass: ['80M, senile purpura on both arms.', '88F, senile cataract, for surgery.'],
  },
];

describe('identity kinds of the retired sets', () => {
  for (const { kind, rule, flag, pass } of KINDS) {
    it(`${kind}: flagged by ${rule}`, async () => {
      for (const [text, words] of flag) expect(await found(text), text).toContainEqual([rule, words]);
    });
    it(`${kind}: the look-alikes pass`, async () => {
      for (const text of pass) expect(await rulesOf(text), text).not.toContain(rule);
    });
  }
});

async function flags(texts: readonly string[], rule: string) {
  for (const text of texts) expect({ text, rules: await rulesOf(text) }).toEqual({ text, rules: expect.arrayContaining([rule]) });
}

async function passes(texts: readonly string[], rule: string) {
  for (const text of texts) expect({ text, rules: await rulesOf(text) }).toEqual({ text, rules: expect.not.arrayContaining([rule]) });
}

describe('demeanour kinds of the retired sets', () => {
  it('a scale score and then, after a comma, a description is reported; the scale item is not', async () => {
    await flags(['CIWA 20, combative with the tech overnight.'], 'demeanor/combative');
    await flags(['CIWA-Ar 16 at 0600, pt agitated and pulling at the IV.'], 'demeanor/agitated');
    await passes(['CIWA-Ar agitation 4, tremor 3.', 'BPRS hostility item scored 5.'], 'demeanor/agitated');
    await passes(['BPRS hostility item scored 5.'], 'demeanor/combative');
  });

  it('"hostile" of a military term, a place or someone else described passes', async () => {
    await passes(
      [
        'Served two tours; hostile fire injuries to both legs.',
        'She describes her childhood home as hostile.',
        'Staff surveys describe the ward climate as hostile.',
        'Family described the night nurse as hostile.',
      ],
      'demeanor/combative',
    );
    await flags(['Nurses describe him as hostile toward the sitter.'], 'demeanor/combative');
  });

  it('an "if:" red-flag list and the Ranchos level name pass; the patient agitated is reported', async () => {
    await passes(['Return to the ED if: agitated, very drowsy, or a new rash.', 'Rancho level IV, confused-agitated stage.'], 'demeanor/agitated');
    await flags(['He was agitated and swinging at the aide.'], 'demeanor/agitated');
  });

  it('someone else, then a word of distress, then "hysterical" passes; the patient is reported', async () => {
    await passes(['Husband crying, hysterical in the family room.', 'The student nurse was upset, hysterical after the fall.'], 'demeanor/hysterical');
    await flags(['Pt hysterical in triage, could not be consoled.'], 'demeanor/hysterical');
  });

  it('"difficult" before a behaviour label or before the patient as a caller is reported', async () => {
    await flags(['Client difficult and rude at the pharmacy window.', 'Difficult caller, third call today about the bill.'], 'demeanor/difficult-patient');
    await passes(['The sister was difficult and rude with the desk.', 'The extraction was difficult and long.'], 'demeanor/difficult-patient');
  });

  it('"pt aggressive with" later in a line, and what a transfer was for', async () => {
    await flags(['Ortho night note: pt aggressive with the cast tech, sedated.'], 'demeanor/aggressive-field');
    await flags(['Sent to the ED for aggressive behaviour at the group home.'], 'demeanor/aggressive-person');
    await passes(['Risperidone is approved for aggressive behavior in children with autism.'], 'demeanor/aggressive-person');
  });

  it('a young child named by age "uncooperative" is the writer\'s label (the sets\' children rule)', async () => {
    await flags(['The 3 yo was uncooperative for the ear exam.'], 'demeanor/uncooperative');
    await passes(['Children who are uncooperative may need sedation for the scan.'], 'demeanor/uncooperative');
  });

  it('"threatening", "verbally abusive" and "defiant" said of the patient; their look-alikes pass', async () => {
    await flags(
      [
        'Pt threatening the night staff, security paged.',
        'He became threatening when the pass was denied.',
        'Verbally abusive to the unit clerk.',
        'Teen defiant at school, per the dean.',
      ],
      'demeanor/threatening',
    );
    await passes(
      [
        'Sight-threatening retinopathy on the last exam.',
        'Threatened miscarriage at 8 weeks.',
        'Her boyfriend was threatening her by phone.',
        'Hears threatening voices when alone.',
        'Pt threatening to leave if not seen soon.',
        'History of a verbally abusive marriage.',
        'Oppositional defiant disorder since age 7.',
        'Children with ADHD may be defiant at home.',
        'Pt shouting and threatening the guard; police called.',
      ],
      'demeanor/threatening',
    );
  });
});
