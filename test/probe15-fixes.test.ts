// A miss found by blind detection probe 15 (a merchant-mariner medical exam among six genres): the
// bare trade nouns of the sea and the oil rig name the examinee, as "welder" or "fisherman" do, so a
// claim, a refusal or a behaviour word after them is about the patient; a bare flight crew member
// and a mariner with an article or a possessive are still read as someone else. Then a false positive
// found while probing it: "<person> was refused a <noun>" is the person refused something by someone
// else, whatever the noun (the list of places had "bed" and "ride", not "refill" or "berth").
import { describe, expect, it } from 'vitest';
import { findingsOf, who } from './detection.js';

describe('blind probe 15 fixes', () => {
  it('reads a bare mariner, seafarer, seaman, deckhand, roughneck or roustabout as the patient the exam is about', async () => {
    expect(await findingsOf('Seaman claims no drug use since the last voyage.')).toEqual(['credibility/claims:claims']);
    expect(await findingsOf('Mariner insists the log was accurate.')).toEqual(['credibility/insists:insists']);
    expect(await findingsOf('Deckhand was belligerent at the medical window.')).toEqual(['demeanor/combative:belligerent']);
    expect(await findingsOf('Roustabout refused the urine collection.')).toEqual(['compliance/refused:refused']);
    expect(await findingsOf('Roughneck is noncompliant with CPAP.')).toEqual(['compliance/noncompliant:noncompliant']);
    expect(who('Seafarer allegedly drank on watch.', 'allegedly')).toBe('unknown');
  });

  it('still reads a crew member, an article or a possessive before the trade as someone else', async () => {
    for (const text of [
      'Crewman refused to load the stretcher until the rotor stopped.',
      'The mariner who found him claims he was down for an hour.',
      "Seafarer's union refused to release the records.",
    ])
      expect(await findingsOf(text), text).toEqual([]);
  });

  it('reads a person "was refused a" anything as refused by someone else', async () => {
    for (const text of [
      'Pt was refused a refill by the outside pharmacy.',
      'He was refused a transfer by the tertiary centre.',
      'She was refused a seat on the flight home.',
      'He was refused a job after the pre-employment test.',
      'Pt was refused an appointment until the balance is paid.',
    ])
      expect(await findingsOf(text), text).toEqual([]);
  });

  it('still reads a time or a count after "was refused a" as the patient refusing', async () => {
    for (const text of [
      'Insulin was refused a total of 3 times.',
      'Labs were refused an hour ago.',
      'Wound vac was refused a 2nd time.',
      'Meds were refused a majority of the time this week.',
      'Blood draw was refused a little earlier.',
    ])
      expect(await findingsOf(text), text).toEqual(['compliance/refused:refused']);
  });
});
