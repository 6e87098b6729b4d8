// A false positive found by blind detection probe 14 (a naloxone vending log among six genres): a
// passive's bare agent that is a machine or a system, as logs write it, is who refused; the patient
// named bare ("by pt") still is the patient.
import { describe, expect, it } from 'vitest';
import { findingsOf } from './detection.js';

describe('blind probe 14 fixes', () => {
  it('reads a bare machine or system after a passive "by" as someone else', async () => {
    for (const text of [
      'Card refused by machine.',
      'Login refused by system after three tries.',
      'Request refused by computer.',
      'Payment refused by bank.',
      'Badge refused by reader at the door.',
    ])
      expect(await findingsOf(text), text).toEqual([]);
  });

  it('still reports the patient as the agent, bare or by pronoun', async () => {
    expect(await findingsOf('Medication refused by pt.')).toEqual(['compliance/refused:refused']);
    expect(await findingsOf('Insulin refused by patient.')).toEqual(['compliance/refused:refused']);
    expect(await findingsOf('Dressing change refused by her.')).toEqual(['compliance/refused:refused']);
  });

  it('ends the agent at a time after it: the patient refused this morning, the lab did today', async () => {
    for (const text of ['Insulin refused by patient this morning.', 'Meds refused by pt today.', 'Wound care refused by patient again.'])
      expect(await findingsOf(text), text).toEqual(['compliance/refused:refused']);
    for (const text of ['Specimen refused by the lab this morning.', 'Card refused by machine today.', 'Dressing refused by this writer.'])
      expect(await findingsOf(text), text).toEqual([]);
  });
});
