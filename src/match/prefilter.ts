// The fast path's scanner, derived from the compiled rules: where in raw text could a rule phrase
// be? It must never miss a block the matcher would report in (it may name places that come to
// nothing). One regex pass over the text finds every rule phrase's anchor word standing as a whole
// word, and every possible start of an enabled retext-equality phrase (a prefix of its first word;
// retext-equality ignores apostrophes, so they may stand anywhere in it); then, at each hit only,
// sticky regexes check that a whole phrase stands there: for a rule, the words before the anchor
// by lookbehind and those after it, allowing anything the tokenizer treats as joining two words.
//
// The anchor is the word of a phrase least likely in ordinary text (anchor.ts); a built-in phrase's
// is stored at build time (compile.ts PhraseEntry), a user's computed when the scanner is built.
import { nativeRegExp } from '../core/lazy-regexp.js';
import type { CompiledCondition, CompiledRule, CompiledRules, IndexEntry } from '../rules/compile.js';
import { foldApostrophes, type PatternToken, type TokenSequence } from '../rules/pattern.js';
import { escapeRegex as escapeSyntax, trieSource, wordsSource } from '../rules/word-regex.js';
import { type WalkTail, type WordWalker, wordWalker } from './word-walk.js';
import { type PhraseCheck, phraseCheck as walkedCheck } from './phrase-check.js';
import { isAsciiAlnum } from './char-codes.js';
import { dropDownNear, sourceOfMasked } from '../parse/placeholders.js';
import { headerRowAt } from './table-header.js';
import { SCAN_CONTEXT } from './builtin-scan.js';
import { anchorOf } from './anchor.js';
import { LONG_LINE, lineBoundsOf, lineIndexAt } from '../parse/lines.js';

// The apostrophes normalizeWord folds to "'".
const APOSTROPHE = "['\u2018\u2019\u02bc\u0060\u00b4]";
// A token's possessive or trailing apostrophes, which normalizeWord and the tokenizer drop.
const TAIL = `(?:${APOSTROPHE}s?)*`;
// What may stand between two tokens that count as adjacent: white space (parse-latin's set, which
// adds U+0085 to \s) and hyphens. Deliberately loose: any mix, any length.
const JOIN = '[\\s\\u0085\\-\\u2010\\u2011]*';
// A token starts and ends where parse-latin's word characters stop; ASCII letters and digits are
// a subset of those, so refusing only them next to a hit can never drop a real token.
const NOT_AFTER_WORD = '(?<![a-z0-9])';
const NOT_BEFORE_WORD = '(?![a-z0-9])';

