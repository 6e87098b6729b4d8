// Demeanour and identity kinds learnt from the third round of sets retired to tuning (2026-12-02:
// the nine sets eval-sealed, -blind, -final, -ninth, -twelfth, -thirteenth, -fifteenth, -sixteenth and
// -seventeenth; branch di3, fixtures/recall-probes batches 90 and 91). Each kind with small sentences
// of our own (none of those sets' text), beside the look-alikes that must pass.
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { flagsOnce, passesCategories } from './kind-checks.js';

const flags = flagsOnce;
/** No text gets a finding of any demeanour or identity rule. */
const passes = (texts: string[]) => passesCategories(texts, ['demeanor/', 'identity/']);

describe('demeanour and identity kinds of the retired sets, third round', () => {
  it('"entitled" and "needy" of the patient: demeanor/entitled (recommended); a right, a title, people in need, negation, a relative pass', async () => {
    await flags(
      [
        'Pt entitled, wants the corner room again.',
        'Entitled per the unit clerk; asked for the manager twice.',
        'The transfer note calls him entitled about the diet tray.',
      ],
      'demeanor/entitled',
      'entitled',
    );
    await flags(
      ['Very needy tonight, rang the bell hourly.', 'Prior therapist found her needy between sessions.', 'Pt needy and tearful at discharge teaching.'],
      'demeanor/entitled',
      'needy',
    );
    await passes([
      'Pt is entitled to a second opinion under the plan.',
      'Veterans are entitled to the travel benefit.',
      'We gave him a handout entitled Caring for Your Drain.',
      'The pantry helps needy families with formula.',
      'Vouchers for the needy are at the front desk.',
      'Not needy at all; self-manages the tube feeds.',
      'Her brother is needy and calls the unit nightly.',
    ]);
    // "Demanding" stays in the all preset only (issue 11's list names it as often neutral).
    expect((await lintText('Pt demanding, wants a private room.')).filter((f) => f.ruleId.startsWith('demeanor/'))).toEqual([]);
  });

  it('"Difficult per" a source opening a sentence: demeanor/difficult-patient; an airway, access, a view or a task per a source pass', async () => {
    await flags(
      ['Difficult per nights. Slept after 0200.', 'Seen at noon. Difficult per the ward clerk; left AMA later.'],
      'demeanor/difficult-patient',
      'difficult per',
    );
    await passes([
      'Difficult per anesthesia; grade 3 view, bougie used.',
      'Difficult per the tech to get a seal on the mask.',
      'Airway: difficult per the CRNA, glidescope next time.',
      'Access difficult per the RN; PICC ordered.',
    ]);
  });

  it('a label in quotation marks right after "calls/called her": her is the object, the patient', async () => {
    await flags(['The triage note calls her "combative" at arrival.'], 'demeanor/combative', 'combative');
    await flags(["Old notes called her 'hysterical' after the fall."], 'demeanor/hysterical', 'hysterical');
    await flags(['The rehab letter calls her "difficult".'], 'demeanor/difficult-patient', 'difficult');
    await passes(['She calls her sister "hysterical" on the phone.', 'Pt calls her son "combative" when he drinks.']);
  });

  it('"aggressive" as the object complement of a verb of reporting or finding: demeanor/aggressive; a relative or an animal reported pass', async () => {
    await flags(
      ['The shelter reports him aggressive at lights-out.', 'Night staff found her aggressive during the bath.'],
      'demeanor/aggressive',
      'aggressive',
    );
    await passes(['He reports his brother aggressive when drinking.', 'Neighbours report the dog aggressive.']);
  });

  it('"manipulation" (a variant the guides list) of conduct around care or towards people: demeanor/manipulative; a joint, a fracture, a device, negation, a relative pass', async () => {
    await flags(
      ['Dad reports manipulation around insulin times; she hides the pen.', 'Charted manipulation of nurses to get the late pass.'],
      'demeanor/manipulative',
      'manipulation',
    );
    await passes([
      'Osteopathic manipulation around the thoracic spine was deferred.',
      'Manipulation of the wrist fracture in the ED.',
      'No manipulation around meals this week.',
      "Her sister's manipulation of their parents came up in session.",
    ]);
  });

  it('"Bipolar," opening a telegraphic description of the patient: identity/bipolar-person; the diagnosis named, a subtype, a heading item, electrodes pass', async () => {
    await flags(
      ['Bipolar, off lithium since May, sleeping 3 h a night.', 'Seen in clinic. Bipolar, on quetiapine, here for a rash.'],
      'identity/bipolar-person',
      'bipolar',
    );
    await passes([
      'Bipolar disorder, on lithium, level due.',
      'Bipolar II, stable on lamotrigine.',
      'Bipolar leads placed for the study, on the left side.',
      'Bipolar cautery, on a setting of 30.',
    ]);
  });
});
