// Misses found by blind detection probe 10 (six genres: sobering centre, supervised consumption site,
// contingency management, ketamine clinic, anti-doping medicine, drug checking), each as a small input
// of its family, with the look-alike that must still pass.
import { describe, expect, it } from 'vitest';
import { findingsOf } from './detection.js';

describe('blind probe 10 fixes', () => {
  it('flags "coke user" for cocaine, not for the soda', async () => {
    expect(await findingsOf('He is a coke user, uses weekends.')).toEqual(['substance-use/drug-user:coke user']);
    expect(await findingsOf('Roommates are coke users.')).toEqual(['substance-use/drug-user:coke users']);
    expect(await findingsOf('He is a Diet Coke user, about four cans a day.')).toEqual([]);
    expect(await findingsOf('Heavy coke user, 2 liters of soda daily.')).toEqual([]);
  });

  it('flags "high as a kite" as slang for intoxication', async () => {
    expect(await findingsOf('Client was high as a kite at intake.')).toEqual(['substance-use/withdrawal-slang:high as a kite']);
    expect(await findingsOf('The kite was flown as high as the roof.')).toEqual([]);
    expect(await findingsOf('Hypomanic, spirits high as a kite since Monday.')).toEqual([]);
  });

  it('flags abstinence "clean" when a site is a place far from the word, not a wound site near it', async () => {
    expect(await findingsOf('Pt stayed clean for two years before moving to the new clinic site.')).toEqual(['substance-use/clean-abstinent:stayed clean']);
    expect(await findingsOf('Injection site has stayed clean for two weeks.')).toEqual([]);
    expect(await findingsOf('IV site clean, no erythema.')).toEqual([]);
  });
});
