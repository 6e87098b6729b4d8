// "Failed" a drug test with the test's orderer or timing between the article and the test ("a random drug
// test", "his DOT urine screen", "NCAA drug test"): probe 14 (branch probe14) found the all preset's
// substance-use/failed-drug-test read only "failed a drug test", so a qualifier hid the same word. Small
// inputs of our own wording; the look-alikes (a negative random test, a test or a treatment that failed,
// the recommended preset) must pass.
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';

const found = async (text: string, preset: 'recommended' | 'all' = 'all') =>
  (await lintText(text, { preset })).filter((f) => f.ruleId === 'substance-use/failed-drug-test').map((f) => f.actual);

describe('substance-use/failed-drug-test with a qualifier before the test', () => {
  it.each([
    ['Driver failed a random drug test last spring.', 'failed a random drug test'],
    ['She fails her probation urine screens about monthly.', 'fails her probation urine screens'],
    ['Failed pre-hire: failed his employment drug screen.', 'failed his employment drug screen'],
    ['Was cut from the roster after failing his NCAA drug test.', 'failing his NCAA drug test'],
    ['Per MRO, failed the DOT urine drug test.', 'failed the DOT urine drug test'],
  ])('%s', async (text, actual) => {
    expect(await found(text)).toEqual([actual]);
  });

  it.each([
    'Random drug test negative x3 this year.',
    'Employment drug screen was negative; cleared to start.',
    'The random urine screen failed QC and was recollected.',
    'Failed a work-conditioning trial; refer to pain psychology.',
  ])('passes: %s', async (text) => {
    expect(await found(text)).toEqual([]);
  });

  it('stays out of the recommended preset', async () => {
    expect(await found('Driver failed a random drug test last spring.', 'recommended')).toEqual([]);
  });
});
