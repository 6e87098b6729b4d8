// The browser build's stand-in for rules/load.ts, which reads files and resolves the package
// folder from import.meta.url when it loads. The page has only the built-in rules (bundled as
// data), so all it needs from that module is the error class compile.ts throws.
import type { RuleFileDefinition } from '../types.js';

export class RuleFileError extends Error {
  constructor(
    readonly file: string,
    readonly ruleId: string | undefined,
    readonly detail: string,
  ) {
    super(`${file}${ruleId ? `: rule "${ruleId}"` : ''}: ${detail}`);
    this.name = 'RuleFileError';
  }
}

export interface LoadedRuleFile extends RuleFileDefinition {
  file: string;
}

export const PACKAGE_ROOT = '';
export const BUILTIN_RULES_DIR = '';

function unavailable(): never {
  throw new Error('rule files cannot be read in the browser build: it has the built-in rules only');
}

export const loadRuleFiles = unavailable;
export const parseRuleFile = unavailable;
