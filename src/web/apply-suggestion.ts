// What a click on a suggestion does to the text: replace only the matched words, in the case
// pattern of what they replace ("Addict" → "Person with …", "DRUG ABUSE" → "DRUG USE"), fixing
// "a"/"an" before them. Used by the page, `serve` and the language server alike.
//
// A click is an edit of the note, made by a person who sees it, so it is held to what --fix is
// held to where that concerns meaning rather than style: no edit of quoted words (possibly the
// patient's own) or of a finding whose fix was withheld (`fixSkipped`: "I.V.D.U.", "the IVDU's
// wife"), no suggestion that is a placeholder ("not taking [medication] as prescribed") or an
// instruction to the writer ("describe the behaviour observed"), and each edit planned as --fix
// plans a fix (src/fix/refine.ts planFix: a history marker kept or no edit, no possessive dropped,
// nothing in a name, an address, code or across markup). The first suggestion of a fixable rule is
// its fix itself. A newcomer trial found the page and `serve` turning "EtOH abuse hx noted." into
// "Alcohol use disorder noted." (a past problem made current), a patient's quoted words rewritten,
// and "A drug seeker." into "A describe the behaviour observed.".
import { planFix, type Segment } from '../fix/refine.js';
import {
  DEGREE_ADVERBS,
  fitPerson,
  fitReplacement,
  massAfterIndefinite,
  mayBeArticle,
  PERSON_HEAD,
  personFirst,
  personNounAfter,
  withEx,
  withKnown,
} from '../match/suggest.js';
import type { Token } from '../parse/tokens.js';
import type { Finding, Fix } from '../types.js';

