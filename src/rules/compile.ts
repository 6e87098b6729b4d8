// Turns validated rule files into the structures the matcher needs: token sequences indexed by
// their first word, compiled conditions, and the list of trigger words the fast path scans for.
import { frozenCopy } from '../core/frozen.js';
import type { Rule, RuleSet, SetValue } from '../types.js';
import type { LoadedRuleFile } from './load.js';
import { RuleFileError } from './errors.js';
import { conditionPatterns, copyLazyFields, definitionFields, type StoredPhrases } from './lean.js';
import { expandPattern, PatternError, type TokenSequence, WordToken } from './pattern.js';
import { setValuesOf, setWordsOf } from './sets.js';
import { escapeRegex, wordsSource } from './word-regex.js';

export const DOCS_URL = 'https://github.com/dignify-lint/dignify/blob/main/docs/rules.md';

export interface CompiledCondition {
  kind: 'before' | 'after' | 'sentence' | 'line' | 'table' | 'list' | 'subject' | 'described';
  sequences: TokenSequence[];
  within: number;
  /** before/after: the window stops at punctuation. */
  clause: boolean;
  /** before/after: the window stops at the end of the noun phrase (ConditionDefinition.phrase). */
  phrase?: boolean;
  /** sentence: also look in the previous sentence of the paragraph. */
  previous: boolean;
  /** sentence: also look in the next sentence of the paragraph. */
  next?: boolean;
  regex?: RegExp;
  /** Phrases that do not count as an occurrence where they stand (before/after/sentence). */
  except?: TokenSequence[];
  /** Only for matches that are exactly one of these phrases. */
  forms?: TokenSequence[];
  /** Holds only in a note whose patient is a child (ConditionDefinition.patient). */
  patient?: 'child' | 'young-child';
  /** described: read only the noun phrase the match stands in (ConditionDefinition.described). */
  inPhrase?: boolean;
  /** table: `regex` is tested on the header cell of the match's column, not the header row (ConditionDefinition.column). */
  column?: boolean;
}

/** `*` in a condition's words: any one word. */
export const ANY_WORD: ReadonlySet<string> = { has: () => true } as unknown as ReadonlySet<string>;

/** A rule's formSuggestions entry (RuleDefinition.formSuggestions) with its forms expanded. */
export interface CompiledFormSuggestions {
  forms: TokenSequence[];
  suggestions: readonly string[];
}

export interface CompiledRule {
  rule: Rule;
  readonly requires: CompiledCondition[];
  readonly unless: CompiledCondition[];
  /** Phrases that, when they contain a match, make it benign. */
  readonly exceptions: TokenSequence[];
  /** The rule's formSuggestions, in order (empty without). */
  readonly formSuggestions: readonly CompiledFormSuggestions[];
}

type RuleParts = Pick<CompiledRule, 'requires' | 'unless' | 'exceptions' | 'formSuggestions'>;

/**
 * A compiled rule whose conditions and exceptions are compiled on first use: a one-line check
 * meets a few of the built-in rules, and compiling the conditions of all of them was most of
 * compiling the rules (start-up). Only rules whose every pattern the build already expanded and
 * checked are compiled late (compileRules), so a late compile cannot fail. One class for every
 * rule, eager or late, so the matcher reads one shape of object.
 */
class LateRule implements CompiledRule {
  #parts: RuleParts | undefined;
  #compile: (() => RuleParts) | undefined;
  constructor(
    readonly rule: Rule,
    parts: RuleParts | (() => RuleParts),
  ) {
    if (typeof parts === 'function') this.#compile = parts;
    else this.#parts = parts;
  }
  #get(): RuleParts {
    if (!this.#parts) {
      this.#parts = this.#compile!();
      this.#compile = undefined;
    }
    return this.#parts;
  }
  get requires(): CompiledCondition[] {
    return this.#get().requires;
  }
  get unless(): CompiledCondition[] {
    return this.#get().unless;
  }
  get exceptions(): TokenSequence[] {
    return this.#get().exceptions;
  }
  get formSuggestions(): readonly CompiledFormSuggestions[] {
    return this.#get().formSuggestions;
  }
}

