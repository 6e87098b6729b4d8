// The pattern language of rules/*.yaml, expanded into plain token sequences.
//
//   drug abuse          two words; matches "drug abuse", "drug-abuse", "drug\nabuse"
//   drug-seeking        also matches the closed form "drugseeking"
//   abuse(s|d|r)        abuse, abuses, abused, abuser
//   iv? drug abuse      optional word
//   clean|dirty urine   either word
//   non-compliant|compliance   non-compliant or non-compliance (| lists one part's alternatives)
//   crackhead|crack-head|pot-head   each option a whole word (two options hyphenated, or one in the middle)
//   {drug} abuse        any word of the set "drug", captured for suggestions

/** One position of a token sequence: the normalized words it accepts, and the set it captures for. */
export interface PatternToken {
  words: string[];
  /** The same words, for constant-time lookup while matching. */
  lookup: ReadonlySet<string>;
  set?: string;
}

export type TokenSequence = PatternToken[];

/**
 * A token of words (not a set), its `lookup` made at the first read: a start restores the ~2,000 word
 * tokens of the built-in rules' phrases (compile.ts `restore`), and the scanner (prefilter.ts) reads
 * only their words, while a one-line check matches against a few of them; making a Set for each was
 * ~330 of a start's page faults (BENCHMARKS.md, branch cold11). A class, so every word token, stored
 * or expanded, has one shape for the matcher.
 */
export class WordToken implements PatternToken {
  #lookup: ReadonlySet<string> | undefined;
  constructor(readonly words: string[]) {}
  get lookup(): ReadonlySet<string> {
    if (!this.#lookup) {
      this.#lookup = new Set(this.words);
      lookupsMade++;
    }
    return this.#lookup;
  }
}

let lookupsMade = 0;

/** How many word tokens' lookups were made so far in this process (a test checks that a start makes none it does not match against). */
export function wordLookupsMade(): number {
  return lookupsMade;
}

export class PatternError extends Error {}

const APOSTROPHE_LIKE = /[\u2018\u2019\u02bc\u0060\u00b4]/g;

/**
 * `word` with each curly or modifier apostrophe, backtick and acute accent as "'". Most words hold
 * none, and then the word itself is returned after a look at its characters: every token of a
 * parsed sentence and every hit of the first stage is normalized (about 160,000 a pass over
 * MTSamples), and a global regex's replace cost more than the look.
 */
export function foldApostrophes(word: string): string {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === 0x2018 || c === 0x2019 || c === 0x2bc || c === 0x60 || c === 0xb4) return word.replace(APOSTROPHE_LIKE, "'");
  }
  return word;
}

/** The form in which both rule words and text words are compared. */
export function normalizeWord(word: string): string {
  let w = foldApostrophes(word.toLowerCase());
  // Possessives match their noun: "addict's", "addicts'".
  if (w.endsWith("'s") && w.length > 2) w = w.slice(0, -2);
  else if (w.endsWith("'") && w.length > 1) w = w.slice(0, -1);
  return w;
}

// RULE_CHECKS labels the checks of a pattern's syntax: the warehouse build drops them (esbuild
// dropLabels, scripts/bundle-warehouse.js), its patterns being the built-in ones, which the build
// expanded with them (scripts/build-rules.js). Every other build keeps them (compile.ts says the same).

