// The error of a rule file that cannot be used, in a module of its own: the compiler throws it, and
// the portable builds (the page, the warehouse script), which leave the file-reading loader out,
// take it from here as it is.

/**
 * A rule file that cannot be used; the message names the file, the rule and what is wrong.
 * `code` is 'DIGNIFY_RULE_FILE', stable across releases (as Node's error codes are).
 */
export class RuleFileError extends Error {
  /** Always 'DIGNIFY_RULE_FILE'. */
  readonly code = 'DIGNIFY_RULE_FILE';
  constructor(
    readonly file: string,
    readonly ruleId: string | undefined,
    readonly detail: string,
  ) {
    super(`${file}${ruleId ? `: rule "${ruleId}"` : ''}: ${detail}`);
    this.name = 'RuleFileError';
  }
}
