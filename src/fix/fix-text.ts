// Fixing a text: apply every fix, lint again, repeat until nothing fixable is left (at most ten
// passes, as ESLint does), so a second run has nothing to do. Returns the fixed text and the
// findings that remain in it, with positions in the fixed text.
import { applyFixes } from '../lint/fix.js';
import type { Finding, LintWarning } from '../types.js';

const MAX_PASSES = 10;

export interface FixTextResult {
  /** The findings left in `output` (those not fixable, and those whose fix was withheld: `fixSkipped`), positions in `output`. */
  findings: Finding[];
  /** The fixed text; equal to the input when nothing was fixed. */
  output: string;
  /** How many fixes were applied, over all passes. */
  fixed: number;
  /** The findings of the text as given, before any fix (what lint without `fix` reports), positions in it. */
  inputFindings: Finding[];
  /** lintText: the text's warnings (LintWarning: a directive naming no rule), only set when there are some. */
  warnings?: LintWarning[];
}

/** A fix is applied only when its finding still points at its phrase in this text. */
function applicable(text: string, f: Finding): boolean {
  return f.fix !== undefined && text.slice(f.start.offset, f.end.offset) === f.actual;
}

/**
 * Fixes `text`. `lint` lints a version of it (the same options and format each time); `first`
 * are the findings of `text` itself when the caller has them already, so it is not linted twice.
 * `which` chooses the findings whose fixes are made (default: all; `--quiet` only errors).
 */
export async function fixText(
  text: string,
  lint: (text: string) => Finding[] | Promise<Finding[]>,
  first?: Finding[],
  which: (finding: Finding) => boolean = () => true,
): Promise<FixTextResult> {
  let output = text;
  const inputFindings = first ?? (await lint(output));
  let findings = inputFindings;
  let fixed = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const fixable = findings.filter((f) => applicable(output, f) && which(f));
    if (fixable.length === 0) break;
    const next = applyFixes(output, fixable);
    if (next.output === output) break;
    output = next.output;
    fixed += next.fixed;
    findings = await lint(output);
  }
  return { findings, output, fixed, inputFindings };
}
