// Demeanour and identity kinds learnt from the second round of sets retired to tuning (2026-12-02:
// the seven sets eval-sealed, -blind, -final, -ninth, -twelfth, -thirteenth and -fifteenth; branch md,
// fixtures/recall-probes batches 84 and 85). Each kind with small sentences of our own (none of those
// sets' text), beside the look-alikes that must pass.
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { flagsOnce, passesCategories } from './kind-checks.js';

const found = async (text: string) => (await lintText(text)).map((f) => [f.ruleId, f.actual, f.severity] as [string, string, string]);
const flags = flagsOnce;
/** No text gets a finding of any demeanour or identity rule. */
const passes = (texts: string[]) => passesCategories(texts, ['demeanor/', 'identity/']);

describe('demeanour and identity kinds of the retired sets, second round', () => {
  it('"aggressive with" or "w/" whom, with no verb: demeanor/aggressive-with; a treatment, a relative, an animal, negation pass', async () => {
    await flags(
      [
        'Aggressive with EMTs on arrival.',
        '17M, cannabis use, aggressive w/ his brother at home.',
        'Day program log: aggressive w/ two other clients at lunch.',
      ],
      'demeanor/aggressive-with',
      'aggressive',
    );
    await passes([
      'Aggressive with IV fluids and early antibiotics.',
      'Be aggressive with the diuresis tonight.',
      'Aggressive w/ her insulin titration this week, per endo.',
      'His uncle aggressive with staff in the lobby.',
      'Not aggressive with the aide today.',
      'Cat aggressive with visitors, kept in the bedroom.',
    ]);
  });

  it('a handoff line keeps demeanor/aggressive-field as its rule', async () => {
    await flags(['Bed 3: aggressive with the RT at 0100.'], 'demeanor/aggressive-field');
    expect((await found('Bed 3: aggressive with the RT at 0100.')).filter(([id]) => id === 'demeanor/aggressive-with')).toEqual([]);
  });

  it('"difficult" before a role noun of a plan, a programme or a child, and as the object of describing or calling', async () => {
    await flags(['Difficult member, per the prior care coordinator.', 'Her old teacher called her a difficult child.'], 'demeanor/difficult-patient');
    await flags(
      ['The aides describe her as difficult at meals.', 'Staff described him as "difficult" on the ward.', 'Member is difficult with the drivers.'],
      'demeanor/difficult-patient',
      'difficult',
    );
    await passes([
      'He describes the stairs as difficult since the fall.',
      'She called her difficult sister about the visit.',
      'A difficult child custody hearing is set for May.',
      'Difficult members of the tenant board were not named.',
    ]);
  });

  it('"demented" second of coordinated predicates, before "per" a source, or quoted after the patient noun: identity/crazy-person', async () => {
    await flags(
      ['She is deaf and demented, per the nursing home.', 'Demented per the son, lives with him.', 'Triage RN wrote pt "demented, at baseline."'],
      'identity/crazy-person',
      'demented',
    );
    await passes(['Demented and non-demented controls were matched by age.', 'The label demented per se tells the next nurse little.']);
  });

  it('a relative\'s history heading before a bare "bipolar": identity/bipolar-person; the diagnosis named passes', async () => {
    await flags(["Dad's hx: bipolar, on lithium.", 'MOB psych history (per OB): bipolar, off meds.'], 'identity/bipolar-person', 'bipolar');
    await passes(["Dad's hx: bipolar disorder, on lithium.", 'MOB psych history: bipolar II, stable.']);
  });

  it('"diabetic w/" a complication as an item of a Dx field: identity/diabetic-field; the complication named passes', async () => {
    await flags(['Dx: ankle fx, diabetic w/ retinopathy.'], 'identity/diabetic-field', 'diabetic');
    await passes(['Dx: diabetic retinopathy w/ macular edema.']);
  });
});
