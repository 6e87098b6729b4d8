// One line per finding, for editors and grep: file:line:col: severity message [rule]. An export's
// findings read file:row N (id_column ID):line:col: …, a .docx's file:paragraph N: …. A
// phrase broken over lines is shown on one.
import type { Formatter } from './types.js';
import { position, recordLabel } from './where.js';

export const compact: Formatter = () => ({
  result: (r) => {
    const file = r.record ? `${r.file}:${recordLabel(r)}` : r.file;
    return r.findings.map((f) => `${file}:${position(f)}: ${f.severity} ${f.message.replace(/\s*\n\s*/g, ' ')} [${f.ruleId}]\n`).join('');
  },
  end: () => '',
});
