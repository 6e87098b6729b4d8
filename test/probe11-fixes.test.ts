// Misses found by blind detection probe 11 (six genres: immigration medical exam, ED observation unit,
// facial trauma service, military entrance screening, malpractice expert review, gamete donor
// screening), each as a small input of its family, with the look-alike that must still pass.
import { describe, expect, it } from 'vitest';
import { findingsOf } from './detection.js';

describe('blind probe 11 fixes', () => {
  it('reads a noun before "was" as its clause\'s subject across "and", not the reporter before it', async () => {
    expect(await findingsOf('Tech notes examinee was quiet and uncooperative.')).toEqual(['demeanor/uncooperative:uncooperative']);
    expect(await findingsOf('RN reports resident became tearful and combative.')).toEqual(['demeanor/combative:combative']);
    // The same shape with a relative before "was": the relative, not the patient, was agitated.
    expect(await findingsOf('Pt reports her brother was loud and agitated.', { preset: 'all' })).toEqual([]);
    // An object of a verb across "and" is still passed over: the patient pushed someone and was combative.
    expect(await findingsOf('He shoved the tech and was combative.')).toEqual(['demeanor/combative:combative']);
    // Only after a verb of saying: another noun before "was" is passed over as before, and the
    // patient's state stays the patient's.
    expect(await findingsOf('Postictal state was prolonged and agitated.', { preset: 'all' })).toEqual(['demeanor/agitated:agitated']);
  });

  it('reads a bare "candidate" as the person evaluated', async () => {
    expect(await findingsOf('Candidate refused the chest x-ray.')).toEqual(['compliance/refused:refused']);
    expect(await findingsOf('Candidate was defensive during the interview.', { preset: 'all' })).toEqual(['demeanor/angry:defensive']);
    expect(await findingsOf('The candidate gene was sequenced.', { preset: 'all' })).toEqual([]);
  });

  it('flags "failed to show up|for" a visit under all, not a test that failed to show a finding', async () => {
    expect(await findingsOf('Pt failed to show for the follow-up visit.', { preset: 'all' })).toEqual(['compliance/failed-treatment:failed to']);
    expect(await findingsOf('She failed to show up to clinic twice.', { preset: 'all' })).toEqual(['compliance/failed-treatment:failed to']);
    expect(await findingsOf('The CT failed to show a fracture.', { preset: 'all' })).toEqual([]);
    expect(await findingsOf('He failed to show improvement on steroids.', { preset: 'all' })).toEqual([]);
  });

  it("reads a setting's bare role noun (client, donor, applicant) as the one who failed to attend, under all", async () => {
    expect(await findingsOf('Donor failed to come back for the quarantine retest.', { preset: 'all' })).toEqual(['compliance/failed-treatment:failed to']);
    expect(await findingsOf('Applicant failed to bring the vaccine card.', { preset: 'all' })).toEqual(['compliance/failed-treatment:failed to']);
    expect(await findingsOf('The donor liver failed within a week.', { preset: 'all' })).toEqual([]);
  });
});
