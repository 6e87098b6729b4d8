// Machine-readable output: one array of {file, findings[, skipped, error]} (see README "JSON output").
import type { Formatter } from './types.js';

export const json: Formatter = (results, { why }) =>
  `${JSON.stringify(
    results.map((r) => ({
      ...r,
      findings: why ? r.findings : r.findings.map(({ note: _note, sources: _sources, ...rest }) => rest),
    })),
    null,
    2,
  )}\n`;
