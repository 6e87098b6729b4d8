// Options as the user gives them → what the matcher needs, resolved once per run.
import { didYouMean } from '../core/edit-distance.js';
import { builtinRuleFiles, builtinRules } from '../rules/builtin.js';
import { builtinPresetRules } from '../rules/builtin-presets.js';
import { DEFAULT_PRESET, isPresetName, PRESETS, presetRules } from '../rules/presets.js';
import { expandPattern, PatternError } from '../rules/pattern.js';
import type { CompiledRules } from '../rules/compile.js';
import type { Options } from '../types.js';
import type { ResolvedOptions } from '../match/match.js';

/**
 * An option that cannot be used (a bad preset, severity, rule id, allow phrase, …); the message
 * names the option ("quotes: expected info, flag or ignore, got \"x\""). Exported, and named, so a
 * caller can tell it from a bug: `error instanceof OptionsError`, `error.name === 'OptionsError'`,
 * or, as Node's own errors are told apart, `error.code === 'DIGNIFY_OPTIONS'` (stable: it holds
 * across releases and across copies of the package, where `instanceof` may not).
 */
export class OptionsError extends Error {
  /** Always 'DIGNIFY_OPTIONS'. */
  readonly code = 'DIGNIFY_OPTIONS';
  constructor(message: string) {
    super(message);
    // Error's own name ('Error') would not tell it from any other error in a log or a stack trace.
    this.name = 'OptionsError';
  }
}

const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);

/** A value as an OptionsError shows it: a string quoted, a number as it is, an object or list by its kind (not its content). */
export function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'a list' : 'an object';
}

/**
 * Checks the shape of Options as a caller gives them (a JavaScript caller has no types to stop
 * it): an object; `rules` a mapping (not a string: "off" was read as rules "0", "1", "2"); `allow`
 * a list of strings; `ruleSet` one from compileRules or builtinRules. A wrong shape was a bare
 * TypeError from deep inside ("(options.allow ?? []).flatMap is not a function"). Called once per
 * call, never per document. Throws OptionsError naming the option.
 */
export function checkOptionShapes(options: unknown): asserts options is Options {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) throw new OptionsError(`options: expected an object, got ${shown(options)}`);
  const { rules, allow, ruleSet } = options as Options;
  if (rules !== undefined && (rules === null || typeof rules !== 'object' || Array.isArray(rules)))
    throw new OptionsError(
      `rules: expected an object of rule ids or categories to off, info, warning or error ({ "substance-use/addict": "off" }), got ${shown(rules)}`,
    );
  if (allow !== undefined) {
    if (!Array.isArray(allow)) throw new OptionsError(`allow: expected a list of phrases (["Drug Abuse Recovery Program"]), got ${shown(allow)}`);
    const i = allow.findIndex((phrase) => typeof phrase !== 'string');
    if (i >= 0) throw new OptionsError(`allow[${i}]: expected a phrase (a string), got ${shown(allow[i])}`);
  }
  // Every RuleSet is a CompiledRules inside; anything else failed in the matcher ("reading 'map'").
  if (ruleSet !== undefined && !((ruleSet as CompiledRules | null)?.byId instanceof Map && Array.isArray(ruleSet.rules)))
    throw new OptionsError(`ruleSet: expected a rule set from compileRules or builtinRules, got ${shown(ruleSet)}`);
}

/**
 * Checks that `text`, the note lintText or lintTextSync is given, is a string. Anything else was
 * turned into one with String(): a row object linted as "[object Object]", undefined as
 * "undefined", so a caller who passed the wrong thing got [] (a clean note) without a word; a
 * Buffer was decoded, but its offsets then counted UTF-16 code units of the decoded string, not
 * the Buffer's bytes. Throws OptionsError naming `text`, as lintFiles' bad `paths` does.
 */
export function checkText(text: unknown): asserts text is string {
  if (typeof text === 'string') return;
  const isBytes = text instanceof Uint8Array;
  throw new OptionsError(`text: expected a string, got ${isBytes ? 'bytes' : shown(text)}${isBytes ? " (decode them first: buffer.toString('utf8'))" : ''}`);
}

/** The keys of Options (types.ts): what every entry point reads, lintText, lintTextSync and the plugin alike. */
export const OPTION_KEYS = ['preset', 'rules', 'allow', 'quotes', 'ruleSet'] as const satisfies readonly (keyof Options)[];

/**
 * The options only lintFiles, lintOutcomes and lintStream read (engine/lint-files.ts LintOptions, less
 * Options): lintText, lintTextSync and the plugin have no files, records, config files or threads.
 * One list serves both lintFiles' check of its keys and the hint the others give for one of these, so
 * a new option cannot be known to one and not the other (`include` given to lintText was "not an
 * option of lintText", though lintFiles reads it). lint-files.ts checks at compile time that each is a key
 * of LintOptions and that LintOptions has no key outside this list and OPTION_KEYS (no import of it here:
 * the engine imports this module).
 */
