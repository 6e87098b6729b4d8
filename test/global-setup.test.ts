// The test build (test/global-setup.ts) is package.json's build with esbuild in place of tsc:
// every other step kept, in order, so a step added to the build is tested too.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INPUTS, inputsHash, missingOutputs, readStamp, STAMP } from '../scripts/build-stamp.js';
import { buildGroups, builtAlready, testBuildSteps } from './global-setup.js';
import { ROOT, tempFolder } from './helpers.js';

describe('the test build', () => {
  it('swaps the tsc step for scripts/transpile.js and keeps the other steps in order', () => {
    expect(testBuildSteps('tsc -p tsconfig.build.json && node scripts/a.js &&node scripts/b.js')).toEqual([
      'node scripts/transpile.js',
      'node scripts/a.js',
      'node scripts/b.js',
    ]);
  });

  it('refuses a build with no tsc step to swap, naming the script', () => {
    expect(() => testBuildSteps('node scripts/a.js')).toThrow(/no "tsc -p tsconfig.build.json" step.*node scripts\/a\.js/);
  });

  it("reads this package's build script", () => {
    const { scripts } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { build: string } };
    const steps = testBuildSteps(scripts.build);
    expect(steps[1]).toBe('node scripts/transpile.js');
    expect(steps).not.toContain('tsc -p tsconfig.build.json');
    expect(steps.length).toBe(scripts.build.split('&&').length);
  });

  it('runs neighbouring bundle steps side by side, and every other step alone and in order', () => {
    const [cli, warehouse, web] = ['node scripts/bundle-cli.js', 'node scripts/bundle-warehouse.js', 'node scripts/build-web.js'];
    expect(buildGroups(['node scripts/transpile.js', 'node scripts/build-rules.js', cli, warehouse, web])).toEqual([
      ['node scripts/transpile.js'],
      ['node scripts/build-rules.js'],
      [cli, warehouse, web],
    ]);
    // A step between two bundles (one that might read what the first wrote) splits them.
    expect(buildGroups([cli, 'node scripts/x.js', web, warehouse])).toEqual([[cli], ['node scripts/x.js'], [web, warehouse]]);
    expect(buildGroups(['node scripts/x.js', 'node scripts/y.js'])).toEqual([['node scripts/x.js'], ['node scripts/y.js']]);
  });

  it("runs this package's build with every step once, the rules step before the bundles", () => {
    const { scripts } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { build: string } };
    const groups = buildGroups(testBuildSteps(scripts.build));
    expect(groups.flat()).toEqual(testBuildSteps(scripts.build));
    const rules = groups.findIndex((g) => g.includes('node scripts/build-rules.js'));
    expect(groups[rules]).toEqual(['node scripts/build-rules.js']);
    expect(groups.findIndex((g) => g.includes('node scripts/bundle-warehouse.js'))).toBeGreaterThan(rules);
  });
});

// dist/.build-stamp: the test build is skipped when dist/ was built from the files on disk now.
describe("the build's stamp", () => {
  /** A package root holding build-stamp.js (its ROOT is its folder's parent) and a source file. */
  function root(): string {
    const dir = tempFolder('dignify-stamp-', {});
    mkdirSync(path.join(dir, 'scripts'));
    mkdirSync(path.join(dir, 'src', 'a'), { recursive: true });
    copyFileSync(path.join(ROOT, 'scripts', 'build-stamp.js'), path.join(dir, 'scripts', 'build-stamp.js'));
    writeFileSync(path.join(dir, 'src', 'a', 'x.ts'), 'export const x = 1;\n');
    writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}\n');
    return dir;
  }
  const step = (dir: string, name: string) => execFileSync(process.execPath, [path.join(dir, 'scripts', 'build-stamp.js'), name], { cwd: dir, stdio: 'pipe' });

  it("is package.json's build's first and last step, so the stamp covers every other step", () => {
    const { scripts } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { build: string } };
    const steps = scripts.build.split('&&').map((s) => s.trim());
    expect(steps[0]).toBe('node scripts/build-stamp.js begin');
    expect(steps.at(-1)).toBe('node scripts/build-stamp.js end');
    expect(INPUTS).toEqual(expect.arrayContaining(['src', 'rules', 'data', 'scripts', 'package.json']));
  });

  it('hashes the inputs, and a changed, added or removed source file changes the hash', () => {
    const dir = root();
    const first = inputsHash(dir);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(inputsHash(dir)).toBe(first);
    writeFileSync(path.join(dir, 'src', 'a', 'x.ts'), 'export const x = 2;\n');
    const edited = inputsHash(dir);
    expect(edited).not.toBe(first);
    writeFileSync(path.join(dir, 'src', 'a', 'y.ts'), '');
    expect(inputsHash(dir)).not.toBe(edited);
    // A file outside the inputs (a test, a note) is not the build's.
    writeFileSync(path.join(dir, 'notes.txt'), 'x');
    const withNote = inputsHash(dir);
    writeFileSync(path.join(dir, 'notes.txt'), 'y');
    expect(inputsHash(dir)).toBe(withNote);
  });

  it('is written by the last step only: a build that stops part-way leaves none, and an edit during the build leaves a stale one', () => {
    const dir = root();
    expect(readStamp(dir)).toBeUndefined();
    step(dir, 'begin');
    expect(readStamp(dir)).toBeUndefined();
    step(dir, 'end');
    expect(readStamp(dir)).toBe(inputsHash(dir));
    expect(builtAlready(dir, {})).toBe(true);
    expect(builtAlready(dir, { DIGNIFY_TEST_REBUILD: '1' })).toBe(false);
    // The next build drops the old stamp first; one that fails before its last step leaves none.
    step(dir, 'begin');
    expect(existsSync(path.join(dir, STAMP))).toBe(false);
    // A source edited after the first step: the stamp holds the hash taken before, which no longer matches.
    writeFileSync(path.join(dir, 'src', 'a', 'x.ts'), 'export const x = 3;\n');
    step(dir, 'end');
    expect(readStamp(dir)).not.toBe(inputsHash(dir));
    expect(builtAlready(dir, {})).toBe(false);
    // An end with no begin is an error, not an empty stamp.
    expect(() => step(dir, 'end')).toThrow(/did not run/);
  });

  it('is not taken for a build when an output it lists was deleted since (the hash alone still matched)', () => {
    const dir = root();
    step(dir, 'begin');
    mkdirSync(path.join(dir, 'dist', 'bundle'), { recursive: true });
    writeFileSync(path.join(dir, 'dist', 'bundle', 'main.js'), '');
    writeFileSync(path.join(dir, 'dist', 'index.js'), '');
    step(dir, 'end');
    expect(readStamp(dir)).toBe(inputsHash(dir));
    expect(missingOutputs(dir)).toEqual([]);
    expect(builtAlready(dir, {})).toBe(true);
    rmSync(path.join(dir, 'dist', 'bundle'), { recursive: true });
    expect(readStamp(dir)).toBe(inputsHash(dir));
    expect(missingOutputs(dir)).toEqual(['dist/bundle/main.js']);
    expect(builtAlready(dir, {})).toBe(false);
  });
});
