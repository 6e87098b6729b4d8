// A count and its noun, for messages: "1 rule", "3 rules", "2 fixes", "4,999 records".

/** `${n} ${one}` for one, else `${n} ${many}` (default: `one` + "s"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** As plural, the count with thousands separators ("1 record", "4,999 records"): for counts of records and files, which run to millions. */
export function pluralGrouped(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
