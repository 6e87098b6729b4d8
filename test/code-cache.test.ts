// The bundled CLI runs its start-up chunks as one script with a V8 code cache made at build time
// (scripts/bundle-cli.js startUpScript, scripts/code-cache.js, scripts/startup-loader.js). Checked
// here: V8 takes the built cache in a Node with no flags; with the cache rejected (another Node,
// other flags, a damaged file) or missing, the CLI gives the same output, through the start-up path
// and through the lazily loaded chunks that share its modules; and the packed package carries the
// script and its cache. No timing here (`npm run bench`, bench/startup.js).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packedFileNames, ROOT } from './helpers.js';

const BUNDLE = path.join(ROOT, 'dist', 'bundle');
const CACHE = 'startup-script.cache';
// A Node like the one a user runs: no NODE_OPTIONS from the test runner (flags make V8 reject the cache).
const plainEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !['NODE_OPTIONS', 'NO_COLOR', 'FORCE_COLOR'].includes(key)));
const env = { ...plainEnv, NO_COLOR: '1' };

function run(bin: string, args: string[], input = '', cwd = ROOT) {
  const result = spawnSync(process.execPath, [bin, ...args], { input, cwd, env, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// The package bin's answer to each case, asked once: two tests compare other copies with it (each
// spawn is a whole Node start, the cost of this file on a busy machine).
const answers = new Map<string, ReturnType<typeof run>>();
function cachedAnswer(k: number, cwd: string) {
  const { args, input } = CASES[k]!;
  const key = `${cwd}\0${k}`;
  if (!answers.has(key)) answers.set(key, run(path.join(ROOT, 'bin', 'dignify.cjs'), args, input, cwd));
  return answers.get(key)!;
}

/** Whether V8 rejected the cache of the bundle in `dir` (undefined: there was none to reject). */
function rejected(dir: string): boolean | undefined {
  const loader = pathToFileURL(path.join(dir, 'startup.js')).href;
  const code = `const m = await import(${JSON.stringify(loader)}); console.log(String(m.startUpScript().cachedDataRejected));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], { env: plainEnv, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return { true: true, false: false, undefined: undefined }[result.stdout.trim()];
}

// What each copy of the CLI is asked: a line on standard input (the start-up path only), a file with
// JSON output (commander's program: a lazily loaded chunk importing the start-up modules), and a usage
// error (an error class of the start-up modules thrown in that chunk, recognised by the start-up code).
const CASES: Array<{ args: string[]; input?: string }> = [
  { args: [], input: 'Hx of IV drug abuse.\n' },
  { args: ['--format', 'json', 'note.txt'] },
  { args: ['--format', 'nope', 'note.txt'] },
];

describe.skipIf(!existsSync(path.join(BUNDLE, 'startup.js')))('the start-up script and its code cache', () => {
  let dir: string;
  const copies: Record<string, string> = {};
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'dignify-code-cache-'));
    writeFileSync(path.join(dir, 'note.txt'), 'Known heroin addict, denies drug abuse.\n');
    // Copies of the CLI (bin, the bundle with the rules beside it, package.json) with the cache damaged or gone.
    for (const kind of ['damaged', 'missing']) {
      const copy = path.join(dir, kind);
      cpSync(path.join(ROOT, 'bin'), path.join(copy, 'bin'), { recursive: true });
      cpSync(BUNDLE, path.join(copy, 'dist', 'bundle'), { recursive: true });
      cpSync(path.join(ROOT, 'package.json'), path.join(copy, 'package.json')); // commander's --version
      const cache = path.join(copy, 'dist', 'bundle', CACHE);
      if (kind === 'damaged') writeFileSync(cache, Buffer.alloc(statSync(cache).size, 7));
      else rmSync(cache);
      copies[kind] = copy;
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is taken by V8 in a Node with no flags', () => {
    expect(statSync(path.join(BUNDLE, CACHE)).size).toBeGreaterThan(10_000);
    expect(rejected(BUNDLE)).toBe(false);
  });

  it('gives the same output when V8 rejects the cache or it is missing, sharing the start-up modules with the lazy chunks', () => {
    expect(rejected(path.join(copies.damaged!, 'dist', 'bundle'))).toBe(true);
    for (const [k, { args, input }] of CASES.entries()) {
      const cached = cachedAnswer(k, dir);
      expect(cached.stdout + cached.stderr, args.join(' ')).not.toBe('');
      // A second copy of the start-up modules would make the usage error an internal one (exit 2 with a stack).
      expect(cached.stderr, args.join(' ')).not.toContain('internal error');
      expect(run(path.join(copies.damaged!, 'bin', 'dignify.cjs'), args, input, dir), `damaged ${args.join(' ')}`).toEqual(cached);
      if (k === 0) expect(run(path.join(copies.missing!, 'bin', 'dignify.cjs'), args, input, dir), 'missing').toEqual(cached);
    }
    expect(cachedAnswer(2, dir).stderr).toMatch(/^dignify: .*nope/);
  });

  it('answers alike from bin/dignify.cjs (the package bin), bin/dignify.js (the ES module entry) and without the bundle', () => {
    // Without dist/bundle/, bin/dignify.cjs imports the compiled modules (dist/cli/start.js).
    const unbundled = path.join(dir, 'unbundled');
    mkdirSync(path.join(unbundled, 'dist'), { recursive: true });
    cpSync(path.join(ROOT, 'bin'), path.join(unbundled, 'bin'), { recursive: true });
    for (const entry of readdirSync(path.join(ROOT, 'dist')).filter((e) => e !== 'bundle'))
      symlinkSync(path.join(ROOT, 'dist', entry), path.join(unbundled, 'dist', entry));
    cpSync(path.join(ROOT, 'package.json'), path.join(unbundled, 'package.json'));
    for (const [k, { args, input }] of CASES.entries()) {
      const cached = cachedAnswer(k, dir);
      expect(run(path.join(ROOT, 'bin', 'dignify.js'), args, input, dir), `dignify.js ${args.join(' ')}`).toEqual(cached);
      expect(run(path.join(unbundled, 'bin', 'dignify.cjs'), args, input, dir), `unbundled ${args.join(' ')}`).toEqual(cached);
    }
  });

  it('keeps the start-up chunks small: their files take their exports from the script', () => {
    // main.js takes start.ts's exports from the loader alone (no chunk file on the start-up path).
    const main = readFileSync(path.join(BUNDLE, 'main.js'), 'utf8');
    expect([...main.matchAll(/from "\.\/([^"]+)"/g)].map((m) => m[1])).toEqual(['startup.js']);
    const chunks = readdirSync(BUNDLE).filter((f) => readFileSync(path.join(BUNDLE, f), 'latin1').startsWith('// This start-up chunk'));
    expect(chunks.length).toBeGreaterThan(0);
    for (const chunk of chunks) {
      const code = readFileSync(path.join(BUNDLE, chunk), 'utf8');
      expect(code, chunk).toContain('startUp()');
      expect(code.length, chunk).toBeLessThan(8_000);
    }
  });

  it('keeps the regex literals with a \\p{…} class literals (esbuild lowered each to a new RegExp, built again at every call)', () => {
    const script = readFileSync(path.join(BUNDLE, 'startup-script.js'), 'utf8');
    // The sources hold such literals in functions (pronoun.ts's given-name shape, described.ts's capitals).
    expect(script).toContain(String.raw`/^\p{Lu}\p{Ll}+$/u`);
    expect(script.match(/new RegExp\("[^"]*\\\\p\{/g) ?? []).toEqual([]);
  });

  it('is in the packed package', () => {
    const files = new Set(packedFileNames());
    for (const file of ['startup.cjs', 'startup.js', 'startup-script.js', CACHE, 'main.js']) expect(files, file).toContain(`dist/bundle/${file}`);
  });
});
