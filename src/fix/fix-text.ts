// Fixing a text: apply every safe fix, lint again, repeat until nothing fixable is left (at most
// ten passes, as ESLint does), so a second run has nothing to do. Returns the fixed text and the
// findings that remain in it, with positions in the fixed text.
import { applyFixes } from '../lint/fix.js';
import type { Finding } from '../types.js';

const MAX_PASSES = 10;

/** A fix is applied only when the finding still points at its phrase in this text. */
function applicable(text: string, f: Finding): boolean {
  return f.fix !== undefined && text.slice(f.start.offset, f.end.offset) === f.actual;
}

export function fixText(text: string, lint: (text: string) => Finding[]): { text: string; findings: Finding[]; fixed: number } {
  let current = text;
  let findings = lint(current);
  let fixed = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const fixable = findings.filter((f) => applicable(current, f));
    if (fixable.length === 0) break;
    const next = applyFixes(current, fixable);
    if (next.text === current) break;
    current = next.text;
    fixed += next.applied;
    findings = lint(current);
  }
  return { text: current, findings, fixed };
}
