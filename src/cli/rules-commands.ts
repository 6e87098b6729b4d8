// `dignify rules` and `dignify explain <ruleId>`: the rule data, printed for people or machines.
import { didYouMean } from '../core/edit-distance.js';
import type { CompiledRules } from '../rules/compile.js';
import type { PresetName } from '../rules/presets.js';
import { type ConditionQuoting, describeCondition } from '../rules/docs.js';
import { sourceLine } from '../rules/sources.js';
import type { Rule } from '../types.js';

function exampleText(e: Rule['examples']['flag'][number]): { text: string; actual?: string | undefined; suggestion?: string | undefined } {
  return typeof e === 'string' ? { text: e } : e;
}

/** `all only` for a rule outside the default preset, else empty: the column `dignify rules` shows. */
function presetLabel(rule: Rule): string {
  return rule.presets.includes('recommended') ? 'recommended' : 'all only';
}

/** The rule list, as text for people or JSON; with `preset`, only the rules that preset holds. */
export function listRules(rules: CompiledRules, format: 'text' | 'json', preset?: PresetName): string {
  const shown = preset ? rules.rules.filter((r) => r.presets.includes(preset)) : rules.rules;
  if (format === 'json') {
    return `${JSON.stringify(
      shown.map((r) => ({
        id: r.id,
        category: r.category,
        description: r.description,
        severity: r.severity,
        presets: r.presets,
        fixable: r.fixable,
        match: r.match,
        suggestions: r.suggestions,
        // By the matched word's form ("refuses" -> "declines"): [{ forms, suggestions }], absent without.
        ...(r.formSuggestions && { formSuggestions: r.formSuggestions }),
        url: r.url,
      })),
      null,
      2,
    )}\n`;
  }
  const lines: string[] = [];
  let category = '';
  for (const rule of shown) {
    if (rule.category !== category) {
      category = rule.category;
      lines.push('', `${category}`);
    }
    lines.push(
      `  ${rule.id.padEnd(36)} ${rule.severity.padEnd(7)} ${presetLabel(rule).padEnd(11)} ${rule.fixable ? 'fixable' : '       '}  ${rule.description}`,
    );
    lines.push(`  ${''.padEnd(36)} ${''.padEnd(7)} ${''.padEnd(11)}          matches: ${rule.match.join(', ')}`);
    lines.push(`  ${''.padEnd(36)} ${''.padEnd(7)} ${''.padEnd(11)}          → ${rule.suggestions.join('; ')}`);
    for (const entry of rule.formSuggestions ?? [])
      lines.push(`  ${''.padEnd(36)} ${''.padEnd(7)} ${''.padEnd(11)}          → for ${entry.forms.join(', ')}: ${entry.suggestions.join('; ')}`);
  }
  const outside = shown.filter((r) => !r.presets.includes('recommended')).length;
  lines.push(
    '',
    `${shown.length} rules${preset ? ` in the ${preset} preset` : ''}; ${shown.length - outside} in recommended (the default), ${outside} only in all (--preset all).`,
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

export function explainRule(rules: CompiledRules, id: string): { ok: boolean; text: string } {
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
          ...inCategory.map((r) => `  ${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${presetLabel(r).padEnd(11)}  ${r.description}`),
          '',
        ].join('\n'),
      };
    }
    const meant = didYouMean(id.toLowerCase(), [...rules.rules.map((r) => r.id), ...new Set(rules.rules.map((r) => r.category))]);
    return { ok: false, text: `no rule "${id}"${meant || ' (dignify rules lists them all)'}` };
  }
  const r = compiled.rule;
  const out = [
    `${r.id}  (${r.severity}${r.fixable ? ', fixable' : ''}; presets: ${r.presets.join(', ')})`,
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
  out.push('', `Docs: ${r.url}`, '');
  return { ok: true, text: out.join('\n') };
}
