// Reads rule files (YAML or JSON), validates them against rules/schema.json and the checks a
// schema cannot express, and returns plain definitions. Built-in and user rule files go through
// the same code, so a user's rule is held to the same standard as ours.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { RuleFileDefinition } from '../types.js';
import { expandPattern, PatternError } from './pattern.js';
import { setWordsOf } from './sets.js';
import { yamlErrorText } from './yaml-error.js';
import { describeIoError } from '../inputs/files.js';

import { RuleFileError } from './errors.js';

// A rule file that did not validate; the message names the file and, where it can, the rule.
export { RuleFileError } from './errors.js';

export interface LoadedRuleFile extends RuleFileDefinition {
  /** Where the file came from, as given to the loader. */
  file: string;
  /**
   * Where its rules are documented (each finding's `url`), when not dignify's docs/rules.md: a rule
   * file read by loadRuleFiles or a config's `extends` gives its own file:// URL. parseRuleFile sets
   * none (it has no file to point at): set it to your own page, or the findings point at
   * docs/rules.md, which has no entry for them. Carried with the file, so a worker that compiles it
   * again keeps it.
   */
  docsUrl?: string;
}

/** The package root: two levels above this module, both in src/ and in dist/. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BUILTIN_RULES_DIR = path.join(PACKAGE_ROOT, 'rules');

// ajv and yaml are loaded on first use: a run with the built-in (precompiled) rules needs neither,
// and loading them would double the CLI's start-up time.
const lazyRequire = createRequire(import.meta.url);

let validator: ValidateFunction | undefined;
function getValidator(): ValidateFunction {
  if (!validator) {
    const schema = JSON.parse(readFileSync(path.join(BUILTIN_RULES_DIR, 'schema.json'), 'utf8')) as object;
    const { Ajv } = lazyRequire('ajv') as typeof import('ajv');
    validator = new Ajv({ allErrors: true, strict: false, useDefaults: false }).compile(schema);
  }
  return validator;
}

function describeSchemaError(error: ErrorObject): string {
  // The path inside the rule when the error is in one (the rule is named apart): `/severity`.
  const where = error.instancePath.replace(/^\/rules\/\d+/, '');
  const at = (text: string) => (where ? `${where} ${text}` : text);
  if (error.instancePath === '' && error.keyword === 'type') {
    // A list of rules alone (as the README's one-rule example reads) or anything else that is no mapping.
    return 'a rule file is a mapping with "category" (the rule ids\' prefix) and "rules" (the list of rules), as rules/*.yaml and rules/schema.json show';
  }
  if (error.keyword === 'required') {
    return at(`lacks the key "${String((error.params as { missingProperty: string }).missingProperty)}"`);
  }
  if (error.keyword === 'additionalProperties') {
    const key = String((error.params as { additionalProperty: string }).additionalProperty);
    return where ? `${where}: unknown key "${key}"` : `unknown key "${key}"`;
  }
  if (error.keyword === 'contains' && /\/presets$/.test(error.instancePath)) {
    return `${where}: must include "all" (the all preset holds every rule)`;
  }
  if (error.keyword === 'minItems') {
    const n = (error.params as { limit: number }).limit;
    return at(`must list at least ${n} item${n === 1 ? '' : 's'}`);
  }
  if (error.keyword === 'enum') {
    return at(`${error.message ?? ''} (${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')})`);
  }
  return at(error.message ?? 'is invalid');
}

function ruleIdAt(data: unknown, instancePath: string): string | undefined {
  const m = /^\/rules\/(\d+)/.exec(instancePath);
  if (!m) return undefined;
  const rule = (data as { rules?: Array<{ id?: unknown }> }).rules?.[Number(m[1])];
  return typeof rule?.id === 'string' ? rule.id : `#${Number(m[1]) + 1}`;
}

/** Validates parsed rule-file data. Throws RuleFileError naming the file and rule. */
export function validateRuleFile(data: unknown, file: string): LoadedRuleFile {
  const validate = getValidator();
  if (!validate(data)) {
    // Report the most specific errors first; oneOf noise is least useful.
    const errors = [...(validate.errors ?? [])].sort(
      (a, b) => Number(a.keyword === 'oneOf') - Number(b.keyword === 'oneOf') || b.instancePath.length - a.instancePath.length,
    );
    // contains' own sub-errors (each item "must be equal to constant") say less than contains.
    const first = errors.find((e) => e.keyword === 'contains') ?? errors[0]!;
    throw new RuleFileError(file, ruleIdAt(data, first.instancePath), describeSchemaError(first));
  }
  const def = data as RuleFileDefinition;
  checkSemantics(def, file);
  return { ...def, file };
}

