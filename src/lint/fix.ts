// Applies findings' fixes to a text. Overlapping fixes: the first (leftmost) wins, the others wait
// for the next pass, as in ESLint.
import type { Finding } from '../types.js';

/**
 * Applies the `fix` of each finding that has one to `text` (ranges are 0-based UTF-16 offsets into
 * `text`, as lint gives them). A fix that overlaps one already applied, or that does not fit in
 * `text`, is left out. Returns the new text and how many fixes were applied. Never throws.
 */
export function applyFixes(text: string, findings: readonly Finding[]): { output: string; fixed: number } {
  const fixes = findings
    .flatMap((f) => (f.fix ? [f.fix] : []))
    .filter(({ range: [start, end] }) => Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= text.length)
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let output = '';
  let cursor = 0;
  let fixed = 0;
  for (const fix of fixes) {
    const [start, end] = fix.range;
    if (start < cursor) continue;
    output += text.slice(cursor, start) + fix.text;
    cursor = end;
    fixed++;
  }
  return { output: output + text.slice(cursor), fixed };
}
