// The reporters, by the name --format takes.
import { compact } from './compact.js';
import { github } from './github.js';
import { json } from './json.js';
import { jsonl } from './jsonl.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

export { formatAll, type Formatter, type FormatContext, type Reporter } from './types.js';

/**
 * The CLI's report formats by `--format` name: `formatters.sarif` is a Formatter, and a misspelt
 * name (`formatters.sarfi`) does not type-check. Typed by name, not as Record<string, Formatter>,
 * whose `formatters.sarif` was `Formatter | undefined` under noUncheckedIndexedAccess (README's own
 * `formatAll(formatters.sarif, …)` did not compile there).
 */
export const formatters: Readonly<Record<'stylish' | 'json' | 'jsonl' | 'compact' | 'sarif' | 'github', Formatter>> = {
  stylish,
  json,
  jsonl,
  compact,
  sarif,
  github,
};
