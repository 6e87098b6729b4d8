// The fast path's scanner, derived from the compiled rules: where in raw text could a rule phrase
// be? It must never miss a block the matcher would report in (it may name places that come to
// nothing). Two stages: one regex finds every rule phrase's anchor word standing as a whole word,
// then, at each hit only, a sticky regex checks that a whole phrase of a rule holding that anchor
// stands around it (the words before it by lookbehind), allowing anything the tokenizer treats as
// joining two words. A third regex finds the phrases of the enabled retext-equality rules (whole
// words, apostrophes allowed anywhere in them, as retext-equality ignores apostrophes).
//
// The anchor is the word of a phrase least likely in ordinary text ("noncompliant" in "was
// noncompliant"), not its first word: first words such as "was", "a" and "is" stood in 215,000
// places of MTSamples' 15 MB, anchors stand in 16,000. Which word is the anchor changes the speed,
// never the result.
import type { CompiledCondition, CompiledRules } from '../rules/compile.js';
import type { PatternToken, TokenSequence } from '../rules/pattern.js';
import { escapeRegex as escapeSyntax, trieSource, wordsSource } from '../rules/word-regex.js';

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
  if (source === undefined) alternativesOf.set(words, (source = `(?:${[...words].sort((a, b) => b.length - a.length).map(escapeRegex).join('|')})`));
  return source;
}

// Words too common to anchor a phrase on.
const COMMON = new Set(['a', 'an', 'the', 'is', 'was', 'be', 'been', 'being', 'are', 'were', 'am', 'not', 'no', 'also', 'now', 'still', 'of', 'with', 'and', 'or', 'to', 'in', 'on', 'for', 'has', 'had', 'have', 'he', 'she', 'his', 'her', 'this', 'that', 'as', 'at', 'by']);

// By word list, as alternativesOf.
const rarityOf = new WeakMap<readonly string[], number>();

function rarity(t: PatternToken): number {
  let r = rarityOf.get(t.words);
  if (r === undefined) rarityOf.set(t.words, (r = Math.min(...t.words.map((w) => (COMMON.has(w) ? 0 : w.length)))));
  return r;
}

/** The index of the token a sequence is scanned for: no common word, else the longest shortest word. */
export function anchorOf(sequence: TokenSequence): number {
  let best = 0;
  sequence.forEach((token, k) => {
    if (rarity(token) > rarity(sequence[best]!)) best = k;
  });
  return best;
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
   * sentence lies in one block. Line conditions are not looked at (a line may run past a block
   * that ends at "\r\r").
   */
  confirm(text: string, start: number, end: number): boolean;
  /**
   * Whether any anchor word, or the anchor word of an enabled retext-equality phrase (apostrophes
   * ignored), stands in the text as a whole word: the quick test for Markdown and HTML, whose
   * markup may stand between a phrase's words but not inside one of them.
   */
  mayHold(text: string): boolean;
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
      lastText = text;
      searchedFrom = from;
      found = search(text, from);
    }
    return found;
  };
}

// The apostrophes retext-equality ignores ("Down's" is "downs" to it), any number of them.
const IGNORED_APOSTROPHES = "'\u2018\u2019\u02bc";
const EQUALITY_APOSTROPHES = `[${IGNORED_APOSTROPHES}]*`;

