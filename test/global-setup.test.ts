// The test build (test/global-setup.ts) is package.json's build with esbuild in place of tsc:
// every other step kept, in order, so a step added to the build is tested too.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGroups, testBuildSteps } from './global-setup.js';
import { ROOT } from './helpers.js';

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
    expect(steps[0]).toBe('node scripts/transpile.js');
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
