// Misses found by blind detection probe 13 (six genres: physician health programme, psilocybin therapy
// trial, XR-naltrexone injection clinic, Project ECHO case presentation, alcohol-related brain injury
// service, opioid taper clinic), each as a small input of its family, with the look-alikes that must
// still pass.
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';

async function rules(text: string, preset: 'recommended' | 'all' = 'recommended'): Promise<string[]> {
  return (await lintText(text, { preset })).map((f) => `${f.ruleId}:${f.actual}`);
}

describe('blind probe 13 fixes', () => {
  it('reads a place with modifiers after "from" as no subject of the label after it', async () => {
    expect(await rules('Dismissed from a busy practice for being noncompliant with refills.')).toEqual(['compliance/noncompliant:noncompliant']);
    expect(await rules('He was discharged from the suboxone clinic for noncompliance.')).toEqual(['compliance/noncompliant:noncompliance']);
    // The same walk for a refusal after a reduced relative ("transferred from the neuro unit").
    expect(await rules('Pt transferred from the neuro unit refused PT today.')).toEqual(['compliance/refused:refused']);
    // The place itself as the subject still passes, so does someone after a telegraphic "From", and
    // a place after a noun stands for its sender ("a letter from the clinic").
    expect(await rules('The outside clinic was found noncompliant with the storage rules.')).toEqual([]);
    expect(await rules('From the group home staff insist on a transfer.')).toEqual([]);
    expect(await rules('Fax from the outside clinic refused the records request.')).toEqual([]);
  });

  it('flags "aggressive" as the object of a verb of describing with "as", not someone else so described', async () => {
    expect(await rules('Aides describe him as aggressive during transfers.')).toEqual(['demeanor/aggressive:aggressive']);
    expect(await rules('The care home considers her as aggressive at night.')).toEqual(['demeanor/aggressive:aggressive']);
    expect(await rules('She describes her brother as aggressive when he drinks.')).toEqual([]);
    expect(await rules('Pathology describes the tumour as aggressive.')).toEqual([]);
  });
});
