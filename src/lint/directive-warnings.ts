// Warnings about a text that are not findings: an inline-control directive naming a rule id or
// category no rule has ("dignify-disable substance-use/adict": a typo disables nothing, or, as a
// category, more than meant). The CLI prints them on stderr (lint-files.ts makes them `notice`
// outcomes); the API gives them as LintWarning objects on its results, and writes nothing.
import { didYouMean } from '../core/edit-distance.js';
import type { Document } from '../inputs/document.js';
import { unknownDirectiveRules, type CodeSpans } from '../match/inline-control.js';
import type { ResolvedOptions } from '../match/match.js';
import { builtinRuleFiles } from '../rules/builtin.js';
import type { LintWarning } from '../types.js';
import { codeSpans } from './lint-document.js';

// Rule ids and categories of a rule set, for the check of inline-control directives.
const namesOf = new WeakMap<ResolvedOptions['rules'], Set<string>>();

/** The rule ids and categories a directive may name under `resolved`: every built-in one (any preset), and the rule set's own. */
function knownNames(resolved: ResolvedOptions): Set<string> {
  let names = namesOf.get(resolved.rules);
  if (!names) {
    names = new Set<string>();
    // Every built-in rule is a name, those outside the preset too: a template may disable a rule
    // of the `all` preset for the teams that run it.
    for (const file of builtinRuleFiles()) {
      for (const rule of file.rules) {
        names.add(rule.id);
        names.add(rule.id.split('/')[0]!);
      }
    }
    for (const rule of resolved.rules.rules) {
      names.add(rule.id);
      names.add(rule.category ?? rule.id.split('/')[0]!);
    }
    for (const id of resolved.rules.equality.keys()) names.add(id);
    namesOf.set(resolved.rules, names);
  }
  return names;
}

/**
 * A warning for each rule id or category an inline-control directive in `doc` names that no rule
 * has, in line order; [] for most texts (those without "dignify-"). Directives inside code (Markdown
 * or HTML code) are examples, not directives, and are not checked.
 */
export function directiveWarnings(doc: Document, resolved: ResolvedOptions): LintWarning[] {
  // Asked of every document. "gnify-" first: V8 finds a pattern by memchr of its first character,
  // and "g" stands about half as often in notes as "d" (MTSamples' notes, a flat string each:
  // includes("dignify-") 0.5 ns a character, includes("gnify-") 0.26). "dignify-" holds "gnify-".
  if (!doc.text.includes('gnify-') || !doc.text.includes('dignify-')) return [];
  const known = knownNames(resolved);
  let code: CodeSpans;
  try {
    code = codeSpans(doc);
  } catch {
    code = []; // the Markdown or HTML parser is not loaded: nothing was linted in it either
  }
  return unknownDirectiveRules(doc.text, (name) => known.has(name), code).map(({ line, name }) => {
    const meant = didYouMean(name, [...known]) || ' (see dignify rules)';
    return { kind: 'unknown-directive', line, name, message: `line ${line}: a dignify directive names "${name}", which is no rule id or category${meant}` };
  });
}
