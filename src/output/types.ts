import type { LintResult } from '../engine/lint-files.js';
import type { RuleSet } from '../types.js';

export interface FormatContext {
  /** Add each rule's note and sources. */
  why: boolean;
  color: boolean;
  /** Working directory, for relative file names. */
  cwd: string;
  /** --redact: results are already stripped; reporters add no rule text of their own either. */
  redact?: boolean;
  /**
   * --skip-bad-records: a malformed export record is accepted (it does not make the exit code 2).
   * It is still reported, record by record, in every format; where a format grades what it
   * reports (github, SARIF) it is a warning then, not an error.
   */
  skipBadRecords?: boolean;
  /** The rule sets in use, for reporters that describe rules (SARIF); default the built-in rules. */
  ruleSets?: () => readonly RuleSet[];
}

/**
 * A reporter receives results one at a time, in input order, as soon as each source is linted,
 * and returns the text to write now; `end` returns what is left (a summary, a closing bracket).
 * Streaming reporters keep memory flat on large inputs; others (SARIF) buffer until `end`.
 */
export interface Reporter {
  result(result: LintResult): string;
  end(): string;
}

export type Formatter = (context: FormatContext) => Reporter;

/**
 * Runs a reporter over a complete list of results (for the API and tests) and returns the report
 * as one string. `context` defaults to no `--why`, no colour and file names relative to
 * process.cwd(); its fields given override those (without it, a bare TypeError read `why` of undefined).
 */
export function formatAll(formatter: Formatter, results: readonly LintResult[], context: Partial<FormatContext> = {}): string {
  const reporter = formatter({ why: false, color: false, cwd: process.cwd(), ...context });
  return results.map((r) => reporter.result(r)).join('') + reporter.end();
}
