// --redact: results that carry positions, rule ids and the flagged phrase only, for logs that must
// not hold note text. Messages become the phrase itself; suggestions (which can echo captured
// words), fixes, notes, sources and links are dropped (`url` is '': a redacted finding keeps the
// fields every Finding has, as README's JSON shape lists them). Applied before any reporter sees a result.
import type { LintResult } from '../engine/lint-files.js';
import type { Finding } from '../types.js';

export function redactFinding(f: Finding): Finding {
  const kept: Finding = {
    ruleId: f.ruleId,
    category: f.category,
    severity: f.severity,
    message: `"${f.actual}"`,
    actual: f.actual,
    suggestions: [],
    start: f.start,
    end: f.end,
    url: '',
  };
  if (f.quoted) kept.quoted = true;
  if (f.file !== undefined) kept.file = f.file;
  // A location, not note text: a .docx finding keeps its paragraph (its sentence, `context`, goes).
  if (f.paragraph !== undefined) kept.paragraph = f.paragraph;
  return kept;
}

export function redactResult(result: LintResult): LintResult {
  return { ...result, findings: result.findings.map(redactFinding) };
}
