// Clean sentences of issue 11 (≤ 1% with a finding): the kinds of look-alike recall-probes batch 24
// found (coding queries, incident reports, policy manuals, lab comments, consent forms, ethics
// consults, committee minutes, transport logs), each with sentences of our own and the positives of
// the same words that must still be reported.
import { describe, expect, it } from 'vitest';
import { expectFlag as flags, expectPass as passes, findingsOf } from './detection.js';

// Every finding as rule:words (info included: a clean sentence has none).
const findings = (text: string, preset: 'recommended' | 'all' = 'recommended') => findingsOf(text, { preset });
const expectPass = (texts: string[]) => passes(texts);
const expectFlag = (rule: string, texts: string[]) => flags(texts, { rule });

describe('a passive with its agent after "by"', () => {
  it('passes a laboratory, a payer, a relative or a thing that refused or claimed', async () => {
    await expectPass([
      'Culture refused by the microbiology lab: leaking container.',
      'Flu shot refused by her husband.',
      'The prior authorization was refused by the plan on appeal.',
      'Shelf-life figures claimed by the supplier were checked against our own data.',
    ]);
  });

  it('still reports the patient as the agent, a pronoun for them, and a thing refused by them', async () => {
    await expectFlag('compliance/refused', [
      'Lunch tray refused by pt.',
      'Lunch tray refused by her.',
      'CPAP refused by patient overnight.',
      'Insulin refused by the patient at 0800.',
    ]);
  });
});

describe('a word inside a noun phrase after an article', () => {
  it('passes a thing or someone else the adjective or the hedge describes', async () => {
    await expectPass([
      'The insistent beeping of the monitor woke her at 0300.',
      'An aggressive dog bit the pt on the calf.',
      'The supposedly sealed vial was cracked on arrival.',
      'The allegedly lost binder turned up in the conference room.',
      'Supposedly sterile instruments were sent back to processing.',
    ]);
  });

  it('still reports the patient so described, a manner of the patient, and a hedge on what the patient says happened', async () => {
    await expectFlag('credibility/insists', ['An insistent patient called the desk four times.']);
    await expectFlag('demeanor/combative', ['A combative 80-year-old was brought in by EMS.']);
    await expectFlag('demeanor/agitated', ['She answered in an agitated voice.']);
    await expectFlag('credibility/allegedly', [
      'The pills were supposedly lost at the shelter.',
      'His inhaler was allegedly stolen on the bus.',
      'The supposedly lost prescription was found.',
      'Allegedly stolen pills were found in his bag.',
    ]);
  });
});

describe('the subject after "because", and named agents', () => {
  it('reads the clause after "because" on its own (the team before it is not its subject)', async () => {
    await expectFlag('compliance/refused', ['Family upset because pt refuses dialysis.']);
    await expectFlag('credibility/insists', ['Staff worried because pt insists on walking alone.']);
  });

  it('passes a proxy, a surrogate or a power of attorney who alleges', async () => {
    await expectPass(['The proxy alleges the form was signed under pressure.', 'The durable power of attorney alleges the will was changed.']);
    await expectFlag('credibility/allegedly', ['Pt alleges the form was signed under pressure.']);
  });
});

describe('names of documents, flags and places', () => {
  it('passes a title on a line that names a form or a policy by its number, and a name ending in Form, Policy, Flag or Release', async () => {
    await expectPass([
      'Form PT-22: Refusal of Physical Therapy Services',
      'Policy RI-9: Refusal of Blood Products',
      'The Aggressive Patient Flag was removed by the nurse manager.',
      'Signed the Refusal of Transport Release before the crew left.',
    ]);
    await expectFlag('compliance/refused', ['Pt refusal of physical therapy noted by the PT.']);
    await expectFlag('substance-use/substance-abuse', ['History Of Drug Abuse']);
  });

  it('reports "handicapped" of a place under `all` only, and of people under both', async () => {
    await expectPass(['Handicapped ramp at the rear door is icy.', 'The handicapped parking lot was plowed at 0600.']);
    expect(await findings('Handicapped ramp at the rear door is icy.', 'all')).toEqual(['inclusive/handicapped-place:Handicapped ramp']);
    await expectFlag('inclusive/handicapped', ['Seating for the handicapped is at the front.']);
  });
});

describe('terms of art of a laboratory, billing and audit', () => {
  it('passes a sample agitated on a shaker, clean claims, staff noncompliance with hand hygiene, and numbered equipment', async () => {
    await expectPass([
      'Cultures were agitated at 200 rpm for two days.',
      'Clean claims submitted on the first pass: 94%.',
      'Noncompliance with hand hygiene was seen in 3 of 12 observations.',
      'The gurney refused to roll.',
      'Gurney 3 refused to roll.',
    ]);
    await expectFlag('demeanor/agitated', ['Pt agitated at 0200, pulling at lines.']);
    await expectFlag('compliance/noncompliant', ['Noncompliance with insulin noted.']);
    await expectFlag('compliance/refused', ['Bed 4 refused meds.']);
  });
});

describe('negated behaviour and credibility words', () => {
  it('passes "not insistent", "does not insist", "not adamant" and a negated list of behaviour nouns', async () => {
    await expectPass([
      'He does not insist on opioids.',
      'She was not insistent about the MRI.',
      'Pt is not adamant about leaving today.',
      'No agitation or combativeness overnight.',
    ]);
    await expectFlag('credibility/insists', ['She would not stop insisting on a CT.', 'Pt denies pain but insists on oxycodone.']);
    await expectFlag('credibility/adamant', ['Pt is adamant she will not stay.']);
  });
});

describe('batch 27 and genre probes: appositives, reduced relatives, signs and terms of art', () => {
  it('reads the noun before a possessive appositive and before a participle with its object', async () => {
    await expectPass([
      'The notary, pt’s nephew, insisted on a second witness.',
      'The scale bolted to the floor refused to zero.',
      'The kiosk used for check-in refused her card.',
    ]);
    await expectFlag('credibility/insists', ['Pt, a retired nurse, insists the dose is wrong.']);
    await expectFlag('demeanor/combative', ['Security called for combative behavior at 0300.']);
    await expectFlag('compliance/refused', ['Pt admitted for CHF refused the diuretic.']);
  });

  it('passes a limb sign, a contact of a case, and the disability determination’s "alleges disability"', async () => {
    await expectPass([
      'Refuses to bear weight on the right foot since the fall.',
      'Two contacts refused testing at the clinic.',
      'Investigator insisted on a second home visit.',
      'The ALJ allegedly overlooked the treating source statement.',
      'Claimant alleges disability since March due to knee pain.',
      'Tubes were agitated for 20 seconds on the vortex.',
    ]);
    await expectFlag('compliance/refused', ['Case refused to name contacts.', 'Pt refuses to walk to the bathroom with the aide.']);
    await expectFlag('credibility/allegedly', ['Claimant alleges the pain began after the fall.']);
  });
});