/** Splits on `sep` outside parentheses. */
function splitTopLevel(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    RULE_CHECKS: if (depth < 0) throw new PatternError(`unbalanced ")" in "${text}"`);
    if (ch === sep && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  RULE_CHECKS: if (depth !== 0) throw new PatternError(`unbalanced "(" in "${text}"`);
  parts.push(current);
  return parts;
}

/** "abuse(s|d)" → ["abuse", "abuses", "abused"]: a group is optional and offers its alternatives. */
function expandGroups(word: string): string[] {
  const open = word.indexOf('(');
  if (open === -1) return [word];
  let depth = 0;
  let close = -1;
  for (let i = open; i < word.length; i++) {
    if (word[i] === '(') depth++;
    else if (word[i] === ')' && --depth === 0) {
      close = i;
      break;
    }
  }
  RULE_CHECKS: if (close === -1) throw new PatternError(`unbalanced "(" in "${word}"`);
  const head = word.slice(0, open);
  const options = ['', ...splitTopLevel(word.slice(open + 1, close), '|')];
  const tails = expandGroups(word.slice(close + 1));
  const out: string[] = [];
  for (const option of options) for (const inner of expandGroups(option)) for (const tail of tails) out.push(head + inner + tail);
  return out;
}

function expandAlternatives(part: string, pattern: string): string[] {
  const words = new Set<string>();
  for (const alternative of splitTopLevel(part, '|')) {
    RULE_CHECKS: if (alternative === '') throw new PatternError(`empty alternative in "${pattern}"`);
    for (const w of expandGroups(alternative)) if (w) words.add(normalizeWord(w));
  }
  return [...words];
}

const SET_REF = /^\{([a-z][a-z0-9_-]*)\}$/i;
const COMPOUND_LIMIT = 400;

const HYPHEN = /-(?![^{]*\})/;

/**
 * A word's options when some of them are whole hyphenated words. `|` lists the alternatives of
 * one part of a hyphenated word when only the first or the last option holds a hyphen
 * (`non-compliant|compliance` is non-compliant or non-compliance, `un|non-compliant` is
 * uncompliant or noncompliant). When two options hold a hyphen, or a hyphenated option stands
 * between two others, each option is a whole word: `drug-seeking|narcotic-seeking`,
 * `crackhead|crack-head|pothead` (read part by part, the list would split at the hyphen).
 */
function wholeWordOptions(word: string): string[] {
  const options = splitTopLevel(word, '|');
  const hyphenated = options.map((option) => HYPHEN.test(option));
  const count = hyphenated.filter(Boolean).length;
  if (count === 0 || (count === 1 && (hyphenated[0] || hyphenated[options.length - 1]))) return [word];
  return options;
}

/** The token runs one word of a pattern (no `?`) stands for: its parts, and its closed form. */
function runsOf(word: string, raw: string, pattern: string, sets: ReadonlyMap<string, string[]>): TokenSequence[] {
  // Hyphens outside {set} references separate the parts of a hyphenated word.
  const parts = word.split(HYPHEN).filter((p) => p !== '');
  RULE_CHECKS: if (parts.length === 0) throw new PatternError(`"${raw}" has no word in "${pattern}"`);
  const tokens: PatternToken[] = parts.map((part) => {
    const ref = SET_REF.exec(part);
    if (ref) {
      const name = ref[1]!;
      const words = sets.get(name);
      RULE_CHECKS: if (!words) throw new PatternError(`unknown set {${name}} in "${pattern}"`);
      return { words, lookup: new Set(words), set: name };
    }
    RULE_CHECKS: if (/[{}]/.test(part)) throw new PatternError(`malformed set reference "${part}" in "${pattern}"`);
    const words = expandAlternatives(part, pattern);
    return new WordToken(words);
  });
  const runs: TokenSequence[] = [tokens];
  if (tokens.length > 1 && tokens.every((t) => !t.set)) {
    // The closed form of a hyphenated word: "non-compliant" → "noncompliant".
    let closed = [''];
    for (const t of tokens) {
      closed = closed.flatMap((head) => t.words.map((w) => head + w));
      RULE_CHECKS: if (closed.length > COMPOUND_LIMIT) throw new PatternError(`"${raw}" expands to too many closed forms`);
    }
    runs.push([new WordToken(closed)]);
  }
  return runs;
}

/**
 * Expands one pattern into every token sequence it stands for.
 * `sets` maps a set name to its normalized words.
 */
export function expandPattern(pattern: string, sets: ReadonlyMap<string, string[]>): TokenSequence[] {
  const rawWords = pattern.trim().split(/\s+/);
  RULE_CHECKS: if (rawWords.length === 0 || rawWords[0] === '') throw new PatternError('empty pattern');
  // Each word position offers one or more alternative token runs (a hyphenated word is a run of
  // tokens, or one closed-form token); an optional word also offers the empty run.
  const positions: TokenSequence[][] = rawWords.map((raw) => {
    let word = raw;
    const optional = word.endsWith('?');
    if (optional) word = word.slice(0, -1);
    RULE_CHECKS: if (!word) throw new PatternError(`lone "?" in "${pattern}"`);
    const runs = wholeWordOptions(word).flatMap((option) => runsOf(option, raw, pattern, sets));
    if (optional) runs.push([]);
    return runs;
  });
  let sequences: TokenSequence[] = [[]];
  for (const runs of positions) {
    sequences = sequences.flatMap((seq) => runs.map((run) => [...seq, ...run]));
  }
  const nonEmpty = sequences.filter((s) => s.length > 0);
  RULE_CHECKS: if (nonEmpty.length === 0) throw new PatternError(`"${pattern}" can match nothing`);
  return nonEmpty;
}
