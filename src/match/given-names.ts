// The list of given names (data/given-names.txt: scripts/given-names.mjs builds it from the package
// gender-detection-from-name, less the words that are roles first, such as Dean, Judge or Hunter)
// and what is read with it: names.ts's reading of a capitalised word opening a sentence asks here
// whether it is a given name, and whether the note names its patient by another one. A module of
// its own so that the warehouse build, which carries no list (Snowflake's 100 KB), stands in all of
// it with answers of "no" (scripts/bundle-warehouse.js), not only the list's text.
//
// The list is read on the first word that needs it (a capitalised word opening a sentence right before
// such a predicate, no list of dignify's own knowing it): a note without one never loads it.
import { givenNamesText } from './given-names-file.js';
import { escapeRegex } from '../rules/word-regex.js';
import { PATIENT_TITLES } from './patient-titles.js';

/** What the caller knows about a word (lower case): a role of someone else, or a word for the patient. */
export interface NameWords {
  isRole(word: string): boolean;
  isPatient(word: string): boolean;
}

let names: string | null | undefined;
// By lower-case word: where the list holds it (the offset of its line), or -1. One search of the
// list (455 KB) per word: givenNameGender reads the run from the same offset.
const seen = new Map<string, number>();

/** Where the list holds `word` (any case), or -1 (also when the list cannot be read). */
function listOffset(word: string): number {
  const key = word.toLowerCase();
  const known = seen.get(key);
  if (known !== undefined) return known;
  if (names === undefined) names = givenNamesText() ?? null;
  const at = names !== null && key.length >= 3 ? names.indexOf(`\n${key}\n`) : -1;
  if (seen.size < 4096) seen.set(key, at);
  return at;
}

/** Is `word` (any case) a given name of the list? false when the list cannot be read (the browser build). */
export function isGivenName(word: string): boolean {
  return listOffset(word) !== -1;
}

/**
 * The gender the list gives the given name `word` (any case): 'female', 'male', 'unknown' for a name of
 * either (data/given-names.txt's "#either" run: scripts/given-names.mjs says which), undefined for a
 * word that is no name of the list, or when the list cannot be read (the browser and warehouse builds).
 */
export function givenNameGender(word: string): 'female' | 'male' | 'unknown' | undefined {
  const at = listOffset(word);
  if (at === -1) return undefined;
  if (runs === undefined) runs = { male: names!.indexOf('\n#male\n'), either: names!.indexOf('\n#either\n') };
  return runs.either !== -1 && at > runs.either ? 'unknown' : runs.male !== -1 && at > runs.male ? 'male' : 'female';
}

let runs: { male: number; either: number } | undefined;

/**
 * Does the note name its patient by another given name ("Pt Jamal", "Patient Lakshmi", "Jamal is a
 * 40-year-old") or by a title and a surname with which `word` is never written ("Mrs. Alvarez", and
 * no "Luz Alvarez")? Then the bare first name is someone else's.
 */
export function patientNamedOtherwise(text: string, word: string, words: NameWords): boolean {
  for (const m of text.matchAll(/\b(\p{L}+)\.?[ \t]+(\p{Lu}[\p{Ll}'\u2019-]+)/gu)) {
    const cue = m[1]!.toLowerCase();
    const name = m[2]!;
    if (name === word) continue;
    if (PATIENT_TITLES.has(cue)) {
      // "Ms. Rosa" (a given name) or "Mrs. Alvarez" (a surname) never written after `word`.
      if (!new RegExp(`\\b${escapeRegex(word)}[ \\t]+${escapeRegex(name)}\\b`, 'u').test(text)) return true;
    } else if (words.isPatient(cue) && isGivenName(name)) return true;
  }
  // "Jamal is a 40-year-old", "Jamal, 40M,": another given name with an age.
  for (const m of text.matchAll(/(?:^|[.!?\n][ \t]*)(\p{Lu}\p{Ll}+)(?:,[ \t]*|[ \t]+is[ \t]+an?[ \t]+)\d{1,3}[- ]?(?:y|yo|year|[mf]\b)/gu))
    if (m[1] !== word && isGivenName(m[1]!)) return true;
  return false;
}
