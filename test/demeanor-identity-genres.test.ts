// Demeanor and identity wording in genres the rules were not tuned on (issue 11; recall probe batch
// 21: crisis lines, group homes, memory care, security, complaint logs, seating and foot clinics),
// one test per kind, each with sentences of our own and the look-alikes beside them.
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { expectFlag as flags, expectPass as passes, who } from './detection.js';

// Findings reported above info, as `rule:words`.
const expectPass = (texts: string[]) => passes(texts, { strong: true });
const expectFlag = (texts: string[], rule: string) => flags(texts, { strong: true, rule });

describe('who a behaviour word describes, in incident and complaint logs', () => {
  it('reads a bracketed appositive: the words in brackets say who the subject is', async () => {
    expect(who("Visitor (the pt's nephew) became hostile at the desk.", 'hostile')).toBe('other');
    expect(who('Reporter (sister) was combative with the clerk.', 'combative')).toBe('other');
    expect(who('Caller (patient) was belligerent with the counselor.', 'belligerent')).toBe('patient');
    expect(who('Mr. Ruiz (see prior note) was combative again.', 'combative')).toBe('patient');
    await expectPass(["Visitor (the pt's nephew) became hostile at the desk.", 'Reporter (sister) was combative with the clerk.']);
    await expectFlag(['Caller (patient) was belligerent with the counselor.', 'Mr. Ruiz (see prior note) was combative again.'], 'demeanor/combative');
  });

  it('passes an age set off by commas, then reads the noun before it', async () => {
    await expectPass(['Cousin, age 9, was combative in the playroom.', 'Brother, 14, became hostile when the visit ended.']);
    await expectFlag(['Pt, age 52, was combative in triage.', 'Resident, 88, became belligerent at supper.'], 'demeanor/combative');
  });

  it('reads household members and visitors named bare as someone else', async () => {
    await expectPass([
      'Roommate was aggressive toward him over the TV remote.',
      'Housemates became hostile during the chore meeting.',
      'Visitor was belligerent with the front desk about parking.',
      'Neighbor was combative when the ambulance blocked the drive.',
    ]);
    await expectFlag(['Pt was aggressive toward his roommate over the TV remote.'], 'demeanor/aggressive');
  });

  it('reads staff roles and a co-worker named bare as someone else, and "the person supported" as the patient', async () => {
    await expectPass([
      'Aide was hostile with the family at visiting time.',
      'CNA, age 30, became combative after the bite.',
      'Co-worker on the line was aggressive with him.',
    ]);
    expect(who('The person supported became agitated at the bus stop.', 'agitated')).toBe('patient');
    await expectFlag(['The person served was combative during the outing.'], 'demeanor/combative');
  });
});

describe('"difficult" as a predicate of the patient', () => {
  it('reports the patient called difficult, with nothing making it a task', async () => {
    await expectFlag(
      ['Pt was difficult throughout the admission.', 'Resident is very difficult at bath time.', 'She is difficult and phones the unit hourly.'],
      'demeanor/difficult-patient',
    );
  });

  it('passes a task, a thing, a technical noun, or someone else called difficult', async () => {
    await expectPass([
      'Pt was difficult to wake after the sedation.',
      'Caller was difficult to understand on a bad line.',
      'The walker is difficult to fold.',
      'Pt is difficult IV access; ultrasound guided next time.',
      'Her son was difficult with the nurses all night.',
      'The insurer is difficult about covering the chair.',
      'The landlord was difficult about the ramp.',
    ]);
  });
});

describe('"aggressive" without a verb, in the settings\' names for the patient', () => {
  it("reports a resident, client or caller labelled aggressive, and a patient's aggressive outbursts", async () => {
    await expectFlag(['Aggressive client at the day program, staff of two.'], 'demeanor/aggressive-person');
    await expectFlag(["The individual's aggressive outbursts at work have increased."], 'demeanor/aggressive-person');
    await expectFlag(['Resident aggressive with the aide at 0600.', 'Pt very aggressive at handover.'], 'demeanor/aggressive-field');
  });

  it("passes residents in general, a relative's outbursts and aggressive care", async () => {
    await expectPass([
      'Aggressive residents are reviewed monthly by the behaviour team.',
      "Her father's aggressive outbursts are why she left home.",
      'Pt with aggressive pulmonary toilet ordered q4h.',
      'Patient aggressive lymphoma, restaging PET next week.',
      'Given her frailty, aggressive diuresis was avoided.',
    ]);
  });
});

describe('identity labels in new shapes', () => {
  it('reports "obese" before an age used as the noun, and passes obesity by an age', async () => {
    await expectFlag(['Obese 11-year-old with knee pain.', 'Seen today: obese 15 yo with acanthosis.'], 'identity/obese-person');
    await expectPass(['Obese by 3 years old per the growth chart; now BMI at the 85th percentile.']);
  });

  it('reports "wheelchair-confined" and "the handicapped" before a person noun', async () => {
    await expectFlag(['Wheelchair-confined after the second stroke.'], 'identity/wheelchair-bound');
    await expectFlag(['The handicapped clients board first.', 'Ramp added for the crippled veteran.'], 'identity/handicapped');
    await expectPass(['Crippling sciatica kept him off his feet for a week.', 'Wheelchair cushion confined to the storage room.']);
  });
});

describe('the all preset: feelings the speaker owns, inflamed tissue, equipment and places', () => {
  /** Rule ids of every finding under `--preset all`. */
  const rules = async (text: string) => (await lintText(text, { preset: 'all' })).map((f) => f.ruleId);

  it('passes "angry" of a wound or a toe and a speaker describing their own feeling', async () => {
    for (const text of [
      'Stoma site angry and weeping; barrier ring changed.',
      'An angry-appearing ingrown nail on the right hallux.',
      'Client: "I get so angry when the bus is late."',
      'Texter wrote "i\'m not crazy, i just cant sleep".',
    ])
      expect(await rules(text), text).toEqual([]);
    expect(await rules('Angry and shouting at the triage nurse.'), 'a reading of the patient').toContain('demeanor/angry');
    expect(await rules('I found her angry and shouting at the triage nurse.'), "the writer's reading").toContain('demeanor/angry');
  });

  it('passes places and equipment, and reports the condition before a person noun', async () => {
    expect(await rules('The handicapped-accessible lift is by the lobby.')).not.toContain('identity/the-disabled');
    expect(await rules('Ordered amputee socks and a new liner.')).not.toContain('identity/disability-noun');
    expect(await rules('Tetraplegic woman, C4, needs a sip-and-puff chair.')).toContain('identity/disability-noun');
  });
});
