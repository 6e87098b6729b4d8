// Applies findings' fixes to a text. Overlapping fixes: the first (leftmost) wins, the others wait
// for the next run, as in ESLint.
import type { Finding } from '../types.js';

export function applyFixes(text: string, findings: readonly Finding[]): { text: string; applied: number } {
  const fixes = findings
    .flatMap((f) => (f.fix ? [f.fix] : []))
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let out = '';
  let cursor = 0;
  let applied = 0;
  for (const fix of fixes) {
    const [start, end] = fix.range;
    if (start < cursor) continue;
    out += text.slice(cursor, start) + fix.text;
    cursor = end;
    applied++;
  }
  return { text: out + text.slice(cursor), applied };
}
