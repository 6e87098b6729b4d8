// A count and its noun, for messages: "1 rule", "3 rules", "2 fixes".

/** `${n} ${one}` for one, else `${n} ${many}` (default: `one` + "s"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
