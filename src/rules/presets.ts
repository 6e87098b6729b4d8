// Presets, as ESLint has them: named sets of rules. `recommended` (the default) holds the rules
// that are precise on real clinical text; `all` holds every rule, including the descriptors the
// published lexicons list that are often neutral in a note ("angry", "elderly", "smoker"). A rule
// says in its YAML which presets hold it (`presets`, default [recommended, all]).
//
// A preset narrows the compiled rule set itself rather than turning rules off: rules outside the
// preset then add no trigger words to the fast path, so `recommended` pays nothing for `all`.
import type { PresetName, RuleDefinition, SeveritySetting } from '../types.js';
import { compileRules, type CompiledRules } from './compile.js';

/** The preset names, in the order `dignify rules` and the docs show them. */
export const PRESETS = ['recommended', 'all'] as const satisfies readonly PresetName[];
export type { PresetName };
export const DEFAULT_PRESET: PresetName = 'recommended';

/** What each preset is for, one line each (help text, docs). */
export const PRESET_DESCRIPTIONS: Record<PresetName, string> = {
  recommended: 'the default: rules that are precise on real clinical text',
  all: 'every term the published lexicons list, including descriptors that are often neutral in a note',
};

/** Thrown for a preset name that does not exist; the CLI turns it into exit 2. */
export class PresetError extends Error {
  constructor(readonly preset: string) {
    super(`unknown preset "${preset}" (expected ${PRESETS.join(' or ')})`);
    this.name = 'PresetError';
  }
}

export function isPresetName(name: unknown): name is PresetName {
  return typeof name === 'string' && (PRESETS as readonly string[]).includes(name);
}

/** The presets a rule definition belongs to (the schema's default when it names none). */
export function presetsOf(def: Pick<RuleDefinition, 'presets'>): PresetName[] {
  return def.presets ? [...def.presets] : ['recommended', 'all'];
}

// Per base rule set: preset and explicitly enabled ids → the narrowed set, compiled once.
const narrowed = new WeakMap<CompiledRules, Map<string, CompiledRules>>();

/**
 * The rules of `base` that `preset` holds, plus any rule outside it that `severities` turns on by
 * its id (a rule id set to info, warning or error in a config enables it under any preset; a
 * category setting does not). Returns `base` itself when nothing is left out. Cached per base.
 * Throws PresetError for an unknown preset name.
 */
export function presetRules(base: CompiledRules, preset: string, severities: Record<string, SeveritySetting> = {}): CompiledRules {
  if (!isPresetName(preset)) throw new PresetError(preset);
  const keep = (id: string, presets: readonly PresetName[]) => presets.includes(preset) || (severities[id] !== undefined && severities[id] !== 'off');
  const kept = base.rules.filter((r) => keep(r.id, r.presets));
  if (kept.length === base.rules.length) return base;
  const key = `${preset}\0${kept.map((r) => r.id).join('\0')}`;
  let byKey = narrowed.get(base);
  if (!byKey) narrowed.set(base, (byKey = new Map()));
  let rules = byKey.get(key);
  if (!rules) {
    const files = base.files.map((f) => ({ ...f, rules: f.rules.filter((r) => keep(r.id, presetsOf(r))) }));
    byKey.set(key, (rules = compileRules(files)));
  }
  return rules;
}
