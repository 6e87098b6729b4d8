// Misses found by blind detection probe 11 (six genres: immigration medical exam, ED observation unit,
// facial trauma service, military entrance screening, malpractice expert review, gamete donor
// screening), each as a small input of its family, with the look-alike that must still pass.
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';

async function rules(text: string, preset: 'recommended' | 'all' = 'recommended'): Promise<string[]> {
  return (await lintText(text, { preset })).map((f) => `${f.ruleId}:${f.actual}`);
}

describe('blind probe 11 fixes', () => {
  it('reads a noun before "was" as its clause\'s subject across "and", not the reporter before it', async () => {
    expect(await rules('Tech notes examinee was quiet and uncooperative.')).toEqual(['demeanor/uncooperative:uncooperative']);
    expect(await rules('RN reports resident became tearful and combative.')).toEqual(['demeanor/combative:combative']);
    // The same shape with a relative before "was": the relative, not the patient, was agitated.
    expect(await rules('Pt reports her brother was loud and agitated.', 'all')).toEqual([]);
    // An object of a verb across "and" is still passed over: the patient pushed someone and was combative.
    expect(await rules('He shoved the tech and was combative.')).toEqual(['demeanor/combative:combative']);
    // Only after a verb of saying: another noun before "was" is passed over as before, and the
    // patient's state stays the patient's.
    expect(await rules('Postictal state was prolonged and agitated.', 'all')).toEqual(['demeanor/agitated:agitated']);
  });

  it('reads a bare "candidate" as the person evaluated', async () => {
    expect(await rules('Candidate refused the chest x-ray.')).toEqual(['compliance/refused:refused']);
    expect(await rules('Candidate was defensive during the interview.', 'all')).toEqual(['demeanor/angry:defensive']);
    expect(await rules('The candidate gene was sequenced.', 'all')).toEqual([]);
  });

  it('flags "failed to show up|for" a visit under all, not a test that failed to show a finding', async () => {
    expect(await rules('Pt failed to show for the follow-up visit.', 'all')).toEqual(['compliance/failed-treatment:failed to']);
    expect(await rules('She failed to show up to clinic twice.', 'all')).toEqual(['compliance/failed-treatment:failed to']);
    expect(await rules('The CT failed to show a fracture.', 'all')).toEqual([]);
    expect(await rules('He failed to show improvement on steroids.', 'all')).toEqual([]);
  });

  it("reads a setting's bare role noun (client, donor, applicant) as the one who failed to attend, under all", async () => {
    expect(await rules('Donor failed to come back for the quarantine retest.', 'all')).toEqual(['compliance/failed-treatment:failed to']);
    expect(await rules('Applicant failed to bring the vaccine card.', 'all')).toEqual(['compliance/failed-treatment:failed to']);
    expect(await rules('The donor liver failed within a week.', 'all')).toEqual([]);
  });
});
