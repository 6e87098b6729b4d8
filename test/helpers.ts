import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { expect } from 'vitest';
import { corpusTexts } from '../bench/corpus.js';
// @ts-expect-error scripts/ is plain JavaScript without declarations
import { packedFiles } from '../scripts/pack-links.js';
import type { Finding } from '../src/types.js';
import { applyEdit, suggestionEdit } from '../src/web/apply-suggestion.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(ROOT, 'bin', 'dignify.cjs');

/** A new folder under the system's temporary one (its name starting `prefix`), holding `files`: name → content. */
export function tempFolder(prefix: string, files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  for (const [name, body] of Object.entries(files)) writeFileSync(path.join(dir, name), body);
  return dir;
}

/**
 * A copy of the folder `from` (without node_modules and .git) at `to` in which every file is empty but
 * package.json and the ignore files (.gitignore, .npmignore), which npm reads to choose what it packs.
 */
export function namesOnlyCopy(from: string, to: string, top = true): string {
  mkdirSync(to);
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (top && (entry.name === 'node_modules' || entry.name === '.git')) continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) namesOnlyCopy(source, target, false);
    else if ((top && entry.name === 'package.json') || entry.name === '.gitignore' || entry.name === '.npmignore') cpSync(source, target);
    else writeFileSync(target, '');
  }
  return to;
}

let packed: readonly string[] | undefined;

/**
 * The paths (relative, '/'-separated) `npm pack --dry-run` puts in the package, asked once per test
 * process: test/pack.test.ts and test/code-cache.test.ts both read the list (an npm start is ~3 s of
 * CPU on a busy machine). npm chooses the files it packs by their names (package.json's files, the
 * ignore files), not by what they hold, so it packs a copy of the repository whose other files are
 * empty: the same list (411 files at int26, compared with a pack of the checkout), without gzipping
 * ~9 MB of dist/ or walking node_modules. A package that bundles dependencies is packed as is. Frozen.
 */
export function packedFileNames(): readonly string[] {
  if (!packed) {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    const bundles = pkg.bundleDependencies !== undefined || pkg.bundledDependencies !== undefined;
    const root = bundles ? ROOT : namesOnlyCopy(ROOT, path.join(mkdtempSync(path.join(tmpdir(), 'dignify-pack-names-')), 'names-only'));
    packed = Object.freeze((packedFiles as (root: string) => string[])(root));
  }
  return packed;
}

/** A form-encoded POST with `fields` (as LanguageTool's clients send /v2/check): fetch's init. */
export function formPost(fields: Record<string, string>): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  };
}

