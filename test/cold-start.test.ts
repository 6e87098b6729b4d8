// The cold path of the bundled CLI (scripts/cold-bundle.js): bin/dignify.js runs dist/bundle/cold.js,
// which runs the whole CLI from one CommonJS script, cli.cjs, with a V8 code cache made at build time
// for this Node; without a cache for this Node it runs the ES module bundle; a cache V8 rejects is
// ignored. Checked here: the script is what cold.js can read and run, the cache is accepted, and every
// way in (cache, rejected cache, no cache) gives the same findings.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from './helpers.js';

const BUNDLE = path.join(ROOT, 'dist', 'bundle');
const COLD = pathToFileURL(path.join(BUNDLE, 'cold.js')).href;
const LINE = 'Pt with hx of IVDU, now abstinent.\n';

const TEMP = mkdtempSync(path.join(os.tmpdir(), 'dignify-cold-'));
afterAll(() => rmSync(TEMP, { recursive: true, force: true }));
let modules = 0;

/** Runs an ES module `source` from a file in a plain node (no options: the cache's name depends on them), `LINE` on stdin. */
function runModule(source: string, env: NodeJS.ProcessEnv = {}) {
  const file = path.join(TEMP, `m${modules++}.mjs`);
  writeFileSync(file, source);
  const result = spawnSync(process.execPath, [file], {
    input: LINE,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function runBin(env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [BIN], { input: LINE, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.skipIf(!existsSync(path.join(BUNDLE, 'cold.js')))('the cold path (dist/bundle/cold.js, cli.cjs)', () => {
  it('is one ASCII script that loads no chunk of the ES module bundle and has no import() of a named module', () => {
    const source = readFileSync(path.join(BUNDLE, 'cli.cjs'), 'latin1');
    expect(/[^\x00-\x7f]/.test(source)).toBe(false); // cold.js reads it as latin1
    expect(source).not.toMatch(/require\(["']\.\.?\//); // no chunk, no other file of dignify's
    // import() of a named module (vm.Script has none), outside comments (JSDoc types say import('…')).
    const code = source.split('\n').filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line)).map((line) => line.replace(/\/\*.*?\*\//g, ''));
    expect(code.filter((line) => /\bimport\(\s*["'`]/.test(line))).toEqual([]);
    expect(code.filter((line) => /\bimport\(/.test(line)).length).toBeLessThan(3); // lilconfig's of a computed URL, unused
    expect(source.startsWith('(function (exports, require, module, __filename, __dirname) {')).toBe(true);
  });

  it('has a code cache for this Node, which V8 accepts, and the CLI run from it finds what the ES module bundle finds', () => {
    // Both in a child process of their own, with the stdin line.
    const fromCache = runModule(`
      import { readFileSync } from 'node:fs';
      import { cacheFile, loadScript } from ${JSON.stringify(COLD)};
      const { exports, script } = loadScript(readFileSync(cacheFile()));
      process.stderr.write('rejected: ' + script.cachedDataRejected + '\\n');
      process.exitCode = await exports.main([]);
    `);
    expect(fromCache.stderr).toBe('rejected: false\n');
    const fromModules = runModule(`
      const { main } = await import(${JSON.stringify(pathToFileURL(path.join(BUNDLE, 'main.js')).href)});
      process.exitCode = await main([]);
    `);
    expect(fromModules.code).toBe(1);
    expect(fromModules.stdout).toContain('substance-use/injection-drug-abuse');
    expect(fromCache).toEqual({ ...fromModules, stderr: 'rejected: false\n' });
  });

  it('lints the same with a cache V8 rejects (compiling the script itself)', () => {
    const rejected = runModule(`
      import { loadScript } from ${JSON.stringify(COLD)};
      const { exports, script } = loadScript(Buffer.from('not a code cache'));
      process.stderr.write('rejected: ' + script.cachedDataRejected + '\\n');
      process.exitCode = await exports.main([]);
    `);
    expect(rejected.stderr).toBe('rejected: true\n');
    const plain = runBin();
    expect(plain.code).toBe(1);
    expect(rejected).toEqual({ ...plain, stderr: 'rejected: true\n' });
  });

  it('names the cache by Node options, and without a cache for them runs the ES module bundle, with the same output', () => {
    const name = (env: NodeJS.ProcessEnv) => runModule(`import { cacheFile } from ${JSON.stringify(COLD)}; console.log(cacheFile());`, env).stdout;
    const plain = name({ NODE_OPTIONS: '' });
    expect(existsSync(plain.trim())).toBe(true);
    const other = name({ NODE_OPTIONS: '--no-deprecation' });
    expect(other).not.toBe(plain);
    expect(existsSync(other.trim())).toBe(false);
    expect(runBin({ NODE_OPTIONS: '--no-deprecation' })).toEqual(runBin({ NODE_OPTIONS: '' }));
  });
});
