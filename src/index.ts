// dignify's public surface. Everything not exported here is internal; test/public-api.test.ts pins
// this list (a change to it is a change to the API).
// The declarations use Node's types (Buffer, NodeJS.ErrnoException): this directive, kept in dist/index.d.ts,
// brings them into a project that has @types/node, with TypeScript 6 and later too, whose "types" is [] by default.
/// <reference types="node" preserve="true" />
import { builtinRules as builtin } from './rules/builtin.js';
import { compileRules as compile } from './rules/compile.js';
import type { LoadedRuleFile } from './rules/load.js';
import type { RuleSet } from './types.js';

export { lintText, type LintTextOptions, type FixTextResult } from './lint/lint-text.js';
export { applyFixes } from './lint/fix.js';
export {
  lintFiles,
  lintOutcomes,
  lintStream,
  resultOf,
  type ConfigLookup,
  type LintEvent,
  type LintOptions,
  type LintOutcome,
  type LintResult,
} from './engine/lint-files.js';
export type { PoolThreshold } from './engine/lint-parallel.js';
export type { ResolvedOptions } from './match/match.js';
export type { Document, RecordRef } from './inputs/document.js';
export type { ColumnOptions } from './inputs/columns.js';
export type { InputFormat } from './inputs/formats.js';
export type { SourceOptions, StdinSource } from './inputs/sources.js';
export { OptionsError } from './lint/options.js';
export { ConfigError, ConfigSet, type ConfigSetOptions, type DignifyConfig, type ResolvedConfig } from './config/index.js';
export { default as retextDignify } from './lint/plugin.js';
/** The built-in rule set (compiled once, then shared). */
export const builtinRules: () => RuleSet = builtin;
/** Compiles rule files (loadRuleFiles, parseRuleFile) into a RuleSet for Options.ruleSet. Throws RuleFileError. */
export const compileRules: (files: readonly LoadedRuleFile[]) => RuleSet = compile;
export { loadRuleFiles, parseRuleFile, RuleFileError, type LoadedRuleFile } from './rules/load.js';
export { formatAll, formatters, type FormatContext, type Formatter, type Reporter } from './output/index.js';
export type {
  ConditionDefinition,
  ExampleDefinition,
  Finding,
  Fix,
  FixSkipped,
  FixSkipReason,
  LintWarning,
  Options,
  Point,
  PresetName,
  QuoteHandling,
  Rule,
  RuleDefinition,
  RuleFileDefinition,
  RuleSet,
  /** @deprecated The old name of RuleSet. */
  RuleSet as CompiledRules,
  SetDefinition,
  SetValue,
  Severity,
  SeveritySetting,
} from './types.js';