/** Runs the built CLI as a user would, in a child process. */
export function runCli(args: string[], options: { input?: string; cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    input: options.input ?? '',
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...options.env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs the built CLI (runCli) as a user that chmod 000 keeps out: root reads and lists anything, so
 * when the tests run as root (a container) the CLI runs as uid and gid 4321, as fix.test.ts's tests
 * of another user's files do; else as this user. The folders from `cwd` up must be open to that
 * user: mkdtemp makes its folder 0700, so chmod it 0755 first.
 */
export function runCliAsOtherUser(args: string[], options: { cwd: string }) {
  const other = process.getuid?.() === 0 ? { uid: 4321, gid: 4321 } : {};
  const result = spawnSync(process.execPath, [BIN, ...args], {
    input: '',
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
    encoding: 'utf8',
    ...other,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs the CLI in this process (main() with captured streams): much faster than runCli, for
 * tests of behaviour rather than of the installed command. Not in worker threads (chdir).
 * `built`: the compiled main (dist/cli/main.js, made by test/global-setup.ts) instead of the
 * source, for what needs dist's files beside it: the worker pool's threads load
 * dist/engine/pool-worker.js, which src/ does not have.
 */
export async function runMain(args: string[], options: { input?: string; cwd?: string; env?: NodeJS.ProcessEnv; built?: boolean } = {}) {
  const { Readable } = await import('node:stream');
  const { main } = (
    options.built ? await import(path.join(ROOT, 'dist', 'cli', 'main.js')) : await import('../src/cli/main.js')
  ) as typeof import('../src/cli/main.js');
  let stdout = '';
  let stderr = '';
  const stdin = Object.assign(Readable.from(options.input === undefined ? [] : [Buffer.from(options.input)]), { isTTY: false });
  // The CLI reads relative paths from the process's folder: run there, and go back after. A
  // worker runs one test at a time (files share a worker process, one after another: vitest.config.ts),
  // and the pool is forks, where chdir works (worker threads cannot chdir).
  const before = process.cwd();
  if (options.cwd) process.chdir(options.cwd);
  try {
    const code = await main(args, {
      stdin,
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      cwd: options.cwd ?? process.cwd(),
      env: { NO_COLOR: '1', ...options.env },
    });
    return { code, stdout, stderr };
  } finally {
    process.chdir(before);
  }
}

/**
 * The characters of `fc.string({ unit: 'binary' })`: every code point but the surrogates, the same
 * character for the same draw (fast-check's unit is mapToConstant over those two ranges, on a nat
 * of the same bound). That unit can be turned back into its draws, so fast-check seeds every string
 * of it with its "dangerous" strings ("__proto__", "constructor"…), building a map of all 1,112,064
 * code points to do so: 1.4 s of CPU (3 s on a busy machine) in each test process that makes one.
 * This one cannot be turned back, so its strings start without those seeds, which no test here needs.
 */
export const binaryUnit = fc.nat({ max: 0x10ffff - 0x800 }).map(binaryChar);

/** Draw `i` of binaryUnit: code point i below the surrogates, i + 0x800 from there on. */
export function binaryChar(i: number): string {
  return String.fromCodePoint(i < 0xd800 ? i : i + 0x800);
}

/**
 * `npm run test:corpus` sets DIGNIFY_FULL_CORPUS=1: every text of the shared corpus and the full
 * property runs. `npm test` checks a fixed sample of the corpus and fewer random cases, sized for a
 * busy 2-core CI machine (a failure names its fast-check seed, so it reproduces either way).
 */
export const FULL_CORPUS = process.env.DIGNIFY_FULL_CORPUS === '1';

/** fast-check's numRuns: `ci` in `npm test`, `full` in `npm run test:corpus`. */
export function propertyRuns(ci: number, full: number): number {
  return FULL_CORPUS ? full : ci;
}

type CorpusText = { file: string; field: string; text: string };
const corpusCache = new Map<string, readonly CorpusText[]>();

/**
 * bench/corpus.js's corpusTexts (every string field of the shared corpus, {file, field, text}),
 * read once per folder and process: parsing the 45 MB corpus costs ~2.3 s of CPU, and six test
 * files read it. Test files of the `main` project share a worker's module graph (vitest.config.ts,
 * isolate: false), so each worker parses it once instead of once per file. Frozen: a caller that
 * changed the list would change it for the files after it. Throws when dir is undefined.
 */
export function sharedCorpusTexts(dir: string | undefined): readonly CorpusText[] {
  if (!dir) throw new Error('sharedCorpusTexts: no corpus folder (skip the test when corpusDir() finds none)');
  let texts = corpusCache.get(dir);
  if (!texts) {
    texts = Object.freeze((corpusTexts(dir) as CorpusText[]).map((t) => Object.freeze(t)));
    corpusCache.set(dir, texts);
  }
  return texts;
}

/**
 * `expect(actual, message).toEqual(expected)`, after a cheaper comparison that can only say "equal"
 * where toEqual would too: vitest's deep equality costs more than producing the values in the
 * tests that compare thousands of findings or compiled rule sets. Same verdict and, on a difference,
 * toEqual's own message and diff.
 */
export function expectEqual(actual: unknown, expected: unknown, message?: string): void {
  if (!surelyEqual(actual, expected)) expect(actual, message).toEqual(expected);
}

const PLAIN = new Set<unknown>([Object.prototype, null]);

/**
 * True only when `a` and `b` are surely equal as toEqual compares: the same primitive (Object.is),
 * or both arrays, plain objects, class instances, Maps, Sets or RegExps of the same prototype whose parts (in
 * the same order: Maps and Sets too) are surely equal. Anything else (iterables, errors, typed arrays,
 * symbol keys, holes or extra properties on arrays, Maps, Sets and RegExps, -0 against 0, asymmetric
 * matchers) answers false, and toEqual decides.
 */
export function surelyEqual(a: unknown, b: unknown, seen = new Map<object, object>()): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const proto = Object.getPrototypeOf(a);
  if (proto !== Object.getPrototypeOf(b)) return false;
  if (seen.get(a) === b) return true; // a cycle: compared further up
  seen.set(a, b);
  // Own properties beside a Map's entries, a Set's values or a RegExp's pattern: toEqual compares them too.
  if ((a instanceof Map || a instanceof Set || a instanceof RegExp) && (Object.keys(a).length || Object.keys(b).length)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length || Object.keys(a).length !== a.length || Object.keys(other).length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!surelyEqual(a[i], other[i], seen)) return false;
    return true;
  }
  if (a instanceof Map) {
    const other = b as Map<unknown, unknown>;
    if (proto !== Map.prototype || a.size !== other.size) return false;
    const them = other.entries();
    for (const [key, value] of a) {
      const [otherKey, otherValue] = them.next().value!;
      if (!surelyEqual(key, otherKey, seen) || !surelyEqual(value, otherValue, seen)) return false;
    }
    return true;
  }
  if (a instanceof Set) {
    const other = b as Set<unknown>;
    if (proto !== Set.prototype || a.size !== other.size) return false;
    const them = other.values();
    for (const value of a) if (!surelyEqual(value, them.next().value, seen)) return false;
    return true;
  }
  if (a instanceof RegExp) return proto === RegExp.prototype && a.source === (b as RegExp).source && a.flags === (b as RegExp).flags;
  // A class instance (the same class on both sides) is compared as toEqual compares it, by its own
  // enumerable properties, unless toEqual compares it another way: by iterating it, as an error, a
  // typed array or anything else whose tag is not [object Object], or as an asymmetric matcher.
  if (!PLAIN.has(proto) && (Symbol.iterator in a || 'asymmetricMatch' in a || a instanceof Error || Object.prototype.toString.call(a) !== '[object Object]'))
    return false;
  if (Object.getOwnPropertySymbols(a).length || Object.getOwnPropertySymbols(b).length) return false;
  const keys = Object.keys(a);
  const otherKeys = Object.keys(b);
  if (keys.length !== otherKeys.length) return false;
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] !== otherKeys[i]) return false;
    if (!surelyEqual((a as Record<string, unknown>)[keys[i]!], (b as Record<string, unknown>)[keys[i]!], seen)) return false;
  }
  return true;
}

/** The text after a click on the finding's suggestion `index` (the first by default), or undefined when the click is refused (web/apply-suggestion.ts suggestionEdit). */
export function clicked(text: string, f: Finding, index = 0): string | undefined {
  const edit = suggestionEdit(text, f, f.suggestions[index]!);
  return edit && applyEdit(text, edit);
}
