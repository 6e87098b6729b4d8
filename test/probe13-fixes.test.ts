// Misses found by blind detection probe 13 (six genres: physician health programme, psilocybin therapy
// trial, XR-naltrexone injection clinic, Project ECHO case presentation, alcohol-related brain injury
// service, opioid taper clinic), each as a small input of its family, with the look-alikes that must
// still pass.
import { describe, expect, it } from 'vitest';
import { findingsOf } from './detection.js';

describe('blind probe 13 fixes', () => {
  it('reads a place with modifiers after "from" as no subject of the label after it', async () => {
    expect(await findingsOf('Dismissed from a busy practice for being noncompliant with refills.')).toEqual(['compliance/noncompliant:noncompliant']);
    expect(await findingsOf('He was discharged from the suboxone clinic for noncompliance.')).toEqual(['compliance/noncompliant:noncompliance']);
    // The same walk for a refusal after a reduced relative ("transferred from the neuro unit").
    expect(await findingsOf('Pt transferred from the neuro unit refused PT today.')).toEqual(['compliance/refused:refused']);
    // The place itself as the subject still passes, so does someone after a telegraphic "From", and
    // a place after a noun stands for its sender ("a letter from the clinic").
    expect(await findingsOf('The outside clinic was found noncompliant with the storage rules.')).toEqual([]);
    expect(await findingsOf('From the group home staff insist on a transfer.')).toEqual([]);
    expect(await findingsOf('Fax from the outside clinic refused the records request.')).toEqual([]);
  });

  it('flags "aggressive" as the object of a verb of describing with "as", not someone else so described', async () => {
    expect(await findingsOf('Aides describe him as aggressive during transfers.')).toEqual(['demeanor/aggressive:aggressive']);
    expect(await findingsOf('The care home considers her as aggressive at night.')).toEqual(['demeanor/aggressive:aggressive']);
    expect(await findingsOf('She describes her brother as aggressive when he drinks.')).toEqual([]);
    expect(await findingsOf('Pathology describes the tumour as aggressive.')).toEqual([]);
  });
});
