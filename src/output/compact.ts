// One line per finding, for editors and grep: file:line:col: severity message [rule]. A phrase
// broken over lines is shown on one.
import type { Formatter } from './types.js';

export const compact: Formatter = () => ({
  result: (r) => r.findings.map((f) => `${r.file}:${f.start.line}:${f.start.column}: ${f.severity} ${f.message.replace(/\s*\n\s*/g, ' ')} [${f.ruleId}]\n`).join(''),
  end: () => '',
});
