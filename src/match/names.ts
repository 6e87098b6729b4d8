// A capitalised word opening a sentence before a refusal, a claim or a behaviour word ("Maria refused
// labs.", "Jamal was combative overnight."): a given name, which in a note is its patient's unless
// the note says otherwise. described.ts reads a bare noun there as someone else ("Tenant refused
// entry", "Referee insists"), which silenced the patient's first name in a short note; a name the
// note also writes mid-sentence was the only evidence it had. This module adds a list of given names
// (given-names.ts) and reads what the note says about the name elsewhere: a role or a title before
// it ("daughter Siobhan", "RN Imani"), a role after it in apposition or brackets ("Farida, his
// wife,", "Arjun (front desk)"), or a patient the note names by another given name or by title and
// surname ("Mrs. Alvarez … Luz insists").
import { lazyRegExp } from '../core/lazy-regexp.js';
import { isGivenName, type NameWords, patientNamedOtherwise } from './given-names.js';
import { PATIENT_TITLES } from './patient-titles.js';

export { isGivenName, givenNameGender, type NameWords } from './given-names.js';
export { PATIENT_TITLES } from './patient-titles.js';

// Written as a name: a capital, then lower case ("Maria"), with an inner capital ("DeShawn",
// "McKenzie") or a hyphen or apostrophe ("Mary-Kate", "D'Andre").
// Built on first use, as APPOSITIVE (lazy-regexp.ts): a one-line check rarely reads a name.
const NAME_SHAPE = lazyRegExp(String.raw`^\p{Lu}\p{Ll}*(?:\p{Lu}\p{Ll}+)?(?:[-'\u2019]\p{Lu}?\p{Ll}+)?$`, 'u');
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
  const uses = usesOf(text, word, words);
  const told = toldElsewhere(uses, offset);
  if (told === 'other') return 'other';
  // Not a name of the list: the caller's reading decides ("Tenant (unit 4B) refused" is no name).
  if (!isGivenName(word)) return undefined;
  return told === undefined && (uses.otherwise ??= patientNamedOtherwise(text, word, words)) ? 'other' : 'name';
}

/**
 * What the note says of a word's uses, read once per text and word: a note that opens thousands of
 * sentences with one word ("Tenant refused entry.", "Maria is combative." on every line) asked for
 * each of them and read every other use and the whole text each time, quadratic: 4,000 lines
 * (88 KB) took 42-61 s (a newcomer trial). `told` counts the uses by what is around them (BEFORE_*, AFTER_*),
 * `before` holds each use's verdict from the word before it (a use does not count its own), and
 * `otherwise` is patientNamedOtherwise's answer once asked.
 */
interface Uses {
  told: number[];
  before: Map<number, number>;
  otherwise?: boolean;
}
// Indexes of Uses.told: a role or title before a use, and an appositive or brackets after one.
const BEFORE_OTHER = 0;
const BEFORE_NAME = 1;
const AFTER_OTHER = 2;
const AFTER_NAME = 3;
let usesText: string | undefined;
let usesWords: NameWords | undefined;
const usesByWord = new Map<string, Uses>();

function usesOf(text: string, word: string, words: NameWords): Uses {
  if (usesText !== text || usesWords !== words) usesByWord.clear();
  usesText = text; // adopt this string object (see core/once-per-text.ts recentPerText)
  usesWords = words;
  let uses = usesByWord.get(word);
  if (uses) return uses;
  uses = { told: [0, 0, 0, 0], before: new Map() };
  const count = (k: number) => uses!.told[k]!++;
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    const end = at + word.length;
    if (at > 0 && /[\p{L}\p{N}]/u.test(text[at - 1]!)) continue;
    if (end < text.length && /[\p{L}\p{N}]/u.test(text[end]!)) continue;
    // "his wife Fatima", "daughter, Siobhan", "RN Imani", "Dr. Leilani", "Ms. Maria", "pt Maria".
    const before = /(\p{L}[\p{L}-]*)(?:['\u2019]s)?\.?[ \t]*,?[ \t]*$/u.exec(text.slice(Math.max(0, at - 40), at));
    if (before) {
      const w = before[1]!.toLowerCase();
      const verdict = PATIENT_TITLES.has(w) || words.isPatient(w) ? BEFORE_NAME : words.isRole(w) ? BEFORE_OTHER : -1;
      if (verdict !== -1) {
        uses.before.set(at, verdict);
        count(verdict);
      }
    }
    // "Farida, his wife,", "Reyna, the home health aide,": an appositive whose head is a role.
    const after = text.slice(end, end + 80);
    const apposed = APPOSITIVE().exec(after);
    if (apposed) {
      const head = apposed[2]!.toLowerCase();
      if (words.isRole(head)) count(AFTER_OTHER);
      else if (words.isPatient(head)) count(AFTER_NAME);
    }
    const bracket = bracketAfter(after, words);
    if (bracket) count(bracket === 'other' ? AFTER_OTHER : AFTER_NAME);
  }
  usesByWord.set(word, uses);
  return uses;
}

/**
 * The note's other uses of the word (usesOf): right after a role or a title of someone else ("his
 * wife Fatima", "daughter, Siobhan", "RN Imani", "Dr. Leilani"), or before an appositive or brackets
 * naming a role ("Farida, his wife,", "Arjun (front desk)") → 'other'; right after a title or a word
 * for the patient ("Ms. Maria", "pt Maria") or before brackets naming the patient → 'name'. The word
 * before the use at `offset` itself does not count.
 */
function toldElsewhere({ told, before }: Uses, offset: number): 'other' | 'name' | undefined {
  const own = before.get(offset);
  if (told[AFTER_OTHER]! > 0 || told[BEFORE_OTHER]! > (own === BEFORE_OTHER ? 1 : 0)) return 'other';
  return told[AFTER_NAME]! > 0 || told[BEFORE_NAME]! > (own === BEFORE_NAME ? 1 : 0) ? 'name' : undefined;
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
