// Options as the user gives them → what the matcher needs, resolved once per run.
import { builtinRules } from '../rules/builtin.js';
import { expandPattern, PatternError } from '../rules/pattern.js';
import type { CompiledRules } from '../rules/compile.js';
import type { Options } from '../types.js';
import type { ResolvedOptions } from './match.js';

export class OptionsError extends Error {}

const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);

export function resolveOptions(options: Options = {}): ResolvedOptions {
  // Every RuleSet is a CompiledRules inside (compileRules makes them all).
  const rules = (options.ruleSet as CompiledRules | undefined) ?? builtinRules();
  const setWords = new Map([...rules.sets].map(([name, set]) => [name, set.words]));
  const severities = { ...(options.rules ?? {}) };
  for (const [key, value] of Object.entries(severities)) {
    if (!SEVERITIES.has(value)) throw new OptionsError(`rules.${key}: expected one of off, info, warning, error, got "${String(value)}"`);
  }
  const allow = (options.allow ?? []).flatMap((phrase) => {
    try {
      return expandPattern(phrase, setWords);
    } catch (error) {
      if (error instanceof PatternError) throw new OptionsError(`allow: "${phrase}": ${error.message}`);
      throw error;
    }
  });
  const quotes = options.quotes ?? 'info';
  if (!['info', 'flag', 'ignore'].includes(quotes)) throw new OptionsError(`quotes: expected info, flag or ignore, got "${String(quotes)}"`);
  return { rules, severities, allow, quotes };
}
