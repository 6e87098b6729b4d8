// dignify's public surface. Everything not exported here is internal.
export { lintText, type LintTextOptions, type FixTextResult } from './lint/lint-text.js';
export { applyFixes } from './lint/fix.js';
export { lintFiles, lintStream, type LintEvent, type LintOptions, type LintResult } from './lint/lint-files.js';
export type { Document, RecordRef } from './inputs/document.js';
export type { InputFormat } from './inputs/formats.js';
export { default as retextDignify } from './lint/plugin.js';
export { builtinRules } from './rules/builtin.js';
export { compileRules, type CompiledRules } from './rules/compile.js';
export { loadRuleFiles, parseRuleFile, RuleFileError, type LoadedRuleFile } from './rules/load.js';
export { formatAll, formatters, type FormatContext, type Formatter, type Reporter } from './output/index.js';
export type { Finding, Fix, FixSkipped, FixSkipReason, Options, Point, QuoteHandling, Rule, RuleDefinition, RuleFileDefinition, Severity, SeveritySetting } from './types.js';
