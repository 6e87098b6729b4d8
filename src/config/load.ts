// One configuration file: parse (JSON or YAML), validate, and resolve into what the matcher needs.
// Every error names the file, the key and what was expected, so the CLI can stop with exit 2.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import ignore, { type Ignore } from 'ignore';
import { didYouMean } from '../core/edit-distance.js';
import { checkOptionShapes, OptionsError, resolveOptions } from '../lint/options.js';
import type { ResolvedOptions } from '../match/match.js';
import { builtinRuleFiles, builtinRules } from '../rules/builtin.js';
import { compileRules, type CompiledRules } from '../rules/compile.js';
import { loadRuleFiles, RuleFileError, type LoadedRuleFile } from '../rules/load.js';
import { exampleProblem } from './examples.js';
import type { Options } from '../types.js';
import { CONFIG_SCHEMA, type DignifyConfig } from './schema.js';
import { yamlErrorText } from '../rules/yaml-error.js';
import { jsonErrorReason } from '../inputs/json-error.js';

/**
 * A configuration that cannot be used (a config file, its `extends` rule files, a ConfigSet's
 * `config`); the message names the file and the key. `code` is 'DIGNIFY_CONFIG', stable across
 * releases (as Node's error codes are).
 */
export class ConfigError extends Error {
  /** Always 'DIGNIFY_CONFIG'. */
  readonly code = 'DIGNIFY_CONFIG';
  constructor(
    readonly file: string,
    readonly key: string | undefined,
    readonly detail: string,
  ) {
    super(`${file}: ${key ? `${key}: ` : ''}${detail}`);
    this.name = 'ConfigError';
  }
}

export interface ResolvedConfig {
  /** The config file, or undefined when none applies. */
  file?: string;
  options: ResolvedOptions;
  /** The config's `ignore` globs, matched against paths relative to `dir`. */
  ignore?: { dir: string; matcher: Ignore };
  /** The preset the config itself names (`preset:`), if any; options.preset is the one in effect. */
  preset?: 'recommended' | 'all';
  /**
   * With `extends`: every rule, built-in and the config's own, before the preset narrows them
   * (options.rules is narrowed), and the config's own rule files (absolute paths). `dignify rules`,
   * `explain` and `serve` use them.
   */
  ruleSet?: CompiledRules;
  ruleFiles?: LoadedRuleFile[];
}

/** lilconfig loaders: YAML (which includes JSON) for .dignifyrc*, JSON for package.json. */
export function parseConfigText(file: string, given: string): unknown {
  // A UTF-8 byte-order mark (an editor on Windows writes one) is not part of the config: JSON.parse
  // stopped at it ("Unexpected token"), where the YAML parser skips it.
  const text = given.charCodeAt(0) === 0xfeff ? given.slice(1) : given;
  const json = file.endsWith('.json');
  try {
    return json ? JSON.parse(text) : (lazyRequire('yaml') as typeof import('yaml')).parse(text, { prettyErrors: true });
  } catch (error) {
    throw new ConfigError(
      file,
      undefined,
      json ? `not valid JSON: ${jsonPlace(jsonErrorReason(error), text)}` : `not valid YAML or JSON: ${yamlErrorText(error)}`,
    );
  }
}

/** V8's "at position 30" (Node 22 adds "(line 3 column 16)") as the YAML errors give a place: "at line 3, column 16". */
function jsonPlace(reason: string, text: string): string {
  return reason.replace(/ at position (\d+)(?: \(line \d+ column \d+\))?/, (_, at: string) => {
    const position = Number(at);
    const lineStart = position > 0 ? text.lastIndexOf('\n', position - 1) + 1 : 0;
    const line = text.slice(0, lineStart).split('\n').length;
    return ` at line ${line}, column ${position - lineStart + 1}`;
  });
}

// ajv and yaml are loaded when a config is there to read (as in rules/load.ts): a run without
// one, such as a pre-commit hook's, does not pay for loading them.
const lazyRequire = createRequire(import.meta.url);
let validator: ValidateFunction | undefined;
function validate(data: unknown): boolean {
  if (!validator) {
    const { Ajv } = lazyRequire('ajv') as typeof import('ajv');
    validator = new Ajv({ allErrors: false, strict: false }).compile(CONFIG_SCHEMA);
  }
  return validator(data);
}

function keyOf(error: ErrorObject): string {
  const parts = error.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || '(top level)';
}

