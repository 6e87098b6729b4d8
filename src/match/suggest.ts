// Suggestions that read correctly in place: set values filled in ("heroin addict" → "person with
// opioid use disorder"), the case of the original kept, and "a"/"an" fixed before the replacement.
import type { CompiledSet } from '../rules/compile.js';
import { fieldOf } from '../rules/sets.js';
import type { Fix } from '../types.js';
import type { Token } from '../parse/tokens.js';
import { isAsciiText } from '../core/ascii.js';

/** Fills {set} and {set.field} from the words the match captured, or the set's default. */
export function renderSuggestion(template: string, captures: ReadonlyMap<string, string>, sets: ReadonlyMap<string, CompiledSet>): string {
  return template
    .replace(/\{([a-z][a-z0-9_-]*)(?:\.([a-z0-9_-]+))?\}/gi, (whole, name: string, field: string | undefined) => {
      const set = sets.get(name);
      if (!set) return whole;
      const key = field ?? 'text';
      const captured = captures.get(name);
      if (captured !== undefined) return fieldOf(set.values.get(captured), key) ?? (field ? (fieldOf(set.default, key) ?? captured) : captured);
      return fieldOf(set.default, key) ?? name;
    })
    .replace(/\s{2,}/g, ' ')
    .trim();
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Words Title Case leaves in lower case (except as the first word). */
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'who', 'with']);

/** The character classes casePattern reads a phrase with. */
interface CaseClasses {
  /** Between words: not a letter, digit or apostrophe. */
  separators: RegExp;
  letter: RegExp;
  /** Global: for replace. */
  nonLetters: RegExp;
  upper: RegExp;
  initialUpper: RegExp;
}

