// The built-in rules narrowed to a preset, compiled once per process. Apart from builtin.ts so that
// the portable builds (the page, the warehouse script), which swap builtin.ts for bundled data,
// keep this logic as it is.
import { builtinRuleFiles, builtinRules } from './builtin.js';
import { compileRules, type CompiledRules } from './compile.js';
import { presetsOf, type PresetName } from './presets.js';

const byPreset = new Map<PresetName, CompiledRules>();

/**
 * The built-in rules a preset holds, compiled once per process. Compiles only those rules, so the
 * default run does not also compile the rules outside `recommended`.
 */
export function builtinPresetRules(preset: PresetName): CompiledRules {
  let rules = byPreset.get(preset);
  if (!rules) {
    const files = builtinRuleFiles();
    const all = files.every((f) => f.rules.every((r) => presetsOf(r).includes(preset)));
    rules = all ? builtinRules() : compileRules(files.map((f) => ({ ...f, rules: f.rules.filter((r) => presetsOf(r).includes(preset)) })));
    byPreset.set(preset, rules);
  }
  return rules;
}

/** The preset whose built-in rule set `rules` is, if it is one (the worker pool sends the name, not the rules). */
export function builtinPresetOf(rules: CompiledRules): PresetName | undefined {
  for (const [name, compiled] of byPreset) if (compiled === rules) return name;
  return rules === builtinRules() ? 'all' : undefined;
}
