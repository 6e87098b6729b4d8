// JSON Lines: one finding per line, written as soon as its note is linted, so dignify works as a
// filter (xargs, GNU parallel, jq, Spark's RDD.pipe()). Each line stands alone: it names its
// file and, for a note of an export, its record ({row, id, line, part}). A file or record that
// could not be read is a line too, with "error" (or "skipped") instead of a rule: nothing is lost,
// and `jq 'select(.ruleId)'` keeps the findings only. No summary line, no closing bracket.
import type { LintResult } from '../engine/lint-files.js';
import type { Formatter } from './types.js';

export const jsonl: Formatter = ({ why }) => {
  const recordOf = (r: LintResult) => {
    if (!r.record) return {};
    const { idName: _idName, fields: _fields, line, ...record } = r.record;
    return { record: line ? { ...record, line } : record }; // Parquet (line 0) has no lines
  };
  return {
    result(r) {
      // Most records of an export have no finding: nothing to build (the copies of the record
      // below cost about 3 µs a record: 85 ms CPU over 30,000).
      if (r.findings.length === 0 && !r.error && !r.skipped) return '';
      const where = { file: r.file, ...recordOf(r) };
      if (r.error) return `${JSON.stringify({ ...where, error: r.error })}\n`;
      if (r.skipped) return `${JSON.stringify({ ...where, skipped: r.skipped })}\n`;
      let out = '';
      for (const f of r.findings) {
        const { file: _file, note, sources, ...finding } = f;
        out += `${JSON.stringify({ ...where, ...finding, ...(why && { note, sources }) })}\n`;
      }
      return out;
    },
    end: () => '',
  };
};
