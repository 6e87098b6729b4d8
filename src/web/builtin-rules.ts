// The browser build's stand-in for rules/builtin.ts: the built-in rule files, validated at build
// time (dist/rules/builtin.json, see scripts/build-rules.js), are bundled into the page as data,
// so the page reads no file and loads neither YAML nor the schema validator.
import files from 'dignify:builtin-rules';
import { compileRules, type CompiledRules } from '../rules/compile.js';
import type { LoadedRuleFile } from '../rules/load.js';

export function builtinRulePaths(): string[] {
  return [];
}

export function builtinRuleFiles(): LoadedRuleFile[] {
  return files;
}

let cached: CompiledRules | undefined;

/** The built-in rules, compiled once per page. */
export function builtinRules(): CompiledRules {
  return (cached ??= compileRules(files));
}
