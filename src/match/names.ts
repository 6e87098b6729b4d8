// A capitalised word opening a sentence before a refusal, a claim or a behaviour word ("Maria refused
// labs.", "Jamal was combative overnight."): a given name, which in a note is its patient's unless
// the note says otherwise. described.ts reads a bare noun there as someone else ("Tenant refused
// entry", "Referee insists"), which silenced the patient's first name in a short note; a name the
// note also writes mid-sentence was the only evidence it had. This module adds a list of given names
// (data/given-names.txt: scripts/given-names.mjs builds it from the package gender-detection-from-name,
// less the words that are roles first, such as Dean, Judge or Hunter) and reads what the note says
// about the name elsewhere: a role or a title before it ("daughter Siobhan", "RN Imani"), a role after
// it in apposition or brackets ("Farida, his wife,", "Arjun (front desk)"), or a patient the note
// names by another given name or by title and surname ("Mrs. Alvarez … Luz insists").
//
// The list is read on the first word that needs it (a capitalised word opening a sentence right before
// such a predicate, no list of dignify's own knowing it): a note without one never loads it.
import { lazyRegExp } from '../core/lazy-regexp.js';
import { givenNamesText } from './given-names-file.js';
import { escapeRegex } from '../rules/word-regex.js';

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

/** What the caller knows about a word (lower case): a role of someone else, or a word for the patient. */
export interface NameWords {
  isRole(word: string): boolean;
  isPatient(word: string): boolean;
}

// Written as a name: a capital, then lower case ("Maria"), with an inner capital ("DeShawn",
// "McKenzie") or a hyphen or apostrophe ("Mary-Kate", "D'Andre").
// Built on first use, as APPOSITIVE (lazy-regexp.ts): a one-line check rarely reads a name.
const NAME_SHAPE = lazyRegExp(String.raw`^\p{Lu}\p{Ll}*(?:\p{Lu}\p{Ll}+)?(?:[-'\u2019]\p{Lu}?\p{Ll}+)?$`, 'u');
/** The titles a note gives its patient ("Mr. Diaz"), lower case: a name after one is the patient's. */
export const PATIENT_TITLES: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'miss', 'mx']);
// Words that open an appositive after the name ("Farida, his wife,", "Reyna, the home health aide,").
const APPOSITIVE = lazyRegExp(
  String.raw`^[ \t]*,[ \t]*(?:the|his|her|their|our|a|an|pt['\u2019]s|patient['\u2019]s|client['\u2019]s|resident['\u2019]s)[ \t]+((?:[\p{L}-]+[ \t]+){0,3}?)([\p{L}-]+)[ \t]*[,.;)]`,
  'u',
);

/**
 * How the note reads the capitalised word `word` opening a sentence at `offset` of `text`: 'other'
 * when the note says it names someone else, 'name' when it is a given name or the note names its
 * patient so ("Pt Maria", "Ms. Maria"), undefined when neither (the caller reads it as before).
 */
export function readName(text: string, word: string, offset: number, words: NameWords): 'other' | 'name' | undefined {
  if (!NAME_SHAPE().test(word) || word.length < 3) return undefined;
  const told = toldElsewhere(text, word, offset, words);
  if (told === 'other') return 'other';
  // Not a name of the list: the caller's reading decides ("Tenant (unit 4B) refused" is no name).
  if (!isGivenName(word)) return undefined;
  return told === undefined && patientNamedOtherwise(text, word, words) ? 'other' : 'name';
}

/**
 * The note's other uses of `word`: right after a role or a title of someone else ("his wife Fatima",
 * "daughter, Siobhan", "RN Imani", "Dr. Leilani"), or before an appositive or brackets naming a role
 * ("Farida, his wife,", "Arjun (front desk)") → 'other'; right after a title or a word for the
 * patient ("Ms. Maria", "pt Maria") or before brackets naming the patient → 'name'.
 */
function toldElsewhere(text: string, word: string, offset: number, words: NameWords): 'other' | 'name' | undefined {
  let named = false;
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    const end = at + word.length;
    if (at > 0 && /[\p{L}\p{N}]/u.test(text[at - 1]!)) continue;
    if (end < text.length && /[\p{L}\p{N}]/u.test(text[end]!)) continue;
    // "his wife Fatima", "daughter, Siobhan", "RN Imani", "Dr. Leilani", "Ms. Maria", "pt Maria".
    if (at !== offset) {
      const before = /(\p{L}[\p{L}-]*)(?:['\u2019]s)?\.?[ \t]*,?[ \t]*$/u.exec(text.slice(Math.max(0, at - 40), at));
      if (before) {
        const w = before[1]!.toLowerCase();
        if (PATIENT_TITLES.has(w) || words.isPatient(w)) named = true;
        else if (words.isRole(w)) return 'other';
      }
    }
    // "Farida, his wife,", "Reyna, the home health aide,": an appositive whose head is a role.
    const after = text.slice(end, end + 80);
    const apposed = APPOSITIVE().exec(after);
    if (apposed) {
      const head = apposed[2]!.toLowerCase();
      if (words.isRole(head)) return 'other';
      if (words.isPatient(head)) named = true;
    }
    const bracket = bracketAfter(after, words);
    if (bracket === 'other') return 'other';
    if (bracket === 'patient') named = true;
  }
  return named ? 'name' : undefined;
}

/**
 * Brackets right after a name ("Arjun (front desk)", "Maria (pt)", "Kofi (driver)"): 'patient' when
 * they hold a word for the patient, a pronoun or a number (an age, a bed), 'other' when they hold
 * only words (a role or a place of work: "front desk", "interpreter"), undefined otherwise.
 */
export function bracketAfter(after: string, words: NameWords): 'other' | 'patient' | undefined {
  const m = /^[ \t]*\(([^()\n]{1,40})\)/.exec(after);
  if (!m) return undefined;
  const inside = m[1]!.toLowerCase().match(/[\p{L}\p{N}'\u2019/-]+/gu) ?? [];
  if (inside.length === 0 || inside.length > 4) return undefined;
  if (inside.some((w) => /\d/.test(w) || words.isPatient(w.replace(/['\u2019]s$/, '')) || /^(?:she|he|they|her|him|them)(?:\/|$)/.test(w))) return 'patient';
  if (inside.some((w) => words.isRole(w))) return 'other';
  // Only plain words, none a participle, an adverb or a preposition ("Spanish-speaking", "via phone").
  if (
    inside.every(
      (w) =>
        /^\p{L}+$/u.test(w) &&
        !/(?:ed|ing|ly)$/.test(w) &&
        !/^(?:via|per|by|with|from|through|using|in|on|at|to|and|or|not|no|see|cf|prior|previous|note)$/.test(w),
    )
  )
    return 'other';
  return undefined;
}

/**
 * Does the note name its patient by another given name ("Pt Jamal", "Patient Lakshmi", "Jamal is a
 * 40-year-old") or by a title and a surname with which `word` is never written ("Mrs. Alvarez", and
 * no "Luz Alvarez")? Then the bare first name is someone else's.
 */
function patientNamedOtherwise(text: string, word: string, words: NameWords): boolean {
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