export const FILES_OPTION_KEYS = [
  // SourceOptions and its ColumnOptions
  'inputFormat',
  'extensions',
  'include',
  'onBytes',
  'maxFileBytes',
  'textColumn',
  'idColumn',
  'fields',
  'hideNames',
  'flags',
  // LintOptions' own
  'configs',
  'config',
  'optionsFor',
  'threads',
  'adaptiveThreads',
  'fix',
  'onPool',
  'poolFrom',
  'onFiles',
  'findingBatches',
] as const;
const FILES_ONLY_OPTIONS: readonly string[] = FILES_OPTION_KEYS;

/**
 * Checks that every option set in `options` (a key whose value is not undefined) is one of
 * `known`, the options `caller` reads. One it does not read was ignored without a word: a misspelt
 * `presett`, or lintFiles' `config` given to lintText, whose caller then believed a .dignifyrc
 * applied. `hints`: why `caller` does not read an option another function does. Throws OptionsError naming the option (and the one meant, if one is near).
 */
export function checkOptionKeys(options: object, known: readonly string[], caller: string, hints: Readonly<Record<string, string>> = {}): void {
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined || known.includes(key)) continue;
    if (Object.hasOwn(hints, key)) throw new OptionsError(`${key}: not an option of ${caller} (${hints[key]})`);
    if (FILES_ONLY_OPTIONS.includes(key))
      throw new OptionsError(
        `${key}: an option of lintFiles, lintOutcomes and lintStream, not of ${caller}${key === 'config' || key === 'configs' ? ' (to apply a config to a text, give it to lintOutcomes as a stream with a name: see "A config for text you hold" in the README)' : ''}`,
      );
    throw new OptionsError(`${key}: not an option of ${caller} (expected ${known.join(', ')})${didYouMean(key, known)}`);
  }
}

/**
 * Checks the options and resolves them once per run: the preset narrows the rule set (see
 * presetRules), severities are checked, `allow` phrases are parsed. Throws OptionsError naming the
 * option (options not an object; an unknown preset, rule id or category; a bad severity or allow
 * pattern, a bad quotes mode; `rules`, `allow` or `ruleSet` of the wrong shape: checkOptionShapes).
 */
export function resolveOptions(options: Options = {}): ResolvedOptions {
  checkOptionShapes(options);
  const severities = { ...(options.rules ?? {}) };
  for (const [key, value] of Object.entries(severities)) {
    if (!SEVERITIES.has(value)) throw new OptionsError(`rules.${key}: expected one of off, info, warning, error, got ${shown(value)}`);
  }
  const keys = Object.keys(severities);
  if (keys.length > 0) {
    // A misspelt rule id would silently change nothing (a config's is caught earlier, naming its file).
    const ids = options.ruleSet ? (options.ruleSet as CompiledRules).rules.map((r) => r.id) : builtinRuleFiles().flatMap((f) => f.rules.map((r) => r.id));
    const known = new Set([...ids, ...ids.map((id) => id.slice(0, id.indexOf('/')))]);
    for (const key of keys) {
      if (known.has(key)) continue;
      throw new OptionsError(`rules.${key}: expected a rule id or a category${didYouMean(key, [...known])}`);
    }
  }
  const preset = options.preset ?? DEFAULT_PRESET;
  if (!isPresetName(preset)) throw new OptionsError(`preset: unknown preset ${shown(preset)} (expected ${PRESETS.join(' or ')})`);
  // A rule id turned on explicitly runs under any preset (a category setting does not widen it).
  const enablesOutside = Object.entries(severities).some(([key, value]) => value !== 'off' && key.includes('/'));
  const rules =
    !options.ruleSet && !enablesOutside
      ? builtinPresetRules(preset)
      : presetRules((options.ruleSet as CompiledRules | undefined) ?? builtinRules(), preset, severities); // every RuleSet is a CompiledRules inside
  const setWords = new Map([...rules.sets].map(([name, set]) => [name, set.words]));
  const allow = (options.allow ?? []).flatMap((phrase) => {
    try {
      return expandPattern(phrase, setWords);
    } catch (error) {
      if (error instanceof PatternError) throw new OptionsError(`allow: "${phrase}": ${error.message}`);
      throw error;
    }
  });
  const quotes = options.quotes ?? 'info';
  if (!['info', 'flag', 'ignore'].includes(quotes)) throw new OptionsError(`quotes: expected info, flag or ignore, got ${shown(quotes)}`);
  return { rules, severities, allow, quotes, preset };
}