// Each Unicode class costs a few million instructions to build, at the first finding of a run: a
// phrase in ASCII (most are) is read with the ASCII classes, which say the same of ASCII text (its
// letters are [A-Za-z], its upper-case ones [A-Z], its digits [0-9]).
const ASCII_CLASSES: CaseClasses = { separators: /[^A-Za-z0-9']+/, letter: /[A-Za-z]/, nonLetters: /[^A-Za-z]/g, upper: /[A-Z]/, initialUpper: /^[A-Z]/ };
let unicodeClasses: CaseClasses | undefined;

function caseClasses(text: string): CaseClasses {
  if (isAsciiText(text)) return ASCII_CLASSES;
  return (unicodeClasses ??= { separators: /[^\p{L}\p{N}']+/u, letter: /\p{L}/u, nonLetters: /[^\p{L}]/gu, upper: /\p{Lu}/u, initialUpper: /^\p{Lu}/u });
}

/** An acronym or mixed-case abbreviation ("IVDU", "EtOH", "HIV"): its case says nothing about the phrase's. */
function isAcronymOf(word: string, classes: CaseClasses): boolean {
  return classes.upper.test(word.slice(1));
}

/** The case pattern of a phrase: 'upper' (DRUG ABUSE), 'title' (Drug Abuse), 'sentence' (Drug abuse) or 'lower'. */
export type CasePattern = 'upper' | 'title' | 'sentence' | 'lower';

export function casePattern(actual: string, sentenceStart: boolean): CasePattern {
  const classes = caseClasses(actual);
  const words = actual.split(classes.separators).filter((w) => classes.letter.test(w));
  const letters = words.join('').replace(classes.nonLetters, '');
  // "DRUG ABUSE" → "DRUG USE"; a lone acronym ("IVDU") says nothing about the replacement's case.
  if (words.length > 1 && letters === letters.toUpperCase()) return 'upper';
  const capitalized = (w: string) => classes.initialUpper.test(w);
  const isAcronym = (w: string) => isAcronymOf(w, classes);
  const rest = words.slice(1).filter((w) => !SMALL_WORDS.has(w.toLowerCase()));
  // "Drug Abuse", "EtOH Abuse": every word after the first capitalized, one at least not an acronym.
  if (rest.length > 0 && rest.every(capitalized) && rest.some((w) => !isAcronym(w)) && capitalized(words[0]!)) return 'title';
  const first = words[0] ?? '';
  if (capitalized(first) && (sentenceStart || !isAcronym(first))) return 'sentence';
  return 'lower';
}

function titleCase(s: string): string {
  let index = 0;
  return s.replace(/[\p{L}\p{N}']+/gu, (w) => (index++ > 0 && SMALL_WORDS.has(w.toLowerCase()) ? w : capitalize(w)));
}

/** The replacement in the case of the phrase it replaces (lower, Sentence, Title or UPPER). */
export function matchCase(actual: string, replacement: string, sentenceStart: boolean): string {
  switch (casePattern(actual, sentenceStart)) {
    case 'upper':
      return replacement.toUpperCase();
    case 'title':
      return titleCase(replacement);
    case 'sentence':
      return capitalize(replacement);
    default:
      return replacement;
  }
}

/**
 * May `written`, the word before a phrase with `gap` between them, be the phrase's article, which a
 * fix or a click changes to fit the replacement ("an IVDU" → "a person who injects drugs")? "a" or
 * "an", in any case on the phrase's line; from the line before only in lower case, as a sentence
 * runs on ("He is an" / "IVDU"): a capital "A" ending a line ends a name ("Hepatitis A" / "IVDU"
 * in a problem list became "Hepatitis An" / "injection drug use"). The one test of --fix
 * (match.ts) and of a click (web/apply-suggestion.ts), which find the word before the phrase in
 * their own ways (the parsed sentence's tokens; the text before the offsets a finding gives).
 */
export function mayBeArticle(written: string, gap: string): boolean {
  return /^an?$/i.test(written) && (/^an?$/.test(written) || !/[\r\n]/.test(gap));
}

/** "a" or "an" before a word, by its first sound (a simple spelling rule: "an opioid", "a user"). */
export function articleFor(word: string): 'a' | 'an' {
  const w = word.toLowerCase();
  if (/^(u[bcdfgjklmnpqrstvwxz][aeiou]|eu|one)/.test(w)) return 'a';
  if (/^(hour|honest|honor|heir)/.test(w)) return 'an';
  return /^[aeiou]/.test(w) ? 'an' : 'a';
}

export function fitReplacement(
  text: string,
  start: number,
  end: number,
  suggestion: string,
  context: { sentenceStart: boolean; article?: Token | undefined },
): Fix {
  const actual = text.slice(start, end);
  const article = context.article;
  const replacement = matchCase(actual, suggestion, context.sentenceStart && !article);
  if (article) {
    const written = text.slice(article.start.offset, article.end.offset);
    const wanted = articleFor(replacement);
    if (written.toLowerCase() !== wanted) {
      const fitted = written === written.toUpperCase() && written.length > 1 ? wanted.toUpperCase() : /^\p{Lu}/u.test(written) ? capitalize(wanted) : wanted;
      return { range: [article.start.offset, end], text: `${fitted}${text.slice(article.end.offset, start)}${replacement}` };
    }
  }
  return { range: [start, end], text: replacement };
}

// "Known" right before a label ("a known heroin addict"), not inside another word ("unknown").
const KNOWN_BEFORE = /(?<![\p{L}\p{N}'\u2019-])known[ \t]+$/iu;
// A person-first wording: an optional article, the person noun, "with" or "who" and the next word.
const PERSON_FIRST = /^(an?\s+)?(person|people)\s+(with|who)\s+(\S+)(.*)$/is;
// Verbs after "who" whose base form is not the word less its "s".
const BASE_FORMS: Readonly<Record<string, string>> = { is: 'be', are: 'be', has: 'have', does: 'do' };

/**
 * The replacement of a label that "known" stands right before, with "known" taken into the edit:
 * "a known heroin addict" → "a person with known opioid use disorder", "a known IV drug user" → "a
 * person known to inject drugs". In place, "a known person with opioid use disorder" reads as a
 * famous person, and dropping "known" loses that the diagnosis is on record (a blind suggestion
 * probe of 2026-12-03 accepted only "has known schizophrenia" or "a person with known
 * schizophrenia"). `start` is the label's UTF-16 offset in `text`; the result's `start` is that of
 * "known". Undefined when no "known" stands there or `suggestion` is no person-first wording
 * (`person|people with|who …`) it can take.
 */
export function withKnown(text: string, start: number, suggestion: string): { start: number; suggestion: string } | undefined {
  const before = text.slice(Math.max(0, start - 12), start);
  const known = KNOWN_BEFORE.exec(before);
  const person = known && PERSON_FIRST.exec(suggestion);
  if (!person) return undefined;
  const [, article = '', noun, relation, next, rest] = person as unknown as [string, string | undefined, string, string, string, string];
  let words: string;
  // "with a substance use disorder" → "with a known substance use disorder" ("a", not "an", before "known").
  if (relation.toLowerCase() === 'with') words = /^an?$/i.test(next) ? `${article}${noun} with a known${rest}` : `${article}${noun} with known ${next}${rest}`;
  else {
    // "who uses drugs" → "known to use drugs"; the plural's verb is its base form already.
    const lower = next.toLowerCase();
    if (lower === 'was' || lower === 'were') return undefined;
    const base = BASE_FORMS[lower] ?? (noun.toLowerCase() === 'people' ? lower : /[^s]s$/.test(lower) ? lower.slice(0, -1) : undefined);
    if (!base) return undefined;
    words = `${article}${noun} known to ${base}${rest}`;
  }
  return { start: start - before.length + known.index, suggestion: words };
}

// A suggestion that names a person or people, as its first noun after an optional article, and says
// with what ("person with alcohol use disorder", "the person with diabetes", "father with …",
// "person in recovery from …"): a possessive reads after its last word.
const NAMES_PERSON =
  /^(?:(?:a|an|the)\s+)?(?:person|persons|people|patients?|pts?|individuals?|m[ae]n|wom[ae]n|child|children|kids?|bab(?:y|ies)|infants?|newborns?|adults?|adolescents?|teens?|teenagers?|residents?|clients?|members?|students?|veterans?|moms?|mothers?|mum|dads?|fathers?|parents?|brothers?|sisters?|sons?|daughters?|wife|husband|spouse|partner|boyfriend|girlfriend|uncles?|aunts?|cousins?|grand(?:mother|father|parent|son|daughter)s?|siblings?|guardian)\s+(?:with|in|of|on|from|living)\s/i;

/**
 * The suggestion for a label written as a possessive ("the addict's mother", "an alcoholic's liver"),
 * which a replacement without the "'s" would turn into "the person with a substance use disorder
 * mother" (--fix and a click, src/fix/refine.ts, refuse that): a suggestion that names a person with
 * what they have takes the possessive after its last word, with the apostrophe as written ("the
 * person with alcohol use disorder's wife"), a plural's "s" the apostrophe alone ("people with
 * substance use disorders' families"). Others (a relative clause, "person who uses drugs", whose
 * "drugs's" reads wrong; a verb; an instruction; a note in brackets) are left as they are, and a
 * click or --fix still refuses them.
 */
export function possessiveSuggestion(suggestion: string, apostrophe: string): string {
  if (/['\u2019]s?$/i.test(suggestion) || /[([]/.test(suggestion) || !NAMES_PERSON.test(suggestion)) return suggestion;
  return /^(?:(?:a|an|the)\s+)?people\s.*[^s]s$/i.test(suggestion) ? `${suggestion}${apostrophe}` : `${suggestion}${apostrophe}s`;
}
