import type { LintResult } from '../lint/lint-files.js';

export interface FormatContext {
  /** Add each rule's note and sources. */
  why: boolean;
  color: boolean;
  /** Working directory, for relative file names. */
  cwd: string;
}

/** A reporter: results in, text out. Reporters see findings and nothing else. */
export type Formatter = (results: readonly LintResult[], context: FormatContext) => string;
