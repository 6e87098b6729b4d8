// The built-in rules in the form cheapest to load at start-up (dist/rules/builtin-lean.json, written
// by scripts/build-rules.js; read by builtin.ts). Parsing the full builtin.json (267 kB) was about
// 36 M instructions of a one-line check, a tenth of its cost over bare Node. This form differs in three
// ways, and compiles to the same rules (test/rule-lean.test.ts):
// - each rule's `examples` (a fifth of the data; only `dignify explain`, the docs and the tests read
//   them) sit in builtin-examples.json, read on first access of `examples`;
// - each set's words are stored normalized and without repeats, the set marked `normalized`
//   (sets.ts normalizedSet), so that a start does not normalize ~2,400 words again;
// - each stored pattern expansion (compile.ts, PrecompiledRuleFile) is a JSON string, decoded when a
//   rule first needs that pattern: JSON.parse scans a string far faster than it builds the nested
//   arrays, and a one-line check decodes only the patterns of the rules' phrases and of the rules it
//   meets;
// - each rule's own condition and exception expansions (ruleExpansions, 43% of the data) sit in a
//   third text, builtin-expansions.txt, the lean file giving each rule's range of it, read when that
//   rule is first compiled: a start neither reads nor parses the others (a one-line check compiles
//   only the rules it meets; BENCHMARKS.md, branch cold9);
// - so do each rule's `conditions` (150 kB, 37% of what was left), after the expansions, read at the
//   rule's first compile or at the first read of its `conditions` (an accessor): a start touched ~185
//   pages for their text and objects (BENCHMARKS.md, branch cold10).
import { frozenCopy } from '../core/frozen.js';
import { type AnchorToken, anchorOf } from '../match/anchor.js';
import type { LoadedRuleFile } from './load.js';
import { normalizedSet, setWordsOf } from './sets.js';

/**
 * The built-in rules' `match` phrases as the lean form stores them (compile.ts reads them; lean.ts
 * fromLeanForm makes this from the lean file's `phraseHeads`). `heads`: by pattern, one text
 * `START END HEAD…`: the [START, END) range of `text` holding the JSON of the pattern's sequences
 * (StoredToken[][]), then for each sequence its head, `FIRST` or `FIRST:K:ANCHOR` (anchor.ts anchorOf
 * gave token K, K > 0), each token written `@set` or its words joined by "|". A start indexes the
 * phrases by these heads and builds the scanner from them, and restores a phrase's tokens at its first
 * read (compile.ts PhraseEntry).
 */
export interface StoredPhrases {
  heads: Record<string, string>;
  /** The whole text the ranges index: an accessor that reads it, so that a clone for a worker (pool.ts) holds it. */
  readonly text: string;
  /** [start, end) of `text`, read alone: not enumerable, so a clone has `text` only. */
  read?: (start: number, end: number) => string;
}

/** compile.ts's PrecompiledRuleFile, as far as this module needs it (compile.ts imports this module). */
interface PrecompiledRuleFile extends LoadedRuleFile {
  expansions?: Record<string, unknown>;
  expansionSets?: string[];
  ruleExpansions?: Record<string, string>;
  storedPhrases?: StoredPhrases;
}

/** The lean file's own fields beside a rule file's: [start, end) ranges of the expansions text, by rule id; the stored phrases' heads and the end of their text. */
interface LeanRuleFile extends PrecompiledRuleFile {
  ruleExpansionsAt?: Record<string, [number, number]>;
  conditionsAt?: Record<string, [number, number]>;
  phraseHeads?: Record<string, string>;
  phraseTextEnd?: number;
}

/** A stored token (compile.ts StoredToken): its words, or the name of the set it stands for. */
type StoredToken = string[] | { set: string };

// What separates the parts of a stored head (StoredPhrases): no rule word holds one (leanForm checks).
const HEAD_SEPARATORS = /[ |:@]/;

/**
 * The heads text of one pattern's sequences (StoredPhrases.heads without the range): each sequence's
 * first token and, when it is not that one, its anchor (anchor.ts anchorOf, reading a set token's
 * words in `setWords`). Throws an Error for a word holding a separator or a set not in `setWords`.
 */