export interface IndexEntry {
  readonly compiled: CompiledRule;
  /** The phrase's tokens: a stored phrase's restored at the first read (PhraseEntry). */
  readonly sequence: TokenSequence;
  /**
   * The index of the token the scanner looks for (match/anchor.ts anchorOf), stored at build time for
   * a built-in phrase (lean.ts StoredPhrases); undefined when not stored (the scanner computes it).
   */
  readonly anchor?: number;
  /** The words of that token, when `anchor` is stored. */
  readonly anchorWords?: readonly string[];
}

/**
 * An index entry: one object for a phrase of a rule, pushed for every word its first token may be
 * (the index holds "{drug} abuse" under each of {drug}'s words). A built-in phrase comes with its
 * first and anchor words from the build (lean.ts StoredPhrases), and its tokens are restored at the
 * first read of `sequence`: the index and the scanner are built from those words alone, and a
 * one-line check restores the few phrases it meets (restoring all 851 phrases of `recommended`, with
 * their ~2,400 tokens, was most of compiling the rules at every start; BENCHMARKS.md, branch cold12).
 * One class for stored and expanded phrases, so the matcher reads one shape.
 */
class PhraseEntry implements IndexEntry {
  #sequence: TokenSequence | undefined;
  readonly #from: ((pattern: string) => TokenSequence[]) | undefined;
  readonly #pattern: string | undefined;
  readonly #k: number;
  constructor(
    readonly compiled: CompiledRule,
    sequence: TokenSequence | undefined,
    from: ((pattern: string) => TokenSequence[]) | undefined,
    pattern: string | undefined,
    k: number,
    readonly anchor: number | undefined,
    readonly anchorWords: readonly string[] | undefined,
  ) {
    this.#sequence = sequence;
    this.#from = from;
    this.#pattern = pattern;
    this.#k = k;
  }
  get sequence(): TokenSequence {
    return (this.#sequence ??= this.#from!(this.#pattern!)[this.#k]!);
  }
}

export interface CompiledSet {
  words: string[];
  values: Map<string, SetValue>;
  default?: SetValue;
}

/** The inside of a RuleSet (types.ts): what the matcher needs. Internal. */
export interface CompiledRules extends RuleSet {
  rules: Rule[];
  byId: Map<string, CompiledRule>;
  /** First token word → the sequences that start with it. */
  index: Map<string, IndexEntry[]>;
  sets: Map<string, CompiledSet>;
  /** retext-equality rule id → the rule that reports it (rules with `equality`). */
  equality: Map<string, CompiledRule>;
  /** The phrases of the enabled retext-equality rules (prefilter.ts scans for them). */
  equalityPhrases: TokenSequence[];
  /** Every word a match can start with, normalized. */
  triggers: string[];
  /** Finds any trigger in raw text; no hit means no finding is possible. */
  triggerPattern: RegExp;
  files: LoadedRuleFile[];
}

/**
 * How many words on each side of a match a `sentence` condition looks at, unless it says `within`:
 * an unpunctuated transcript is one "sentence" of thousands of words.
 */
export const SENTENCE_WINDOW = 40;

/**
 * Freezes a compiled rule (builtinRules().rules, a RuleSet's rules): a caller that changed one
 * (its severity, a suggestion list) changed every later lint in the process, of every preset, as
 * the rule shared its lists with the rule files it was compiled from. Its lists and records are
 * frozen copies, so the rule files given to compileRules stay the caller's to change. The lean
 * form's `examples` and `conditions` are accessors, read on first use (lean.ts): left as they are
 * (reading them here would load them at every start), and frozen there when read (core/frozen.ts, as here).
 */
function freezeRule(rule: Rule): void {
  const fields = rule as unknown as Record<string, unknown>;
  for (const key of Object.keys(rule)) {
    if (Object.getOwnPropertyDescriptor(rule, key)!.get !== undefined) continue; // a lean accessor: not read here
    const value = fields[key];
    if (value !== null && typeof value === 'object') fields[key] = frozenCopy(value);
  }
  Object.freeze(rule);
}

export function ruleUrl(id: string): string {
  return `${DOCS_URL}#${id.replace(/[^a-z0-9-]/g, '')}`;
}

/** A note's first sentence, as the description of a rule that has none (user rule files). */
function firstSentence(note: string): string {
  const flat = note.trim().replace(/\s+/g, ' ');
  const m = /^.+?[.!?](?=\s|$)/.exec(flat);
  return m ? m[0] : flat;
}

const APOSTROPHES = "['\u2018\u2019\u02bc\u0060\u00b4]";

/** A suggestion's {set} or {set.field} reference (compileRules checks that the set exists). Global: reset lastIndex. */
const SET_REFERENCE = /\{([a-z][a-z0-9_-]*)(?:\.[a-z0-9_-]+)?\}/gi;

/** A regex that finds any of the words in raw text, whatever the case or apostrophe style. */
export function triggerRegex(words: readonly string[]): RegExp {
  if (words.length === 0) return /(?!)/;
  return new RegExp(
    wordsSource(words, (ch) => (ch === "'" ? APOSTROPHES : escapeRegex(ch))),
    'iu',
  );
}

// CompiledRules.triggerPattern, built on first use: only the whole-text parse reads it, and
// building it was a tenth of compiling the built-in rules (start-up). A getter on the prototype,
// not in the object literal: a literal with an accessor made every rule set a slower object to
// read (8% more CPU linting MTSamples). So are `triggers`, which only triggerPattern reads: the list of
// ~1,500 words was made at every start.
const triggerPatterns = new WeakMap<object, RegExp>();
const triggerLists = new WeakMap<object, string[]>();
const LAZY_TRIGGER = Object.create(Object.prototype, {
  triggerPattern: {
    get(this: CompiledRules): RegExp {
      let regex = triggerPatterns.get(this);
      if (!regex) triggerPatterns.set(this, (regex = triggerRegex(this.triggers)));
      return regex;
    },
  },
  triggers: {
    get(this: CompiledRules): string[] {
      let triggers = triggerLists.get(this);
      if (!triggers) {
        // The index's words, then the retext-equality phrases' first words, each once.
        const words = new Set(this.index.keys());
        for (const sequence of this.equalityPhrases) for (const word of sequence[0]!.words) words.add(word);
        triggerLists.set(this, (triggers = [...words]));
      }
      return triggers;
    },
  },
});

/** A token of an expanded pattern as the build stores it: its words, or the name of the set it stands for. */
export type StoredToken = string[] | { set: string };

/**
 * A rule file as dist/rules/builtin.json holds it (scripts/build-rules.js): the first file also
 * carries every pattern of the set already expanded, so a run does not expand them again
 * (expanding was most of compiling the built-in rules, a fifth of a cold start). Rule files from
 * users never carry it (the schema allows no such key).
 */
export interface PrecompiledRuleFile extends LoadedRuleFile {
  /** Pattern → its sequences; or their JSON text, decoded on first use (the lean form, lean.ts). */
  expansions?: Record<string, StoredToken[][] | string>;
  /**
   * The lean form's `match` phrases (lean.ts StoredPhrases): by pattern, where its sequences' JSON
   * text is and each sequence's first and anchor words. A pattern here is stored as those in
   * `expansions` are.
   */
  storedPhrases?: StoredPhrases;
  /** The sets the stored expansions name: when all are defined, a stored expansion is the one expandPattern would give. */
  expansionSets?: string[];
  /**
   * The lean form's (lean.ts) other half of the stored expansions: by rule id, the JSON text of that
   * rule's condition and exception patterns not in `expansions` (pattern → its sequences), read when
   * the rule is first compiled. A rule with an entry has every such pattern stored in one or the other.
   */
  ruleExpansions?: Record<string, string>;
}

/** The rule files with every pattern's expansion stored on the first (the build's output; see PrecompiledRuleFile). */
export function withExpansions(files: readonly LoadedRuleFile[]): PrecompiledRuleFile[] {
  const expanded = new Map<string, TokenSequence[]>();
  compileRules(files, expanded);
  const expansions: Record<string, StoredToken[][]> = {};
  const expansionSets = new Set<string>();
  for (const [pattern, sequences] of expanded) {
    expansions[pattern] = sequences.map((seq) => seq.map((t) => (t.set ? { set: t.set } : [...t.words])));
    for (const seq of sequences) for (const t of seq) if (t.set) expansionSets.add(t.set);
  }
  return files.map((f, k) => (k === 0 ? { ...f, expansions, expansionSets: [...expansionSets].sort() } : f));
}

// RULE_CHECKS labels the checks that only catch an error in the rule data (a set or an id defined
// twice, a suggestion naming an unknown set, a personSuggestion or equalitySuggestions that is not one
// of suggestions, a form that is none of the rule's phrases, a placeholder a fix would write): the
// warehouse build drops them (esbuild dropLabels, scripts/bundle-warehouse.js), its data being the
// built-in rules that scripts/build-rules.js compiled with them. Every other build keeps them.
// pattern.ts labels its checks of a pattern's syntax the same way.

/**
 * Compiles validated rule files. `expanded` (internal: withExpansions) receives each pattern's
 * expansion. Throws RuleFileError naming the file and rule for a bad pattern, an unknown set or a
 * duplicate id.
 */
export function compileRules(files: readonly LoadedRuleFile[], expanded = new Map<string, TokenSequence[]>()): CompiledRules {
  const sets = new Map<string, CompiledSet>();
  const setWords = new Map<string, string[]>();
  for (const file of files) {
    for (const [name, set] of Object.entries(file.sets ?? {})) {
      RULE_CHECKS: if (sets.has(name)) throw new RuleFileError(file.file, undefined, `set "${name}" is already defined in another rule file`);
      const compiled: CompiledSet = { words: setWordsOf(set), values: setValuesOf(set) };
      if (set.default !== undefined) compiled.default = set.default;
      sets.set(name, compiled);
      setWords.set(name, compiled.words);
    }
  }

  const rules: Rule[] = [];
  const byId = new Map<string, CompiledRule>();
  const index = new Map<string, IndexEntry[]>();
  const equality = new Map<string, CompiledRule>();
  const equalityPhrases: TokenSequence[] = [];
  // Pattern → its sequences (`expanded`): a file's exceptions apply to each of its rules, and many
  // rules share condition words; expanding each once made compiling the built-in rules ~3× faster
  // (start-up). Patterns the build expanded are read from there (PrecompiledRuleFile).
  const storedFile = files[0] as PrecompiledRuleFile | undefined;
  const stored = storedFile?.expansions;
  // A rule whose every pattern is stored is compiled on first use (LateRule): restoring a stored
  // pattern cannot fail when the sets it names are all defined, as the build checked it.
  const storedHolds = !!stored && !!storedFile.expansionSets?.every((name) => setWords.has(name));
  // The stored `match` phrases (the lean form): indexed by their heads, restored at their first read.
  const phrases = storedHolds ? storedFile.storedPhrases : undefined;
  const heads = phrases?.heads;
  const isStored = (pattern: string) => Object.hasOwn(stored!, pattern) || (heads !== undefined && Object.hasOwn(heads, pattern));
  const setLookups = new Map<string, ReadonlySet<string>>();
  const restore = (saved: StoredToken[][] | string): TokenSequence[] | undefined => {
    const sequences = typeof saved === 'string' ? (JSON.parse(saved) as StoredToken[][]) : saved;
    const out: TokenSequence[] = [];
    for (let i = 0; i < sequences.length; i++) {
      const seq = sequences[i]!;
      const tokens: TokenSequence = [];
      for (let k = 0; k < seq.length; k++) {
        const t = seq[k]!;
        if (Array.isArray(t)) {
          tokens.push(new WordToken(t));
          continue;
        }
        const words = setWords.get(t.set);
        if (!words) return undefined; // not the sets it was expanded with: expand again
        let lookup = setLookups.get(t.set);
        if (!lookup) setLookups.set(t.set, (lookup = new Set(words)));
        tokens.push({ words, lookup, set: t.set });
      }
      out.push(tokens);
    }
    return out;
  };

  /** The stored JSON text of a pattern's sequences, or their stored value, or undefined if it is not stored. */
  const storedOf = (pattern: string): StoredToken[][] | string | undefined => {
    if (!stored) return undefined;
    if (Object.hasOwn(stored, pattern)) return stored[pattern];
    if (heads === undefined || !Object.hasOwn(heads, pattern)) return undefined;
    const head = heads[pattern]!;
    const space = head.indexOf(' ');
    const start = Number(head.slice(0, space));
    const end = Number(head.slice(space + 1, head.indexOf(' ', space + 1)));
    return phrases!.read ? phrases!.read(start, end) : phrases!.text.slice(start, end);
  };
  /** A stored phrase's sequences, restored once (PhraseEntry's, at its first read; the same arrays `expand` gives). */
  const storedSequences = (pattern: string): TokenSequence[] => {
    let sequences = expanded.get(pattern);
    if (!sequences) expanded.set(pattern, (sequences = restore(storedOf(pattern)!)!));
    return sequences;
  };
  /** A token's words as a head writes them (lean.ts StoredPhrases): `@set`, or words joined by "|". */
  const headWords = (ref: string): readonly string[] => (ref.charCodeAt(0) === 0x40 ? setWords.get(ref.slice(1))! : ref.includes('|') ? ref.split('|') : [ref]);
  // The index is filled by a loop written out in this function (after each pattern's entries), not
  // by a small helper called per entry: ~5,000 calls made V8 optimize such a helper with TurboFan
  // during every start (~15 ms of a background thread's CPU at load 3, and its compiler's memory).
  // This function is too large for V8 to optimize for the same work (its bytecode's size raises the bar).

  for (const file of files) {
    // A file's exceptions apply to each of its rules: whether all are stored, asked once per file.
    const fileExceptionsStored = storedHolds && (file.exceptions ?? []).every(isStored);
    const ruleExpansions = storedHolds ? (file as PrecompiledRuleFile).ruleExpansions : undefined;
    for (const def of file.rules) {
      // This rule's own stored expansions (the lean form), read and parsed at its first compile (the
      // lean form reads the text only then: lean.ts fromLeanForm).
      const hasOwn = ruleExpansions !== undefined && Object.hasOwn(ruleExpansions, def.id);
      let own: Record<string, StoredToken[][]> | undefined;
      const ownSaved = (pattern: string): StoredToken[][] | undefined => {
        if (!hasOwn) return undefined;
        own ??= JSON.parse(ruleExpansions![def.id]!) as Record<string, StoredToken[][]>;
        return Object.hasOwn(own, pattern) ? own[pattern] : undefined;
      };
      const expand = (pattern: string, what: string): TokenSequence[] => {
        try {
          let sequences = expanded.get(pattern);
          if (!sequences) {
            const storedSaved = storedOf(pattern);
            const ownSequences = storedSaved !== undefined ? undefined : ownSaved(pattern);
            const saved = storedSaved !== undefined ? restore(storedSaved) : ownSequences ? restore(ownSequences) : undefined;
            expanded.set(pattern, (sequences = saved ?? expandPattern(pattern, setWords)));
          }
          return sequences;
        } catch (error) {
          RULE_CHECKS: if (error instanceof PatternError) throw new RuleFileError(file.file, def.id, `${what}: ${error.message}`);
          throw error;
        }
      };
      // A condition word may be `*`: any one word (with `except`, any word but those).
      const expandConditionWord = (pattern: string, what: string): TokenSequence[] =>
        pattern.split(/\s+/).includes('*')
          ? expand(pattern, what).map((sequence) => sequence.map((t) => (t.words.length === 1 && t.words[0] === '*' ? { words: ['*'], lookup: ANY_WORD } : t)))
          : expand(pattern, what);
      RULE_CHECKS: if (byId.has(def.id)) throw new RuleFileError(file.file, def.id, 'duplicate id (defined in another rule file)');
      const rule: Rule = {
        ...definitionFields(def), // the lean form's conditions stay unread (lean.ts)
        category: file.category,
        fixable: def.fixable ?? false,
        description: def.description ?? firstSentence(def.note),
        presets: def.presets ? [...def.presets] : ['recommended', 'all'],
        file: file.file,
        url: file.docsUrl ?? ruleUrl(def.id),
      };
      copyLazyFields(def, rule); // the lean form's examples and conditions stay unread (lean.ts)
      freezeRule(rule);
      const compileConditions = (kind: 'requires' | 'unless'): CompiledCondition[] =>
        (def.conditions?.[kind] ?? []).map((c) => {
          const conditionKind = c.before
            ? 'before'
            : c.after
              ? 'after'
              : c.sentence
                ? 'sentence'
                : c.subject
                  ? 'subject'
                  : c.list
                    ? 'list'
                    : c.described
                      ? 'described'
                      : 'line';
          const within = c.within ?? (conditionKind === 'sentence' ? SENTENCE_WINDOW : 3);
          const clause = c.clause ?? false;
          const previous = c.previous ?? false;
          const extra: Pick<CompiledCondition, 'except' | 'forms' | 'phrase' | 'patient' | 'inPhrase' | 'next'> = {};
          if (c.described === 'other-in-phrase') extra.inPhrase = true;
          if (c.phrase) extra.phrase = true;
          if (c.next) extra.next = true;
          if (c.patient) extra.patient = c.patient;
          if (c.forms) extra.forms = c.forms.flatMap((f) => expand(f, `conditions.${kind}.forms`));
          if (c.except) extra.except = c.except.flatMap((w) => expandConditionWord(w, `conditions.${kind}.except`));
          if (c.line !== undefined) return { kind: 'line', sequences: [], within, clause, previous, regex: new RegExp(c.line, 'iu'), ...extra };
          if (c.table !== undefined) return { kind: 'table', sequences: [], within, clause, previous, regex: new RegExp(c.table, 'iu'), ...extra };
          if (c.column !== undefined)
            return { kind: 'table', sequences: [], within, clause, previous, regex: new RegExp(c.column, 'iu'), column: true, ...extra };
          if (conditionKind === 'list' || conditionKind === 'described') return { kind: conditionKind, sequences: [], within, clause, previous, ...extra };
          const words = c.before ?? c.after ?? c.sentence ?? c.subject ?? [];
          return { kind: conditionKind, sequences: words.flatMap((w) => expandConditionWord(w, `conditions.${kind}`)), within, clause, previous, ...extra };
        });
      const exceptionPatterns = [...(file.exceptions ?? []), ...(def.exceptions ?? [])];
      const compileParts = (): RuleParts => ({
        requires: compileConditions('requires'),
        unless: compileConditions('unless'),
        exceptions: exceptionPatterns.flatMap((p) => expand(p, 'exceptions')),
        formSuggestions: (def.formSuggestions ?? []).map((entry) => ({
          forms: entry.forms.flatMap((f) => expand(f, 'formSuggestions.forms')),
          suggestions: entry.suggestions,
        })),
      });
      // With its own stored expansions (ruleExpansions), every condition and exception pattern of
      // the rule is stored, as the build checked (lean.ts leanForm): no need to ask for each.
      const late = storedHolds && fileExceptionsStored && (hasOwn || ((def.exceptions ?? []).every(isStored) && conditionPatterns(def).every(isStored)));
      const compiled: CompiledRule = new LateRule(rule, late ? compileParts : compileParts());
      // A form none of the rule's phrases can be (a typo, another rule's word) would never be used,
      // silently ("elopse": a newcomer trial): each of its words must be a word of one phrase's
      // token. Asked where the rule compiled now (a user's rule, the build): a late one is a
      // built-in rule the build checked.
      RULE_CHECKS: if (!late && !def.equality && def.formSuggestions) {
        const phrases = def.match.flatMap((p) => expand(p, 'match'));
        const within = (form: TokenSequence, phrase: TokenSequence) =>
          form.length === phrase.length &&
          form.every((t, k) => (t.set !== undefined && t.set === phrase[k]!.set) || t.words.some((w) => phrase[k]!.lookup.has(w)));
        for (const entry of def.formSuggestions)
          for (const pattern of entry.forms)
            if (!expand(pattern, 'formSuggestions.forms').every((form) => phrases.some((phrase) => within(form, phrase))))
              throw new RuleFileError(file.file, def.id, `formSuggestions.forms: "${pattern}" is not one of the rule's phrases (match), so it never applies`);
      }
      // --fix writes a fixable rule's first suggestion: a [placeholder] in it would go into the note.
      RULE_CHECKS: if (def.fixable)
        for (const first of [def.suggestions[0], def.personSuggestion, ...(def.formSuggestions ?? []).map((entry) => entry.suggestions[0])])
          if (first !== undefined && /\[[^\]]*\]/.test(first))
            throw new RuleFileError(
              file.file,
              def.id,
              `fixable: true, but the suggestion "${first}" holds a placeholder, which --fix would write into the note`,
            );
      RULE_CHECKS: {
        const checkSets = (templates: readonly string[]) => {
          for (const template of templates) {
            // exec in a loop, not matchAll: matchAll copies the regex (a new RegExp per call), and this
            // runs for each of ~200 suggestions at every start (about 1 M instructions of a one-line check).
            if (!template.includes('{')) continue;
            SET_REFERENCE.lastIndex = 0;
            for (let ref = SET_REFERENCE.exec(template); ref !== null; ref = SET_REFERENCE.exec(template)) {
              if (!sets.has(ref[1]!)) throw new RuleFileError(file.file, def.id, `suggestion "${template}" names unknown set {${ref[1]}}`);
            }
          }
        };
        checkSets(def.suggestions);
        if (def.formSuggestions) for (const entry of def.formSuggestions) checkSets(entry.suggestions);
        if (def.personSuggestion !== undefined && !def.suggestions.includes(def.personSuggestion))
          throw new RuleFileError(file.file, def.id, `personSuggestion "${def.personSuggestion}" is not one of suggestions`);
      }
      rules.push(rule);
      byId.set(rule.id, compiled);
      if (def.equality) {
        // Reported by retext-equality; its phrases only feed the fast path.
        for (const id of def.equality) {
          RULE_CHECKS: if (equality.has(id))
            throw new RuleFileError(file.file, def.id, `retext-equality rule "${id}" is already reported by ${equality.get(id)!.rule.id}`);
          equality.set(id, compiled);
        }
        RULE_CHECKS: for (const [id, chosen] of Object.entries(def.equalitySuggestions ?? {})) {
          if (!def.equality.includes(id)) throw new RuleFileError(file.file, def.id, `equalitySuggestions names "${id}", which is not in equality`);
          for (const s of chosen) {
            if (!def.suggestions.includes(s)) throw new RuleFileError(file.file, def.id, `equalitySuggestions.${id}: "${s}" is not one of suggestions`);
          }
        }
        for (const pattern of def.match) {
          for (const sequence of expand(pattern, 'match')) equalityPhrases.push(sequence);
        }
        continue;
      }
      // One entry per phrase of the rule (a pattern listed twice pushes its entries again, as the
      // index held each of its phrases twice before), indexed under its first words (`firsts`).
      const match = def.match;
      const entriesOf: PhraseEntry[][] = [];
      const firstsOf: (readonly string[])[][] = [];
      for (let j = 0; j < match.length; j++) {
        const pattern = match[j]!;
        const again = j > 0 ? match.indexOf(pattern) : j;
        let entries = entriesOf[again]!;
        let firsts = firstsOf[again]!;
        if (again === j) {
          entries = [];
          firsts = [];
          const head = heads !== undefined && Object.hasOwn(heads, pattern) ? heads[pattern]! : undefined;
          if (head !== undefined) {
            // START END HEAD…: each head FIRST or FIRST:K:ANCHOR (lean.ts StoredPhrases). Read in
            // place, by offsets: a split made an array and a string per head at every start.
            let at = head.indexOf(' ', head.indexOf(' ') + 1) + 1;
            for (let k = 0; at > 0; k++) {
              const end = head.indexOf(' ', at);
              const stop = end < 0 ? head.length : end;
              const colon = head.indexOf(':', at);
              const first = headWords(head.slice(at, colon < 0 || colon > stop ? stop : colon));
              let anchor = 0;
              let anchorWords = first;
              if (colon >= 0 && colon < stop) {
                const second = head.indexOf(':', colon + 1);
                anchor = Number(head.slice(colon + 1, second));
                anchorWords = headWords(head.slice(second + 1, stop));
              }
              entries.push(new PhraseEntry(compiled, undefined, storedSequences, pattern, k, anchor, anchorWords));
              firsts.push(first);
              at = end + 1;
            }
          } else {
            for (const sequence of expand(pattern, 'match')) {
              entries.push(new PhraseEntry(compiled, sequence, undefined, undefined, 0, undefined, undefined));
              firsts.push(sequence[0]!.words);
            }
          }
        }
        entriesOf.push(entries);
        firstsOf.push(firsts);
        for (let k = 0; k < entries.length; k++) {
          const first = firsts[k]!;
          for (let w = 0; w < first.length; w++) {
            const indexed = index.get(first[w]!);
            if (indexed) indexed.push(entries[k]!);
            else index.set(first[w]!, [entries[k]!]);
          }
        }
      }
    }
  }
  // triggers and triggerPattern come from the prototype, made on first use (LAZY_TRIGGER).
  const compiled = Object.create(LAZY_TRIGGER) as CompiledRules;
  return Object.assign(compiled, { rules: Object.freeze(rules) as Rule[], byId, index, sets, equality, equalityPhrases, files: [...files] });
}
