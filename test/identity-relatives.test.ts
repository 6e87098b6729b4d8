// Identity labels said of relatives and in note shorthand (issue 11; recall-probes batch 32): a person
// label counts whoever it describes ("MOB bipolar", "husband demented", "obese mother"), and telephone,
// family-history and nursery notes write it without a copula, after a dash or a colon, as the last of
// a list, in or after a bracket, beside an age, or misspelt. Each kind is checked on sentences of different wording, with
// look-alikes beside it that must pass. Every sentence is written for this file (not taken from the
// probes or the rules' examples).
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';

/** The identity findings of the default preset, as [rule, words]. */
const identity = async (text: string) => (await lintText(text)).filter((f) => f.category === 'identity').map((f) => [f.ruleId, f.actual] as [string, string]);

const KINDS: { kind: string; rule: string; flag: [string, string][]; pass: string[] }[] = [
  {
    kind: 'a relative noun and "diabetic" with no copula',
    rule: 'identity/diabetic',
    flag: [
      ['PGF diabetic, lost a toe in 2019.', 'PGF diabetic'],
      ['Niece diabetic too; both on pumps.', 'Niece diabetic'],
    ],
    pass: ['Grandma diabetic foot ulcer is healing, per the caller.', 'Father diabetic supplies are in the kitchen drawer.'],
  },
  {
    kind: 'a relative noun and "bipolar" with no copula',
    rule: 'identity/bipolar-person',
    flag: [
      ['Boyfriend bipolar and off meds, per the client.', 'Boyfriend bipolar'],
      ['MGM bipolar; no other psychiatric history in the family.', 'MGM bipolar'],
    ],
    pass: ['Cousin bipolar disorder diagnosed at 19.', 'Uncle - bipolar I disorder, stable.'],
  },
  {
    kind: 'a relative noun and "epileptic" with no copula',
    rule: 'identity/epileptic',
    flag: [
      ['Stepfather epileptic, seizure last spring.', 'Stepfather epileptic'],
      ['Per the caller, twin epileptic and on two drugs.', 'twin epileptic'],
    ],
    pass: ['Nephew epileptic encephalopathy, followed at the children’s hospital.', 'Husband epileptic seizure witnessed by the caller.'],
  },
  {
    kind: 'a relative noun and "demented" or "senile" with no copula',
    rule: 'identity/crazy-person',
    flag: [
      ['Grandpa demented, lives in memory care.', 'Grandpa demented'],
      ['Caller says aunt senile and alone at home.', 'aunt senile'],
    ],
    pass: ['Grandma senile purpura, bruises easily.', 'Aunt not demented, just hard of hearing.'],
  },
  {
    kind: 'the label after a relative and a dash, comma or colon, or last of a list',
    rule: 'identity/',
    flag: [
      ['Brother, bipolar, lives with the patient.', 'bipolar'],
      ['Sister - epileptic, on lamotrigine.', 'epileptic'],
      ['Father: gout, diabetic, alive at 80.', 'diabetic'],
      ['Grandma HTN/diabetic, on insulin.', 'diabetic'],
    ],
    pass: ['Brother: bipolar II disorder, on lithium.', 'Father: diabetic retinopathy and gout.', 'Sister - epileptic seizures stopped at 12.'],
  },
  {
    kind: 'a bracket between the relative and the label, or the label inside it (batch 33)',
    rule: 'identity/',
    flag: [
      ['Nephew (in foster care) diabetic, mom asks about camp.', 'diabetic'],
      ['Aunt (the one who drives him) bipolar, off lithium.', 'bipolar'],
      ['Stepdad (epileptic, on Keppra) was with him.', 'epileptic'],
      ['Grandma (lives downstairs) senile, wanders at night.', 'senile'],
    ],
    pass: [
      'Nephew (in foster care) diabetic supplies were sent.',
      'Aunt (the one who drives him) bipolar disorder, stable.',
      'Stepdad (epileptic seizures as a child) was with him.',
    ],
  },
  {
    kind: "a relative's thing after the label, not the relative (batch 33)",
    rule: 'identity/',
    flag: [['Brother bipolar and living with them.', 'Brother bipolar']],
    pass: ["The cousin's bipolar prescriptions were refilled.", "Her son's epileptic medication log was reviewed.", "Grandpa's senile cat sleeps on the bed."],
  },
  {
    kind: 'the label before a relative noun',
    rule: 'identity/',
    flag: [
      ['Her diabetic grandmother checks his sugars at night.', 'diabetic grandmother'],
      ['Obese father attended the visit with both boys.', 'Obese'],
    ],
    pass: [
      'Infant of diabetic mother order set started.',
      'Babies of non-diabetic mothers were the comparison group.',
      'Mother with obesity, BMI 38, attended the visit.',
    ],
  },
  {
    kind: 'the last of coordinated labels',
    rule: 'identity/diabetic',
    flag: [
      ['She is hypertensive and diabetic, on three drugs.', 'and diabetic'],
      ['Uncle obese + diabetic, on dialysis.', 'diabetic'],
    ],
    pass: ['Hypertensive and diabetic nephropathy on the biopsy.', 'Renal and diabetic clinics share a waiting room.'],
  },
  {
    kind: 'an age with no sex before the label',
    rule: 'identity/',
    flag: [
      ['Seen today: 11 y/o epileptic, rescue med at school.', 'epileptic'],
      ['Admitted: 19 yo bipolar, off meds for a month.', 'bipolar'],
      ['Referral for an obese 9 yo with knee pain.', 'obese'],
    ],
    pass: ['Seen today: 11 y/o with epilepsy, rescue med at school.', '19 yo bipolar disorder follow-up.', 'Obese since age 9, per the growth chart.'],
  },
  {
    kind: 'the label misspelt',
    rule: 'identity/',
    flag: [
      ['Caller states the patient is a diebetic and out of strips.', 'a diebetic'],
      ['Hx: sister skitzophrenic, lives in a group home.', 'skitzophrenic'],
      ['Dad is an epilectic, per the son.', 'an epilectic'],
      ['Son handicaped since the crash.', 'handicaped'],
    ],
    pass: ['Diebetic diet ordered for supper.', 'Pt with diabtic retinopathy, laser last year.'],
  },
];

describe('identity labels of relatives and in shorthand (batches 32 and 33)', () => {
  for (const { kind, rule, flag, pass } of KINDS) {
    it(`${kind}: flagged by ${rule}`, async () => {
      for (const [text, words] of flag) {
        const found = await identity(text);
        expect(
          found.some(([id, actual]) => id.startsWith(rule) && actual === words),
          `${text} → ${JSON.stringify(found)}`,
        ).toBe(true);
      }
    });
    it(`${kind}: the look-alikes pass`, async () => {
      for (const text of pass) expect(await identity(text), text).toEqual([]);
    });
  }
});
