// Builds dist/ once before the end-to-end tests, so the spawned CLI, the bundles and the pages
// they test are made from the code under test, not a stale build. The steps are package.json's
// `build` script, read at run time (a step added there is tested too), except tsc: its type check
// is `npm run typecheck` (CI runs it before the tests) and its .d.ts files are for the package, so
// the JavaScript comes from scripts/transpile.js (esbuild, ~0.5 s of CPU against tsc's ~12 s).
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rulesKey, writeRulesCache } from './rules-cache.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TSC_STEP = /^tsc -p tsconfig\.build\.json$/;

/** package.json's `build` steps with the tsc step swapped for the esbuild transpile; throws if there is no tsc step to swap. */
export function testBuildSteps(build: string): string[] {
  const steps = build.split('&&').map((s) => s.trim());
  if (!steps.some((s) => TSC_STEP.test(s))) throw new Error(`package.json build has no "tsc -p tsconfig.build.json" step to replace: ${build}`);
  return steps.map((s) => (TSC_STEP.test(s) ? 'node scripts/transpile.js' : s));
}

export default function setup(): void {
  // Each project that names this file runs it; the build is needed once per `vitest run`.
  if (process.env.DIGNIFY_TEST_BUILT) return;
  process.env.DIGNIFY_TEST_BUILT = '1';
  // The key of the rule files the build is about to read (test/rules-cache.ts): taken before, so
  // that a rule file edited during the build gives the cache a key no process will ask for.
  const key = rulesKey();
  if (process.env.DIGNIFY_TEST_TSC_BUILD) {
    execSync('npm run --silent build', { cwd: ROOT, stdio: 'inherit' });
  } else {
    const { scripts } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { build: string } };
    execSync(testBuildSteps(scripts.build).join(' && '), { cwd: ROOT, stdio: 'inherit' });
  }
  // The validated rule files, for the test processes (each would parse and validate the YAML). A
  // cache that cannot be written (node_modules read-only) only leaves each process to read the YAML.
  try {
    writeRulesCache(key, readFileSync(path.join(ROOT, 'dist', 'rules', 'builtin.json'), 'utf8'));
  } catch (error) {
    console.warn(`global-setup: the rule files' cache was not written (${(error as Error).message}); each test process reads rules/ itself`);
  }
}
