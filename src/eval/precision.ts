// The measured per-rule precision that `npm run eval -- --write-precision` writes to
// fixtures/eval-genres/precision.json and `npm run docs` shows in docs/rules.md. Node-only (reads a file).
import { readFileSync } from 'node:fs';
import type { RuleCounts } from './score.js';

/** `sets`: per evaluation set (its folder, e.g. `fixtures/eval-genres`), per rule id, the counts. */
export interface MeasuredPrecision {
  /** The preset the figures were measured with (`default` when none was given). */
  preset: string;
  sets: Record<string, Record<string, RuleCounts>>;
}

/**
 * Reads a precision.json; undefined when the file does not exist (the docs then show no figures).
 * Throws an Error naming the file when it exists but is not valid JSON of that shape.
 */
export function readMeasuredPrecision(file: string): MeasuredPrecision | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`${file}: ${(e as Error).message}`);
  }
  let data: MeasuredPrecision;
  try {
    data = JSON.parse(text) as MeasuredPrecision;
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || typeof data.sets !== 'object' || data.sets === null)
    throw new Error(`${file}: expected {"preset", "sets": {set: {ruleId: counts}}}`);
  return data;
}