function escapeRegex(s: string): string {
  return escapeSyntax(s).replace(/'/g, APOSTROPHE);
}

// By word list: sequences share their tokens' lists (a {set}'s words are one list), so each is
// built once (building the scanner was a sixth of the CLI's start-up).
const alternativesOf = new WeakMap<readonly string[], string>();

function alternatives(words: readonly string[]): string {
  let source = alternativesOf.get(words);
  // Longest first, so a longer word is tried before its prefix (the regexes are not anchored at
  // the end of a word, only by NOT_BEFORE_WORD after the whole phrase).
  if (source === undefined)
    alternativesOf.set(
      words,
      (source = `(?:${[...words, ...(words.includes('and') ? ['&'] : [])]
        .sort((a, b) => b.length - a.length)
        .map(escapeRegex)
        .join('|')})`),
    );
  return source;
}

/**
 * The check run at a hit of the anchor (sticky, at the anchor's first character): the tokens
 * before it by lookbehind, then the anchor and the tokens after it.
 */
function anchoredSource(sequence: TokenSequence, anchor: number): string {
  const token = (t: PatternToken) => alternatives(t.words) + TAIL;
  const before = sequence.slice(0, anchor).map((t) => token(t) + JOIN);
  const after = sequence.slice(anchor + 1).map((t) => JOIN + token(t));
  const lookbehind = before.length ? `(?<=${NOT_AFTER_WORD}${before.join('')})` : '';
  return lookbehind + token(sequence[anchor]!) + after.join('') + NOT_BEFORE_WORD;
}

export interface Scanner {
  /**
   * The offset of the first place at or after `from` that may lie in a rule phrase (its anchor
   * word, or the start of a retext-equality phrase), or -1. A phrase the matcher reports lies in one
   * block (windows.ts), so the block of this place is the block to parse; the place itself is not
   * always the phrase's first character.
   */
  next(text: string, from: number): number;
  /**
   * Whether the block [start, end), which holds a place `next` named, may hold a finding: a phrase
   * stands there whose rule's required context words (conditions.requires: before, after,
   * sentence) stand in the block too, since a match and its context share a sentence and a
   * sentence lies in one block. A required line condition is read on the whole line (which may
   * run past a block that ends at "\r\r"), in the masked text and in its source (lineMayHold).
   */
  confirm(text: string, start: number, end: number): boolean;
  /**
   * Whether any anchor word, or the anchor word of an enabled retext-equality phrase (apostrophes
   * ignored), stands in the text as a whole word: the quick test for Markdown and HTML, whose
   * markup may stand between a phrase's words but not inside one of them.
   */
  mayHold(text: string): boolean;
  /**
   * False when no enabled retext-equality phrase can stand in the text (no word in it starts like
   * one); true when one may, or when the text is too long to tell cheaply. The quick test before
   * the loose phrase regex (looseEqualityRegex), whose compiling is a tenth of a cold start.
   */
  mayHoldEquality(text: string): boolean;
}

/** The scanner of a rule set (scannerFor): a Scanner that can also confirm a block at one place. */
export interface RuleScanner extends Scanner {
  /**
   * confirm(text, start, end) asked only about the place `at` (a place `next` named, in [start,
   * end)): whether a phrase standing at `at` holds with its required context in the block. Looks
   * at the words standing at `at` only (every one, as the word walk sees them), so a caller that
   * knows the places (places.ts) confirms a block without scanning it. True for any place
   * confirm's scan would accept there, so asking it at every place of a block is never stricter
   * than confirm. Throws nothing.
   */
  confirmAt(text: string, at: number, start: number, end: number): boolean;
  /**
   * The sources of the one-pass scan regexes (the `\b`/'gi' version, when the rule set's words allow
   * it, and the Unicode lookaround version), built if not yet. For the size guard in
   * test/prefilter-size.test.ts: V8 does not optimize a regex whose source is over 20 KB
   * (kRegExpTooLargeToOptimize), and such a scan ran about 3.7 times slower (BENCHMARKS.md, 4d7818d).
   * Empty when the rule set has no word to scan for.
   */
  scanSources(): string[];
  /**
   * For scan-choice.ts's scannedPhrases (the tests): by word scanned for, the phrases anchored on it
   * and those scanned for through it, a word their rule requires in the same block (SCAN_CONTEXT).
   */
  phrasesByWord(): readonly [ReadonlyMap<string, readonly AnchoredOn[]>, ReadonlyMap<string, readonly AnchoredOn[]>];
}

/** A phrase of a rule and the index of the token it is anchored on (a stored phrase's index entry, or an object of these). */
export interface AnchoredOn {
  readonly compiled: CompiledRule;
  readonly sequence: TokenSequence;
  readonly anchor: number;
}

type Search = (text: string, from: number) => number;

/**
 * A search whose last answer is remembered per text: asked again from further on (window after
 * window, block after block), it does not scan again to a hit it already found, so the text is
 * scanned once instead of once per window (quadratic).
 */
function remembered(search: Search): Search {
  let lastText: string | undefined;
  let searchedFrom = 0;
  let found = -1;
  return (text, from) => {
    if (text !== lastText || from < searchedFrom || (found !== -1 && found < from)) {
      searchedFrom = from;
      found = search(text, from);
    }
    lastText = text; // adopt this string object (see core/once-per-text.ts recentPerText)
    return found;
  };
}

// The apostrophes retext-equality ignores ("Down's" is "downs" to it), any number of them.
const IGNORED_APOSTROPHES = "'\u2018\u2019\u02bc";
// What retext-equality ignores inside a word: the apostrophes and the hyphen-minus (nlcst-normalize
// strips both, so "he-she" is its "heshe"). A class body; "-" escaped.
const IGNORED_IN_WORD = `${IGNORED_APOSTROPHES}\\-`;
const EQUALITY_IGNORED = `[${IGNORED_IN_WORD}]*`;

/** A word of a retext-equality phrase, letter by letter, with any apostrophes or hyphens after each letter. */
function equalityChar(ch: string): string {
  return escapeSyntax(ch) + EQUALITY_IGNORED;
}

// What may join the words of a retext-equality phrase in the loose regex: any white space
// parse-latin knows (U+0085 too, which \s lacks), hyphens, apostrophes, or nothing.
const EQUALITY_JOIN = `[\\s\\u0085\\-\\u2010\\u2011${IGNORED_APOSTROPHES}]*`;

const looseSources = new WeakMap<CompiledRules, string>();
const looseRegexes = new WeakMap<CompiledRules, RegExp>();

/**
 * The enabled retext-equality phrases as whole words in raw text. equality.ts runs
 * retext-equality on a tree only when this matches the tree's text, and the scanner looks for it.
 * Loose: apostrophes may stand anywhere in or between the words, and any white space parse-latin
 * knows (U+0085 too, which \s lacks), a hyphen, or nothing may join them. Global: reset lastIndex
 * before use.
 */
export function looseEqualityRegex(rules: CompiledRules): RegExp {
  let regex = looseRegexes.get(rules);
  if (!regex) looseRegexes.set(rules, (regex = nativeRegExp(looseEqualitySource(rules), 'giu')));
  return regex;
}

/**
 * looseEqualityRegex's source, built once per rule set. The scanner's sticky copy is made from it
 * without making (and so compiling: nativeRegExp) the global regex a run may never execute.
 */
function looseEqualitySource(rules: CompiledRules): string {
  let source = looseSources.get(rules);
  if (source === undefined) {
    // Each first word (apostrophes left out) with the sources of what may follow it in its phrases
    // ('' for a phrase of one word).
    const word = (w: string) => [...w.replace(/'/g, '')].map(equalityChar).join('');
    const rests = new Map<string, string[]>();
    for (const seq of rules.equalityPhrases) {
      const rest = seq
        .slice(1)
        .map((t) => `${EQUALITY_JOIN}(?:${t.words.map(word).join('|')})`)
        .join('');
      for (const w of seq[0]!.words) {
        const key = w.replace(/'/g, '');
        rests.set(key, [...(rests.get(key) ?? []), rest]);
      }
    }
    const phrases = trieSource(rests, equalityChar);
    looseSources.set(rules, (source = `(?<![\\p{L}\\p{N}])${phrases}(?![\\p{L}\\p{N}])`));
  }
  return source;
}

/** Letters of a phrase's next word that equalityFollows asks for: enough to drop "she" before most words, and a short regex. */
const NEXT_LETTERS = 3;

/**
 * What the scanner's trie asks for after `first`, a first word of an enabled retext-equality
 * phrase standing at a word start as plain letters: a lookahead that holds wherever the loose
 * phrase regex (looseEqualityRegex) could match from the word's start, or '' (nothing asked)
 * when a phrase is that word alone. The loose regex at that place reads `first`'s letters as the
 * start of some phrase's first word `u`: `first` itself, a longer first word that `first` begins
 * ("she" → "shemale", written "she-male"), or a shorter one, which the trie tries on its own when
 * this lookahead fails. So the lookahead allows, for every `u` that `first` begins, the rest of
 * `u` letter by letter (apostrophes and hyphens after each, as the loose regex reads it), then
 * the first NEXT_LETTERS letters of a next word of its phrases (a looser test than the whole
 * phrase, so the trie stays small: V8 optimizes a regex of at most 20 KB of source, and scanned
 * MTSamples 3.7 times slower with the trie padded past that). Without it "she" was a hit at every
 * "she", "shed" and "sheet" (18,577 of MTSamples' 50,840 hits, each checked with the loose regex
 * and dropped).
 */
function equalityFollows(first: string, rules: CompiledRules): string {
  const prefix = (w: string) => [...w.replace(/'/g, '').slice(0, NEXT_LETTERS)].map(equalityChar).join('');
  const next = new Map<string, Set<string>>(); // a first word that `first` begins → its phrases' next words, or '' for none
  for (const seq of rules.equalityPhrases) {
    for (const w of seq[0]!.words) {
      const u = w.replace(/'/g, '');
      if (!u.startsWith(first)) continue;
      if (seq.length === 1 && u === first) return '';
      const after = next.get(u) ?? next.set(u, new Set()).get(u)!;
      after.add(seq.length === 1 ? '' : `${EQUALITY_JOIN}(?:${seq[1]!.words.map(prefix).join('|')})`);
    }
  }
  const ways = [...next].map(([u, after]) => {
    const letters = EQUALITY_IGNORED + [...u.slice(first.length)].map(equalityChar).join('');
    return after.has('') ? letters : `${letters}(?:${[...after].join('|')})`;
  });
  return `(?=${ways.join('|')})`;
}

/** The first match of a global regex at or after `from`. */
function regexSearch(regex: RegExp): Search {
  return (text, from) => {
    regex.lastIndex = from;
    return regex.exec(text)?.index ?? -1;
  };
}

interface AnchoredPhrase {
  /** The phrase stands around an anchor hit (its sticky regex, or the same check walked). */
  check: PhraseCheck;
  /** What must occur in the same block: one search per required condition. */
  required: Search[];
  /** The regexes of its rule's required line conditions, and how many words stand before the anchor. */
  lines: RegExp[];
  /** The regexes of its rule's required table conditions (on the header row: table-header.ts). */
  tables: RegExp[];
  wordsBefore: number;
}

/**
 * Could a required line condition (`regex`) hold for a phrase whose anchor stands at `at` in the
 * masked text `text`? Asked of the line of `at` and of the `wordsBefore` lines above it (the
 * phrase's first word, whose line the matcher reads, may stand there), in the masked text and in
 * its source (the matcher reads the source: match.ts lineHolds). A line longer than LONG_LINE is
 * read by the matcher around its sentence only: it is never ruled out here.
 */
function lineMayHold(text: string, at: number, wordsBefore: number, regex: RegExp): boolean {
  const source = sourceOfMasked(text);
  const last = lineIndexAt(text, at);
  for (let line = Math.max(0, last - wordsBefore); line <= last; line++) {
    const [start, end] = lineBoundsOf(text, line);
    if (end - start > LONG_LINE) return true;
    if (regex.test(text.slice(start, end)) || (source !== undefined && regex.test(source.slice(start, end)))) return true;
  }
  return false;
}

/**
 * Could a required table condition (`regex`, on the header row) hold for a phrase whose anchor
 * stands at `at` in the masked text `text`? The phrase lies in one cell of the anchor's line
 * (tableHeaderOf), so the header row above that line is the one the matcher tests; it is read in
 * the masked text and in its source, as lineMayHold reads a line.
 */
function tableMayHold(text: string, at: number, regex: RegExp): boolean {
  const header = headerRowAt(text, at);
  if (header !== undefined && regex.test(header)) return true;
  const source = sourceOfMasked(text);
  const sourceHeader = source === undefined ? undefined : headerRowAt(source, at);
  return sourceHeader !== undefined && regex.test(sourceHeader);
}

/** A regex finding any of a condition's phrases as whole words (the same looseness as the phrase checks); see caseFlags. */
// A condition's `*` (any one word, compile.ts ANY_WORD): one token, anything but what joins two.
const ANY_TOKEN = '[^\\s\\u0085\\-\\u2010\\u2011]+';

function conditionRegex(condition: CompiledCondition, folds: boolean): RegExp {
  // A `*` is any word, not the character "*": read literally, a rule requiring "her * pills" had
  // every block that holds the phrase dropped before the matcher saw it.
  const word = (t: TokenSequence[number]) => (t.words.length === 1 && t.words[0] === '*' ? ANY_TOKEN : alternatives(t.words) + TAIL);
  const phrase = (seq: TokenSequence) => seq.map(word).join(JOIN);
  const source = `${NOT_AFTER_WORD}(?:${condition.sequences.map(phrase).join('|')})${NOT_BEFORE_WORD}`;
  return nativeRegExp(source, `g${caseFlags(source, folds)}`);
}

/** Did a search find something before `end`? */
function occursBefore(found: number, end: number): boolean {
  return found !== -1 && found < end;
}

// Characters whose case folding (the 'u' flag) is an ASCII letter: the Kelvin sign is a "k" and
// the long s an "s" to a regex with flags 'iu' (and to toLowerCase), not to one with 'i' alone.
const FOLDS_TO_ASCII = ['\u017f', '\u212a'];
// The characters of APOSTROPHE, JOIN and escapeRegex's output that are not ASCII: none has a case.
const CASELESS = /['\u2018\u2019\u02bc\u0060\u00b4\u0085\u2010\u2011]/g;

/**
 * The flags of a phrase check or condition regex, 'iu' or 'i' (then with 'y' or 'g'): 'i' alone
 * compiles about 2.5 times faster (V8 builds no Unicode case classes; the checks of the anchors an
 * MTSamples run meets took about 0.1 s CPU to compile with 'iu'), and finds the same as 'iu' where
 * the source is ASCII but for caseless characters and the text holds neither FOLDS_TO_ASCII
 * character (the only ones 'iu' folds to an ASCII letter). `folds`: the text holds one.
 */
function caseFlags(source: string, folds: boolean): 'i' | 'iu' {
  return folds || source.includes('\\p') || /[^\x00-\x7f]/.test(source.replace(CASELESS, '')) ? 'iu' : 'i';
}

/**
 * `text` with each "_" a space: same length, so every offset stands. `\b` counts "_" as a word
 * character and parse-latin does not; in the copy, `\b` before a word's first letter or digit and
 * after its last is exactly NOT_AFTER_WORD and NOT_BEFORE_WORD with 'i' (ASCII letters and digits
 * on the other side or not), so the `\b` trie finds in the copy the hits the lookaround trie
 * finds in the text, without compiling a second trie regex (about three times the `\b` one's
 * compile time) or scanning 1.4× slower. `text` itself when it holds no "_".
 */
export function underscoreFree(text: string): string {
  return text.includes('_') ? text.replaceAll('_', ' ') : text;
}

/**
 * The sticky regex of the phrases' check (anchoredSource, with caseFlags): whether one of them
 * stands at a place. The scanner walks it in JavaScript instead where it can (checkOf); exported for
 * the test that compares both.
 */
export function checkRegex(phrases: readonly { sequence: TokenSequence; anchor: number }[], folds: boolean): RegExp {
  const source = [...new Set(phrases.map((a) => anchoredSource(a.sequence, a.anchor)))].join('|');
  return nativeRegExp(source, `${caseFlags(source, folds)}y`);
}

/**
 * The check of `phrases` at a place: walked in JavaScript (phrase-check.ts), which compiles nothing,
 * or, for words outside ASCII or flags other than 'i'/'iu' by `folds`, the sticky regex.
 */
function checkOf(phrases: readonly { sequence: TokenSequence; anchor: number }[], folds: boolean): PhraseCheck {
  let regex: PhraseCheck | undefined;
  const regexCheck = (): PhraseCheck => {
    if (regex === undefined) {
      const sticky = checkRegex(phrases, folds);
      regex = (text, at) => {
        sticky.lastIndex = at;
        return sticky.test(text);
      };
    }
    return regex;
  };
  return walkedCheck(phrases, folds, regexCheck) ?? regexCheck();
}

/** Longest text (UTF-16 code units) scanned in an underscore-free copy; a longer one with "_" is scanned with the lookarounds. */
export const UNDERSCORE_COPY_LIMIT = 1 << 20;

/** What NOT_BEFORE_WORD refuses after a word (with 'iu'): [a-z0-9] in either case, the long s, the Kelvin sign. False for NaN (past the text's end). */
function isAlnumOrFolding(c: number): boolean {
  return isAsciiAlnum(c) || c === 0x17f || c === 0x212a;
}

/**
 * When the scanner walks a text's words in JavaScript instead of running its regex (word-walk.ts):
 * texts of at most `text` UTF-16 code units, until `total` have been walked by one scanner. Tests
 * set them to compare both ways (0: never walk; Infinity: always).
 */
export const walkLimits = { text: 16_384, total: 65_536 };

/**
 * What the first stage asks of a hit's word (folded: lower case, apostrophes as "'"), found by one
 * Map lookup at each hit instead of one per question (a hit asked up to eight). The answers that
 * read a rule's conditions or compile checks are filled in when first asked, as the separate
 * memos did.
 */
interface HitWord {
  readonly word: string;
  /** The phrases anchored on the word (buildScanner's `anchored`), or undefined. */
  readonly list: AnchoredOn[] | undefined;
  /** Whether phrases are scanned for through the word (a context word: `contextAnchored`). */
  readonly context: boolean;
  /** An anchor or context word (the trie puts a word boundary after it). */
  readonly scanned: boolean;
  /** An enabled retext-equality phrase's first word, or a part of one with its apostrophe or hyphen. */
  readonly equality: boolean;
  /** A phrase of the word alone; one with no required condition; one whose rule requires something. */
  alone?: boolean;
  aloneFree?: boolean;
  withRequires?: boolean;
  /** The phrases' one check (`next`), by the flags (caseFlags' `folds`). */
  check?: PhraseCheck;
  checkFolds?: PhraseCheck;
  /** Each phrase's check with its rule's requirements (`confirm`), by the flags. */
  phrases?: AnchoredPhrase[];
  phrasesFolds?: AnchoredPhrase[];
}

/** A place `next` found: where, and whether an enabled retext-equality phrase starts there. */
interface Place {
  index: number;
  equality: boolean;
}

/** Two phrases with the same key accept the same words at each position (a form compared with a rule's phrase). */
/**
 * A phrase's key in SCAN_CONTEXT (scan-choice.ts): each token's set name (`@name`), or its words
 * sorted and joined by `|`; the tokens joined by spaces.
 */
export function scanKey(sequence: TokenSequence): string {
  return sequence.map((t) => (t.set !== undefined ? `@${t.set}` : [...t.words].sort().join('|'))).join(' ');
}

/**
 * The required conditions the scanner asks of a phrase of a rule (buildScanner's requiresOf,
 * without its memo): those of the rule, less a `forms` one the phrase is not a form of.
 */
export function phraseRequires(compiled: CompiledRule, sequence: TokenSequence): CompiledCondition[] {
  const key = sequenceKey(sequence);
  return compiled.requires.filter(
    (c) =>
      ((c.kind !== 'line' && c.sequences.length > 0) || ((c.kind === 'line' || c.kind === 'table') && !c.patient)) &&
      (!c.forms || c.forms.some((f) => sequenceKey(f) === key)),
  );
}

function sequenceKey(sequence: TokenSequence): string {
  return JSON.stringify(sequence.map((t) => [...t.words].sort()));
}

function buildScanner(rules: CompiledRules): RuleScanner {
  // A requirement limited to some of the rule's phrases (`forms`) is asked only of a phrase that is
  // one of those forms word for word: every match of that phrase is then a match of the form, so the
  // requirement holds for all of them ("obese" needs a person noun after it; "the obese", of the
  // same rule, does not). For any other phrase it is left to the matcher, which looks at the words
  // matched ("unwilling" needs no subject; "resistant" does).
  const requiresByPhrase = new Map<CompiledRule, Map<TokenSequence, CompiledCondition[]>>();
  const requiresOf = (compiled: CompiledRule, sequence: TokenSequence): CompiledCondition[] => {
    let byPhrase = requiresByPhrase.get(compiled);
    if (!byPhrase) requiresByPhrase.set(compiled, (byPhrase = new Map()));
    let requires = byPhrase.get(sequence);
    if (!requires) byPhrase.set(sequence, (requires = phraseRequires(compiled, sequence)));
    return requires;
  };
  /**
   * The words stored for a phrase of a built-in rule to be scanned for instead of its anchor token
   * (SCAN_CONTEXT, chosen at build time by scan-choice.ts), if they still name a required condition
   * of its rule: a before, after or sentence condition of the phrase's own sentence each of whose
   * phrases holds a token of only those words, so that every match has one of them in its block.
   * (A rule of a user's own with a built-in rule's id and phrase but other conditions gets none.)
   */
  function storedContext(compiled: CompiledRule, sequence: TokenSequence, words: readonly string[]): readonly string[] | undefined {
    const set = new Set(words);
    for (const c of requiresOf(compiled, sequence)) {
      if ((c.kind !== 'before' && c.kind !== 'after' && c.kind !== 'sentence') || c.previous || c.next || c.sequences.length === 0) continue;
      if (c.sequences.every((seq) => seq.some((t) => t.words.every((w) => set.has(w))))) return words;
    }
    return undefined;
  }
  // Anchor word → the phrases anchored on it, with their rules (whose required conditions are
  // looked at only for the anchors a text holds: a rule's conditions are compiled on first use).
  const anchored = new Map<string, AnchoredOn[]>();
  // Required context word → the phrases scanned for through it instead (contextOf): a hit of the
  // word is a place, and the block holding it is confirmed by a search for each phrase's anchor
  // word and its rule's required context in the block.
  const contextAnchored = new Map<string, AnchoredOn[]>();
  // The index holds a phrase once per word its first token may be (1,197 entries for the 275
  // phrases of the recommended rules): each phrase of each rule is anchored once, in the order
  // first met (a list's order changes no answer; its duplicates only cost start-up and checks).
  const ruled = phrasesOf(rules);
  for (let i = 0; i < ruled.length; i++) {
    const entry = ruled[i]!;
    const { compiled } = entry;
    // A built-in phrase's anchor was stored at build time (the entry is then its own AnchoredOn, its
    // tokens unread: compile.ts PhraseEntry); a user's phrase's is computed here.
    const anchor = entry.anchor ?? anchorOf(entry.sequence);
    const on: AnchoredOn = entry.anchor !== undefined ? (entry as AnchoredOn) : { sequence: entry.sequence, anchor, compiled };
    // A built-in phrase of one very common word whose rule requires a rarer one in the same block
    // is scanned for that one ("low" of a field answer for "compliance" before it): chosen at
    // build time (scan-choice.ts), looked up only for the rules that have one.
    const stored = Object.hasOwn(SCAN_CONTEXT, compiled.rule.id) ? SCAN_CONTEXT[compiled.rule.id]![scanKey(entry.sequence)] : undefined;
    const context = stored ? storedContext(compiled, entry.sequence, stored) : undefined;
    if (context) {
      for (const word of context) {
        const list = contextAnchored.get(word);
        if (list) list.push(on);
        else contextAnchored.set(word, [on]);
      }
      continue;
    }
    const words = entry.anchorWords ?? entry.sequence[anchor]!.words;
    for (let k = 0; k < words.length; k++) {
      const word = words[k]!;
      const list = anchored.get(word);
      if (list) list.push(on);
      else anchored.set(word, [on]);
    }
  }
  // Each anchor's checks are compiled at the anchor's first hit: a run meets few of them, and
  // compiling all (130 kB of regex source) was a tenth of the CLI's start-up. One regex per anchor
  // for `next`; one per phrase, with its rule's conditions, for `confirm`.
  // Each in two versions, by whether the text holds a FOLDS_TO_ASCII character (caseFlags); a
  // run compiles the second only for a text that holds one. Both kept in the word's HitWord.
  const phraseCheck = (hit: HitWord, folds: boolean): PhraseCheck | undefined => {
    const { list } = hit;
    if (list === undefined) return undefined;
    return folds ? (hit.checkFolds ??= checkOf(list, true)) : (hit.check ??= checkOf(list, false));
  };
  // A condition's search remembers its last answer, so asking block after block in order scans the
  // text once (not once per block).
  const conditionSearches = [new Map<CompiledCondition, Search>(), new Map<CompiledCondition, Search>()];
  const conditionSearchOf = (c: CompiledCondition, folds: boolean): Search =>
    conditionSearches[+folds]!.get(c) ?? conditionSearches[+folds]!.set(c, remembered(regexSearch(conditionRegex(c, folds)))).get(c)!;
  // One phrase's check and its rule's requirements (searches of its words, its line and table regexes).
  const anchoredPhraseOf = (a: AnchoredOn, folds: boolean): AnchoredPhrase => {
    const requires = requiresOf(a.compiled, a.sequence);
    return {
      check: checkOf([a], folds),
      required: requires.filter((c) => c.kind !== 'line' && c.kind !== 'table').map((c) => conditionSearchOf(c, folds)),
      lines: requires.flatMap((c) => (c.kind === 'line' ? [c.regex!] : [])),
      tables: requires.flatMap((c) => (c.kind === 'table' ? [c.regex!] : [])),
      wordsBefore: a.anchor,
    };
  };
  const phraseChecksOf = (hit: HitWord, folds: boolean): AnchoredPhrase[] | undefined => {
    const { list } = hit;
    if (list === undefined) return undefined;
    return folds ? (hit.phrasesFolds ??= list.map((a) => anchoredPhraseOf(a, true))) : (hit.phrases ??= list.map((a) => anchoredPhraseOf(a, false)));
  };
  // The checks of the phrases scanned for through a context word (contextAnchored), compiled at the
  // word's first hit as phraseChecksOf's: each phrase's anchor word searched in the block, its check
  // at each of those, and its rule's requirements.
  const contextChecks = [new Map<string, (AnchoredPhrase & { own: Search })[]>(), new Map<string, (AnchoredPhrase & { own: Search })[]>()];
  const contextChecksOf = (word: string, folds: boolean): (AnchoredPhrase & { own: Search })[] => {
    let checks = contextChecks[+folds]!.get(word);
    if (!checks) {
      checks = contextAnchored.get(word)!.map((a) => {
        const source = `${NOT_AFTER_WORD}${alternatives(a.sequence[a.anchor]!.words)}${NOT_BEFORE_WORD}`;
        return { own: remembered(regexSearch(nativeRegExp(source, `g${caseFlags(source, folds)}`))), ...anchoredPhraseOf(a, folds) };
      });
      contextChecks[+folds]!.set(word, checks);
    }
    return checks;
  };
  /**
   * Whether a phrase scanned for through the context word `word` (standing at `at`) may stand in
   * [start, end) with its rule's required context: its anchor word stands in the block, the phrase
   * there, with the required words in the block and its line and table conditions possible there.
   */
  const contextHolds = (text: string, start: number, end: number, word: string, at: number, folded: boolean): boolean => {
    if (dropDownNear(text, at)) return true;
    for (const { own, check, required, lines, tables, wordsBefore } of contextChecksOf(word, folded)) {
      if (!required.every((search) => occursBefore(search(text, start), end))) continue;
      for (let p = own(text, start); p !== -1 && p < end; p = own(text, p + 1)) {
        if (dropDownNear(text, p)) return true;
        if (check(text, p) && lines.every((regex) => lineMayHold(text, p, wordsBefore, regex)) && tables.every((regex) => tableMayHold(text, p, regex)))
          return true;
      }
    }
    return false;
  };
  // Anchor words with a phrase whose rule requires context words: only their phrases need a check
  // each in `confirm` (for the others, the anchor's one check, compiled for `next`, answers).
  const withRequires = (hit: HitWord): boolean =>
    (hit.withRequires ??= hit.list !== undefined && hit.list.some((a) => requiresOf(a.compiled, a.sequence).length > 0));
  // Anchor words that are a whole phrase of their own: the check of that phrase (the word, an
  // apostrophe tail, no letter or digit after) holds at every hit placeAt takes for the anchor, so
  // their checks need no compiling for `next` (about half the anchors MTSamples meets), nor for
  // `confirm` when that phrase's rule requires nothing.
  const alone = (hit: HitWord): boolean => (hit.alone ??= hit.list !== undefined && hit.list.some((a) => a.sequence.length === 1));
  const aloneFree = (hit: HitWord): boolean =>
    (hit.aloneFree ??= hit.list !== undefined && hit.list.some((a) => a.sequence.length === 1 && requiresOf(a.compiled, a.sequence).length === 0));

  // One regex finds, in one pass over the text, every place either kind of phrase may start. It
  // is one trie of words, each with what must follow it:
  //  - an anchor word, then a word boundary (the phrase checks decide at the hit);
  //  - the first word of an enabled retext-equality phrase, apostrophes left out, then a
  //    lookahead for what may follow it in the loose phrase regex (equalityFollows), which lets
  //    the words run together ("downsyndrome");
  //  - a part of such a first word, then an apostrophe or a hyphen: the loose regex allows them
  //    inside a word ("Down's", "he-she"), so "down'" and "he-" are hits.
  // Each hit is confirmed by sticky regexes at that place only. Two versions of the regex: `\b`
  // with flags 'gi' scans about 1.4× faster than the ASCII lookarounds with 'giu', and finds the
  // same hits in a text with no "_" (a word character to `\b`, not to parse-latin) and neither of
  // FOLDS_TO_ASCII; a text with "_" is scanned with the same `\b` regex in a copy with each "_" a
  // space (same length, so the same offsets; see underscoreFree), one with either FOLDS_TO_ASCII
  // character with the lookarounds and 'giu'.
  const equalityOn = rules.equality.size > 0 && rules.equalityPhrases.length > 0;
  // The words scanned for as whole words: anchor words and context words (contextAnchored).
  const scanned = [...new Set([...anchored.keys(), ...contextAnchored.keys()])];
  const equalityFirst = new Set(equalityOn ? rules.equalityPhrases.flatMap((seq) => seq[0]!.words.map((w) => w.replace(/'/g, ''))) : []);
  const equalityParts = new Set([...equalityFirst].flatMap((w) => [...w].map((_, k) => w.slice(0, k + 1))));
  // By folded hit word, what placeAt and the checks after it ask (HitWord): one lookup a hit.
  const hitWords = new Map<string, HitWord>();
  const hitWordOf = (word: string): HitWord => {
    let hit = hitWords.get(word);
    if (hit === undefined) {
      const list = anchored.get(word);
      const context = contextAnchored.has(word);
      // A part of a first word with its apostrophe or hyphen (the trie's and the walk's apostrophe tail).
      const equality = equalityFirst.has(word) || ((word.endsWith("'") || word.endsWith('-')) && equalityParts.has(word.slice(0, -1)));
      hit = { word, list, context, scanned: list !== undefined || context, equality };
      // Only the trie's own words are kept (a case-folding corner is any spelling of one), so the
      // map holds at most one entry per word of the rule set.
      if (hit.scanned || equality) hitWords.set(word, hit);
    }
    return hit;
  };
  const apostropheTail = `[${IGNORED_IN_WORD}]`;
  const trie = (boundaryAfter: string): string => {
    const tails = new Map<string, string[]>();
    const add = (word: string, tail: string) => tails.set(word, [...(tails.get(word) ?? []), tail]);
    // In this order at each word: the anchor's boundary is tried before the tails that match more.
    for (const word of scanned) add(word, /[a-z0-9]$/.test(word) ? boundaryAfter : NOT_BEFORE_WORD);
    for (const word of equalityFirst) add(word, equalityFollows(word, rules));
    for (const part of equalityParts) add(part, apostropheTail);
    return trieSource(tails, escapeRegex);
  };
  const words = [...scanned, ...equalityFirst];
  const any = words.length > 0;
  // Each built on first use: building and compiling them is part of every run's start-up.
  let unicode: RegExp | undefined;
  const scanUnicode = (): RegExp | undefined => (any ? (unicode ??= nativeRegExp(`${NOT_AFTER_WORD}${trie(NOT_BEFORE_WORD)}`, 'giu')) : undefined);
  // `\b` needs every word to start with a letter or digit; words outside ASCII would fold
  // differently without 'u'. Else every text gets the 'giu' version. No word holds "_", so the
  // underscore-free copy of a text (scanned for a text with "_") changes no hit's characters.
  // Asked when the regex is first wanted: a short text is walked and never asks.
  let plainWords: boolean | undefined;
  let ascii: RegExp | undefined;
  const scanAscii = (): RegExp | undefined =>
    any && (plainWords ??= words.every((w) => /^[a-z0-9][\x00-\x7f]*$/.test(w) && !w.includes('_')))
      ? (ascii ??= nativeRegExp(`\\b${trie('\\b')}`, 'gi'))
      : scanUnicode();
  // 'u' makes case folding agree with toLowerCase (e.g. the Kelvin sign is a "k").
  let firstRegex: RegExp | undefined;
  const first = (): RegExp | undefined =>
    scanned.length ? (firstRegex ??= nativeRegExp(`${NOT_AFTER_WORD}${wordsSource(scanned, escapeRegex)}${NOT_BEFORE_WORD}`, 'giu')) : undefined;
  let looseAt: RegExp | undefined;
  const normalize = (s: string) => foldApostrophes(s.toLowerCase());

  let scanText: string | undefined;
  // Which scan regex the last text needs, chosen here but built only when scannerOf asks: a short
  // text is walked (word-walk.ts), and building the regex's source alone was a tenth of a cold start.
  let scan: (() => RegExp | undefined) | undefined;
  let folds = false;
  // What the scan regex reads for the last text: the text itself, or its underscore-free copy.
  let subject: string | undefined;
  /** Whether `text` holds a FOLDS_TO_ASCII character (caseFlags), remembered for the last text. */
  const foldsIn = (text: string): boolean => {
    if (text !== scanText) {
      scanText = text;
      // includes() of a two-byte character in a one-byte string is answered without reading it.
      folds = FOLDS_TO_ASCII.some((ch) => text.includes(ch));
      // A long text with "_" is scanned with the lookarounds, not copied: the copy of a 50 MB
      // document cost about 120 MB more at its peak (bench input 5); the lookaround regex finds the
      // same hits, about 1.4× slower.
      scan = folds || (text.length > UNDERSCORE_COPY_LIMIT && text.includes('_')) ? scanUnicode : scanAscii;
      subject = undefined;
    }
    scanText = text; // adopt this string object (see core/once-per-text.ts recentPerText)
    return folds;
  };
  /** The scan regex for `text` and the string it reads (`text`, or underscoreFree(text) for `\b`). */
  const scannerOf = (text: string): { regex: RegExp; subject: string } | undefined => {
    foldsIn(text);
    const regex = scan!();
    if (!regex) return undefined;
    subject ??= regex === ascii ? underscoreFree(text) : text;
    return { regex, subject };
  };
  const equalityAt = (text: string, at: number): boolean => {
    looseAt ??= nativeRegExp(looseEqualitySource(rules), 'iuy');
    looseAt.lastIndex = at;
    return looseAt.test(text);
  };
  // The same trie walked in JavaScript (word-walk.ts), for short texts: compiling the regex costs
  // more than a one-line check does in all. Each word's tail is left to the checks at the hit.
  let walker: WordWalker | null | undefined;
  const walkerOf = (text: string): WordWalker | undefined => {
    if (!any || text.length > walkLimits.text || (text !== walkedText && walked + text.length > walkLimits.total)) return undefined;
    return anyWalker();
  };
  // The walker whatever the limits: confirmAt walks one position, which costs nothing to compile.
  const anyWalker = (): WordWalker | undefined => {
    if (!any) return undefined;
    if (walker === undefined) {
      const tails = new Map<string, WalkTail[]>();
      addTails(tails, scanned, 'end');
      addTails(tails, equalityFirst, 'end');
      addTails(tails, equalityParts, 'apostrophe');
      walker = wordWalker(tails) ?? null;
    }
    return walker ?? undefined;
  };
  // Characters walked so far: past walkLimits.total, compiling the regex pays for itself.
  let walked = 0;
  let walkedText: string | undefined;
  /**
   * The hits of the one-pass regex in [from, end), confirmed: `anchor` decides an anchor word at a
   * hit (folded), and the first place it or an equality phrase confirms is returned.
   */
  /** The place a hit (`matched` at `at`) confirms, or undefined. */
  const placeAt = (text: string, at: number, matched: string, anchor: (hit: HitWord, at: number) => boolean): Place | undefined => {
    const hit = hitWordOf(normalize(matched));
    const isAnchor = hit.scanned && !isAlnumOrFolding(text.charCodeAt(at + matched.length));
    const isEquality = hit.equality;
    // A hit that is neither (a case-folding corner) is kept: never miss.
    if (!isAnchor && !isEquality) return hit.scanned ? undefined : { index: at, equality: false };
    if (isAnchor && anchor(hit, at)) return { index: at, equality: false };
    if (isEquality && equalityOn && equalityAt(text, at)) return { index: at, equality: true };
    return undefined;
  };
  const scanPlaces = (text: string, from: number, end: number, anchor: (hit: HitWord, at: number) => boolean): Place | undefined => {
    const walk = walkerOf(text);
    if (walk) {
      if (text !== walkedText) walked += text.length;
      walkedText = text;
      let place: Place | undefined;
      walk.walk(text, from, end, (at, matched) => (place = placeAt(text, at, matched, anchor)) !== undefined);
      return place;
    }
    const scanning = scannerOf(text);
    if (!scanning) return undefined;
    const { regex, subject } = scanning;
    regex.lastIndex = from;
    // A hit holds no "_" (no word does), so it reads the same in the copy and in `text`.
    for (let hit = regex.exec(subject); hit && hit.index < end; hit = regex.exec(subject)) {
      const place = placeAt(text, hit.index, hit[0], anchor);
      if (place) return place;
    }
    return undefined;
  };
  // A hit whose folded form is not an anchor (a case-folding corner) is kept: never miss.
  const anchorFound = (hit: HitWord, at: number, text: string): boolean => {
    // A context word: confirm looks for the phrases in its block.
    if (hit.context || alone(hit)) return true;
    const phrase = phraseCheck(hit, foldsIn(text));
    if (!phrase) return true;
    // A template's drop-down list nearby: the phrase may stand in one reading of it only.
    return phrase(text, at) || dropDownNear(text, at);
  };
  // The last place `next` found, remembered per text: asked again from further on (block after
  // block, place after place), it does not scan again to a place it already found.
  let lastText: string | undefined;
  let searchedFrom = 0;
  let found: Place | undefined;
  const nextPlace = (text: string, from: number): Place | undefined => {
    if (text !== lastText || from < searchedFrom || (found !== undefined && found.index < from)) {
      searchedFrom = from;
      found = scanPlaces(text, from, text.length, (hit, at) => anchorFound(hit, at, text));
    }
    lastText = text; // adopt this string object (see core/once-per-text.ts recentPerText)
    return found;
  };
  let equalityWordsRegex: RegExp | undefined;
  const equalityWords = (): RegExp => {
    const anchors = rules.equalityPhrases.flatMap((seq) => seq[anchorOf(seq)]!.words.map((w) => w.replace(/'/g, '')));
    return (equalityWordsRegex ??= nativeRegExp(`${NOT_AFTER_WORD}${wordsSource(anchors, equalityChar)}${NOT_BEFORE_WORD}`, 'iu'));
  };
  let equalityWalker: WordWalker | null | undefined;
  const equalityWalkerOf = (): WordWalker | undefined => {
    if (equalityWalker === undefined) {
      const tails = new Map<string, WalkTail[]>();
      addTails(tails, equalityFirst, 'end');
      addTails(tails, equalityParts, 'apostrophe');
      equalityWalker = wordWalker(tails) ?? null;
    }
    return equalityWalker ?? undefined;
  };
  const scanner: RuleScanner = {
    mayHoldEquality(text) {
      if (!equalityOn) return false;
      if (text.length > walkLimits.text || walked + text.length > walkLimits.total) return true;
      const walk = equalityWalkerOf();
      if (!walk) return true;
      walked += text.length;
      return walk.walk(text, 0, text.length, () => true);
    },
    next(text, from) {
      return nextPlace(text, from)?.index ?? -1;
    },
    mayHold(text) {
      const anchors = first();
      if (anchors) {
        anchors.lastIndex = 0;
        if (anchors.test(text)) return true;
      }
      return equalityWords().test(text);
    },
    confirm(text, start, end) {
      // No place lies between `start` and the first place `next` found from there, and the checks
      // below hold only at places: start from that one when it is remembered.
      let from = start;
      if (text === lastText && searchedFrom <= start && (!found || found.index >= start)) {
        if (!found || found.index >= end) return false;
        if (found.equality) return true;
        from = Math.max(from, found.index);
      }
      return scanPlaces(text, from, end, holdsIn(text, start, end)) !== undefined;
    },
    phrasesByWord: () => [anchored, contextAnchored],
    scanSources() {
      return [...new Set([scanAscii(), scanUnicode()].filter((r) => r !== undefined).map((r) => r.source))];
    },
    confirmAt(text, at, start, end) {
      const walk = anyWalker();
      // Words outside ASCII (a custom rule set): no walker, so the block is scanned as confirm does.
      if (!walk) return scanner.confirm(text, start, end);
      const holds = holdsIn(text, start, end);
      return walk.walk(text, at, at + 1, (hit, matched) => placeAt(text, hit, matched, holds) !== undefined);
    },
  };
  return scanner;
  /** Whether the phrases anchored on `word` at `at` stand there with their required context in [start, end). */
  function holdsIn(text: string, start: number, end: number): (hit: HitWord, at: number) => boolean {
    const folded = foldsIn(text);
    return (hit, at) => {
      if (hit.context) {
        if (contextHolds(text, start, end, hit.word, at, folded)) return true;
        if (hit.list === undefined) return false;
      }
      if (aloneFree(hit)) return true;
      // A template's drop-down list nearby: the phrase may stand in one reading of it only.
      if (dropDownNear(text, at)) return true;
      // The anchor's one check first: it holds where one of its phrases stands.
      if (!alone(hit)) {
        const any = phraseCheck(hit, folded);
        if (!any) return true; // as in `next`: never miss
        if (!any(text, at)) return false;
      }
      if (!withRequires(hit)) return true;
      const checks = phraseChecksOf(hit, folded)!;
      for (const { check, required, lines, tables, wordsBefore } of checks) {
        if (
          check(text, at) &&
          required.every((search) => occursBefore(search(text, start), end)) &&
          lines.every((regex) => lineMayHold(text, at, wordsBefore, regex)) &&
          tables.every((regex) => tableMayHold(text, at, regex))
        )
          return true;
      }
      return false;
    };
  }
}

const scanners = new WeakMap<CompiledRules, RuleScanner>();

/** The scanner for a rule set, built once per rule set. */
export function scannerFor(rules: CompiledRules): RuleScanner {
  let scanner = scanners.get(rules);
  if (!scanner) scanners.set(rules, (scanner = buildScanner(rules)));
  return scanner;
}

/**
 * Adds `tail` to the tails of each of `words` in `tails` (a walker's word list: a word may end a phrase
 * and be the start of an apostrophe form both). forEach, not for-of: this runs once per start, interpreted,
 * where each step of an iterator allocates its result (word-walk.ts wordWalker).
 */
function addTails(tails: Map<string, WalkTail[]>, words: readonly string[] | ReadonlySet<string>, tail: WalkTail): void {
  words.forEach((word: string) => {
    const list = tails.get(word);
    if (list) list.push(tail);
    else tails.set(word, [tail]);
  });
}

/**
 * Every phrase of the rules once, with its rule, in the order the index first meets it. The index
 * holds a phrase once per word its first token may be; the scanner (here) and the build-time
 * anchor choice (scan-choice.ts) each want it once.
 */
export function phrasesOf(rules: CompiledRules): IndexEntry[] {
  // compileRules makes one entry per phrase of a rule, pushed for each of its first words: a phrase
  // is its entry, and a stored phrase's tokens stay unread (compile.ts PhraseEntry).
  const seen = new Set<IndexEntry>();
  const out: IndexEntry[] = [];
  for (const entries of rules.index.values()) {
    for (let k = 0; k < entries.length; k++) {
      const entry = entries[k]!;
      if (seen.has(entry)) continue;
      seen.add(entry);
      out.push(entry);
    }
  }
  return out;
}