export function headsOf(sequences: readonly StoredToken[][], setWords: ReadonlyMap<string, string[]>): string {
  const tokenOf = (t: StoredToken): AnchorToken => {
    if (Array.isArray(t)) return { words: t };
    const words = setWords.get(t.set);
    if (!words) throw new Error(`leanForm: a stored phrase names set "${t.set}", which no file defines`);
    return { words, set: t.set };
  };
  const ref = (t: StoredToken): string => {
    if (!Array.isArray(t)) return `@${t.set}`;
    for (const w of t) if (w === '' || HEAD_SEPARATORS.test(w)) throw new Error(`leanForm: the word "${w}" cannot be stored in a phrase's head`);
    return t.join('|');
  };
  return sequences
    .map((seq) => {
      const anchor = anchorOf(seq.map(tokenOf));
      return anchor === 0 ? ref(seq[0]!) : `${ref(seq[0]!)}:${anchor}:${ref(seq[anchor]!)}`;
    })
    .join(' ');
}

type RuleDefinition = LoadedRuleFile['rules'][number];

/**
 * Every pattern of a rule's conditions (their words, `except` and `forms`) and of its formSuggestions'
 * forms, which compile with the conditions (compile.ts); a `line` condition's regex is not a pattern.
 */
export function conditionPatterns(def: RuleDefinition): string[] {
  const out: string[] = [];
  for (const entry of def.formSuggestions ?? []) out.push(...entry.forms);
  for (const kind of ['requires', 'unless'] as const) {
    // A `line` regex compiled late cannot fail either: load.ts compiled it when the file was validated.
    for (const c of def.conditions?.[kind] ?? []) {
      for (const list of [c.before, c.after, c.sentence, c.subject, c.except, c.forms]) if (list) out.push(...list);
    }
  }
  return out;
}

type Examples = LoadedRuleFile['rules'][number]['examples'];

/**
 * The three files of the lean form: rules and expansions (`lean`), examples by rule id (`examples`),
 * both JSON text; and each rule's own expansions (`expansions`), one JSON text after another, ASCII,
 * the lean files' `ruleExpansionsAt` giving each rule's [start, end) in it.
 */
export function leanForm(files: readonly PrecompiledRuleFile[]): { lean: string; examples: string; expansions: string } {
  const examples: Record<string, Examples> = {};
  let expansions = '';
  const all = files[0]?.expansions;
  let firstPhrases: { phraseHeads: Record<string, string>; phraseTextEnd: number } | undefined;
  // The expansions every start restores (the rules' `match` patterns, the files' exceptions) stay on
  // the first file; each rule's own condition and exception patterns go with its file, by rule id,
  // as one JSON text per rule (ruleExpansions, read by compile.ts when that rule is first compiled).
  // The `match` phrases of the rules that are not retext-equality's are stored by their heads
  // (StoredPhrases), their sequences in the expansions text: a start reads only the heads. The
  // retext-equality phrases (the scanner reads all of their words) and the files' exceptions stay here.
  const headed = new Set(files.flatMap((file) => file.rules.flatMap((rule) => (rule.equality ? [] : rule.match))));
  const atStart = new Set(files.flatMap((file) => [...(file.exceptions ?? []), ...file.rules.flatMap((rule) => (rule.equality ? rule.match : []))]));
  const setWords = new Map(files.flatMap((file) => Object.entries(file.sets ?? {}).map(([name, set]) => [name, setWordsOf(set)] as const)));
  const lean = files.map((file) => {
    const rules = file.rules.map(({ examples: ruleExamples, ...rule }) => {
      examples[rule.id] = ruleExamples;
      return rule;
    });
    const out: Record<string, unknown> = { ...file, rules };
    // The sets' words stored normalized (sets.ts normalizedSet): a start no longer normalizes them.
    if (file.sets) out.sets = Object.fromEntries(Object.entries(file.sets).map(([name, set]) => [name, normalizedSet(set)]));
    if (all) {
      const ruleExpansionsAt: Record<string, [number, number]> = {};
      for (const rule of file.rules) {
        const own: Record<string, unknown> = {};
        for (const pattern of [...conditionPatterns(rule), ...(rule.exceptions ?? [])]) {
          if (!Object.hasOwn(all, pattern)) throw new Error(`leanForm: rule ${rule.id}: no stored expansion for "${pattern}"`);
          if (!atStart.has(pattern) && !headed.has(pattern)) own[pattern] = all[pattern];
        }
        const text = asciiJson(JSON.stringify(own));
        ruleExpansionsAt[rule.id] = [expansions.length, expansions.length + text.length];
        expansions += text;
      }
      out.ruleExpansionsAt = ruleExpansionsAt;
      // Each rule's conditions, after the expansions: the lean rule keeps none (fromLeanForm gives it an accessor).
      const conditionsAt: Record<string, [number, number]> = {};
      for (const rule of rules) {
        if (rule.conditions === undefined) continue;
        const text = asciiJson(JSON.stringify(rule.conditions));
        conditionsAt[rule.id] = [expansions.length, expansions.length + text.length];
        expansions += text;
        delete rule.conditions;
      }
      out.conditionsAt = conditionsAt;
    }
    // The stored phrases, after every file's own expansions and conditions: with the first file, as `expansions`.
    if (all && file === files[files.length - 1]) {
      const heads: Record<string, string> = {};
      for (const pattern of headed) {
        if (!Object.hasOwn(all, pattern)) throw new Error(`leanForm: no stored expansion for the match pattern "${pattern}"`);
        const sequences = all[pattern] as StoredToken[][];
        const text = asciiJson(JSON.stringify(sequences));
        heads[pattern] = `${expansions.length} ${expansions.length + text.length} ${headsOf(sequences, setWords)}`;
        expansions += text;
      }
      firstPhrases = { phraseHeads: heads, phraseTextEnd: expansions.length };
    }
    if (file.expansions) {
      out.expansions = Object.fromEntries(
        Object.entries(file.expansions)
          .filter(([pattern]) => atStart.has(pattern))
          .map(([pattern, seqs]) => [pattern, JSON.stringify(seqs)]),
      );
    }
    return out;
  });
  if (firstPhrases) Object.assign(lean[0]!, firstPhrases);
  return { lean: asciiJson(JSON.stringify(lean)), examples: JSON.stringify(examples), expansions };
}

