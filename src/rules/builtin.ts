// The built-in rule set. A build writes the validated rule files to builtin.json beside this
// module, so the installed CLI neither parses YAML nor runs the schema validator at start-up;
// from source (tests) the YAML in rules/ is read and validated directly.
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileRules, type CompiledRules } from './compile.js';
import { fromLeanForm } from './lean.js';
import { BUILTIN_RULES_DIR, loadRuleFiles, type LoadedRuleFile } from './load.js';
import { SOURCES_FILE } from './sources.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PRECOMPILED = path.join(HERE, 'builtin.json');
// The same rules in the form cheapest to load (lean.ts), and their examples, read on first use.
const LEAN = path.join(HERE, 'builtin-lean.json');
const EXAMPLES = path.join(HERE, 'builtin-examples.json');
const EXPANSIONS = path.join(HERE, 'builtin-expansions.txt');

// How many ranges of builtin-expansions.txt are read each by itself before the rest are cut from the
// whole file: a one-line check reads ~25 (each an open, a pread and a close: the whole 476 KB would cost
// it more), the first 100 MTSamples notes ~300 and a run ~560 (~10-20 ms of system calls).
const RANGES_ALONE = 32;

/**
 * A reader of bytes [start, end) of `file` (ASCII, read as latin1), checked by wholeRange: the first
 * `alone` ranges are read each by itself, the next makes it read the whole file once, and every later
 * range is cut from that copy. Throws as wholeRange does when a range is not whole JSON (the file changed
 * since this process read builtin-lean.json), and the file system's errors (ENOENT, …). Exported for the tests.
 */
export function rangeReader(file: string, alone: number): (start: number, end: number) => string {
  let reads = 0;
  let whole: string | undefined;
  return (start, end) => {
    if (whole === undefined && ++reads > alone) whole = readFileSync(file, 'latin1');
    if (whole !== undefined) return wholeRange(whole.slice(start, end), end - start, file);
    const fd = openSync(file, 'r');
    try {
      const buffer = Buffer.allocUnsafe(end - start);
      return wholeRange(buffer.toString('latin1', 0, readSync(fd, buffer, 0, end - start, start)), end - start, file);
    } finally {
      closeSync(fd);
    }
  };
}

/**
 * Bytes [start, end) of builtin-expansions.txt: one rule's own stored expansions, read at the rule's first
 * compile, or a stored phrase's sequences, read at its first read (lean.ts StoredPhrases). Throws an Error naming
 * the file when the range is not whole JSON (wholeRange: the file changed since this process read
 * builtin-lean.json, e.g. a package upgraded in place under a running `dignify serve` or `lsp`).
 */
const readExpansions = rangeReader(EXPANSIONS, RANGES_ALONE);

/**
 * `text`, read for a range of `length` bytes of `file`, when it is whole JSON texts (starting with "{" or "[" and
 * ending with "}" or "]", every byte read: a rule's expansions or conditions, a phrase's sequences, or a run of
 * them); else throws an Error that says the rule data changed on disk. Exported for the tests.
 */
export function wholeRange(text: string, length: number, file: string): string {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  if (text.length === length && (first === 0x7b || first === 0x5b) && (last === 0x7d || last === 0x5d)) return text;
  throw new Error(`${file}: the rule data changed on disk since dignify started (was the package upgraded while it ran?): restart dignify`);
}

/** The rule files in rules/, in name order. */
export function builtinRulePaths(): string[] {
  return readdirSync(BUILTIN_RULES_DIR)
    .filter((name) => /\.ya?ml$/.test(name) && name !== SOURCES_FILE)
    .sort()
    .map((name) => path.join(BUILTIN_RULES_DIR, name));
}

let files: LoadedRuleFile[] | undefined;

/** The built-in rule files, read once per process (treat as read-only). */
export function builtinRuleFiles(): LoadedRuleFile[] {
  if (files) return files;
  if (existsSync(LEAN)) return (files = fromLeanForm(readFileSync(LEAN, 'utf8'), () => JSON.parse(readFileSync(EXAMPLES, 'utf8')), readExpansions));
  if (existsSync(PRECOMPILED)) return (files = JSON.parse(readFileSync(PRECOMPILED, 'utf8')) as LoadedRuleFile[]);
  return (files = loadRuleFiles(builtinRulePaths()).map((f) => ({ ...f, file: path.relative(path.dirname(BUILTIN_RULES_DIR), f.file) })));
}

/**
 * For the tests (test/rules-cache-setup.ts): when the rule files are not read yet, `read()` may
 * give them, the very files builtinRuleFiles() would read (test/rules-cache.ts, checked by
 * test/rules-cache.test.ts); undefined leaves them to be read as usual.
 */
export function primeBuiltinRuleFiles(read: () => LoadedRuleFile[] | undefined): void {
  files ??= read();
}

let cached: CompiledRules | undefined;

/** The built-in rules, compiled once per process. */
export function builtinRules(): CompiledRules {
  return (cached ??= compileRules(builtinRuleFiles()));
}
