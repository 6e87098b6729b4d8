// Machine-readable output: one JSON array (see README "JSON output"), streamed element by element
// so large runs need no buffering. A file is {file, findings[, skipped, error]}; the records of
// an export are nested under their file: {file, records: [{row, id?, line, findings | error}]},
// listing the records with findings or errors, then how many records were read.
import type { LintResult } from '../engine/lint-files.js';
import type { Formatter } from './types.js';

const indent = (text: string, by: string) => text.replace(/^/gm, by);

export const json: Formatter = ({ why }) => {
  let count = 0;
  // The export whose entry is open: its file, how many records were read and listed.
  let open: { file: string; read: number; listed: number } | undefined;
  const findings = (r: LintResult) => (why ? r.findings : r.findings.map(({ note: _note, sources: _sources, ...rest }) => rest));
  const element = (text: string) => `${count++ === 0 ? '[\n' : ',\n'}${text}`;
  const close = () => {
    if (!open) return '';
    const text = `${open.listed ? '\n    ]' : ']'},\n    "records_read": ${open.read}\n  }`;
    open = undefined;
    return text;
  };
  return {
    result(r) {
      if (!r.record) return close() + element(indent(JSON.stringify({ ...r, findings: findings(r) }, null, 2), '  '));
      let out = '';
      if (open?.file !== r.file) {
        out += close() + element(`  {\n    "file": ${JSON.stringify(r.file)},\n    "records": [`);
        open = { file: r.file, read: 0, listed: 0 };
      }
      open.read++;
      if (r.findings.length === 0 && !r.error && !r.skipped) return out;
      const { idName: _idName, ...record } = r.record;
      const entry = r.error ? { ...record, error: r.error } : r.skipped ? { ...record, skipped: r.skipped } : { ...record, findings: findings(r) };
      out += `${open.listed++ ? ',' : ''}\n${indent(JSON.stringify(entry, null, 2), '      ')}`;
      return out;
    },
    end: () => {
      const tail = close();
      return count === 0 ? '[]\n' : `${tail}\n]\n`;
    },
  };
};
