// Named word sets ({drug}, {substance}) shared by patterns and suggestions.
import type { SetDefinition, SetValue } from '../types.js';
import { normalizeWord } from './pattern.js';

/**
 * A set as the lean built-in rules store it (lean.ts leanForm): its words already normalized and
 * without repeats, marked so that a start does not normalize them again (~2,400 words). The rule
 * file schema allows no such key, so a user's set never carries it.
 */
export interface NormalizedSetDefinition extends SetDefinition {
  normalized?: true;
}

/** The normalized words of a set. */
export function setWordsOf(set: SetDefinition): string[] {
  const words = Array.isArray(set.words) ? set.words : Object.keys(set.words);
  if ((set as NormalizedSetDefinition).normalized) return words.slice();
  return [...new Set(words.map(normalizeWord))];
}

/** Normalized word → its value, for suggestions. */
export function setValuesOf(set: SetDefinition): Map<string, SetValue> {
  const values = new Map<string, SetValue>();
  if (!Array.isArray(set.words)) {
    if ((set as NormalizedSetDefinition).normalized) return new Map(Object.entries(set.words));
    for (const [word, value] of Object.entries(set.words)) values.set(normalizeWord(word), value);
  }
  return values;
}

/**
 * The set in its stored form (lean.ts): words normalized, without repeats, marked `normalized`; or
 * the set unchanged when the stored form would not read back as the same words and values (an
 * object key that normalizes to an array index would move to the front).
 */
export function normalizedSet(set: SetDefinition): SetDefinition {
  const words = Array.isArray(set.words) ? setWordsOf(set) : Object.fromEntries(setValuesOf(set));
  const out: NormalizedSetDefinition = { ...set, words, normalized: true };
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (!same(setWordsOf(out), setWordsOf(set)) || !same([...setValuesOf(out)], [...setValuesOf(set)])) return set;
  return out;
}

/** The text a suggestion puts in place of {set} or {set.field}. */
export function fieldOf(value: SetValue | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return field === 'text' ? value : undefined;
  return value[field];
}
