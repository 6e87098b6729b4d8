// Machine-readable output: one JSON array of {file, findings[, skipped, error]} (see README
// "JSON output"), streamed element by element so large runs need no buffering.
import type { LintResult } from '../lint/lint-files.js';
import type { Formatter } from './types.js';

export const json: Formatter = ({ why }) => {
  let count = 0;
  const shape = (r: LintResult) => ({
    ...r,
    findings: why ? r.findings : r.findings.map(({ note: _note, sources: _sources, ...rest }) => rest),
  });
  return {
    result: (r) => `${count++ === 0 ? '[\n' : ',\n'}${JSON.stringify(shape(r), null, 2).replace(/^/gm, '  ')}`,
    end: () => (count === 0 ? '[]\n' : '\n]\n'),
  };
};
