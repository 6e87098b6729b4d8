// The reporters, by the name --format takes.
import { compact } from './compact.js';
import { github } from './github.js';
import { json } from './json.js';
import { jsonl } from './jsonl.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

export { formatAll, type Formatter, type FormatContext, type Reporter } from './types.js';

export const formatters: Record<string, Formatter> = { stylish, json, jsonl, compact, sarif, github };
