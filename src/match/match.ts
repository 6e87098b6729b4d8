// The one place rules are applied. Given sentences of tokens, it finds every rule phrase, applies
// the context conditions and exceptions, keeps the longest of overlapping matches, and builds
// findings with suggestions fitted to the sentence.
import { lazyRegExp, nativeRegExp } from '../core/lazy-regexp.js';
import type { CompiledCondition, CompiledRule, CompiledRules, IndexEntry } from '../rules/compile.js';
import type { TokenSequence } from '../rules/pattern.js';
import type { Finding, Point, QuoteHandling, SeveritySetting } from '../types.js';
import { SEVERITY_RANK } from '../types.js';
import { fitPerson, fitReplacement, mayBeArticle, possessiveSuggestion, renderSuggestion, withEx, withKnown } from './suggest.js';
import { type SentenceTokens, type Token, tokenGap } from '../parse/tokens.js';
import { namesPerson } from './person-reading.js';
import { countBelow } from './count-below.js';
import { paragraphAround } from '../parse/lines.js';
import { maskedAt } from './spans.js';
import { maskPlaceholders } from '../parse/placeholders.js';
import { isMention, isReportedSpeech, isSelfDescription, speakerAt } from './speakers.js';
import { inlineSpeakerAt, isListedMention, isQuotativeSpeech, isRelativeDescription } from './speakers.js';
import { describedInPhrase, describedPerson } from './described.js';
import { subjectIs } from './subject.js';
import { type Reading, templateReadings } from './template-readings.js';
import { listItems } from './list-items.js';
import { parentDecides } from './parent-rule.js';
import { motherIsPatient } from './perinatal.js';
import { childIsPatient, youngChildIsPatient } from './child-patient.js';
import { tableColumnHeaderOf, tableHeaderOf } from './table-header.js';
import { isRelativeReport } from './relative-speech.js';
import { lineHolds } from './line-holds.js';
import { wordEnd, wordStart } from './word-edges.js';
import { messageFor, type Voice } from './message.js';

/**
 * Options resolved for the matcher (resolveOptions, or a config file's resolved options): the
 * compiled rule set, severity overrides, the allow phrases as token sequences, the quote policy.
 */
export interface ResolvedOptions {
  rules: CompiledRules;
  /** Severity overrides by rule id or category. */
  severities: Record<string, SeveritySetting>;
  /** Phrases never to report. */
  allow: TokenSequence[];
  quotes: QuoteHandling;
  /** The preset `rules` was narrowed to (informational: reporters and the pool). */
  preset?: string;
}

/** @deprecated The old name of ResolvedOptions. */
export type MatchOptions = ResolvedOptions;

interface Candidate {
  compiled: CompiledRule;
  first: number;
  last: number;
  captures: Map<string, string>;
}

/** Does `sequence` match the tokens starting at `at`? */
function matchesAt(tokens: readonly Token[], at: number, sequence: TokenSequence): boolean {
  return matchesFrom(tokens, at, sequence, 0);
}

/**
 * matchesAt with tokens 0..from-1 of `sequence` taken as already matched (from 1: the caller looked
 * the first word up in an index keyed by it, so the first token's test would only repeat that).
 */
function matchesFrom(tokens: readonly Token[], at: number, sequence: TokenSequence, from: number): boolean {
  if (at < 0 || at + sequence.length > tokens.length) return false;
  for (let k = from; k < sequence.length; k++) {
    const token = tokens[at + k]!;
    if (k > 0 && !token.adjacent && !afterWith(tokens[at + k - 1]!, token)) return false;
    if (!sequence[k]!.lookup.has(token.norm)) return false;
  }
  return true;
}

/**
 * Is `token` the word after the note's "w/" (`previous` is its "w", the slash and at most a space
 * between): "Compliance w/ diet: poor" reads as "compliance w diet" for a phrase that names "w".
 * No other phrase holds the word "w", so no other match changes.
 */
function afterWith(previous: Token, token: Token): boolean {
  return previous.norm === 'w' && token.start.offset - previous.end.offset <= 2 && token.start.offset > previous.end.offset;
}

/**
 * A list of sequences grouped by the words their first token takes: occursWithin looks up the
 * word at each position instead of trying every sequence there (a `sentence` condition holds up
 * to 65 phrases and reads up to 81 positions: over MTSamples about 1.1 M tries of matchesAt per
 * pass, nearly all failing at the first word). `any` holds the sequences whose first token is not
 * a set of words (`*`, compile.ts ANY_WORD) or that are empty: they are tried at every position.
 */
export interface FirstWordIndex {
  byWord: Map<string, TokenSequence[]>;
  any: TokenSequence[];
}

const firstWordIndexes = new WeakMap<readonly TokenSequence[], FirstWordIndex>();

/** `sequences` grouped by their first token's words, once per list (lists are the compiled rules'). */
export function firstWordIndex(sequences: readonly TokenSequence[]): FirstWordIndex {
  let index = firstWordIndexes.get(sequences);
  if (index) return index;
  index = { byWord: new Map(), any: [] };
  for (const sequence of sequences) {
    const lookup = sequence[0]?.lookup;
    if (!(lookup instanceof Set)) {
      index.any.push(sequence);
      continue;
    }
    for (const word of lookup as Set<string>) {
      const group = index.byWord.get(word);
      if (group) group.push(sequence);
      else index.byWord.set(word, [sequence]);
    }
  }
  firstWordIndexes.set(sequences, index);
  return index;
}

/** Does one of `sequences` (indexed by firstWordIndex) match at `at`, ending no later than `hi`? */
function matchesOneAt(tokens: readonly Token[], at: number, index: FirstWordIndex, hi: number): boolean {
  const starting = index.byWord.get(tokens[at]!.norm);
  if (starting) {
    for (const sequence of starting) if (at + sequence.length - 1 <= hi && matchesAt(tokens, at, sequence)) return true;
  }
  for (const sequence of index.any) if (at + sequence.length - 1 <= hi && matchesAt(tokens, at, sequence)) return true;
  return false;
}

/**
 * Does any sequence match a span that lies within [from, to] (token indexes, inclusive)? A span
 * where one of `except` also matches (starting at the same token) does not count.
 */
export function occursWithin(
  tokens: readonly Token[],
  sequences: readonly TokenSequence[],
  from: number,
  to: number,
  except?: readonly TokenSequence[],
): boolean {
  const lo = Math.max(0, from);
  const hi = Math.min(tokens.length - 1, to);
  if (lo > hi) return false;
  const index = firstWordIndex(sequences);
  const excepted = except && except.length > 0 ? firstWordIndex(except) : undefined;
  for (let at = lo; at <= hi; at++) {
    if (!matchesOneAt(tokens, at, index, hi)) continue;
    // An exception starting here, of any length (matchesAt bounds it by the sentence's tokens).
    if (excepted && matchesOneAt(tokens, at, excepted, tokens.length - 1)) continue;
    return true;
  }
  return false;
}

/** Does any sequence match a span that contains [first, last]? */
function covered(tokens: readonly Token[], sequences: readonly TokenSequence[], first: number, last: number): boolean {
  for (const sequence of sequences) {
    for (let at = Math.max(0, last - sequence.length + 1); at <= first; at++) {
      if (at + sequence.length - 1 >= last && matchesAt(tokens, at, sequence)) return true;
    }
  }
  return false;
}

/**
 * Is token `i` joined to the one before it inside a clause: by whitespace or a hyphen, or as the
 * word after the note's "w/" (with), which ends no clause ("pt w/ aggressive beh", "compliance w/
 * her inhalers has been poor").
 */
