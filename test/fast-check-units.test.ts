// test/helpers.ts's binaryUnit draws the characters of fast-check's `binary` string unit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binaryChar, binaryUnit } from './helpers.js';

describe('binaryUnit', () => {
  // fast-check's unit, as it builds it (getOrCreateStringUnitInstance): mapToConstant over its full
  // alphabet's ranges, [0, 0xd7ff] and [0xe000, 0x10ffff]. Sampling it only draws (it never turns a
  // value back), so it builds no reverse map here.
  const binary = fc.mapToConstant(
    { num: 0xd800, build: (i) => String.fromCodePoint(i) },
    { num: 0x10ffff - 0xe000 + 1, build: (i) => String.fromCodePoint(0xe000 + i) },
  );

  it("gives the character fast-check's binary unit gives for the same draw", () => {
    for (const seed of [1, 20261201, -826752605]) {
      const ours = fc.sample(binaryUnit, { seed, numRuns: 5000 });
      expect(ours).toEqual(fc.sample(binary, { seed, numRuns: 5000 }));
      expect(ours.some((c) => c.codePointAt(0)! > 0xffff)).toBe(true);
      expect(ours.some((c) => c.codePointAt(0)! >= 0xe000 && c.codePointAt(0)! <= 0xffff)).toBe(true);
    }
  });

  it('maps the draws at the edges of the surrogates and of Unicode', () => {
    expect([0, 0xd7ff, 0xd800, 0x10ffff - 0x800].map(binaryChar)).toEqual(['\u0000', '\ud7ff', '\ue000', '\u{10ffff}']);
  });
});