// The phrase opens a sentence: at the start of the text or a line, or after . ! ? (and a closing quote or bracket).
const SENTENCE_START = /(?:^|[.!?]["'\u201d\u2019)\]]*[ \t]+|\n[ \t\-*\u2022>]*)$/;
// "a"/"an" right before the phrase, or before emphasis or a tag that opens it ("an **addict**",
// "an <b>addict</b>", "an *addict*"), or that closes its own ("**an** addict"): the edit keeps that
// markup between the article and the new words, as --fix does ("an **IVDU**" → "a **person who
// injects drugs**"). Seen only up to the space, an LSP quick fix wrote "an **person with a
// substance use disorder**" (a newcomer trial). The article may end the line before, as --fix
// reads it (the phrase's sentence runs on; in lower case only: suggest.ts mayBeArticle): without it
// "an" stayed and the line start made the words a sentence's ("He is an\nPerson who injects drugs.").
const ARTICLE_BEFORE =
  /(?<![\p{L}\p{N}'])(an?)(?:[*_]{1,3}|<\/[a-z][a-z0-9]*>)?(?:[ \t]*\r?\n[ \t]*|[ \t]+)(?:(?:[*_]{1,3}|<[a-z][a-z0-9]*(?:[ \t][^<>]*)?>)[ \t]*)*$/iu;

/** What an edit reads of a finding: its words, where they stand (UTF-16 offsets), its suggestions, its fix or why it has none, and whether it is quoted. */
export type FindingWords = Pick<Finding, 'actual' | 'suggestions' | 'fix' | 'fixSkipped' | 'quoted'> & { start: { offset: number }; end: { offset: number } };

// A suggestion that tells the writer what to do rather than giving words: the built-in rules'
// instructions begin with one of these verbs ("describe the behaviour", "give the age", "name the
// drug", "document the objective findings", "quote or describe what was said", "remove the hedge",
// "report the symptom as stated", "leave out"). A placeholder in brackets is to be filled in.
const INSTRUCTION = /^(?:describe|document|give|name|quote|remove|report the|leave out|state|say|specify)\b/i;
const PLACEHOLDER = /\[[^\]]*\]/;

/** Is `suggestion` words for the note, which a click may put in (not an instruction, no placeholder)? */
export function isWording(suggestion: string): boolean {
  const { words } = splitAdvice(suggestion);
  return !INSTRUCTION.test(words) && !PLACEHOLDER.test(words);
}

/**
 * A suggestion's closing parenthesis is advice to the writer, not words for the note: "a
 * substance use disorder (if diagnosed)" puts "a substance use disorder" in the text.
 */
export function splitAdvice(suggestion: string): { words: string; advice?: string } {
  const m = /^(.*\S)\s*(\([^()]*\))$/.exec(suggestion);
  return m ? { words: m[1]!, advice: m[2]! } : { words: suggestion };
}

/**
 * The edit that puts `suggestion` in place of the finding's words: [start, end) UTF-16 offsets in
 * `text` and the replacement, only the words that change. Undefined for a quoted finding, one whose
 * fix was withheld (`fixSkipped`), a suggestion that is not wording (isWording), one --fix's checks
 * refuse there, or when the text no longer holds the finding's phrase (it was edited since it was
 * linted): never replace other words. `segments` are the text's editable runs for Markdown or
 * HTML (src/fix/segments-*.ts); plain text has none.
 */
export function suggestionEdit(text: string, finding: FindingWords, suggestion: string, segments?: readonly Segment[]): Fix | undefined {
  const start = finding.start.offset;
  const end = finding.end.offset;
  if (finding.quoted || finding.fixSkipped || !isWording(suggestion) || text.slice(start, end) !== finding.actual) return undefined;
  const { words, advice } = splitAdvice(suggestion);
  if (finding.fix && suggestion === finding.suggestions[0] && !advice) return { range: [...finding.fix.range], text: finding.fix.text };
  // A fixable rule's fix chose between a person's wording and the behaviour's ("is an IVDU" → "a
  // person who injects drugs", "hx of IVDU" → "injection drug use": match.ts personSuggestion); an
  // alternative of the other kind reads wrong there ("He is an injection drug use.", a newcomer trial).
  if (finding.fix && PERSON_HEAD.test(words) !== PERSON_HEAD.test(splitAdvice(finding.suggestions[0] ?? '').words)) return undefined;
  // "a known heroin addict": "known" goes into the person-first wording (suggest.ts withKnown).
  // "hx of ex-IVDU": "ex-" goes in as "former" (suggest.ts withEx), as --fix makes it.
  const known = personFirst(words) ? withKnown(text, start, words) : withEx(text, start, words);
  const from = known?.start ?? start;
  // A person-first wording where the label is described by a word before it ("a daily cannabis
  // user") is no edit; before a person noun the label describes ("an HIV infected partner") that
  // noun takes the person's place; after "was" its verb is in the past (suggest.ts fitPerson).
  const fit = fitPerson(text, from, end, known?.suggestion ?? words);
  if (!fit) return undefined;
  const mass = finding.fix && suggestion === finding.suggestions[0] ? undefined : massAfterIndefinite(text, from, fit.end, fit.suggestion);
  if (mass === 'refuse') return undefined;
  // A wording that opens with a verb of its own after an auxiliary or a copula ("has failed" → "has
  // did not respond to", "is adamant" → "is states clearly", "become addicted" → "become has a
  // substance use disorder", a blind suggestion probe of 2026-12-04): two verbs where one stood.
  const auxiliary = auxiliaryBefore(text, from);
  if (auxiliary && (FINITE_VERB.test(fit.suggestion) || (PARTICIPLE.test(fit.suggestion) && !HAVE.test(auxiliary)))) return undefined;
  // A negated wording after a word of degree ("somewhat reluctant" → "somewhat not ready", a blind
  // suggestion sample of 2026-12-04): the degree word has nothing left to grade.
  if (/^not\b/i.test(fit.suggestion) && DEGREE_BEFORE.test(text.slice(Math.max(0, from - 40), from))) return undefined;
  // Any other wording of more than one word before such a noun ("a class 3 obesity female", "an
  // older adult white male" in a blind probe of 2026-12-04) is a noun phrase where an adjective stood.
  // A wording that names the emergency department where the words after the phrase name it again
  // ("Frequent flyer in ED" → "Patient with frequent ED visits in ED", a run of 2026-12-04): no edit.
  if (/\bED\b/.test(fit.suggestion) && ED_AFTER.test(text.slice(fit.end, fit.end + 60))) return undefined;
  const owner = /['\u2019]s?$/i.test(finding.actual);
  if (fit.end === end && !owner && /\s/.test(fit.suggestion) && personNounAfter(text, end) && !PERSON_HEAD.test(fit.suggestion)) return undefined;
  const before = text.slice(Math.max(0, from - 200), from);
  const found = ARTICLE_BEFORE.exec(before);
  const a = found && mayBeArticle(found[1]!, before.slice(found.index + found[1]!.length)) ? found : null;
  const articleStart = a ? from - before.length + a.index : -1;
  const article: Token | undefined = a
    ? {
        norm: a[1]!.toLowerCase(),
        adjacent: false,
        start: { line: 0, column: 0, offset: articleStart },
        end: { line: 0, column: 0, offset: articleStart + a[1]!.length },
      }
    : undefined;
  const sentenceStart = SENTENCE_START.test(before);
  const fitted = fitReplacement(text, from, fit.end, fit.suggestion, { sentenceStart, article, massHead: mass === 'drop' });
  const planned = planFix(text, { fix: fitted, start: { offset: from }, end: { offset: fit.end } }, segments);
  return 'range' in planned ? planned : undefined;
}

// The emergency department named right after a phrase: "in ED", "to the ER", "at our emergency department".
const ED_AFTER =
  /^[ \t]+(?:in|at|to|of|from)[ \t]+(?:(?:the|our|this|their|his|her)[ \t]+)?(?:ED|ER|emergency[ \t]+(?:department|dept|room))(?![\p{L}\p{N}])/iu;
// The verbs a wording may open with, in a finite form ("has a substance use disorder", "did not respond to", "states clearly").
const FINITE_VERB = /^(?:has|is|are|was|were|does|did|takes|took|follows|states|declines|uses|prefers|strongly|develops|misses|often)\b/i;
// Past forms that are participles too, right after "has" ("has declined"), and "reports", a noun
// there ("has reports of headaches"): wrong after "is" or "will".
const PARTICIPLE = /^(?:had|followed|stated|reported|reports|declined|used|developed|missed)\b/i;
const HAVE = /^(?:has|have|had|having)$/i;
const AUXILIARY =
  /^(?:am|is|are|was|were|be|been|being|become|became|becomes|becoming|get|gets|got|getting|gotten|has|have|had|having|will|would|can|could|may|might|must|shall|should|seem|seems|seemed|appear|appears|appeared|remain|remains|remained|do|does|did)$/i;
// A word of degree right before the phrase ("somewhat", "very"; suggest.ts DEGREE_ADVERBS), and
// the degree words of speech before a state ("increasingly", "a bit", "a little", "pretty reluctant").
const DEGREE_BEFORE = new RegExp(`(?<![\\p{L}'])(?:${DEGREE_ADVERBS}|increasingly|a bit|a little|pretty)[ \\t]+$`, 'iu');
// Not the same set: any word that may stand between an auxiliary and the phrase without ending the
// verb group ("is very", "was not", "is still", "has also", "is profoundly"), so the auxiliary is found.
const DEGREE_WORD = /^(?:very|quite|somewhat|so|too|rather|fairly|more|most|less|least|not|never|also|still|now|[\p{L}]{3,}ly)$/iu;

/** The auxiliary or copula before `at` (past adverbs such as "profoundly" or "somewhat"), or undefined. */
function auxiliaryBefore(text: string, at: number): string | undefined {
  const words = text
    .slice(Math.max(0, at - 60), at)
    .split(/[ \t]+/)
    .filter((w) => w !== '');
  if (!/[ \t]$/.test(text.slice(0, at))) return undefined;
  for (let k = words.length - 1; k >= 0 && k >= words.length - 3; k--) {
    const w = words[k]!;
    if (!/^[\p{L}']+$/u.test(w)) return undefined;
    if (AUXILIARY.test(w)) return w;
    if (!DEGREE_WORD.test(w)) return undefined;
  }
  return undefined;
}

/** `text` with one edit made. */
export function applyEdit(text: string, edit: Fix): string {
  return text.slice(0, edit.range[0]) + edit.text + text.slice(edit.range[1]);
}

/**
 * The words the phrase reads as once `edit` is made: what a button shows. An edit may change only
 * some of the phrase's words (the rule's own fix: "DRUG ABUSE" → its "ABUSE" → "USE") or take in
 * an article before it, so the label is the whole changed stretch ("DRUG USE", "an injection drug use").
 */
export function editedPhrase(text: string, finding: FindingWords, edit: Fix): string {
  const from = Math.min(edit.range[0], finding.start.offset);
  const to = Math.max(edit.range[1], finding.end.offset);
  return text.slice(from, edit.range[0]) + edit.text + text.slice(edit.range[1], to);
}
