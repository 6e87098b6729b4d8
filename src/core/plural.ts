// A count and its noun, for messages: "1 rule", "3 rules", "2 fixes", "4,999 records".

/** `${n} ${one}` for one, else `${n} ${many}` (default: `one` + "s"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * An integer with a comma between each group of three digits ("4,999", "1,000,000", "-12,345"), as
 * `n.toLocaleString('en-US')` writes it. Written out because the first toLocaleString of a process
 * loads ICU's number formatting: 20-21 ms (node 20, this VM), about 1.4% of linting MTSamples' CSV,
 * spent on the one summary line an export run writes (BENCHMARKS.md, issue 14, 2026-12-04 evening).
 * Anything but a safe integer (a fraction, NaN, a huge number) goes to toLocaleString.
 */
export function grouped(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 || Object.is(n, -0) ? `-${out}` : out;
}

/** As plural, the count with thousands separators ("1 record", "4,999 records"): for counts of records and files, which run to millions. */
export function pluralGrouped(n: number, one: string, many = `${one}s`): string {
  return `${grouped(n)} ${n === 1 ? one : many}`;
}
