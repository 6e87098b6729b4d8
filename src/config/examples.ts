// A user's rule files (a config's `extends`) are held to what the built-in rules are held to in
// test/rules.examples.test.ts: each `flag` example must be reported by its rule, and no `pass`
// example may be, with the config's own severities (a house rule that replaces a built-in one
// for the same words is reported once that one is off). A rule the config turns off (by its id or
// its category) is not checked, and a flag example is read without the config's `allow` phrases:
// checking them made a config that turns off its own house rule, or allows its phrase, a config
// error that stopped the run (a newcomer trial). Only dignify's phrase matcher runs here
// (synchronous, no retext-equality): rules that report retext-equality messages are not checked.
// An example's `suggestion` (the first suggestion its finding offers) and `fixed` (the text after
// --fix) are checked too, and every message names the rule file: a newcomer trial's example caught
// nothing ("suggestion:" and "fixed:" were read by the built-in rules' tests only).
import { applyFixes } from '../lint/fix.js';
import { matchSentences, type ResolvedOptions } from '../match/match.js';
import { parseText } from '../parse/parse-text.js';
import { collectSentences } from '../parse/tokens.js';
import type { LoadedRuleFile } from '../rules/load.js';

/**
 * Why an example of `files` fails with `options`, or undefined when every example holds. `nameOf`
 * gives the rule file's name as the message shows it (default: its path as loaded).
 */
export function exampleProblem(
  files: readonly LoadedRuleFile[],
  options: ResolvedOptions,
  nameOf: (file: string) => string = (file) => file,
): string | undefined {
  // Quotes are flagged as usual: examples test the rule, not the quote policy.
  const checked: ResolvedOptions = { ...options, quotes: 'flag' };
  const flagged: ResolvedOptions = { ...checked, allow: [] };
  const found = (text: string, id: string, with_ = checked) => matchSentences(collectSentences(parseText(text)), text, with_).filter((f) => f.ruleId === id);
  for (const file of files) {
    for (const rule of file.rules) {
      if (rule.equality?.length) continue;
      // A rule the preset leaves out (presets: [all] under recommended) runs on nothing here.
      if (!options.rules.byId.has(rule.id)) continue;
      if ((options.severities[rule.id] ?? options.severities[file.category] ?? rule.severity) === 'off') continue;
      const where = `${nameOf(file.file)}: rule "${rule.id}"`;
      for (const example of rule.examples.flag) {
        const { text, actual, suggestion, fixed } = typeof example === 'string' ? { text: example } : example;
        const findings = found(text, rule.id, flagged);
        if (findings.length === 0)
          return `${where}: the flag example "${text}" is not reported by it (check its match, conditions and exceptions, or another rule matching the same words)`;
        if (actual !== undefined && !findings.some((f) => f.actual === actual)) {
          return `${where}: the flag example "${text}" reports ${findings.map((f) => `"${f.actual}"`).join(', ')}, not "${actual}"`;
        }
        const finding = actual === undefined ? findings[0]! : findings.find((f) => f.actual === actual)!;
        if (suggestion !== undefined && finding.suggestions[0] !== suggestion)
          return `${where}: the flag example "${text}" suggests "${finding.suggestions[0] ?? ''}" first, not "${suggestion}" (check its formSuggestions' forms)`;
        if (fixed !== undefined) {
          const output = applyFixes(text, findings).output;
          if (output !== fixed) return `${where}: the flag example "${text}" is fixed as "${output}", not "${fixed}"`;
        }
      }
      for (const text of rule.examples.pass) {
        const findings = found(text, rule.id);
        if (findings.length) return `${where}: the pass example "${text}" is reported ("${findings[0]!.actual}")`;
      }
    }
  }
  return undefined;
}
