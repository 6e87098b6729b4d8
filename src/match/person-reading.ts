// Whether a term that names a behaviour or a person names a person here (a rule's personSuggestion,
// rules/schema.json). Its own module so that the warehouse build, whose rows keep a rule's first
// suggestion, leaves it out (scripts/bundle-warehouse.js).
import type { Token } from '../parse/tokens.js';

/**
 * Whether a term that may name a behaviour or a person (IVDU: "IV drug use" or "IV drug user") names a
 * person here: right after "a"/"an" ("is an IVDU"), after a sentence-opening "Known" ("Known IVDA and
 * smoker"), or written as a singular -er form ("ivdrugabuser"; the plurals are a rule of their own). `end`: the term's end, a UTF-16 offset.
 */ export function namesPerson(text: string, tokens: readonly Token[], first: number, end: number): boolean {
  const previous = first > 0 ? tokens[first - 1]! : undefined;
  if (previous && tokens[first]!.adjacent && (previous.norm === 'a' || previous.norm === 'an')) return true;
  if (first === 1 && previous!.norm === 'known') return true;
  return /er$/i.test(text.slice(tokens[first]!.start.offset, end));
}
