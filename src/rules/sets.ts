// Named word sets ({drug}, {substance}) shared by patterns and suggestions.
import type { SetDefinition, SetValue } from '../types.js';
import { normalizeWord } from './pattern.js';

/** The normalized words of a set. */
export function setWordsOf(set: SetDefinition): string[] {
  const words = Array.isArray(set.words) ? set.words : Object.keys(set.words);
  return [...new Set(words.map(normalizeWord))];
}

/** Normalized word → its value, for suggestions. */
export function setValuesOf(set: SetDefinition): Map<string, SetValue> {
  const values = new Map<string, SetValue>();
  if (!Array.isArray(set.words)) {
    for (const [word, value] of Object.entries(set.words)) values.set(normalizeWord(word), value);
  }
  return values;
}

/** The text a suggestion puts in place of {set} or {set.field}. */
export function fieldOf(value: SetValue | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return field === 'text' ? value : undefined;
  return value[field];
}
