// Misses found by blind detection probe 12 (six genres: SUD intensive outpatient, mobile crisis team,
// opioid stewardship committee, ambulatory withdrawal management, falls clinic, overdose surveillance
// bulletin), each as a small input of its family, with the look-alike that must still pass.
import { describe, expect, it } from 'vitest';
import { findingsOf } from './detection.js';

describe('blind probe 12 fixes', () => {
  it("reads heroin's street units after a verb of use as the substance of a relapse", async () => {
    expect(await findingsOf('He relapsed Sunday and shot two bags.')).toEqual(['substance-use/relapse:relapsed']);
    expect(await findingsOf('Relapsed last night, using bundles again.')).toEqual(['substance-use/relapse:Relapsed']);
    // "bags" without a verb of use, or a thing between the number and the bags, is no drug.
    expect(await findingsOf('Relapsed plantar fasciitis; two ice bags at night.')).toEqual([]);
    expect(await findingsOf('Her gastritis relapsed; used 3 heat bags for comfort.')).toEqual([]);
  });

  it('reads detox counted as attempts or episodes as withdrawal management', async () => {
    expect(await findingsOf('Three detox episodes since 2021.')).toEqual(['substance-use/detox-rehab:detox']);
    expect(await findingsOf('Two detox attempts at home last year.')).toEqual(['substance-use/detox-rehab:detox']);
    // Its setting alone is not enough: a benefit category names it so (eval-fifteenth leaves it unlabelled).
    expect(await findingsOf('Plan covers inpatient detox without prior authorization.')).toEqual([]);
    expect(await findingsOf('Tried a sugar detox diet for a month.')).toEqual([]);
  });

  it('reads MAT before a treatment service as the medication, not the rhythm or a floor mat', async () => {
    expect(await findingsOf('MAT prescribers remain scarce in rural counties.')).toEqual(['substance-use/mat-abbreviation:MAT']);
    expect(await findingsOf('Telehealth widened MAT access for the region.')).toEqual(['substance-use/mat-abbreviation:MAT']);
    expect(await findingsOf('Tele shows MAT at 120; cardiology referral placed.')).toEqual([]);
    expect(await findingsOf('PT recommends a non-slip mat program at home.')).toEqual([]);
  });

  it('flags the plural copula before "homeless" under all, not a shelter', async () => {
    expect(await findingsOf('Most decedents were homeless in the month before death.', { preset: 'all' })).toEqual(['identity/homeless:were homeless']);
    expect(await findingsOf('They are homeless and staying in a tent.', { preset: 'all' })).toEqual(['identity/homeless:are homeless']);
    expect(await findingsOf('Both beds are homeless shelter overflow.', { preset: 'all' })).toEqual([]);
    expect(await findingsOf('They were homeless in 2020.')).toEqual([]);
  });

  it('reads "difficult" coordinated after another word a person is described as', async () => {
    expect(await findingsOf('Nurses describe him as tearful and difficult on nights.')).toEqual(['demeanor/difficult-patient:difficult']);
    expect(await findingsOf('He describes the new job as busy and difficult.')).toEqual([]);
    expect(await findingsOf('Staff describe her as anxious and difficult to wake.')).toEqual([]);
  });
});
