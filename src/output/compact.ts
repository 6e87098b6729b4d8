// One line per finding, for editors and grep: file:line:col: severity message [rule]. An export's
// findings read file:row N (id_column ID):line:col: …, a .docx's file:paragraph N: …. A
// phrase broken over lines is shown on one, and a file name or record id holding a line break (or
// another control character) as a JSON string (oneLine).
import type { Formatter } from './types.js';
import { oneLine, position, recordLabel } from './where.js';

export const compact: Formatter = () => ({
  result: (r) => {
    const file = r.record ? `${oneLine(r.file)}:${recordLabel(r, oneLine)}` : oneLine(r.file);
    return r.findings.map((f) => `${file}:${position(f)}: ${f.severity} ${f.message.replace(/\s*\n\s*/g, ' ')} [${f.ruleId}]\n`).join('');
  },
  end: () => '',
});
