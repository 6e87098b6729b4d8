// test/helpers.ts expectEqual: a cheap comparison before toEqual, for the tests that compare
// thousands of findings or whole compiled rule sets. It may only skip toEqual where toEqual would
// pass: surelyEqual must never answer true for values toEqual tells apart.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectEqual, surelyEqual } from './helpers.js';

// Values of the kinds the tests compare (findings, trees, compiled rules), with the corners
// toEqual treats its own way: undefined properties, -0, NaN, holes, Maps and Sets in another order.
const leaf = fc.oneof(
  fc.constantFrom(undefined, null, 0, -0, 1, Number.NaN, '', 'a', 'b', true, false),
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(/a/g, /a/i, /b/g),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('object'), tie('map'), tie('set')),
  array: fc.array(tie('value'), { maxLength: 3 }),
  object: fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('value'), { maxKeys: 3 }),
  map: fc.array(fc.tuple(fc.constantFrom('a', 'b', 1), tie('value')), { maxLength: 3 }).map((e) => new Map(e)),
  set: fc.array(tie('value'), { maxLength: 3 }).map((v) => new Set(v)),
}));

const toEqualPasses = (a: unknown, b: unknown) => {
  try {
    expect(a).toEqual(b);
    return true;
  } catch {
    return false;
  }
};

describe('surelyEqual', () => {
  it('answers true only where toEqual passes, and for equal copies', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        if (surelyEqual(a, b)) expect(toEqualPasses(a, b)).toBe(true);
        const copy = structuredClone(a);
        if (surelyEqual(a, copy)) expect(toEqualPasses(a, copy)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('takes equal copies for equal (what saves toEqual its work)', () => {
    let surely = 0;
    fc.assert(
      fc.property(value, (a) => {
        if (surelyEqual(a, structuredClone(a))) surely++;
      }),
      { numRuns: 300 },
    );
    // All but those holding -0 somewhere, which toEqual compares by Object.is too but surelyEqual leaves to it.
    expect(surely).toBeGreaterThan(200);
  });

  it('leaves the corners to toEqual', () => {
    expect(surelyEqual({ a: 1, b: undefined }, { a: 1 })).toBe(false); // toEqual: equal
    expect(surelyEqual(0, -0)).toBe(false); // toEqual: not equal
    expect(
      surelyEqual(
        new Map([
          ['a', 1],
          ['b', 2],
        ]),
        new Map([
          ['b', 2],
          ['a', 1],
        ]),
      ),
    ).toBe(false); // toEqual: equal
    expect(surelyEqual(Object.assign(new Map(), { x: 1 }), new Map())).toBe(false);
    expect(surelyEqual(Object.assign([1], { x: 1 }), [1])).toBe(false);
    expect(surelyEqual(new Date(0), new Date(0))).toBe(false);
    // A class instance by its own properties, as toEqual compares it (not its getters, not its private fields).
    class Late {
      #hidden: number;
      constructor(
        readonly rule: string,
        hidden: number,
      ) {
        this.#hidden = hidden;
      }
      get hidden() {
        return this.#hidden;
      }
    }
    expect(surelyEqual(new Late('a', 1), new Late('a', 2))).toBe(true);
    expect(toEqualPasses(new Late('a', 1), new Late('a', 2))).toBe(true);
    expect(surelyEqual(new Late('a', 1), new Late('b', 1))).toBe(false);
    class Bag {
      constructor(readonly items: number[]) {}
      *[Symbol.iterator]() {
        yield* this.items;
      }
    }
    expect(surelyEqual(new Bag([1]), new Bag([1]))).toBe(false); // toEqual iterates it
    expect(surelyEqual(new Error('a'), new Error('a'))).toBe(false);
    expect(surelyEqual(new Uint8Array([1]), new Uint8Array([1]))).toBe(false);
    expect(surelyEqual(/a/g, /a/g)).toBe(true);
    expect(surelyEqual(/a/g, /a/i)).toBe(false);
    const cycle: { self?: unknown; n: number } = { n: 1 };
    cycle.self = cycle;
    const other: { self?: unknown; n: number } = { n: 1 };
    other.self = other;
    expect(surelyEqual(cycle, other)).toBe(true);
  });
});

describe('expectEqual', () => {
  it("passes where toEqual passes and fails with toEqual's message where it fails", () => {
    expectEqual({ a: [1, { b: new Map([['x', new Set([1])]]) }] }, { a: [1, { b: new Map([['x', new Set([1])]]) }] });
    expectEqual({ a: 1, b: undefined }, { a: 1 });
    expect(() => expectEqual({ findings: [{ line: 1 }] }, { findings: [{ line: 2 }] }, 'the note')).toThrow(/the note: expected .* to deeply equal/);
    expect(() => expectEqual(new Map([['a', 1]]), new Map([['a', 2]]))).toThrow(/deeply equal/);
  });
});