function joinedInClause(tokens: readonly Token[], i: number): boolean {
  return tokens[i]!.adjacent || (i > 0 && afterWith(tokens[i - 1]!, tokens[i]!));
}

/** The first token of the clause holding `at` (tokens joined by whitespace or hyphens only, or after "w/"), looking back no further than `limit`. */
function clauseStart(tokens: readonly Token[], at: number, limit: number): number {
  let i = at;
  while (i > limit && joinedInClause(tokens, i)) i--;
  return i;
}

/** Token `i` in the same part of the sentence as the one before it: no semicolon between them. */
function joinedInPart(tokens: readonly Token[], i: number, text: string): boolean {
  return i > 0 && !tokenGap(text, tokens[i - 1]!, tokens[i]!).includes(';');
}

/** The first token of the part of the sentence (between semicolons) holding `at`, looking back no further than `limit`. */
function partStart(tokens: readonly Token[], at: number, limit: number, text: string): number {
  let i = at;
  while (i > limit && joinedInPart(tokens, i, text)) i--;
  return i;
}

/** The last token of the part of the sentence holding `at`, looking no further than `limit`. */
function partEnd(tokens: readonly Token[], at: number, limit: number, text: string): number {
  let i = at;
  while (i < limit && i + 1 < tokens.length && joinedInPart(tokens, i + 1, text)) i++;
  return i;
}

/** The last token of the clause holding `at`, looking no further than `limit`. */
function clauseEnd(tokens: readonly Token[], at: number, limit: number): number {
  let i = at;
  while (i < limit && i + 1 < tokens.length && joinedInClause(tokens, i + 1)) i++;
  return i;
}

// A field name's bracketed qualifier right before its answer: "Compliance (meds): poor",
// "Adherence (per pill count) - poor", "Compliance [insulin]: poor". The gap before the bracket's
// first word and the gap after its last, and how many words it may hold.
const QUALIFIER_OPEN = /^\s*[([]\s*$/;
const QUALIFIER_CLOSE = /^\s*[)\]]\s*[:=\-\u2013\u2014]\s*$/;
const QUALIFIER_WORDS = 4;

// A ticked box right before the answer, after unticked options: "Med adherence: [ ] good [ ] fair
// [x] poor" (the box marks are not tokens). The gap before the ticked answer, the gap before each
// unticked option, and how many options of how many words are passed over.
const TICKED = /^\s*(?:\[[xX\u2713\u2714]\]|[\u2611\u2612\u2713\u2714])\s*$/;
const UNTICKED = /^\s*(?:[:\-\u2013\u2014]\s*)?(?:\[\s?\]|\u2610)\s*$/;
const OPTION_WORDS = 3;
const OPTIONS = 6;

/** The token `gap` ends before: the gap text between tokens `i - 1` and `i`. */
function gapBefore(tokens: readonly Token[], i: number, text: string): string {
  return tokenGap(text, tokens[i - 1]!, tokens[i]!);
}

/**
 * The last token of a field's name whose answer is token `first`, read across what stands between
 * them: a bracketed qualifier ("Compliance" of "Compliance (meds): poor") or unticked options before
 * a ticked answer ("adherence" of "Med adherence: [ ] good [x] poor"). -1 when neither stands there.
 * A `before` condition reads the field's name there, as it reads "Compliance: poor".
 */
function beforeQualifier(tokens: readonly Token[], first: number, text: string): number {
  if (first < 2) return -1;
  const last = gapBefore(tokens, first, text);
  if (QUALIFIER_CLOSE.test(last)) {
    for (let j = first - 1; j >= 1 && j >= first - QUALIFIER_WORDS; j--) {
      const gap = gapBefore(tokens, j, text);
      if (QUALIFIER_OPEN.test(gap)) return j - 1;
      if (/[()[\]{}\n:;]/.test(gap)) return -1;
    }
    return -1;
  }
  if (!TICKED.test(last)) return -1;
  // Back over the unticked options, each a few words after its box; the first box follows the
  // field's colon or dash.
  let j = first - 1;
  for (let option = 0; option < OPTIONS; option++) {
    let words = 1;
    while (j >= 1 && words <= OPTION_WORDS && /^(?:[ \t]+|-)$/.test(gapBefore(tokens, j, text))) {
      j--;
      words++;
    }
    if (j < 1 || words > OPTION_WORDS) return -1;
    const gap = gapBefore(tokens, j, text);
    if (!UNTICKED.test(gap)) return -1;
    if (/[:\-\u2013\u2014]/.test(gap)) return j - 1;
    j--;
  }
  return -1;
}

// Where a noun phrase ends (the `phrase` window): a clause mark other than a comma between two
// tokens, or a word that opens a relative clause, a predicate or an example. "overweight and obese
// that makes people …", "people who are obese, especially women" and "Gen Exam: Obese., … PT/PTT"
// put a person noun after the match that the match does not describe. A hyphen or en dash with white
// space beside it is a dash between list items or clauses, not a compound's hyphen: "- overweight or
// obese - physically inactive - parent or sibling with diabetes" (a risk-factor list, fixtures/audit).
const PHRASE_MARK = /[.;:!?()[\]{}\u2014]|\s[-\u2013]|[-\u2013]\s/;
const PHRASE_STOP = new Set([
  'that',
  'which',
  'who',
  'whom',
  'whose',
  'where',
  'when',
  'because',
  'if',
  'than',
  'especially',
  'particularly',
  'including',
  'like',
  'such',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'has',
  'have',
  'had',
]);

/** Is there a noun-phrase bound between token `i - 1` and token `i` (or is token `i` a stop word)? */
function phraseBoundAt(tokens: readonly Token[], i: number, text: string): boolean {
  if (PHRASE_STOP.has(tokens[i]!.norm)) return true;
  return PHRASE_MARK.test(tokenGap(text, tokens[i - 1]!, tokens[i]!));
}

/** The last token of the noun phrase after `at`, looking no further than `limit`. */
function phraseEnd(tokens: readonly Token[], at: number, limit: number, text: string): number {
  let i = at;
  while (i < limit && i + 1 < tokens.length && !phraseBoundAt(tokens, i + 1, text)) i++;
  return i;
}

/** The first token of the noun phrase before `at`, looking back no further than `limit`. */
function phraseStart(tokens: readonly Token[], at: number, limit: number, text: string): number {
  let i = at;
  while (i > limit && !phraseBoundAt(tokens, i, text)) i--;
  return i;
}

// Terminal marks before white space: where the previous sentence may end.
const TERMINAL = /[.!?\u2026]+(?=\s)/g;
// How far back the previous sentence is looked for (UTF-16 code units).
const PREVIOUS_REACH = 400;

/**
 * The text of the sentence before the one starting at `sentenceStart`, within its paragraph and
 * read from the text (not the parse), so the fast path, which parses a few sentences at a time,
 * sees the same previous sentence as the whole parse.
 */
function previousSentence(text: string, sentence: SentenceTokens): string {
  const from = wordEnd(text, Math.max(sentence.paragraphStart, sentence.start - PREVIOUS_REACH), sentence.start);
  const before = text.slice(from, sentence.start).trimEnd();
  // The previous sentence ends with `before`; it starts after the terminal mark before that.
  let startAt = 0;
  for (const m of before.matchAll(TERMINAL)) if (m.index + m[0].length < before.length - 1) startAt = m.index + m[0].length;
  return before.slice(startAt);
}