/** Checks the schema cannot express: id prefixes, unique ids, patterns that parse, regexes that compile. */
function checkSemantics(def: RuleFileDefinition, file: string): void {
  const sets = new Map<string, string[]>();
  for (const [name, set] of Object.entries(def.sets ?? {})) sets.set(name, setWordsOf(set));
  const seen = new Set<string>();
  const tryPattern = (pattern: string, ruleId: string | undefined, what: string) => {
    try {
      expandPattern(pattern, sets);
    } catch (error) {
      // A set may be defined in another file; compileRules checks references across files.
      if (error instanceof PatternError && error.message.startsWith('unknown set')) return;
      if (error instanceof PatternError) throw new RuleFileError(file, ruleId, `${what}: ${error.message}`);
      throw error;
    }
  };
  for (const pattern of def.exceptions ?? []) tryPattern(pattern, undefined, 'exceptions');
  for (const rule of def.rules) {
    if (!rule.id.startsWith(`${def.category}/`)) {
      throw new RuleFileError(file, rule.id, `id must start with the file's category "${def.category}/"`);
    }
    if (seen.has(rule.id)) throw new RuleFileError(file, rule.id, 'duplicate id');
    seen.add(rule.id);
    for (const pattern of rule.match) tryPattern(pattern, rule.id, 'match');
    for (const pattern of rule.exceptions ?? []) tryPattern(pattern, rule.id, 'exceptions');
    for (const entry of rule.formSuggestions ?? []) for (const pattern of entry.forms) tryPattern(pattern, rule.id, 'formSuggestions.forms');
    for (const kind of ['requires', 'unless'] as const) {
      for (const condition of rule.conditions?.[kind] ?? []) {
        for (const pattern of [
          ...(condition.before ?? []),
          ...(condition.after ?? []),
          ...(condition.sentence ?? []),
          ...(condition.subject ?? []),
          ...(condition.except ?? []),
          ...(condition.forms ?? []),
        ]) {
          tryPattern(pattern, rule.id, `conditions.${kind}`);
        }
        for (const source of [condition.line, condition.table, condition.column]) {
          if (source === undefined) continue;
          try {
            new RegExp(source, 'iu');
          } catch (error) {
            throw new RuleFileError(file, rule.id, `conditions.${kind}: bad regular expression: ${(error as Error).message}`);
          }
        }
      }
    }
  }
}

/**
 * Parses and validates one rule file's text (YAML, which includes JSON); `file` is the name its
 * errors and its rules' `file` give. Throws RuleFileError (not YAML, or not a valid rule file:
 * the message names the file, the rule and what is wrong). Pass the result to compileRules.
 */
export function parseRuleFile(text: string, file: string): LoadedRuleFile {
  let data: unknown;
  try {
    const { parse: parseYaml } = lazyRequire('yaml') as typeof import('yaml');
    data = parseYaml(text, { prettyErrors: true });
  } catch (error) {
    throw new RuleFileError(file, undefined, `not valid YAML: ${yamlErrorText(error)}`);
  }
  return validateRuleFile(data, file);
}

/**
 * Reads, parses and validates rule files (UTF-8 YAML; relative paths from the working folder).
 * Throws RuleFileError for the first file that cannot be read or is not a valid rule file. The
 * rules' `examples` are not run here (a config's `extends` runs them); compileRules(files) makes
 * the RuleSet for Options.ruleSet. Each file's `docsUrl` is its file:// URL (its findings' `url`),
 * as for a config's `extends`; the built-in rule files keep docs/rules.md.
 */
export function loadRuleFiles(paths: readonly string[]): LoadedRuleFile[] {
  return paths.map((p) => {
    let text: string;
    try {
      text = readFileSync(p, 'utf8');
    } catch (error) {
      throw new RuleFileError(p, undefined, describeIoError(error));
    }
    const loaded = parseRuleFile(text, p);
    // A house rule's url pointed at dignify's docs/rules.md, which has no entry for it (a developer trial).
    const resolved = path.resolve(p);
    return path.dirname(resolved) === BUILTIN_RULES_DIR ? loaded : { ...loaded, docsUrl: pathToFileURL(resolved).href };
  });
}
