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

// A wording whose head is a mass noun ("unhealthy alcohol use", "injection drug use", "heavy
// drinking"), which reads wrong after "a" or "an"; "a substance use disorder" is a count noun.
const MASS_NOUN = /(?<![\p{L}\p{N}'-])(?:use|misuse|drinking)$/iu;
/** A wording headed by a person ("person who injects drugs", "people with …"), whatever follows; this module and the click (apply-suggestion.ts) read it by this one pattern. */
export const PERSON_HEAD = /^(?:an?\s+)?(?:person|people)\b/i;

/**
 * Where a mass noun ("unhealthy alcohol use") would replace the words [start, end) of `text` and head
 * its phrase (punctuation or the end follows) after "a"/"an": 'drop' when the article stands right
 * before ("suspect an alcohol problem." → "suspect unhealthy alcohol use.", fitReplacement's
 * `massHead`), 'refuse' with a word between ("a possible alcohol problem." → "a possible unhealthy
 * alcohol use."), undefined otherwise (a count noun; a noun after the phrase that the article is for,
 * "an IVDU abscess" → "an injection drug use abscess").
 */
export function massAfterIndefinite(text: string, start: number, end: number, suggestion: string): 'drop' | 'refuse' | undefined {
  // A person's wording ending in a mass noun ("person who engages in unhealthy alcohol use") is a count noun phrase:
  // "was an alcoholic." → "was a person who engaged …", where the article was dropped ("was person who …").
  if (!MASS_NOUN.test(suggestion) || PERSON_HEAD.test(suggestion) || !/^[ \t]*(?:[.,;:!?)\]\r\n]|$)/.test(text.slice(end, end + 20))) return undefined;
  const words = wordsBefore(text, start).slice(-4);
  for (let k = words.length - 1, between = 0; k >= 0; k--, between++) {
    if (/^an?$/i.test(words[k]!)) return between > 0 ? 'refuse' : 'drop';
    if (PHRASE_START.test(words[k]!) || DETERMINER.test(words[k]!)) return undefined;
  }
  return undefined;
}