/**
 * JSON text with each character past ASCII written as a \uXXXX escape (the same value). A few such
 * characters ("≥" in a suggestion) made the whole file a two-byte string when read: UTF-8 decoding
 * and a two-byte JSON.parse, ~10 M instructions more at every start.
 */
function asciiJson(json: string): string {
  return json.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const examplesBy = new WeakMap<object, () => Record<string, Examples>>();

// One getter and one setter for every rule, so that every rule object keeps one shape (V8 shares a
// map only between objects given the same accessor functions). Not enumerable: spreading a rule
// definition (compileRules, presets.ts) or cloning it for a worker (pool.ts) does not read the file.
function getExamples(this: { id: string }): Examples {
  const all = examplesBy.get(this)!();
  const examples = all[this.id];
  if (!examples) throw new Error(`builtin-examples.json has no examples for rule ${this.id} (rebuild: npm run build)`);
  return examples;
}
function setExamples(this: object, value: Examples): void {
  Object.defineProperty(this, 'examples', { value, writable: true, enumerable: true, configurable: true });
}

type Conditions = RuleDefinition['conditions'];

const conditionsBy = new WeakMap<object, () => Conditions>();

// As for examples, one getter and one setter for every lean rule (rules with no conditions too: their
// getter gives undefined), so that every rule keeps one shape. Enumerable, unlike examples: a clone
// for a worker (pool.ts) or a spread of a rule holds the conditions, which matching needs; compileRules
// leaves them out of its spread of a definition (definitionFields) and gives the Rule this accessor.
function getConditions(this: object): Conditions {
  return conditionsBy.get(this)!();
}
function setConditions(this: object, value: Conditions): void {
  Object.defineProperty(this, 'conditions', { value, writable: true, enumerable: true, configurable: true });
}

/** Whether `rule`'s `conditions` is the lean form's accessor (no value set over it), which a spread would call. */
function hasLazyConditions(rule: object): boolean {
  return Object.getOwnPropertyDescriptor(rule, 'conditions')?.get === getConditions;
}

// The loader of every lean rule without conditions.
const noConditions = (): Conditions => undefined;

function defineLazyConditions(target: object, load: () => Conditions): void {
  conditionsBy.set(target, load);
  Object.defineProperty(target, 'conditions', { get: getConditions, set: setConditions, enumerable: true, configurable: true });
}

/**
 * `def` itself, or, for a rule of the lean form whose conditions are not read yet, a copy of its other
 * own enumerable fields: spreading `def` would read them (compileRules builds a Rule from this).
 */
export function definitionFields<T extends object>(def: T): T {
  if (!hasLazyConditions(def)) return def;
  // Copied key by key: V8 calls the getter of a key that rest properties (`{ conditions, ...fields }`) leave out.
  const fields: Record<string, unknown> = {};
  const keys = Object.keys(def);
  for (let i = 0; i < keys.length; i++) if (keys[i] !== 'conditions') fields[keys[i]!] = (def as Record<string, unknown>)[keys[i]!];
  return fields as T;
}

/**
 * Gives `target` (a compiled Rule copied from a rule definition by compileRules) the lazy `examples`
 * and `conditions` of `source` when `source` has them (the lean form's rules). Returns whether it did.
 */
export function copyLazyFields(source: object, target: object): boolean {
  const examples = examplesBy.get(source);
  const conditions = conditionsBy.get(source);
  if (examples) defineLazyExamples(target, examples);
  if (conditions && hasLazyConditions(source)) defineLazyConditions(target, conditions);
  return examples !== undefined || conditions !== undefined;
}

function defineLazyExamples(target: object, load: () => Record<string, Examples>): void {
  examplesBy.set(target, load);
  Object.defineProperty(target, 'examples', { get: getExamples, set: setExamples, enumerable: false, configurable: true });
}

/**
 * The rule files from the lean form's text. `loadExamples` returns builtin-examples.json's content;
 * it is called once, at the first read of any rule's `examples`. `readExpansions(start, end)` returns
 * that range of the expansions text: each file's `ruleExpansions[id]` reads its rule's range when
 * asked for (an enumerable getter, so a clone for a worker holds the text), and each rule's
 * `conditions` (an enumerable accessor) its range when first read. Throws SyntaxError for text that
 * is not JSON.
 */
export function fromLeanForm(
  text: string,
  loadExamples: () => Record<string, Examples>,
  readExpansions: (start: number, end: number) => string,
): PrecompiledRuleFile[] {
  const files = JSON.parse(text) as LeanRuleFile[];
  let all: Record<string, Examples> | undefined;
  // Frozen when read, as the compiled rules that give them are (compile.ts freezeRule).
  const load = () => (all ??= frozenCopy(loadExamples()));
  for (const file of files) {
    if (file.phraseHeads) {
      file.storedPhrases = storedPhrases(file.phraseHeads, file.phraseTextEnd!, readExpansions);
      delete file.phraseHeads;
      delete file.phraseTextEnd;
    }
    const conditionsAt = file.conditionsAt;
    delete file.conditionsAt;
    for (const rule of file.rules) {
      defineLazyExamples(rule, load);
      // Read and parsed once, at the first read: every read gives the same object, as a plain field did.
      const range = conditionsAt && Object.hasOwn(conditionsAt, rule.id) ? conditionsAt[rule.id]! : undefined;
      let conditions: Conditions;
      if (conditionsAt)
        defineLazyConditions(rule, range ? () => (conditions ??= frozenCopy(JSON.parse(readExpansions(range[0], range[1])) as Conditions)) : noConditions);
    }
    const at = file.ruleExpansionsAt;
    if (at) {
      delete file.ruleExpansionsAt;
      const ruleExpansions: Record<string, string> = {};
      for (const id of Object.keys(at)) {
        const [start, end] = at[id]!;
        Object.defineProperty(ruleExpansions, id, { get: () => readExpansions(start, end), enumerable: true, configurable: true });
      }
      file.ruleExpansions = ruleExpansions;
    }
  }
  return files;
}

/** The lean file's stored phrases (StoredPhrases): `heads`, ranges of [0, `end`) read by `readExpansions`. */
function storedPhrases(heads: Record<string, string>, end: number, readExpansions: (start: number, end: number) => string): StoredPhrases {
  let text: string | undefined;
  const phrases = {
    heads,
    get text(): string {
      return (text ??= readExpansions(0, end));
    },
  } as StoredPhrases;
  Object.defineProperty(phrases, 'read', { value: readExpansions, enumerable: false });
  return phrases;
}
