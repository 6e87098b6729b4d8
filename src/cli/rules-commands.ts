// `dignify rules` and `dignify explain <ruleId>`: the rule data, printed for people or machines.
import { didYouMean } from '../core/edit-distance.js';
import type { ConfigSet, ResolvedConfig } from '../config/index.js';
import { builtinRules } from '../rules/builtin.js';
import type { CompiledRules } from '../rules/compile.js';
import type { PresetName } from '../rules/presets.js';
import { type ConditionQuoting, describeCondition } from '../rules/docs.js';
import { sourceLine } from '../rules/sources.js';
import type { Rule, SeveritySetting } from '../types.js';
import { plural } from '../core/plural.js';

/**
 * What the config of the working folder (as the lint command finds it for standard input; or
 * --config's) changes in `dignify rules` and `explain`: the file, its severities, the preset it
 * names and the rule files of its `extends`. No config: an empty view, and the listing is the
 * built-in one.
 */
export interface ConfigView {
  /** The config file as shown (relative to the working folder), or undefined for none. */
  file?: string | undefined;
  /** Rule id or category → the config's setting. */
  severities: Record<string, SeveritySetting>;
  /** The preset the config names, if it names one. */
  preset?: PresetName | undefined;
  /** The config's own rules (extends): rule id → its file as shown. */
  ruleFiles: Map<string, string>;
}

export const NO_CONFIG: ConfigView = { severities: {}, ruleFiles: new Map() };

/** The rules (built-in and the config's own) and the view of a resolved config. */
export function configView(resolved: ResolvedConfig, configs: ConfigSet): { rules: CompiledRules; view: ConfigView } {
  const ruleFiles = new Map<string, string>();
  for (const file of resolved.ruleFiles ?? []) for (const rule of file.rules) ruleFiles.set(rule.id, configs.shown(file.file));
  return {
    rules: resolved.ruleSet ?? builtinRules(),
    view: {
      file: resolved.file && configs.shown(resolved.file),
      severities: resolved.options.severities,
      preset: resolved.preset,
      ruleFiles,
    },
  };
}

/** The config's setting of a rule, by its id or else its category (the id wins, as when linting), or undefined. */
function configured(rule: Rule, view: ConfigView): { severity: SeveritySetting; key: string } | undefined {
  for (const key of [rule.id, rule.category]) {
    const severity = view.severities[key];
    if (severity !== undefined) return { severity, key };
  }
  return undefined;
}

/** The severity a rule reports at under the config ('off' when it turns the rule off). */
function effectiveSeverity(rule: Rule, view: ConfigView): SeveritySetting {
  return configured(rule, view)?.severity ?? rule.severity;
}

/** "off in .dignifyrc (rules.substance-use; its own severity: warning)", or undefined when the config leaves the rule as it is. */
function configNote(rule: Rule, view: ConfigView): string | undefined {
  const set = configured(rule, view);
  if (!set || set.severity === rule.severity) return undefined;
  return `${set.severity} in ${view.file ?? 'the config'} (rules.${set.key}; its own severity: ${rule.severity})`;
}

/** The indent of a rule's detail lines in `dignify rules`: under its description, past the id, severity and preset columns. */
const DETAIL = ' '.repeat(2 + 36 + 1 + 7 + 1 + 11 + 10);

function exampleText(e: Rule['examples']['flag'][number]): { text: string; actual?: string | undefined; suggestion?: string | undefined } {
  return typeof e === 'string' ? { text: e } : e;
}

/** `all only` for a rule outside the default preset, else empty: the column `dignify rules` shows. */
function presetLabel(rule: Rule): string {
  return rule.presets.includes('recommended') ? 'recommended' : 'all only';
}

/**
 * The rule list, as text for people or JSON. With a preset (--preset, else the config's), only
 * the rules it holds, and those outside it that the config turns on by id (as linting runs
 * them); with a config, its own rules too, each with its file, and the severity it gives each rule.
 */
