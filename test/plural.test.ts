import { describe, expect, it } from 'vitest';
import { grouped, plural, pluralGrouped } from '../src/core/plural.js';

describe('grouped', () => {
  it('writes what toLocaleString("en-US") writes, for integers of every length and sign', () => {
    const values = [
      0,
      1,
      9,
      10,
      99,
      100,
      999,
      1000,
      4999,
      9999,
      10000,
      12345,
      100000,
      999999,
      1000000,
      1234567,
      12345678,
      123456789,
      2 ** 31,
      Number.MAX_SAFE_INTEGER,
    ];
    for (const n of [...values, ...values.map((v) => -v)]) expect(grouped(n), String(n)).toBe(n.toLocaleString('en-US'));
  });
  it('leaves fractions and non-finite numbers to toLocaleString', () => {
    for (const n of [1234.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60]) expect(grouped(n)).toBe(n.toLocaleString('en-US'));
  });
});

describe('plural and pluralGrouped', () => {
  it('choose the noun by the count', () => {
    expect(plural(1, 'rule')).toBe('1 rule');
    expect(plural(3, 'fix', 'fixes')).toBe('3 fixes');
    expect(pluralGrouped(1, 'record')).toBe('1 record');
    expect(pluralGrouped(4999, 'record')).toBe('4,999 records');
    expect(pluralGrouped(0, 'file')).toBe('0 files');
  });
});
