// Freezing what the compiled rules hand out (rules/compile.ts freezeRule, and the lean form's lazy
// examples and conditions, rules/lean.ts): a caller that changed a compiled rule's list changed every
// later lint in the process. Portable: no Node API.

/**
 * A frozen copy of `value` all the way down: its lists and records copied and frozen, a string,
 * number, boolean or function as it is. The value given stays its owner's to change (a caller's rule
 * files given to compileRules). For plain data (parsed JSON, rule fields), read by its own keys.
 */
export function frozenCopy<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return Object.freeze(value.map(frozenCopy)) as T;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = frozenCopy((value as Record<string, unknown>)[key]);
  return Object.freeze(copy) as T;
}