export function listRules(rules: CompiledRules, format: 'text' | 'json', preset?: PresetName, view: ConfigView = NO_CONFIG): string {
  const presetShown = preset ?? view.preset;
  const enabledById = (r: Rule) => view.severities[r.id] !== undefined && view.severities[r.id] !== 'off';
  const shown = presetShown ? rules.rules.filter((r) => r.presets.includes(presetShown) || enabledById(r)) : rules.rules;
  if (format === 'json') {
    return `${JSON.stringify(
      shown.map((r) => {
        const set = configured(r, view);
        return {
          id: r.id,
          category: r.category,
          description: r.description,
          severity: r.severity,
          // The config's setting (by the rule's id or its category), absent when it sets none.
          ...(set && { configured: { ...set, config: view.file } }),
          presets: r.presets,
          fixable: r.fixable,
          match: r.match,
          suggestions: r.suggestions,
          // By the matched word's form ("refuses" -> "declines"): [{ forms, suggestions }], absent without.
          ...(r.formSuggestions && { formSuggestions: r.formSuggestions }),
          url: r.url,
          // The config's own rules (extends): the rule file, as shown.
          ...(view.ruleFiles.has(r.id) && { file: view.ruleFiles.get(r.id) }),
        };
      }),
      null,
      2,
    )}\n`;
  }
  const lines: string[] = [];
  if (view.file) lines.push(`Config: ${view.file} (severities below are as it sets them)`);
  let category = '';
  for (const rule of shown) {
    if (rule.category !== category) {
      category = rule.category;
      lines.push('', `${category}`);
    }
    lines.push(
      `  ${rule.id.padEnd(36)} ${effectiveSeverity(rule, view).padEnd(7)} ${presetLabel(rule).padEnd(11)} ${rule.fixable ? 'fixable' : '       '}  ${rule.description}`,
    );
    const note = configNote(rule, view);
    if (note) lines.push(`${DETAIL}config: ${note}`);
    const file = view.ruleFiles.get(rule.id);
    if (file) lines.push(`${DETAIL}file: ${file}`);
    lines.push(`${DETAIL}matches: ${rule.match.join(', ')}`);
    lines.push(`${DETAIL}→ ${rule.suggestions.join('; ')}`);
    for (const entry of rule.formSuggestions ?? []) lines.push(`${DETAIL}→ for ${entry.forms.join(', ')}: ${entry.suggestions.join('; ')}`);
  }
  const outside = shown.filter((r) => !r.presets.includes('recommended')).length;
  const whosePreset = preset ? ' (--preset)' : presetShown ? ` (the preset ${view.file ?? 'the config'} names; --preset chooses another)` : '';
  const byId = presetShown ? shown.filter((r) => !r.presets.includes(presetShown)).length : 0;
  const off = shown.filter((r) => effectiveSeverity(r, view) === 'off').length;
  lines.push(
    '',
    `${shown.length} rules${presetShown ? ` in the ${presetShown} preset${whosePreset}` : ''}${byId ? `, ${byId} of them outside it but turned on by the config` : ''}; ${shown.length - outside} in recommended (the default), ${outside} only in all (--preset all).`,
    ...(view.ruleFiles.size ? [`${plural(view.ruleFiles.size, 'rule')} from the config's extends (${[...new Set(view.ruleFiles.values())].join(', ')}).`] : []),
    ...(off ? [`${plural(off, 'rule')} turned off by ${view.file ?? 'the config'}.`] : []),
    '"dignify explain <id>" shows one rule with its reasons, sources and examples.',
    '',
    'How phrases are written (rules/*.yaml):',
    '  drug abuse      words in order; also "drug-abuse" and across a line break',
    '  clean|dirty     either word',
    '  iv? drug abuse  "iv" is optional',
    '  abuse(s|d|r)    optional endings: abuse, abuses, abused, abuser',
    '  drug-seeking    also the closed form "drugseeking"',
    '  {drug} abuse    any word of a set (below), e.g. "heroin abuse", "cocaine abuse"',
    '  Case does not matter.',
    '',
    'Sets:',
    ...[...rules.sets].map(
      ([name, set]) =>
        `  {${name}}${' '.repeat(Math.max(1, 14 - name.length))}${set.words.slice(0, 8).join(', ')}${set.words.length > 8 ? `, … (${set.words.length})` : ''}`,
    ),
    '',
  );
  return lines.join('\n').replace(/^\n/, '');
}

