// The portable lint core: lintText's findings, synchronously, from code that needs no Node API.
// The warehouse build (dist/warehouse/dignify.js: Snowflake, BigQuery, a Spark UDF) and the
// browser page bundle this module. It runs the very code lintText runs (lintResolved →
// lintDocument → lintTree); what differs is only how the parts lintText loads on first use are had:
//   - retext-equality comes with this module (useEquality), so nothing is loaded later and no
//     lint ever throws NotLoaded;
//   - the bundler (scripts/bundle-warehouse.js) swaps the modules that reach for the file system
//     (rules/builtin.ts reads builtin.json, rules/load.ts reads YAML) for the precompiled rule data,
//     and leaves out the Markdown and HTML parsers: plain text only.
// In Node (tests, the API) the module works as it is, reading the built-in rules as usual.
import retextEquality from 'retext-equality';
import type { Finding, Options } from '../types.js';
import { useEquality } from '../match/equality.js';
import { lintResolved } from '../lint/lint-text.js';
import type { ResolvedOptions } from '../match/match.js';
import { checkOptionKeys, checkText, OPTION_KEYS, resolveOptions } from '../lint/options.js';

useEquality(retextEquality);

let defaults: ResolvedOptions | undefined;

/** Why lintTextSync reads no `syntax` or `fix` (it reads Options alone, OPTION_KEYS), which lintText reads. */
const SYNC_HINTS = {
  syntax: 'it reads plain text only; lintText reads Markdown and HTML',
  fix: 'it reports only; lintText fixes, or applyFixes applies the findings',
};

/**
 * Lints plain text synchronously: the findings `await lintText(text, options)` gives, in the same
 * order. Offsets are 0-based UTF-16 indexes into `text`. Throws OptionsError for a `text` that is
 * not a string and for invalid options, one it does not read included (`syntax`: it reads plain
 * text only; `fix`; lintFiles' `config`).
 */
export function lintTextSync(text: string, options?: Options): Finding[] {
  checkText(text);
  let resolved = defaults;
  if (options !== undefined || !resolved) {
    resolved = resolveOptions(options);
    if (options === undefined) defaults = resolved;
    else checkOptionKeys(options, OPTION_KEYS, 'lintTextSync', SYNC_HINTS);
  }
  return lintResolved(text, resolved);
}

/** A finding as a warehouse row: flat, snake_case, offsets in UTF-16 code units, [start, end). */
export interface WarehouseFinding {
  rule_id: string;
  category: string;
  severity: 'error' | 'warning' | 'info';
  start: number;
  end: number;
  /** The matched phrase: text.slice(start, end). */
  actual: string;
  /** The best person-first alternative, or null when the rule offers none. */
  suggestion: string | null;
}

/** The findings of `text` with default options as flat rows; null, undefined or '' → []. */
export function warehouseFindings(text: string | null | undefined): WarehouseFinding[] {
  if (text === null || text === undefined || text === '') return [];
  return lintTextSync(String(text)).map((f) => ({
    rule_id: f.ruleId,
    category: f.category,
    severity: f.severity,
    start: f.start.offset,
    end: f.end.offset,
    actual: f.actual,
    suggestion: f.suggestions[0] ?? null,
  }));
}