/**
 * The text of the sentence after the one ending at `sentence.end`, within its paragraph and read from the
 * text (not the parse), as previousSentence does: up to its terminal mark, at most PREVIOUS_REACH code units.
 */
function nextSentence(text: string, sentence: SentenceTokens): string {
  const to = wordStart(text, Math.min(sentence.paragraphEnd, sentence.end + PREVIOUS_REACH), sentence.end);
  const after = text.slice(sentence.end, to);
  // The marks and white space that end this sentence are skipped; the next one ends at its first mark.
  const lead = /^[\s.!?\u2026]*/.exec(after)![0].length;
  const m = /[.!?\u2026]+(?=\s|$)/.exec(after.slice(lead));
  return m ? after.slice(0, lead + m.index + m[0].length) : after;
}

const previousRegexes = new WeakMap<CompiledCondition, RegExp>();

/** The condition's phrases as whole words in raw text (apostrophes and joiners as the tokenizer allows). */
function phraseRegex(condition: CompiledCondition): RegExp {
  let regex = previousRegexes.get(condition);
  if (!regex) {
    const escapeWord = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['\u2018\u2019\u02bc]");
    const phrase = (seq: TokenSequence) => seq.map((t) => `(?:${t.words.map(escapeWord).join('|')})(?:['\u2019]s?)?`).join('[\\s\\-\u2010\u2011]+');
    regex = nativeRegExp(`(?<![\\p{L}\\p{N}])(?:${condition.sequences.map(phrase).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
    previousRegexes.set(condition, regex);
  }
  return regex;
}

// What bounds an enumeration: the clause marks a list does not cross (and a spaced hyphen, checked beside it).
const LIST_BOUND = /[.;:!?()[\]{}\n\u2014]/;
// What joins its items.
const LIST_JOINER = /\s*,\s*(?:(?:and|or|and\/or)\s+)?|\s+(?:and|or|and\/or|nor)\s+|\s*\/\s*/gi;
// How far either side of a match an enumeration is read (UTF-16 code units), and how many words an item may have.
const LIST_REACH = 160;
const LIST_ITEM_WORDS = 4;

/**
 * Is [start, end) one item of an enumeration of three items or more, each of a few words, within
 * its clause ("mutism, posturing, combativeness and negativism")? Read from the text around the
 * match, so the fast path and the whole parse agree.
 */
export function inEnumeration(source: string, start: number, end: number): boolean {
  // Read as the parser reads it: the slashes of a template's drop-down list ("{combative
  // behavior/threats/***}") separate alternatives, not the items of an enumeration.
  const text = maskPlaceholders(source);
  let from = Math.max(0, start - LIST_REACH);
  const before = text.slice(from, start);
  for (let i = before.length - 1; i >= 0; i--) {
    if (LIST_BOUND.test(before[i]!) || (before[i] === '-' && before[i - 1] === ' ' && before[i + 1] === ' ')) {
      from += i + 1;
      break;
    }
  }
  let to = Math.min(text.length, end + LIST_REACH);
  const after = text.slice(end, to);
  for (let i = 0; i < after.length; i++) {
    if (LIST_BOUND.test(after[i]!) || (after[i] === '-' && after[i - 1] === ' ' && after[i + 1] === ' ')) {
      to = end + i;
      break;
    }
  }
  const clause = text.slice(from, to);
  const at = start - from;
  // Split the clause into items, remembering where the match's item is.
  const items: { text: string; start: number; end: number }[] = [];
  let last = 0;
  for (const m of clause.matchAll(LIST_JOINER)) {
    items.push({ text: clause.slice(last, m.index), start: last, end: m.index });
    last = m.index + m[0].length;
  }
  items.push({ text: clause.slice(last), start: last, end: clause.length });
  const words = (s: string) => s.trim().split(/\s+/).filter(Boolean).length;
  const own = items.findIndex((item) => at >= item.start && at < Math.max(item.end, item.start + 1));
  if (own === -1 || words(items[own]!.text) > LIST_ITEM_WORDS) return false;
  // The items next to the match's own must be short too: a run of three short items or more
  // around it (the first item may carry the lead-in: "features include mutism").
  let lo = own;
  while (lo > 0 && words(items[lo - 1]!.text) >= 1 && words(items[lo - 1]!.text) <= LIST_ITEM_WORDS) lo--;
  let hi = own;
  while (hi + 1 < items.length && words(items[hi + 1]!.text) >= 1 && words(items[hi + 1]!.text) <= LIST_ITEM_WORDS) hi++;
  const leadIn = lo > 0 && words(items[lo - 1]!.text) > LIST_ITEM_WORDS ? 1 : 0;
  return hi - lo + 1 + leadIn >= 3;
}

// A condition's phrases grouped by the width of their window (see nearby), once per condition.
const windowCache = new WeakMap<CompiledCondition, Map<number, TokenSequence[]>>();
function windowsOf(condition: CompiledCondition): Map<number, TokenSequence[]> {
  let windows = windowCache.get(condition);
  if (windows) return windows;
  windows = new Map();
  for (const sequence of condition.sequences) {
    const width = Math.max(condition.within, sequence.length);
    const group = windows.get(width);
    if (group) group.push(sequence);
    else windows.set(width, [sequence]);
  }
  windowCache.set(condition, windows);
  return windows;
}

/**
 * A `before` or `after` condition: does one of its phrases lie within `within` words of the
 * candidate (inside its clause or noun phrase when the condition asks for one)? The window is at
 * least as long as the phrase: a phrase longer than `within` counts when it stands right next to
 * the match ("abuser of children" with `within: 1`), as the window can never hold it whole.
 */
function nearby(tokens: readonly Token[], condition: CompiledCondition, c: Candidate, text: string): boolean {
  for (const [width, sequences] of windowsOf(condition)) {
    if (condition.kind === 'before') {
      const from = c.first - width;
      const lo = condition.clause
        ? clauseStart(tokens, c.first, Math.max(from, 0))
        : condition.phrase
          ? phraseStart(tokens, c.first, Math.max(from, 0), text)
          : from;
      if (occursWithin(tokens, sequences, lo, c.first - 1, condition.except)) return true;
      if (!condition.clause && !condition.phrase) {
        const name = beforeQualifier(tokens, c.first, text);
        if (name !== -1 && occursWithin(tokens, sequences, name + 1 - width, name, condition.except)) return true;
      }
    } else {
      const to = c.last + width;
      const end = condition.clause ? clauseEnd(tokens, c.last, to) : condition.phrase ? phraseEnd(tokens, c.last, to, text) : to;
      if (occursWithin(tokens, sequences, c.last + 1, end, condition.except)) return true;
    }
  }
  return false;
}

/** Does `condition` hold for candidate `c`? `otherForm` is the answer when its `forms` leave the match out (a requirement is met, an exclusion is not). */
function holds(condition: CompiledCondition, tokens: readonly Token[], c: Candidate, text: string, sentence: SentenceTokens, otherForm: boolean): boolean {
  // A condition about a child patient holds in a note about a child only (child-patient.ts).
  if (condition.patient === 'child' && !childIsPatient(text)) return false;
  // A young child (5 or under) as the patient: their refusals are a young child's behaviour (child-patient.ts).
  if (condition.patient === 'young-child' && !youngChildIsPatient(text)) return false;
  if (condition.forms) {
    const length = c.last - c.first + 1;
    // Not one of its forms: the condition does not apply (neither required nor excluding).
    if (!condition.forms.some((form) => form.length === length && matchesAt(tokens, c.first, form))) return otherForm;
  }
  switch (condition.kind) {
    case 'before':
      return nearby(tokens, condition, c, text);
    case 'after':
      // A match written as a possessive ("this diabetic's foot ulcer", "an epileptic's seizures")
      // is a noun, the owner of the words after it: an `unless` (otherForm false) that reads them as
      // the noun an adjective describes ("diabetic foot", "epileptic seizures") does not hold.
      if (!otherForm && endsPossessive(text, tokens[c.last]!)) return false;
      return nearby(tokens, condition, c, text);
    case 'sentence': {
      // Bounded: an unpunctuated transcript is one "sentence" of thousands of words, and a word
      // far away says nothing about this one. With `clause`, no further than a semicolon either
      // ("History of abuse and neglect as a child; drinks alcohol on weekends"): commas, colons,
      // dashes and brackets stay inside ("Alcohol – rare drink (wine) only, no history of abuse").
      const lo = condition.clause ? partStart(tokens, c.first, Math.max(c.first - condition.within, 0), text) : c.first - condition.within;
      const hi = condition.clause ? partEnd(tokens, c.last, c.last + condition.within, text) : c.last + condition.within;
      if (occursWithin(tokens, condition.sequences, lo, hi, condition.except)) return true;
      if (condition.previous && c.first < condition.within && phraseRegex(condition).test(previousSentence(text, sentence))) return true;
      return condition.next === true && tokens.length - c.last <= condition.within ? phraseRegex(condition).test(nextSentence(text, sentence)) : false;
    }
    case 'line':
      return lineHolds(condition, text, tokens[c.first]!.start.offset, sentence);
    case 'table': {
      // A column's header cell (prefilter.ts reads the header row, which holds it, as for `table`).
      const header = (condition.column ? tableColumnHeaderOf : tableHeaderOf)(text, tokens[c.first]!.start.offset, tokens[c.last]!.end.offset);
      return header !== undefined && condition.regex!.test(header);
    }
    case 'list':
      return inEnumeration(text, tokens[c.first]!.start.offset, tokens[c.last]!.end.offset);
    case 'described': {
      // Read on the sentence's own tokens, as for `subject` below.
      const { whole, indexes } = sentence as Reading;
      const all = whole ?? tokens;
      const at = indexes ? indexes[c.first]! : c.first;
      if (condition.inPhrase) return describedInPhrase(text, all, at) === 'other';
      // A parent's refusal of the child's care is the patient's (parent-rule.ts).
      return (
        describedPerson(text, all, at, indexes ? indexes[c.last]! : c.last) === 'other' && !parentDecides(text, all, at, indexes ? indexes[c.last]! : c.last)
      );
    }
    case 'subject': {
      // The subject's head word (or the phrase ending with it: "security guard") is one of the
      // words. A template's list of subjects is read whole ("{Patient/Family} refused": a
      // relative beside the verb), so the sentence's own tokens are read, not a reading's.
      const { whole, indexes } = sentence as Reading;
      const all = whole ?? tokens;
      // In a perinatal note "Mom refused the epidural" is the patient's refusal (perinatal.ts), and
      // in a child's "Dad refused the vaccine for the child" the parent decides for the patient
      // (parent-rule.ts).
      const first = indexes ? indexes[c.first]! : c.first;
      if (parentDecides(text, all, first, indexes ? indexes[c.last]! : c.last)) return false;
      return subjectIs(text, all, first, (head) => {
        // An age is read whole: subject.ts passes over "year old" and gives the number as the
        // head ("the 3-year-old refuses"), so a rule names the age phrase ending after it.
        const last = ageEnd(all, head);
        return (
          condition.sequences.some(
            (sequence) => matchesAt(all, head - sequence.length + 1, sequence) || (last > head && matchesAt(all, last - sequence.length + 1, sequence)),
          ) && !motherIsPatient(text, all[head]!.norm, all[head]!.start.offset, all[head]!.end.offset)
        );
      });
    }
  }
}

// The words of an age after its number: "3-year-old", "2 yo", "18 months old".
const AGE_WORDS = new Set('year years yr yrs yo old month months mo mos week weeks wk wks day days'.split(' '));

/** The last token of an age phrase whose number is at `head` ("3 year old": the index of "old"), or `head`. */
function ageEnd(tokens: readonly Token[], head: number): number {
  if (!/^\d{1,3}$|^(?:one|two|three|four|five|six|seven|eight|nine|ten)$/.test(tokens[head]!.norm)) return head;
  let last = head;
  while (last + 1 < tokens.length && tokens[last + 1]!.adjacent && AGE_WORDS.has(tokens[last + 1]!.norm)) last++;
  return last;
}

// "diabetic's" (with a curly apostrophe too); not a pronoun's contraction ("he's", "it's"). A plural's
// apostrophe ("diabetics'") is no part of its word token, and may close a quotation.
const POSSESSIVE_END = /['\u2019]s$/i;
const CONTRACTED = new Set(['he', 'she', 'it', 'that', 'there', 'here', 'what', 'who', 'where', 'how', 'let']);

// The sets whose words name a person: after one of them "'s" is "is" as often as a possessive ("my
// mom's bipolar", "pt's diabetic"), which the rules' patterns read ("{relative} bipolar").
const PERSON_SETS = ['person', 'person-role', 'relative'];
const personWords = new WeakMap<CompiledRules['sets'], ReadonlySet<string>>();
function personWordsOf(sets: CompiledRules['sets']): ReadonlySet<string> {
  let words = personWords.get(sets);
  if (!words) personWords.set(sets, (words = new Set(PERSON_SETS.flatMap((name) => sets.get(name)?.words ?? []))));
  return words;
}

/**
 * Is `token` written as a possessive of a word that names no person ("alcoholic's", "addict's";
 * not "mom's", "pt's", which may be "is")?
 */
function ownerPossessive(text: string, token: Token, sets: CompiledRules['sets']): boolean {
  return endsPossessive(text, token) && !personWordsOf(sets).has(token.norm);
}

/** Is a token of first..last-1 (not the phrase's last) an owner's possessive (ownerPossessive)? */
function possessiveInside(text: string, tokens: readonly Token[], first: number, last: number, sets: CompiledRules['sets']): boolean {
  for (let k = first; k < last; k++) if (ownerPossessive(text, tokens[k]!, sets)) return true;
  return false;
}

/** Is `token` written as a possessive? */
function endsPossessive(text: string, token: Token): boolean {
  return !CONTRACTED.has(token.norm) && POSSESSIVE_END.test(text.slice(token.start.offset, token.end.offset));
}

/**
 * Does required context hold for candidate `c`? In a reading of a template's drop-down lists, the
 * sentence-wide context ("relapse" in an SUD template) is read over every option, since all of
 * them are the template's subject matter; the words around the match are read in the reading.
 */
function requirementHolds(condition: CompiledCondition, tokens: readonly Token[], c: Candidate, text: string, sentence: SentenceTokens): boolean {
  if (holds(condition, tokens, c, text, sentence, true)) return true;
  const { whole, indexes } = sentence as Reading;
  if (condition.kind !== 'sentence' || !whole || !indexes) return false;
  return holds(condition, whole, { ...c, first: indexes[c.first]!, last: indexes[c.last]! }, text, sentence, true);
}

const OPENING = new Set(['"', '\u201c', '\u00ab', '\u201e', '\u2018', '\u2039', "'"]);
const CLOSING = new Set(['"', '\u201d', '\u00bb', '\u2019', '\u203a', "'"]);
const DOUBLE_MARK = /["\u201c\u00ab\u201e\u201d\u00bb]/g;
// Single quotation marks only where they are clearly quotation: an opening mark after white space
// or a bracket and before a letter, a closing one after a letter or a full stop and before white
// space or punctuation ("don't", "patients' records" and 5'10" are not). Each alternative starts
// at its mark and looks behind it from there: a lookbehind first was tried at every position of
// the paragraph (over MTSamples' notes 120 ms against 10-15 ms, the same marks).
// Built on first use, and run only over a paragraph holding one of its marks (SINGLE_MARKS): its
// `\p{L}` classes cost ~2 M instructions to parse when made and again at the first run, and a
// one-line check with a finding but no single mark made and ran it.
const SINGLE_MARK = lazyRegExp(
  String.raw`['\u2018\u2039](?<=(?:^|[\s([])['\u2018\u2039])(?=\p{L})|['\u2019\u203a](?<=[\p{L}.,!?]['\u2019\u203a])(?=[\s.,;:!?)\]]|$)`,
  'gu',
);
/** Every match of SINGLE_MARK starts at one of these. */
const SINGLE_MARKS = ["'", '\u2018', '\u2039', '\u2019', '\u203a'];

/** The quotation marks of one paragraph, and whether a quotation is open after each. */
interface QuoteIndex {
  at: number[];
  openAfter: boolean[];
  /** closingFrom[k]: a closing mark stands at index k or later. */
  closingFrom: boolean[];
}

// Built once per paragraph that has a finding (not once per finding: that was quadratic on a long
// paragraph with many findings). Reset when the text changes.
let quoteText: string | undefined;
const quoteIndexes = new Map<string, QuoteIndex>();
const QUOTE_INDEXES_MAX = 1024;

function quoteIndex(text: string, paragraphStart: number, paragraphEnd: number, single: boolean): QuoteIndex {
  if (quoteText !== text) quoteIndexes.clear();
  quoteText = text; // adopt this string object (see core/once-per-text.ts recentPerText)
  const key = `${paragraphStart}-${paragraphEnd}${single ? "'" : '"'}`;
  let index = quoteIndexes.get(key);
  if (index) return index;
  // Findings come in text order, so only the last few paragraphs are asked about again: a bound
  // keeps a long text of lines (each line its own paragraph here) from holding an index per line
  // with a finding (~600 bytes a finding on a dense 100 MB block: 991 MB peak).
  if (quoteIndexes.size >= QUOTE_INDEXES_MAX) quoteIndexes.clear();
  index = { at: [], openAfter: [], closingFrom: [] };
  let open = false;
  let opener = '';
  const closing: boolean[] = [];
  // A regex over the paragraph alone finds the marks (a loop over every character cost more).
  const paragraph = text.slice(paragraphStart, paragraphEnd);
  const marks = !single ? DOUBLE_MARK : SINGLE_MARKS.some((mark) => paragraph.includes(mark)) ? SINGLE_MARK() : undefined;
  for (const m of marks ? paragraph.matchAll(marks) : []) {
    const ch = m[0];
    let closes: boolean;
    if (single) {
      // Which side of a word the mark stands on says whether it opens or closes (SINGLE_MARK).
      closes = /[\p{L}.,!?]/u.test(text[paragraphStart + m.index - 1] ?? '');
      open = !closes;
    } else if (ch === '"') {
      closes = open;
      open = !open;
    } else if (ch === '\u201c' && open && opener === '\u201e') {
      // German „…“: the left double mark closes a quotation opened low.
      closes = true;
      open = false;
    } else {
      closes = CLOSING.has(ch);
      open = OPENING.has(ch);
    }
    if (open) opener = ch;
    index.at.push(paragraphStart + m.index);
    index.openAfter.push(open);
    closing.push(closes);
  }
  let any = false;
  for (let k = closing.length - 1; k >= 0; k--) index.closingFrom[k] = any ||= closing[k]!;
  quoteIndexes.set(key, index);
  return index;
}

function insideQuotation(index: QuoteIndex, start: number, end: number): boolean {
  const before = countBelow(index.at, start);
  if (before === 0 || !index.openAfter[before - 1]) return false;
  // Only a quotation that is closed later in the paragraph counts (a stray " or 5'10" does not).
  return index.closingFrom[countBelow(index.at, end)] ?? false;
}

/** Is [start, end) inside quotation marks (double, single, curly, guillemets) within its paragraph? */
function isQuoted(text: string, start: number, end: number, paragraphStart: number, paragraphEnd: number): boolean {
  // 'junkie' — single quotes hugging the phrase.
  if (/['\u2018\u2039]/.test(text[start - 1] ?? '') && /['\u2019\u203a]/.test(text[end] ?? '')) return true;
  return (
    insideQuotation(quoteIndex(text, paragraphStart, paragraphEnd, false), start, end) ||
    insideQuotation(quoteIndex(text, paragraphStart, paragraphEnd, true), start, end)
  );
}

/** isQuoted with the marks looked for inside [from, to) only (a hugging mark too). */
function isQuotedWithin(text: string, start: number, end: number, from: number, to: number): boolean {
  if (start > from && end < to && /['\u2018\u2039]/.test(text[start - 1]!) && /['\u2019\u203a]/.test(text[end]!)) return true;
  return insideQuotation(quoteIndex(text, from, to, false), start, end) || insideQuotation(quoteIndex(text, from, to, true), start, end);
}

function effectiveSeverity(compiled: CompiledRule, severities: Record<string, SeveritySetting>): SeveritySetting {
  return severities[compiled.rule.id] ?? severities[compiled.rule.category] ?? compiled.rule.severity;
}

/**
 * Does one of `compiled`'s `unless` conditions hold for the words [start, end) (UTF-16 offsets) of
 * `sentence`? For the retext-equality rules, whose matches retext-equality finds: a rule file may
 * give them conditions as it gives its phrase rules ("handicapped" before a place's noun).
 */
export function unlessHoldsAt(compiled: CompiledRule, sentence: SentenceTokens, start: number, end: number, text: string): boolean {
  if (compiled.unless.length === 0) return false;
  const { tokens } = sentence;
  const first = tokens.findIndex((t) => t.end.offset > start);
  if (first === -1) return false;
  let last = first;
  while (last + 1 < tokens.length && tokens[last + 1]!.start.offset < end) last++;
  const c: Candidate = { compiled, first, last, captures: new Map() };
  return compiled.unless.some((cond) => holds(cond, tokens, c, text, sentence, false));
}

/**
 * The index entries of one first word (compile.ts `index`) grouped by what a match needs of the
 * next token: `ones` are one-word sequences (they match at any token of the word), `bySecond`
 * the longer ones by the words their second token takes, `other` the longer ones whose second
 * token is not a set of words. Each list holds positions in `entries`, ascending, so the entries
 * a token can match are tried in the index's order (the order candidates are ranked in on ties).
 * A word such as "clean" starts 97 sequences; over MTSamples findCandidates tried 217,724 entries
 * per pass for about 6,000 matches, nearly all failing at the second word.
 */
export interface EntryGroup {
  entries: IndexEntry[];
  ones: number[];
  bySecond: Map<string, number[]>;
  other: number[];
}

const entryGroups = new WeakMap<readonly IndexEntry[], EntryGroup>();

/**
 * The entries of one first word (an `index` value) grouped (EntryGroup), once per word, on its first
 * hit: grouping the whole index at once (about 10,000 positions by second word) cost a one-line
 * check 18-30 ms.
 */
export function entryGroup(entries: IndexEntry[]): EntryGroup {
  let group = entryGroups.get(entries);
  if (group) return group;
  group = { entries, ones: [], bySecond: new Map(), other: [] };
  for (let k = 0; k < entries.length; k++) {
    const { sequence } = entries[k]!;
    if (sequence.length <= 1) {
      group.ones.push(k);
      continue;
    }
    const lookup = sequence[1]!.lookup;
    if (!(lookup instanceof Set)) {
      group.other.push(k);
      continue;
    }
    for (const second of lookup as Set<string>) {
      const list = group.bySecond.get(second);
      if (list) list.push(k);
      else group.bySecond.set(second, [k]);
    }
  }
  entryGroups.set(entries, group);
  return group;
}

/** Ascending positions from up to three ascending lists (most often one of them alone). */
function mergedPositions(a: number[], b: number[] | undefined, c: number[]): number[] {
  if (b === undefined || b.length === 0) {
    if (c.length === 0) return a;
    if (a.length === 0) return c;
  } else if (a.length === 0 && c.length === 0) return b;
  return [...a, ...(b ?? []), ...c].sort((x, y) => x - y);
}

/**
 * The positions in `group.entries` of the sequences that may match at token `i`: one-word ones,
 * and when the next token joins this one, those whose second token takes its word.
 */
export function entriesAt(tokens: readonly Token[], i: number, group: EntryGroup): number[] {
  const next = tokens[i + 1];
  if (!next || !(next.adjacent || afterWith(tokens[i]!, next))) return group.ones;
  return mergedPositions(group.ones, group.bySecond.get(next.norm), group.other);
}

/**
 * How much a condition costs to ask, roughly (cheapFirst's order): 0 for a look at the words or the
 * line around the match, 1 for a reading of who is described or the subject (described.ts,
 * subject.ts: a walk over the sentence and the ones before it), 2 for a test of the whole note
 * about a child patient (child-patient.ts) on top of its own kind's.
 */
function conditionCost(condition: CompiledCondition): number {
  const reading = condition.kind === 'described' || condition.kind === 'subject' ? 1 : 0;
  return reading + (condition.patient !== undefined ? 2 : 0);
}

const cheapOrders = new WeakMap<readonly CompiledCondition[], readonly CompiledCondition[]>();

/**
 * `conditions` (a rule's requires or unless list) with the cheap ones first, in their order
 * otherwise (a stable sort), made once per list. The matcher asks all of a list (every / some), and
 * holds() is pure (its caches only remember answers), so the order changes which conditions are
 * asked before the answer is known, never the answer: a failed look at the words spares a reading
 * of the subject. Rules written with an expensive condition first are common ("subject" before
 * "sentence").
 */
export function cheapFirst(conditions: readonly CompiledCondition[]): readonly CompiledCondition[] {
  if (conditions.length < 2) return conditions;
  let ordered = cheapOrders.get(conditions);
  if (ordered === undefined) {
    ordered = conditions
      .map((condition, k) => ({ condition, k, cost: conditionCost(condition) }))
      .sort((a, b) => a.cost - b.cost || a.k - b.k)
      .map((x) => x.condition);
    cheapOrders.set(conditions, ordered);
  }
  return ordered;
}

/**
 * A 16-bit hash of a word from its first two and last two UTF-16 code units and its length (a
 * multiplicative hash of them). Cheap where the index's Map is not: a token's word is a new string,
 * whose hash V8 computes over every character at its first lookup. Over MTSamples' words the
 * recommended index's bits pass 0.78 M of 2.64 M, of which 0.69 M are in the index.
 */
export function wordHash(word: string): number {
  const n = word.length;
  const mixed =
    word.charCodeAt(0) ^ (word.charCodeAt(n > 1 ? 1 : 0) << 7) ^ (word.charCodeAt(n > 1 ? n - 2 : 0) << 14) ^ (word.charCodeAt(n - 1) << 21) ^ (n << 26);
  return Math.imul(mixed, 0x9e3779b1) >>> 16;
}

const indexFilters = new WeakMap<ReadonlyMap<string, unknown>, Uint32Array>();

/** The bit set of wordHash over the index's words, made once per index: a clear bit means the word is not in the index. */
export function indexFilter(index: ReadonlyMap<string, unknown>): Uint32Array {
  let bits = indexFilters.get(index);
  if (bits === undefined) {
    bits = new Uint32Array(1 << 11);
    // wordHash written out: ~1,500 calls here made V8 optimize wordHash with TurboFan during every
    // start (a one-line check hashes a few words after). The same expression (test/match-filters.test.ts checks the bits).
    for (const word of index.keys()) {
      const n = word.length;
      const mixed =
        word.charCodeAt(0) ^ (word.charCodeAt(n > 1 ? 1 : 0) << 7) ^ (word.charCodeAt(n > 1 ? n - 2 : 0) << 14) ^ (word.charCodeAt(n - 1) << 21) ^ (n << 26);
      const h = Math.imul(mixed, 0x9e3779b1) >>> 16;
      bits[h >>> 5]! |= 1 << (h & 31);
    }
    indexFilters.set(index, bits);
  }
  return bits;
}

function findCandidates(sentence: SentenceTokens, options: ResolvedOptions, text: string): Candidate[] {
  const { tokens } = sentence;
  const candidates: Candidate[] = [];
  const index = options.rules.index;
  const filter = indexFilter(index);
  for (let i = 0; i < tokens.length; i++) {
    const norm = tokens[i]!.norm;
    // Most words start no phrase: the bit set answers them without the Map (no false negative:
    // every word of the index set its bit).
    const h = wordHash(norm);
    if ((filter[h >>> 5]! & (1 << (h & 31))) === 0) continue;
    const entries = index.get(norm);
    if (!entries) continue;
    const group = entryGroup(entries);
    for (const k of entriesAt(tokens, i, group)) {
      const { compiled, sequence } = entries[k]!;
      // A rule turned off still takes part here: overlaps are resolved over every rule, and the
      // finding of a rule that is off is dropped afterwards (makeFinding). Otherwise turning
      // substance-abuse off would hand the "abuse" of "drug abuse" to abuse-verb.
      // From the second token: every entry under a word has that word among its first token's
      // (compile.ts builds the index from them), so the first token matches.
      if (!matchesFrom(tokens, i, sequence, 1)) continue;
      // A possessive inside the phrase ends it: "the alcoholic's wife" is the wife of an alcoholic,
      // not an "alcoholic wife"; "an alcoholic's liver" is a person's, not "alcoholic liver" disease.
      // The shorter phrase that ends at the possessive ("alcoholic's") is a candidate of its own.
      if (possessiveInside(text, tokens, i, i + sequence.length - 1, options.rules.sets)) continue;
      const captures = new Map<string, string>();
      sequence.forEach((t, k) => {
        if (t.set) captures.set(t.set, tokens[i + k]!.norm);
      });
      const c: Candidate = { compiled, first: i, last: i + sequence.length - 1, captures };
      if (!cheapFirst(compiled.requires).every((cond) => requirementHolds(cond, tokens, c, text, sentence))) continue;
      if (cheapFirst(compiled.unless).some((cond) => holds(cond, tokens, c, text, sentence, false))) continue;
      if (compiled.exceptions.length && covered(tokens, compiled.exceptions, c.first, c.last)) continue;
      if (options.allow.length && covered(tokens, options.allow, c.first, c.last)) continue;
      candidates.push(c);
    }
  }
  // Of overlapping matches keep the longest (then one of a rule that is on, then the most severe),
  // leftmost first. A rule that is off keeps a longer span from the rules inside it, but a rule
  // that is on for the very same words replaces it (a house rule for a built-in phrase).
  const rank = (c: Candidate) => (effectiveSeverity(c.compiled, options.severities) === 'off' ? 0 : SEVERITY_RANK[c.compiled.rule.severity]);
  candidates.sort((a, b) => a.first - b.first || b.last - b.first - (a.last - a.first) || rank(b) - rank(a));
  const kept: Candidate[] = [];
  let reach = -1;
  for (const c of candidates) {
    if (c.first <= reach) {
      // Overlaps a kept match; a longer one starting inside it still loses (leftmost wins).
      continue;
    }
    kept.push(c);
    reach = c.last;
  }
  return kept;
}

/** Whose words [start, end) are: quoted, a patient's turn, reported speech, a mention, or the writer's. */
function voiceOf(text: string, start: number, end: number, paragraph: { start: number; end: number; sealed?: boolean }): Voice {
  // An HTML attribute's value: its quotes delimit it (alt="…"), and the text around it is another's.
  if (paragraph.sealed) return isQuotedWithin(text, start, end, paragraph.start, paragraph.end) ? 'quoted' : undefined;
  if (isMention(text, start, end) || isListedMention(text, start)) return 'mention';
  // The quotation is looked for in the text's own paragraph (between blank lines) when it holds the
  // parsed one: a long note parsed in windows must give the answer a whole parse gives.
  const [from, to] = paragraphAround(text, start);
  if (isQuoted(text, start, end, Math.min(from, paragraph.start), Math.max(to, paragraph.end))) return 'quoted';
  // A one-line dialogue ("Dr: … PT: …") names the speaker of each turn on the line itself.
  if ((inlineSpeakerAt(text, start) ?? speakerAt(text, start)) === 'patient') return 'speaker';
  if (isReportedSpeech(text, start) || isQuotativeSpeech(text, start)) return 'reported';
  // "Wife states he … is a drunk", "per mom, she refuses …": the relative's account.
  if (isRelativeReport(text, start, end)) return 'family';
  if (isSelfDescription(text, start, end)) return 'self';
  if (isRelativeDescription(text, start)) return 'relative';
  return undefined;
}

/**
 * A finding for `rule` at [start, end) of `text`, with the severity after overrides and the quote
 * policy applied; undefined when the rule is off or the quote policy drops it. Shared by the
 * phrase matcher and the retext-equality bridge, so both report in one shape. `wordings`, for a
 * match across a template's drop-down list, are the words of each reading that holds it: the
 * message quotes them instead of the range's braces and slashes (`actual` stays the range's text).
 */
// Findings of one phrase repeat the same message and suggestions: share one copy of each, so a
// document with hundreds of thousands of findings holds each text once (a finding took ~925 bytes).
// The lists are shared by every call in the process, so they are frozen: a caller that sorted or
// pushed to one finding's suggestions changed those of every later finding of the phrase.
const shared = new Map<string, string>();
const sharedLists = new Map<string, readonly string[]>();
const SHARED_MAX = 20_000;

function share(s: string): string {
  const known = shared.get(s);
  if (known !== undefined) return known;
  if (shared.size >= SHARED_MAX) shared.clear();
  shared.set(s, s);
  return s;
}

function shareList(list: string[]): readonly string[] {
  const key = list.join('\u0000');
  const known = sharedLists.get(key);
  if (known) return known;
  if (sharedLists.size >= SHARED_MAX) sharedLists.clear();
  Object.freeze(list);
  sharedLists.set(key, list);
  return list;
}

export function makeFinding(
  compiled: CompiledRule,
  suggestions: string[],
  start: Point,
  end: Point,
  text: string,
  paragraph: { start: number; end: number; sealed?: boolean },
  options: ResolvedOptions,
  wordings?: readonly string[],
): Finding | undefined {
  const setting = effectiveSeverity(compiled, options.severities);
  if (setting === 'off') return undefined;
  const { rule } = compiled;
  // Citations, URLs, e-mail addresses, paths and names of bodies are not prose about a patient.
  // Not prose about a patient (a URL, an address, a citation, a programme's name) where the phrase
  // starts or ends: its first or last word lies in it. Not the whole source range, which in
  // Markdown can hold a link's target between the words ("[alcohol](https://…) abuse").
  if (maskedAt(text, start.offset, start.offset + 1) || maskedAt(text, end.offset - 1, end.offset)) return undefined;
  const voice = voiceOf(text, start.offset, end.offset, paragraph);
  // Patients' and relatives' own words (a quotation, their turn, reported speech) follow the quote
  // policy; a mention of the word is info at most, whatever the policy.
  const quoted = voice !== undefined && voice !== 'mention';
  if (quoted && options.quotes === 'ignore') return undefined;
  const actual = text.slice(start.offset, end.offset);
  const finding: Finding = {
    ruleId: rule.id,
    category: rule.category,
    severity: (quoted && options.quotes === 'info') || voice === 'mention' ? 'info' : setting,
    message: share(messageFor(wordings ?? [actual], suggestions, voice)),
    actual,
    suggestions: shareList(suggestions),
    start: { ...start },
    end: { ...end },
    note: rule.note,
    sources: rule.sources, // frozen with its rule (compile.ts freezeRule)
    url: rule.url,
  };
  if (quoted || voice === 'mention') finding.quoted = true;
  return finding;
}

/**
 * The words `c` captured, as the text writes them where their set gives no value to put in their place
 * ("abused Versed" -> "misused Versed", not "misused versed"; "EtOH-abusing" -> "EtOH-using"), but not for
 * a capital that only opens the sentence: a set's value ("heroin" -> "opioid") or
 * a word written otherwise than its form in the rules (a possessive, a curly apostrophe) stays as
 * the rules have it.
 */
function asWritten(text: string, tokens: readonly Token[], c: Candidate, sets: CompiledRules['sets']): ReadonlyMap<string, string> {
  let written: Map<string, string> | undefined;
  for (const [name, norm] of c.captures) {
    if (sets.get(name)?.values.has(norm) !== false) continue;
    for (let k = c.first; k <= c.last; k++) {
      const token = tokens[k]!;
      if (token.norm !== norm) continue;
      const word = text.slice(token.start.offset, token.end.offset);
      // A capital that only opens the sentence ("Alcohol-abusing father") says nothing of the word.
      const named = k > 0 ? word !== norm : word.slice(1) !== norm.slice(1);
      if (named && word.toLowerCase() === norm) (written ??= new Map(c.captures)).set(name, word);
      break;
    }
  }
  return written ?? c.captures;
}

/** Whether a suggestion template names every set the match captured (the substance, the condition). */
function keepsCaptures(template: string, captures: ReadonlyMap<string, string>): boolean {
  for (const name of captures.keys()) if (!template.includes(`{${name}}`) && !template.includes(`{${name}.`)) return false;
  return true;
}

/** Does [start, end) hold template markup the parser saw as blanks (a drop-down's braces or slashes, a placeholder)? */
function spansTemplateMarkup(text: string, start: number, end: number): boolean {
  const raw = text.slice(start, end);
  return /[{}/*@[\]%]/.test(raw) && maskPlaceholders(text).slice(start, end) !== raw;
}

/**
 * The suggestion templates of candidate `c`: those of the rule's first formSuggestions entry one of
 * whose forms is the whole match ("refuses" -> "declines"), else the rule's suggestions.
 */
function suggestionsFor(c: Candidate, tokens: readonly Token[]): readonly string[] {
  const { compiled } = c;
  if (compiled.rule.formSuggestions === undefined) return compiled.rule.suggestions;
  const length = c.last - c.first + 1;
  for (const entry of compiled.formSuggestions) {
    if (entry.forms.some((form) => form.length === length && matchesAt(tokens, c.first, form))) return entry.suggestions;
  }
  return compiled.rule.suggestions;
}

/** A match to report: its candidate in the reading that found it first, and its span over every reading. */
interface Hit {
  c: Candidate;
  sentence: SentenceTokens;
  start: Point;
  end: Point;
  /** The words of the match in each reading that found it ("alcohol abuse", "drug abuse"). */
  wordings: string[];
  /** The candidates of the later readings with other words (for their suggestions). */
  others: { c: Candidate; tokens: readonly Token[] }[];
}

/** The words of tokens first..last as a reading has them: a hyphen where the text joins two by one, else a space. */
function wordingOf(text: string, tokens: readonly Token[], first: number, last: number): string {
  let out = text.slice(tokens[first]!.start.offset, tokens[first]!.end.offset);
  for (let k = first + 1; k <= last; k++) {
    const gap = tokenGap(text, tokens[k - 1]!, tokens[k]!);
    out += (/^[-\u2010\u2011]$/.test(gap) ? gap : ' ') + text.slice(tokens[k]!.start.offset, tokens[k]!.end.offset);
  }
  return out;
}

/** A [start, end) span of the text (UTF-16 offsets) that a rule matched, reported or not. */
export interface ClaimedSpan {
  start: number;
  end: number;
}

/**
 * Findings of the phrase rules in `sentences`. `claimed`, when given, receives the span of every
 * match that won its overlap, including those not reported (rule off, quotation ignored), so the
 * retext-equality bridge does not report inside them either.
 */
export function matchSentences(sentences: readonly SentenceTokens[], text: string, options: ResolvedOptions, claimed?: ClaimedSpan[]): Finding[] {
  const findings: Finding[] = [];
  for (const whole of sentences) {
    if (whole.tokens.length === 0) continue;
    // A sentence with a template's drop-down lists is read once per choice of options, and one
    // whose lines are list items or labels once per item (list-items.ts); a phrase found in several
    // readings (a list's lead-in, an option's words) is reported once (its first reading's finding).
    const items = listItems(text, whole);
    const readings = items.length > 1 ? items.flatMap((item) => templateReadings(text, item)) : templateReadings(text, items[0]!);
    // Of several readings, the matches of one rule that overlap are one finding over their union
    // ("{alcohol/drug/opioid} abuse": three readings, one finding), worded as the readings read.
    const several = readings.length > 1;
    const hits: Hit[] = [];
    for (const sentence of readings)
      for (const c of findCandidates(sentence, options, text)) {
        const { tokens } = sentence;
        const start = tokens[c.first]!.start;
        const end = tokens[c.last]!.end;
        const wording = several ? wordingOf(text, tokens, c.first, c.last) : '';
        const same = several ? hits.find((h) => h.c.compiled === c.compiled && h.start.offset < end.offset && start.offset < h.end.offset) : undefined;
        if (same) {
          if (start.offset < same.start.offset) same.start = start;
          if (end.offset > same.end.offset) same.end = end;
          if (!same.wordings.includes(wording)) {
            same.wordings.push(wording);
            same.others.push({ c, tokens });
          }
          continue;
        }
        hits.push({ c, sentence, start, end, wordings: [wording], others: [] });
      }
    for (const { c, sentence, start, end, wordings, others } of hits) {
      const { tokens } = sentence;
      const { rule } = c.compiled;
      const render = (x: Candidate, templates: readonly string[]) =>
        templates.map((t) => renderSuggestion(t, asWritten(text, tokens, x, options.rules.sets), options.rules.sets));
      const templates = suggestionsFor(c, tokens);
      const own = render(c, templates);
      // Readings that capture other words ("UDS {dirty/clean}") each give their first suggestion.
      const rendered =
        others.length === 0 ? own : [...new Set([own[0]!, ...others.map((x) => render(x.c, suggestionsFor(x.c, x.tokens))[0]!), ...own])].filter(Boolean);
      // "is an IVDU" names a person: "is an injection drug use" would be nonsense, so the person's wording goes first (and is the fix).
      const person = rule.personSuggestion && namesPerson(text, tokens, c.first, c.last) ? rule.personSuggestion : undefined;
      const named = person ? [person, ...rendered.filter((s) => s !== person)] : rendered;
      // "the addict's mother" -> "the person with a substance use disorder's mother" (suggest.ts
      // possessiveSuggestion); not after a word of a person, where "'s" may be "is" ("her diabetic mom's
      // coming"): that suggestion stays without it, and a click or --fix is refused (src/fix/refine.ts).
      const last = tokens[c.last]!;
      const apostrophe = ownerPossessive(text, last, options.rules.sets) ? text.charAt(last.end.offset - 2) : undefined;
      const suggestions = apostrophe ? [...new Set(named.map((s) => possessiveSuggestion(s, apostrophe)))] : named;
      const paragraph = { start: sentence.paragraphStart, end: sentence.paragraphEnd, sealed: sentence.sealed };
      claimed?.push({ start: start.offset, end: end.offset });
      const markup = spansTemplateMarkup(text, start.offset, end.offset);
      // The message quotes what the note would say, not a drop-down's braces and slashes.
      const finding = makeFinding(c.compiled, suggestions, start, end, text, paragraph, options, markup ? wordings : undefined);
      if (!finding) continue;
      if (rule.fixable && finding.quoted) finding.fixSkipped = { reason: 'quoted', message: "in quotation marks: possibly the patient's own words" };
      else if (rule.fixable && markup) {
        // "{alcohol/heroin} abuse" matched across a drop-down list: rewriting the range would break the list.
        finding.fixSkipped = { reason: 'markup', message: 'spans a template drop-down list or placeholder: choose the option, then fix' };
      } else if (rule.fixable && suggestions[0] && !keepsCaptures(person ?? templates[0]!, c.captures)) {
        // "{drug} abuse" → "substance use" would lose which substance.
        finding.fixSkipped = { reason: 'meaning', message: 'the replacement would drop a word the phrase names: edit it by hand' };
      } else if (rule.fixable && suggestions[0]) {
        // "a known IVDU" → "a person known to inject drugs" (suggest.ts withKnown), as a click makes it.
        // "hx of ex-IVDU" → "hx of former injection drug use" (suggest.ts withEx).
        const before = c.first > 0 ? tokens[c.first - 1]!.norm : undefined;
        const known =
          before === 'known'
            ? withKnown(text, finding.start.offset, suggestions[0])
            : before === 'ex'
              ? withEx(text, finding.start.offset, suggestions[0])
              : undefined;
        const first = known ? c.first - 1 : c.first;
        const previous = first > 0 ? tokens[first - 1] : undefined;
        const from = known?.start ?? finding.start.offset;
        // "a chronic IVDU": no person-first wording fits after the word describing the label (suggest.ts fitPerson).
        const fit = fitPerson(text, from, finding.end.offset, known?.suggestion ?? suggestions[0]);
        if (!fit)
          finding.fixSkipped = { reason: 'meaning', message: 'a word before the label describes it, which the replacement cannot keep: edit it by hand' };
        else
          finding.fix = fitReplacement(text, from, fit.end, fit.suggestion, {
            sentenceStart: first === 0,
            article:
              previous &&
              tokens[first]!.adjacent &&
              mayBeArticle(text.slice(previous.start.offset, previous.end.offset), tokenGap(text, previous, tokens[first]!))
                ? previous
                : undefined,
          });
      }
      findings.push(finding);
    }
  }
  return findings;
}