function expected(error: ErrorObject, data: unknown): string {
  const got = (value: unknown) => (value === undefined ? '' : `, got ${JSON.stringify(value)}`);
  const value = error.instancePath
    .split('/')
    .slice(1)
    .reduce<unknown>((v, p) => (v as Record<string, unknown> | undefined)?.[p.replace(/~1/g, '/').replace(/~0/g, '~')], data);
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown key "${(error.params as { additionalProperty: string }).additionalProperty}" (expected preset, rules, allow, extends or ignore)`;
    case 'enum':
      return `expected one of ${(error.params as { allowedValues: string[] }).allowedValues.join(', ')}${got(value)}`;
    case 'type': {
      const type = (error.params as { type: string }).type;
      // The whole file is not a mapping: say what it is, not its content (a note named by mistake
      // would have its text in the message).
      if (error.instancePath === '')
        return `expected a mapping of preset, rules, allow, extends and ignore, got ${typeof data === 'string' ? 'text' : Array.isArray(data) ? 'a list' : `a ${typeof data}`} (is it a config file?)`;
      return `expected ${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}${got(value)}`;
    }
    case 'minLength':
      return 'expected a non-empty string';
    case 'anyOf':
      return `expected a file name or a list of file names${got(value)}`;
    default:
      return `${error.message ?? 'is invalid'}${got(value)}`;
  }
}

/** Checks parsed config data against the schema. */
export function validateConfig(data: unknown, file: string): DignifyConfig {
  if (data === null || data === undefined) return {};
  // No config: nothing to check (and no need to load ajv).
  if (typeof data === 'object' && !Array.isArray(data) && Object.keys(data).length === 0) return {};
  if (!validate(data)) {
    // The deepest error is the most specific (anyOf's branches come before anyOf itself).
    const errors = [...(validator!.errors ?? [])].sort((a, b) => b.instancePath.length - a.instancePath.length);
    const anyOf = errors.find((e) => e.keyword === 'anyOf');
    const error = anyOf ?? errors[0]!;
    throw new ConfigError(file, error.instancePath ? keyOf(error) : undefined, expected(error, data));
  }
  return data as DignifyConfig;
}

/**
 * Resolves a validated config: its own rule files compiled with the built-in ones, severities and
 * allow-list checked. Throws ConfigError, or OptionsError for a `base` of the wrong shape.
 */
export function resolveConfig(config: DignifyConfig, file: string | undefined, base: Options, shownAs = file): ResolvedConfig {
  // The base is the caller's (lintFiles' options, a ConfigSet's base), not the config's: a wrong
  // shape is an OptionsError, before `allow: 'addict'` is spread into its letters below.
  checkOptionShapes(base);
  const dir = file ? path.dirname(file) : process.cwd();
  const where = shownAs ?? '(no config)';
  const extendsList = typeof config.extends === 'string' ? [config.extends] : (config.extends ?? []);
  // Left undefined for the built-in rules, so resolveOptions can use the precompiled preset.
  let ruleSet = base.ruleSet as CompiledRules | undefined;
  let ownFiles: LoadedRuleFile[] = [];
  if (extendsList.length > 0) {
    try {
      // A house rule's documentation is its own file (a finding's url, SARIF's helpUri, the editor's
      // link): docs/rules.md has no entry for it (a newcomer trial of 2026-12-03 followed one).
      ownFiles = loadRuleFiles(extendsList.map((p) => path.resolve(dir, p))).map((f) => ({ ...f, docsUrl: pathToFileURL(f.file).href }));
      ruleSet = compileRules([...builtinRuleFiles(), ...ownFiles]);
    } catch (error) {
      if (error instanceof RuleFileError) throw new ConfigError(where, 'extends', error.message);
      throw error;
    }
  }
  // A misspelt rule id would silently change nothing; say so instead. (Only when the config sets
  // rules: compiling every built-in rule, the all preset's too, to check nothing cost every run's
  // start-up, a pre-commit hook's included.)
  const keys = Object.keys(config.rules ?? {});
  let rules = base.rules;
  if (keys.length > 0) {
    const known = ruleSet ?? builtinRules();
    const categories = new Set(known.rules.map((r) => r.category));
    for (const key of keys) {
      if (!known.byId.has(key) && !categories.has(key)) {
        const meant = didYouMean(key, [...known.byId.keys(), ...categories]);
        throw new ConfigError(where, `rules.${key}`, `expected a rule id or a category${meant} ("dignify rules" lists them)`);
      }
    }
    // The caller's `rules` (the Node API's option, a ConfigSet's base) apply on top of the config's,
    // as the README says: the config's won, so its 'warning' or 'off' for a rule could not be
    // changed by the call. A category the caller sets also overrides the config's settings of that
    // category's rules ("substance-use: off" over the config's "substance-use/addict: warning"),
    // else a rule id, winning over its category, would keep the config's setting. (The command
    // line gives no rules, so its runs are as before.)
    const own = base.rules ?? {};
    const kept = Object.entries(config.rules!).filter(([key]) => own[known.byId.get(key)?.rule.category ?? key] === undefined);
    rules = { ...Object.fromEntries(kept), ...own };
  }
  let options: ResolvedOptions;
  try {
    // The command line's --preset wins over the config's; the rules a config's own files add
    // (extends) join the presets their `presets` key names (by default, both).
    const preset = base.preset ?? config.preset;
    options = resolveOptions({
      ...base,
      ...(preset !== undefined && { preset }),
      ...(ruleSet && { ruleSet }),
      ...(rules && { rules }),
      allow: [...(base.allow ?? []), ...(config.allow ?? [])],
    });
  } catch (error) {
    if (error instanceof OptionsError) throw new ConfigError(where, undefined, error.message);
    throw error;
  }
  // The user's rules are held to their own examples, as the built-in ones are.
  // The rule file named as the config names it: relative to the config's folder.
  const problem = ownFiles.length ? exampleProblem(ownFiles, options, (f) => path.relative(dir, f) || f) : undefined;
  if (problem) throw new ConfigError(where, 'extends', problem);
  const resolved: ResolvedConfig = { options };
  if (file) resolved.file = file;
  if (config.preset) resolved.preset = config.preset;
  if (ownFiles.length) {
    resolved.ruleSet = ruleSet!;
    resolved.ruleFiles = ownFiles;
  }
  if (config.ignore?.length) resolved.ignore = { dir, matcher: ignore().add(config.ignore) };
  return resolved;
}