/** A word of a retext-equality phrase, letter by letter, with any apostrophes after each letter. */
function equalityChar(ch: string): string {
  return escapeSyntax(ch) + EQUALITY_APOSTROPHES;
}

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
  if (!regex) {
    const join = `[\\s\\u0085\\-\\u2010\\u2011${IGNORED_APOSTROPHES}]*`;
    const word = (w: string) => [...w.replace(/'/g, '')].map(equalityChar).join('');
    const tails = new Map<string, string[]>();
    for (const seq of rules.equalityPhrases) {
      const rest = seq
        .slice(1)
        .map((t) => `${join}(?:${t.words.map(word).join('|')})`)
        .join('');
      for (const w of seq[0]!.words) {
        const key = w.replace(/'/g, '');
        tails.set(key, [...(tails.get(key) ?? []), rest]);
      }
    }
    const phrases = trieSource(tails, equalityChar);
    looseRegexes.set(rules, (regex = new RegExp(`(?<![\\p{L}\\p{N}])${phrases}(?![\\p{L}\\p{N}])`, 'giu')));
  }
  return regex;
}

/** The first match of a global regex at or after `from`. */
function regexSearch(regex: RegExp): Search {
  return (text, from) => {
    regex.lastIndex = from;
    return regex.exec(text)?.index ?? -1;
  };
}

interface AnchoredPhrase {
  /** Sticky: the phrase stands around an anchor hit. */
  check: RegExp;
  /** What must occur in the same block: one search per required condition. */
  required: Search[];
}

/** A regex finding any of a condition's phrases as whole words (the same looseness as the phrase checks). */
function conditionRegex(condition: CompiledCondition): RegExp {
  const phrase = (seq: TokenSequence) => seq.map((t) => alternatives(t.words) + TAIL).join(JOIN);
  return new RegExp(`${NOT_AFTER_WORD}(?:${condition.sequences.map(phrase).join('|')})${NOT_BEFORE_WORD}`, 'giu');
}

/** Did a search find something before `end`? */
function occursBefore(found: number, end: number): boolean {
  return found !== -1 && found < end;
}

function buildScanner(rules: CompiledRules): Scanner {
  // Anchor word → the phrases anchored on it, with the conditions their rules require.
  const anchored = new Map<string, { sequence: TokenSequence; anchor: number; requires: CompiledCondition[] }[]>();
  for (const entries of rules.index.values()) {
    for (const { compiled, sequence } of entries) {
      const anchor = anchorOf(sequence);
      const requires = compiled.requires.filter((c) => c.kind !== 'line' && c.sequences.length > 0);
      for (const word of sequence[anchor]!.words) {
        const list = anchored.get(word);
        if (list) list.push({ sequence, anchor, requires });
        else anchored.set(word, [{ sequence, anchor, requires }]);
      }
    }
  }
  // Each anchor's checks are compiled at the anchor's first hit: a run meets few of them, and
  // compiling all (130 kB of regex source) was a tenth of the CLI's start-up. One regex per anchor
  // for `next`; one per phrase, with its rule's conditions, for `confirm`.
  const phrases = new Map<string, RegExp>();
  const phraseCheck = (word: string): RegExp | undefined => {
    let regex = phrases.get(word);
    const list = regex ? undefined : anchored.get(word);
    if (list) phrases.set(word, (regex = new RegExp([...new Set(list.map((a) => anchoredSource(a.sequence, a.anchor)))].join('|'), 'iuy')));
    return regex;
  };
  // A condition's search remembers its last answer, so asking block after block in order scans the
  // text once (not once per block).
  const conditionSearches = new Map<CompiledCondition, Search>();
  const conditionSearchOf = (c: CompiledCondition): Search =>
    conditionSearches.get(c) ?? conditionSearches.set(c, remembered(regexSearch(conditionRegex(c)))).get(c)!;
  const phraseChecks = new Map<string, AnchoredPhrase[]>();
  const phraseChecksOf = (word: string): AnchoredPhrase[] | undefined => {
    let checks = phraseChecks.get(word);
    const list = checks ? undefined : anchored.get(word);
    if (list) {
      checks = list.map((a) => ({ check: new RegExp(anchoredSource(a.sequence, a.anchor), 'iuy'), required: a.requires.map(conditionSearchOf) }));
      phraseChecks.set(word, checks);
    }
    return checks;
  };
  // 'u' makes case folding agree with toLowerCase (e.g. the Kelvin sign is a "k").
  const first = anchored.size ? new RegExp(`${NOT_AFTER_WORD}${wordsSource(anchored.keys(), escapeRegex)}${NOT_BEFORE_WORD}`, 'giu') : undefined;
  const normalize = (s: string) => s.toLowerCase().replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'");
  const nextRule = remembered((text, from) => {
    if (!first) return -1;
    first.lastIndex = from;
    for (let hit = first.exec(text); hit; hit = first.exec(text)) {
      const phrase = phraseCheck(normalize(hit[0]));
      // A hit whose folded form is not an anchor (a case-folding corner) is kept: never miss.
      if (!phrase) return hit.index;
      phrase.lastIndex = hit.index;
      if (phrase.test(text)) return hit.index;
    }
    return -1;
  });
  const nextEquality = rules.equality.size > 0 ? remembered(regexSearch(looseEqualityRegex(rules))) : () => -1;
  const equalityAnchors = rules.equalityPhrases.flatMap((seq) => seq[anchorOf(seq)]!.words.map((w) => w.replace(/'/g, '')));
  const equalityWords = new RegExp(`${NOT_AFTER_WORD}${wordsSource(equalityAnchors, equalityChar)}${NOT_BEFORE_WORD}`, 'iu');
  const phraseInBlock = (text: string, start: number, end: number): boolean => {
    if (!first) return false;
    first.lastIndex = start;
    for (let hit = first.exec(text); hit && hit.index < end; hit = first.exec(text)) {
      const checks = phraseChecksOf(normalize(hit[0]));
      if (!checks) return true; // as in nextRule: never miss
      for (const { check, required } of checks) {
        check.lastIndex = hit.index;
        if (check.test(text) && required.every((search) => occursBefore(search(text, start), end))) return true;
      }
    }
    return false;
  };
  return {
    next(text, from) {
      const a = nextRule(text, from);
      const b = nextEquality(text, from);
      return a === -1 ? b : b === -1 ? a : Math.min(a, b);
    },
    mayHold(text) {
      if (first) {
        first.lastIndex = 0;
        if (first.test(text)) return true;
      }
      return equalityWords.test(text);
    },
    confirm(text, start, end) {
      return occursBefore(nextEquality(text, start), end) || phraseInBlock(text, start, end);
    },
  };
}

const scanners = new WeakMap<CompiledRules, Scanner>();

/** The scanner for a rule set, built once per rule set. */
export function scannerFor(rules: CompiledRules): Scanner {
  let scanner = scanners.get(rules);
  if (!scanner) scanners.set(rules, (scanner = buildScanner(rules)));
  return scanner;
}
