// lintText: the Node API's entry point for one string. Goes through lintDocument → lintTree, the
// code the retext plugin runs too, so both report exactly the same findings. With `fix: true` it
// also fixes the text, as ESLint's lintText does (its `output`).
import { fixText, type FixTextResult } from '../fix/fix-text.js';
import type { Document } from '../inputs/document.js';
import type { Finding, LintWarning, Options } from '../types.js';
import { directiveWarnings } from './directive-warnings.js';
import { withLoading } from '../engine/lazy.js';
import { lintDocument } from './lint-document.js';
import type { ResolvedOptions } from '../match/match.js';
import { checkOptionKeys, checkText, OPTION_KEYS, OptionsError, resolveOptions, shown } from './options.js';

/** The syntaxes lintText parses (LintTextOptions.syntax). */
const SYNTAXES: readonly Document['syntax'][] = ['text', 'markdown', 'html'];

/** The options lintText reads (Options and LintTextOptions' own). */
const LINT_TEXT_OPTIONS: readonly string[] = [...OPTION_KEYS, 'syntax', 'fix'];

export interface LintTextOptions extends Options {
  /** How `text` is parsed (default 'text'): Markdown and HTML markup is not prose, and fixes keep it. */
  syntax?: Document['syntax'];
  /** Fix the text too: lintText then resolves to {findings, output, fixed, inputFindings} (FixTextResult). */
  fix?: boolean;
}

export type { FixTextResult };

/** Lints text with options already resolved (the hot path for many documents); throws NotLoaded as lintDocument does. */
export function lintResolved(text: string, resolved: ResolvedOptions, syntax: Document['syntax'] = 'text'): Finding[] {
  return lintDocument({ file: '', syntax, text }, resolved);
}

/**
 * Finds stigmatizing language in `text`. Offsets are 0-based UTF-16 indexes into `text`, so
 * `text.slice(f.start.offset, f.end.offset) === f.actual` for every finding.
 *
 * With `{fix: true}`: resolves to `{findings, output, fixed, inputFindings}`: `output` is the
 * text with every safe fix applied (the input itself when none applies), `findings` those left in
 * `output` (positions in `output`), `fixed` how many fixes were applied, `inputFindings` the
 * findings of `text` before fixing (positions in `text`). Findings whose fix was withheld carry
 * `fixSkipped` with the reason.
 *
 * Writes nothing. What the command line warns about on stderr (a `dignify-disable` directive
 * naming a rule id or category that no rule has) is in `warnings` (LintWarning[], only set when
 * there are some): a property of the findings array (not enumerable, so the array compares and
 * serializes as before), or a field of the fix result.
 *
 * Rejects with OptionsError for a `text` that is not a string (null, undefined, a Buffer, a row
 * object) and for an option it cannot use: options not an object, an option lintText does not
 * read (a misspelt name, or one of lintFiles' such as `config`), an unknown preset, quotes policy,
 * rule id or category, severity, allow phrase or syntax, `fix` not a boolean, or `rules`, `allow`
 * or `ruleSet` of the wrong shape.
 */
export async function lintText(text: string, options: LintTextOptions & { fix: true }): Promise<FixTextResult>;
/** Without `fix` (or with `fix: false`): the findings. */
export async function lintText(text: string, options?: LintTextOptions & { fix?: false }): Promise<Finding[] & { warnings?: LintWarning[] }>;
/**
 * `fix` known only at run time: `{ fix: argv.fix }`, or options held in a variable typed
 * LintTextOptions (whose `fix` is `boolean | undefined`): either shape, by its value. Narrow it
 * with `Array.isArray(result)`.
 */
export async function lintText(text: string, options: LintTextOptions): Promise<(Finding[] & { warnings?: LintWarning[] }) | FixTextResult>;
// The findings' signature again, last, so that ReturnType<typeof lintText> (which reads the last
// overload) stays Promise<Finding[]>, as it was before the run-time `fix` had its own overload.
export async function lintText(text: string, options?: LintTextOptions & { fix?: false }): Promise<Finding[] & { warnings?: LintWarning[] }>;
export async function lintText(text: string, options: LintTextOptions = {}): Promise<Finding[] | FixTextResult> {
  checkText(text);
  // Resolved first: it checks that the options are an object (null was a TypeError reading `syntax`).
  const resolved = resolveOptions(options);
  checkOptionKeys(options, LINT_TEXT_OPTIONS, 'lintText');
  // `fix: 'yes'` fixed (it is truthy), and `fix: 'false'` too.
  if (options.fix !== undefined && typeof options.fix !== 'boolean') throw new OptionsError(`fix: expected true or false, got ${shown(options.fix)}`);
  // As resolveOptions checks preset and quotes: a syntax it does not know ('rtf') was linted as text.
  if (options.syntax !== undefined && !SYNTAXES.includes(options.syntax))
    throw new OptionsError(`syntax: expected ${SYNTAXES.join(', ')}, got ${shown(options.syntax)}`);
  const source = text;
  const lint = (t: string) => withLoading(() => lintResolved(t, resolved, options.syntax));
  // After linting, which loaded the parser the directives' code spans need.
  const warningsOf = () => directiveWarnings({ file: '', syntax: options.syntax ?? 'text', text: source }, resolved);
  if (options.fix) {
    const result = await fixText(source, lint);
    const warnings = warningsOf();
    if (warnings.length) result.warnings = warnings;
    return result;
  }
  const findings: Finding[] & { warnings?: LintWarning[] } = await lint(source);
  const warnings = warningsOf();
  if (warnings.length) Object.defineProperty(findings, 'warnings', { value: warnings, enumerable: false, writable: true, configurable: true });
  return findings;
}