export function fitReplacement(
  text: string,
  start: number,
  end: number,
  suggestion: string,
  context: { sentenceStart: boolean; article?: Token | undefined; massHead?: boolean },
): Fix {
  const actual = text.slice(start, end);
  const article = context.article;
  const replacement = matchCase(actual, suggestion, context.sentenceStart && !article);
  if (article) {
    const written = text.slice(article.start.offset, article.end.offset);
    // "an alcohol problem." → "unhealthy alcohol use.", not "an unhealthy alcohol use.": a mass noun
    // that heads its phrase takes no "a"/"an" (massAfterIndefinite); before a noun the article is that
    // noun's ("an IVDU abscess" → "an injection drug use abscess").
    if (context.massHead && MASS_NOUN.test(replacement))
      return { range: [article.start.offset, end], text: /^\p{Lu}/u.test(written) ? capitalize(replacement) : replacement };
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
// "patient(s)" too ("patient with obesity"): "Known frequent flyer" clicked to "Known patient with
// frequent ED visits", which reads as a well-known patient (left8's closing note).
const PERSON_FIRST = /^(an?\s+)?(person|people|patients?)\s+(with|who)\s+(\S+)(.*)$/is;

/** Whether `words` is a person-first wording (`person|people|patient(s) with|who …`), the kind withKnown takes "known" into. */
export function personFirst(words: string): boolean {
  return PERSON_FIRST.test(words);
}
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
 * (`person|people|patient(s) with|who …`) it can take.
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

/**
 * The replacement of a label written with "ex-" before it that the label's rule leaves out ("hx of
 * ex-IVDU", on a history line where substance-use/former-addict gives way), with "ex-" taken into the
 * edit as "former": "hx of ex-IVDU" → "hx of former injection drug use", not "hx of ex-injection drug
 * use". `start` is the label's UTF-16 offset in `text`; the result's `start` is that of "ex".
 * Undefined when no "ex-" stands right before it, or the wording names a person (substance-use/former-addict's).
 */
export function withEx(text: string, start: number, suggestion: string): { start: number; suggestion: string } | undefined {
  const ex = /(?<![\p{L}\p{N}'\u2019-])ex-$/iu.exec(text.slice(Math.max(0, start - 4), start));
  if (!ex || PERSON_HEAD.test(suggestion) || /^(?:former|ex)\b/i.test(suggestion)) return undefined;
  return { start: start - 3, suggestion: `former ${suggestion}` };
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

// Words that open the noun phrase a label heads: "a daily cannabis user", "his heavy drinker".
const DETERMINER = /^(?:a|an|the|this|that|these|those|his|her|their|my|your|our|its|some|many|most|few|several|any|every|each)$/i;
// Words that may stand between such a word and the label without describing the label: an age
// ("a 28-year-old heroin addict", "a 59 year old …") reads right before a person-first wording.
const AGE_WORD = /^(?:\d[\p{L}\p{N}]*|years?|yrs?|yo|y\/o|old|months?|mos?|weeks?|wks?|days?)$/iu;
// A person noun that a label may stand before as an adjective ("an HIV-infected partner", "a 67 yo
// obese male"): the label describes that person.
const PERSON_NOUN =
  /^(?:males?|females?|m[ae]n|wom[ae]n|gentlem[ae]n|lady|ladies|boys?|girls?|patients?|pts?|partners?|child|children|adults?|individuals?|persons?|people|mothers?|fathers?|brothers?|sisters?|sons?|daughters?|husbands?|wives|wife|spouses?|veterans?|clients?|residents?|teens?|teenagers?|adolescents?|infants?|newborns?)$/i;
// The patient noun right before a label, as a one-liner's subject ("Pt IVDU, presents …"), spaces only between.
// The patient nouns, as a regex alternation: the one list behind PATIENT_BEFORE here and
// person-reading.ts afterPatient, which reads them as tokens ("pt." one of them).
export const PATIENT_NOUN = 'pt\\.?|patient|client';
// Copulas: before an article, the term names a person ("is an IVDU"; "with a IVDA hx" and "History of … and
// of a IVDA" name the behaviour: test/fix.test.ts, test/fix-cases.test.ts), and right after one a person's
// wording needs "a" ("Patient is IVDU", "flagged the patient as IVDU"). The one list behind person-reading.ts
// namesPerson, which reads them as tokens, and withArticle here, which reads text.
export const COPULAS: ReadonlySet<string> = new Set(['is', 'was', 'be', 'been', 'being', 'as', "he's", "she's", 'he’s', 'she’s', 'remains', 'became']);
const PATIENT_BEFORE = new RegExp(`(?<![\\p{L}\\p{N}'\\u2019.-])(?:${PATIENT_NOUN})[ \\t]+$`, 'iu');
// An age and sex as a one-liner's header ("58 yo M", "45F", "32-year-old woman"): one word of both
// ("45F", "34yoF") or a sex word after an age. The one definition behind person-reading.ts afterAgeSex,
// which reads tokens, and ageSexBefore here, which reads text (a click's, --fix's and the LSP's fit).
export const AGE_SEX = /^\d{1,3}(?:yo|y\/o|y)?[mf]$/i;
export const AGE = /^(?:o|\d{1,3}(?:yo|y\/o|y)?|yo|y\/o|\d{1,3}-year-old|year-old|old)$/i;
export const SEX = /^(?:m|f|male|female|man|woman)$/i;

// Words that describe a label between an age and sex header and it ("58 yo M chronic IVDU", "45F active
// IVDA", "60 yo M homeless alcoholic"): the label then names the patient (person-reading.ts namesPerson),
// and no wording fits in place, as after "was a chronic" (modifierBefore). --fix wrote "58 yo M chronic
// injection drug use" (a run of 2026-12-04). A closed list: a verb there ("45F denies IVDU") leaves the
// behaviour's wording, which reads right.
export const HEADER_MODIFIER =
  /^(?:chronic|active|current|daily|heavy|lifelong|longtime|longstanding|ongoing|occasional|intermittent|regular|habitual|frequent|severe|homeless|unhoused)$/i;

/**
 * Whether an age and sex header stands right before `at` in `text`, spaces or tabs only between
 * ("58 yo M IVDU presents", "in a 34M IVDA", "32-year-old woman IVDU"); a comma or a line break
 * between them ("45M, IVDU, HCV+") is a list, not a header.
 */
export function ageSexBefore(text: string, at: number): boolean {
  if (!/[ \t]$/.test(text.slice(Math.max(0, at - 1), at))) return false;
  const words = wordsBefore(text, at);
  return headerEndsAt(words, words.length - 1);
}

/** Does an age and sex header end at `words[end]` ("58 yo M", "34M", "32-year-old woman")? */
function headerEndsAt(words: readonly string[], end: number): boolean {
  const last = words[end];
  const age = words[end - 1];
  return last !== undefined && (AGE_SEX.test(last) || (SEX.test(last) && age !== undefined && AGE.test(age)));
}
const PLURAL_PERSON_NOUN = /^(?:m[e]n|wom[e]n|gentlemen|ladies|children|people|wives|.*[^s']s)$/i;
// Verbs a person-first wording holds after "who", in the past ("was a heavy drinker" → "was a
// person who drank heavily"): the irregular ones; others take -d or -ed.
const PAST: Readonly<Record<string, string>> = {
  drinks: 'drank',
  is: 'was',
  are: 'were',
  has: 'had',
  have: 'had',
  does: 'did',
  do: 'did',
  gives: 'gave',
  sells: 'sold',
};

/** The words of the stretch before `at`, back to the first character that is no letter, digit, space, hyphen, apostrophe or slash (at most 80 characters). */
function wordsBefore(text: string, at: number): string[] {
  const before = text.slice(Math.max(0, at - 80), at);
  const stretch = /[\p{L}\p{N}'\u2019/ \t-]*$/u.exec(before)![0];
  return stretch.split(/[\s-]+/).filter((w) => w !== '');
}

/**
 * Does a word between a determiner and the label at `start` describe the label ("a daily cannabis
 * user", "a heavy smoker", "a very obese female")? A person-first wording put in the label's place
 * would then stand after it ("a daily person who uses drugs", a blind suggestion probe of
 * 2026-12-04): no click or --fix may make that edit. An age between them ("a 28-year-old heroin
 * addict") is no such word; neither is anything without a determiner before it within four words.
 */
export function modifierBefore(text: string, start: number): boolean {
  const words = wordsBefore(text, start).slice(-5);
  // A space or tab right before the label: the last word describes it, no clause mark between. One
  // character read, not an end-anchored regex over the whole text before it.
  const spaced = /[ \t]/.test(text.charAt(start - 1));
  if (spaced && modifiedAfterHeader(words)) return true;
  // "a well-developed, slightly obese man": an adverb of degree right before the label.
  if (words.length > 0 && spaced && DEGREE.test(words[words.length - 1]!)) return true;
  for (let k = words.length - 1, between = 0; k >= 0; k--, between++) {
    if (DETERMINER.test(words[k]!)) return between > 0 && words.slice(k + 1).some((w) => !AGE_WORD.test(w));
    // "an alcoholic and drug addict", "a household full of drug users": the label heads a phrase of its own.
    if (PHRASE_START.test(words[k]!)) return false;
  }
  return adjectiveOpens(text, start, words);
}

/**
 * Do the last one or two of `words` (the words before a label, spaces only between) describe it
 * (HEADER_MODIFIER) after an age and sex header ("58 yo M chronic", "45F active daily")?
 */
function modifiedAfterHeader(words: readonly string[]): boolean {
  for (let n = 1; n <= 2 && n < words.length; n++) {
    if (!HEADER_MODIFIER.test(words[words.length - n]!)) return false;
    if (headerEndsAt(words, words.length - n - 1)) return true;
  }
  return false;
}

// Words that may open a clause before a label without describing it ("Pt IVDU", "Hx alcoholic",
// "Two frequent flyers": a number counts the people the wording names).
const NOT_ADJECTIVE =
  /^(?:pt|pts|patient|patients|hx|history|hist|pmh|dx|known|mr|mrs|ms|dr|all|both|no|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands|millions)$/i;

/**
 * A word or two that open a sentence, a line or a clause after a comma, right before the label with
 * no determiner ("Active alcoholic, presents with fever", "Pt, chronic addict, ..."): they describe
 * it as "a daily cannabis user" does, and "Active person with alcohol use disorder" reads wrong.
 */
function adjectiveOpens(text: string, start: number, words: readonly string[]): boolean {
  if (words.length === 0 || words.length > 2 || !/[ \t]$/.test(text.slice(0, start))) return false;
  if (!words.every((w) => /^\p{L}+$/u.test(w) && !NOT_ADJECTIVE.test(w) && !AGE_WORD.test(w))) return false;
  const stretch = /[\p{L}\p{N}'\u2019/ \t-]*$/u.exec(text.slice(Math.max(0, start - 80), start))![0];
  const at = start - stretch.length;
  return at === 0 || /[.,;!?(\n]$/.test(text.slice(0, at).trimEnd()) || /\n[ \t]*$/.test(text.slice(0, at));
}

/**
 * The adverbs of degree that grade the word after them ("very", "slightly"), as a regex alternation:
 * the one list behind DEGREE here and DEGREE_BEFORE in web/apply-suggestion.ts, each of which adds
 * words of its own place (see there). web/apply-suggestion.ts DEGREE_WORD is another set on purpose:
 * any word that may stand between an auxiliary and the phrase ("is not", "was still", "is now").
 */
export const DEGREE_ADVERBS = 'very|quite|somewhat|so|too|rather|fairly|more|most|less|least|extremely|slightly|mildly|moderately';
// Adverbs of degree only: a sentence adverb ("were likely smokers", "previously") says nothing of the
// label. Before a label the clinical ones too ("morbidly obese", "truncally obese").
const DEGREE = new RegExp(
  `^(?:${DEGREE_ADVERBS}|markedly|severely|morbidly|profoundly|significantly|grossly|massively|minimally|heavily|highly|clinically|centrally|truncally)$`,
  'i',
);
const PHRASE_START =
  /^(?:and|or|but|nor|of|with|w|to|in|on|for|at|by|from|as|than|like|into|about|is|are|was|were|be|been|being|am|has|have|had|who|whom|that|which|whose|not|no)$/i;

/** The person noun right after `end` (spaces only between), with its offsets, or undefined. */
export function personNounAfter(text: string, end: number): { noun: string; start: number; end: number } | undefined {
  const m = /^[ \t]+([\p{L}]+)(?![\p{L}\p{N}'\u2019-])/u.exec(text.slice(end, end + 40));
  if (!m || !PERSON_NOUN.test(m[1]!)) return undefined;
  const start = end + m[0].length - m[1]!.length;
  return { noun: m[1]!, start, end: start + m[1]!.length };
}

/**
 * A person-first wording fitted to where the label stands, or null when it cannot stand there:
 * - after a word that describes the label (modifierBefore): null;
 * - before a person noun the label describes ("an HIV infected partner", "a 67 yo obese male"): that
 *   noun takes the wording's place ("a partner with HIV", "a male with obesity"), the edit running
 *   to its end; a plural noun with "who …" (whose verb would not agree) is null;
 * - after "was" or "were" ("was a heavy drinker"): the verb after "who" in the past ("a person who
 *   drank heavily").
 * `from` is where the edit starts (the label, or "known" before it), `end` where the label ends.
 * Suggestions that name no person (`person|people with|who …`) come back as they are.
 */
export function fitPerson(text: string, from: number, end: number, suggestion: string): { end: number; suggestion: string } | null {
  const person = PERSON_FIRST.exec(suggestion);
  // After the patient noun the label stands beside as the subject ("Pt IVDU, presents", "Patient known
  // IVDA presents"), the patient is the person: "Pt who injects drugs, presents", "Patient known to
  // inject drugs presents", not "Pt person who …" (nor "Pt injection drug use", a run of 2026-12-04).
  // So after an age and sex header, which names the patient as "Pt" does: "58 yo M who injects drugs
  // presents", where --fix wrote "58 yo M person who injects drugs presents" (a run of 2026-12-04), and
  // "a 52 yo M who injects drugs", where "M" read as a word describing the label withheld the fix.
  const patient = (PATIENT_BEFORE.test(text.slice(Math.max(0, from - 12), from)) || ageSexBefore(text, from)) && !/['\u2019]s?$/i.test(text.slice(from, end));
  const own = patient ? /^person\s+((?:with|who|known|in\s+recovery)\s.*)$/is.exec(suggestion) : null;
  if (own) return { end, suggestion: own[1]! };
  // Any other wording of a person ("person in recovery from …" too) reads wrong after a word describing the label.
  if ((person || PERSON_HEAD.test(suggestion)) && modifierBefore(text, from)) return null;
  const before = wordsBefore(text, from);
  if (!person) return { end, suggestion: withArticle(before, suggestion) };
  let words = suggestion;
  let to = end;
  // Not after a possessive ("the addict's mother"): the noun is the one owned, not the one described.
  const after = /['\u2019]s?$/i.test(text.slice(from, end)) || /['\u2019]s?$/i.test(suggestion) ? undefined : personNounAfter(text, end);
  if (after) {
    const [, article = '', , relation, next, rest] = person as unknown as [string, string | undefined, string, string, string, string];
    if (relation.toLowerCase() === 'who' && PLURAL_PERSON_NOUN.test(after.noun)) return null;
    words = `${article}${after.noun} ${relation} ${next}${rest}`;
    to = after.end;
  }
  const copula = before.length > 0 && DETERMINER.test(before[before.length - 1]!) ? before[before.length - 2] : before[before.length - 1];
  if (copula && /^(?:was|were)$/i.test(copula)) words = pastAfterWho(words);
  return { end: to, suggestion: after ? words : withArticle(before, words) };
}

/**
 * `words` with "a" before it when it is a person's wording ("person who injects drugs", "person known
 * to inject drugs") and the last of `before` (the words before the label: wordsBefore) is a copula
 * (COPULAS), no article between ("Patient is IVDU", "She was known IVDU", "flagged the patient as
 * IVDU"): "Patient is a person who injects drugs", where --fix wrote "Patient is injection drug use" (a CI
 * maintainer's trial of 2026-12-04) and then, the person named, "Patient is person who …".
 */
function withArticle(before: readonly string[], words: string): string {
  const last = before[before.length - 1];
  return last && COPULAS.has(last.toLowerCase()) && /^person\s/i.test(words) ? `a ${words}` : words;
}

/** "person who drinks heavily" → "person who drank heavily", "who binge drinks" → "who binge drank", "who uses" → "who used". */
export function pastAfterWho(words: string): string {
  return words.replace(/(\bwho\s+(?:binge\s+)?)([\p{L}]+)/iu, (whole, head: string, verb: string) => {
    const lower = verb.toLowerCase();
    if (PAST[lower]) return head + PAST[lower];
    if (!/[^s]s$/.test(lower)) return whole;
    const base = /(?:ss|x|z|ch|sh)es$/.test(lower) ? verb.slice(0, -2) : verb.slice(0, -1);
    return head + (/e$/i.test(base) ? `${base}d` : `${base}ed`);
  });
}
