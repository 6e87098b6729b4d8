// The command starts from dist/bundle/main.cjs with the V8 code cache the build made for this Node
// (bin/code-cache.cjs, scripts/bundle-cli-cache.js). Checked here: the file holds the start-up code
// only, and a copy of the package gives the same output with the cache, with a cache V8 rejects
// (other V8 flags, a damaged file), with no cache for this Node (another Node: the ES module
// bundle runs) and without main.cjs, writing no file in any case.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const BUNDLE = path.join(ROOT, 'dist', 'bundle');
const CACHE = `main-${process.version}-${process.platform}-${process.arch}.cache`;
const made = readdirSync(BUNDLE).includes('main.cjs');

describe('packageName', () => {
  it('names the package of a bare specifier, and nothing for paths, imports and built-ins', async () => {
    // @ts-expect-error scripts/ is plain JavaScript without declarations
    const { packageName } = (await import('../scripts/bundle-cli-cache.js')) as { packageName: (specifier: string) => string | undefined };
    expect(packageName('remark-parse')).toBe('remark-parse');
    expect(packageName('csv-parse/sync')).toBe('csv-parse');
    expect(packageName('@scope/name/sub/path.js')).toBe('@scope/name');
    for (const s of ['./x.js', '../y', '#minpath', 'node:fs', '/abs/z.js']) expect(packageName(s)).toBeUndefined();
  });
});

describe('asciiOnly', async () => {
  // @ts-expect-error scripts/ is plain JavaScript without declarations
  const { asciiOnly } = (await import('../scripts/bundle-cli-cache.js')) as { asciiOnly: (code: string) => string };
  it('escapes what is not ASCII so that strings, regexes (u flag too) and String.raw regexes mean the same', () => {
    const code = [
      "const s = 'it’s 😀';",
      "const r = /^['’]$/;",
      'const u = /^(?:😀|é)$/u;',
      'const g = new RegExp(String.raw`[\\p{L}’]+`, "u");',
      '/** the note’s text */',
    ].join('\n');
    const out = asciiOnly(code);
    expect(out).toMatch(/^[\x00-\x7f]*$/);
    const run = (c: string) => new Function(`${c}; return [s, r.test('’'), u.test('😀'), u.test('é'), g.exec('(it’s)')[0]];`)();
    expect(run(out)).toEqual(run(code));
    expect(run(out)).toEqual(['it’s 😀', true, true, true, 'it’s']);
  });

  it('refuses a template literal it cannot check, outside comments', () => {
    expect(() => asciiOnly('const t = String.raw`’`;')).toThrow(/line 1: a non-ASCII character in a template literal/);
    expect(asciiOnly('// a `code` span’s comment')).toBe('// a `code` span\\u2019s comment');
  });
});

describe('the command', () => {
  it('is the CommonJS entry point, and bin/dignify.js runs the same', () => {
    const { bin } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(bin).toEqual({ dignify: 'bin/dignify.cjs' });
    const env = { ...process.env, NO_COLOR: '1' };
    const [cjs, esm] = ['dignify.cjs', 'dignify.js'].map((f) =>
      spawnSync(process.execPath, [path.join(ROOT, 'bin', f), '--format', 'compact'], { input: 'Hx of IVDU.\n', env, encoding: 'utf8' }),
    );
    expect(cjs!.status).toBe(1);
    expect(cjs!.stdout).toMatch(/IVDU/);
    expect([esm!.status, esm!.stdout, esm!.stderr]).toEqual([cjs!.status, cjs!.stdout, cjs!.stderr]);
  });
});

// The build makes it wherever Node can require() ES modules (20.19+, 22.12+).
describe.skipIf(!made && process.features.require_module)('the build', () => {
  it('made main.cjs and its cache for this Node', () => {
    expect(readdirSync(BUNDLE)).toEqual(expect.arrayContaining(['main.cjs', CACHE]));
  });
});