/** Longer regular expressions are cut in `explain` (the rule file and docs/rules.md have them whole). */
const REGEX_SHOWN = 120;

/** explain's quoting: words as they are, a regular expression between slashes, a long one cut. */
const TERMINAL: ConditionQuoting = {
  word: (s) => s,
  regex: (s) => (s.length > REGEX_SHOWN ? `/${s.slice(0, REGEX_SHOWN)}…/ (${s.length} characters: whole in the rule file)` : `/${s}/`),
};

/** An example of several lines on one, its line breaks written ⏎, so the list keeps one example a line. */
const oneLine = (s: string): string => s.replace(/\r?\n/g, ' ⏎ ');

/** One rule (or a category's rules) explained; with a config, its own rules too, and the severity it gives each. */
export function explainRule(rules: CompiledRules, id: string, view: ConfigView = NO_CONFIG): { ok: boolean; text: string } {
  const compiled = rules.byId.get(id) ?? rules.byId.get(id.toLowerCase());
  if (!compiled) {
    // A category, in any case ("Credibility"); a near miss of one is suggested as a rule id's is.
    const inCategory = rules.rules.filter((r) => r.category === id.toLowerCase());
    if (inCategory.length > 0) {
      const width = Math.max(...inCategory.map((r) => r.id.length));
      return {
        ok: true,
        text: [
          `${id.toLowerCase()}: a category of ${inCategory.length} rules; dignify explain <rule id> shows one`,
          ...inCategory.map((r) => {
            const note = configNote(r, view);
            return `  ${r.id.padEnd(width)}  ${effectiveSeverity(r, view).padEnd(7)}  ${presetLabel(r).padEnd(11)}  ${r.description}${note ? `  [${note}]` : ''}`;
          }),
          '',
        ].join('\n'),
      };
    }
    const meant = didYouMean(id.toLowerCase(), [...rules.rules.map((r) => r.id), ...new Set(rules.rules.map((r) => r.category))]);
    return { ok: false, text: `no rule "${id}"${meant || ' (dignify rules lists them all)'}` };
  }
  const r = compiled.rule;
  const note = configNote(r, view);
  const file = view.ruleFiles.get(r.id);
  const out = [
    `${r.id}  (${r.severity}${r.fixable ? ', fixable' : ''}; presets: ${r.presets.join(', ')})`,
    ...(note ? [`Config:     ${note}`] : []),
    ...(file ? [`File:       ${file} (from the extends of ${view.file ?? 'the config'})`] : []),
    '',
    r.description,
    '',
    `Why:        ${r.note}`,
    `Matches:    ${r.match.join(', ')}`,
    `Suggests:   ${r.suggestions.join('; ')}`,
    // In the matched word's form (RuleDefinition.formSuggestions): "refuses" -> "declines".
    ...(r.formSuggestions ?? []).map((entry) => `  for ${entry.forms.join(', ')}: ${entry.suggestions.join('; ')}`),
    'Sources:',
    ...r.sources.map((key) => `  ${sourceLine(key)}`),
  ];
  for (const kind of ['requires', 'unless'] as const) {
    for (const c of r.conditions?.[kind] ?? []) out.push(`${kind === 'requires' ? 'Only when:  ' : 'Not when:   '}${describeCondition(c, TERMINAL)}`);
  }
  if (r.exceptions?.length) out.push(`Exceptions: ${r.exceptions.join('; ')}`);
  out.push('', 'Flags:');
  for (const e of r.examples.flag.map(exampleText))
    out.push(`  ✖ ${oneLine(e.text)}${e.actual ? `   → "${oneLine(e.actual)}"` : ''}${e.suggestion ? ` (suggests "${oneLine(e.suggestion)}")` : ''}`);
  out.push('', 'Leaves alone:');
  for (const e of r.examples.pass) out.push(`  ✓ ${oneLine(e)}`);
  // A house rule has no page in dignify's docs: its file is its documentation.
  out.push('', file ? `Docs: ${file}` : `Docs: ${r.url}`, '');
  return { ok: true, text: out.join('\n') };
}
