// Machine-readable output: one JSON array (see README "JSON output"), streamed element by element
// so large runs need no buffering. A file is {file, findings[, skipped, error]}; the records of
// an export are nested under their file: {file, records: [{row, id?, line, findings | error}]},
// listing the records with findings or errors, then how many records were read. A long document's
// findings come in batches (LintResult.part): its entry is opened with the first batch, each
// finding written as it comes, and closed with the last, the same text as one result would give.
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
  // The findings of a batch, each as JSON.stringify(…, null, 2) writes an element of an array at `at`.
  let inPart = 0; // findings of the document in batches written so far
  let listedPart = false; // the record in batches has its entry open
  const batch = (r: LintResult, at: string) =>
    findings(r)
      .map((f) => `${inPart++ ? ',' : ''}\n${indent(JSON.stringify(f, null, 2), at)}`)
      .join('');
  // The text of `entry` (whose last key is "findings": []) up to and with the findings' "[".
  const opening = (entry: object, at: string) => indent(JSON.stringify(entry, null, 2), at).replace(/\[\]\n\s*\}$/, '[');
  const closing = (at: string) => (inPart ? `\n${at}  ]\n${at}}` : `]\n${at}}`);
  return {
    result(r) {
      if (r.part && !r.record) {
        // Only a linted document comes in parts: {file, findings}.
        let out = r.part.first ? close() + element(opening({ file: r.file, findings: [] }, '  ')) : '';
        if (r.part.first) inPart = 0;
        out += batch(r, '      ');
        return r.part.last ? out + closing('  ') : out;
      }
      if (r.part && r.record) {
        let out = '';
        if (r.part.first) {
          if (open?.file !== r.file) {
            out += close() + element(`  {\n    "file": ${JSON.stringify(r.file)},\n    "records": [`);
            open = { file: r.file, read: 0, listed: 0 };
          }
          open!.read++;
          inPart = 0;
          listedPart = false;
        }
        // Listed from its first finding on (--quiet may have emptied the first batches), as a record with none is not listed.
        if (!listedPart && r.findings.length) {
          const { idName: _idName, ...record } = r.record;
          out += `${open!.listed++ ? ',' : ''}\n${opening({ ...record, findings: [] }, '      ')}`;
          listedPart = true;
        }
        if (listedPart) out += batch(r, '          ');
        return r.part.last && listedPart ? out + closing('      ') : out;
      }
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