describe.skipIf(!made)('the code-cached CLI', () => {
  const source = made ? readFileSync(path.join(BUNDLE, 'main.cjs'), 'utf8') : '';

  it('holds the start-up packages and none of those loaded on first use', () => {
    const packages = new Set([...source.matchAll(/^\/\/ \S*node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)].map((m) => m[1]!));
    for (const p of ['commander', 'parse-english', 'unified']) expect(packages, p).toContain(p);
    expect(source).toMatch(/^[\x00-\x7f]*$/); // bin/code-cache.cjs reads it as Latin-1
    for (const lazy of [
      'remark-parse',
      'micromark',
      'rehype-parse',
      'parse5',
      'retext-equality',
      'csv-parse',
      'papaparse',
      'tinyglobby',
      'diff',
      'mammoth',
      'hyparquet',
      'tinypool',
      'vscode-languageserver',
      'd3-array',
    ]) {
      expect(packages, lazy).not.toContain(lazy);
    }
    // A vm.Script run from a code cache has no dynamic import callback: import() would throw (the
    // JSDoc comments' `{import('…')}` types are not calls).
    expect(source).not.toMatch(/(?<![\w$.{])import\(\s*["'`]/);
  });

  // A copy of the package: bin/, dist/bundle/, package.json, and node_modules linked.
  const base = mkdtempSync(path.join(os.tmpdir(), 'dignify-code-cache-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  let copies = 0;
  function copy(change: (bundle: string) => void): string {
    const dir = path.join(base, String(copies++));
    cpSync(path.join(ROOT, 'bin'), path.join(dir, 'bin'), { recursive: true });
    cpSync(BUNDLE, path.join(dir, 'dist', 'bundle'), { recursive: true });
    cpSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    change(path.join(dir, 'dist', 'bundle'));
    return dir;
  }
  const files = (dir: string) =>
    readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => !f.startsWith('node_modules'))
      .sort();
  // Without NODE_OPTIONS: V8 rejects a cache made with other flags (the test runner may set some).
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' };
  delete env.NODE_OPTIONS;
  const run = (dir: string, input: string, args: string[] = []) => {
    const r = spawnSync(process.execPath, [path.join(dir, 'bin', 'dignify.cjs'), ...args], { input, cwd: dir, env, encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  /** Whether V8 took `dir`'s cache, asked in a process of its own (loading runs the module). */
  const rejected = (dir: string) => {
    const code = `import(${JSON.stringify(path.join(dir, 'bin', 'code-cache.cjs'))}).then((m) => console.log(String(m.loadBundledCli(${JSON.stringify(path.join(dir, 'dist', 'bundle'))}).script.cachedDataRejected)))`;
    return spawnSync(process.execPath, ['-e', code], { env, encoding: 'utf8' }).stdout.trim();
  };

  const cases: [string, (bundle: string) => void, string | undefined][] = [
    ['with the cache', () => {}, 'false'],
    ['with a damaged cache (V8 rejects it)', (b) => writeFileSync(path.join(b, CACHE), Buffer.alloc(4096, 7)), 'true'],
    ['with an empty cache (V8 rejects it)', (b) => writeFileSync(path.join(b, CACHE), ''), 'true'],
    ['with a cache for another Node only', (b) => renameSync(path.join(b, CACHE), path.join(b, 'main-v0.0.0-linux-x64.cache')), undefined],
    ['without main.cjs', (b) => rmSync(path.join(b, 'main.cjs')), undefined],
  ];
  const expected = made
    ? run(
        copy(() => {}),
        'hx of IVDU\nShe is handicapped.\n',
      )
    : undefined;

  it.each(cases)('gives the same findings and exit code %s, and writes no file', (_name, change, wasRejected) => {
    expect(expected!.code).toBe(1);
    expect(expected!.stdout).toMatch(/IVDU[\s\S]*handicapped/); // the second from retext-equality, required on first use
    const dir = copy(change);
    const before = files(dir);
    if (wasRejected) expect(rejected(dir)).toBe(wasRejected);
    expect(run(dir, 'hx of IVDU\nShe is handicapped.\n')).toEqual(expected);
    expect(run(dir, '', ['--version']).stdout).toBe(`${JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version}\n`);
    expect(files(dir)).toEqual(before);
  });

  it('exits 2 with an internal error, not 1 (findings), when main.cjs cannot run', () => {
    const dir = copy((b) => writeFileSync(path.join(b, 'main.cjs'), 'throw new Error("a broken build");\n'));
    const r = run(dir, 'hx of IVDU\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^dignify: internal error: Error: a broken build/);
    expect(r.stdout).toBe('');
  });

  it('loads the parts it keeps out on first use: a Markdown file, a CSV export, a glob, the worker pool', () => {
    const dir = copy(() => {});
    writeFileSync(path.join(dir, 'a.md'), '# Visit\n\nKnown *heroin addict*.\n');
    writeFileSync(path.join(dir, 'b.csv'), 'id,note\n1,Hx of IVDU.\n');
    const r = run(dir, '', ['*.md', 'b.csv', '--text-column', 'note', '--id-column', 'id', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect([...r.stdout.matchAll(/"actual": "([^"]*)"/g)].map((m) => m[1])).toEqual(['heroin addict', 'IVDU']);
    // tinypool, an ES module, from the CommonJS file (DIGNIFY_POOL_FROM: src/cli/lint-command.ts).
    writeFileSync(path.join(dir, 'c.txt'), 'He is an addict.\n');
    const pooled = spawnSync(process.execPath, [path.join(dir, 'bin', 'dignify.cjs'), 'a.md', 'c.txt', '--threads', '2'], {
      cwd: dir,
      env: { ...env, DIGNIFY_POOL_FROM: '1,1' },
      encoding: 'utf8',
    });
    expect(pooled.stderr).toBe('');
    expect(pooled.stdout).toMatch(/heroin addict[\s\S]*addict/);
  });
});
