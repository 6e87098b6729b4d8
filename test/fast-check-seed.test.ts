import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUITE_SEED } from './fast-check-seed.js';
import { FULL_CORPUS } from './helpers.js';

describe('the suite fast-check seed (test/fast-check-seed.ts)', () => {
  it.skipIf(FULL_CORPUS || process.env.FC_SEED !== undefined)('is fixed in npm test, so two runs draw the same cases', () => {
    expect(fc.readConfigureGlobal().seed).toBe(SUITE_SEED);
    const draw = () => fc.sample(fc.string(), { numRuns: 5 });
    expect(draw()).toEqual(draw());
  });
});
