// Builds dist/ once before the end-to-end tests, so the spawned CLI, the bundles and the pages
// they test are made from the code under test, not a stale build. The steps are package.json's
// `build` script, read at run time (a step added there is tested too), except tsc: its type check
// is `npm run typecheck` (CI runs it before the tests) and its .d.ts files are for the package, so
// the JavaScript comes from scripts/transpile.js (esbuild, ~0.5 s of CPU against tsc's ~12 s).
// The bundle steps, which read only src/ and the rules step's dist/rules/ and each write a folder of
// their own, run side by side (buildGroups): the build is the one part of `npm test` that no test
// runs beside, and the bundles are about two thirds of its CPU.
import { execSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inputsHash, missingOutputs, readStamp, STAMP } from '../scripts/build-stamp.js';
import { rulesKey, writeRulesCache } from './rules-cache.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TSC_STEP = /^tsc -p tsconfig\.build\.json$/;

/** package.json's `build` steps with the tsc step swapped for the esbuild transpile; throws if there is no tsc step to swap. */
export function testBuildSteps(build: string): string[] {
  const steps = build.split('&&').map((s) => s.trim());
  if (!steps.some((s) => TSC_STEP.test(s))) throw new Error(`package.json build has no "tsc -p tsconfig.build.json" step to replace: ${build}`);
  return steps.map((s) => (TSC_STEP.test(s) ? 'node scripts/transpile.js' : s));
}

/**
 * Steps that may run side by side when they stand next to each other in the build: each reads src/ and
 * what the steps before it wrote (dist/rules/), writes only its own folder of dist/ (bundle/,
 * warehouse/, and web/'s two files) and reads nothing another of them writes.
 */
export const SIDE_BY_SIDE = new Set(['node scripts/bundle-cli.js', 'node scripts/bundle-warehouse.js', 'node scripts/build-web.js']);

/** `steps` in order, as groups: a run of neighbouring SIDE_BY_SIDE steps is one group, any other step a group of its own. */
export function buildGroups(steps: readonly string[]): string[][] {
  const groups: string[][] = [];
  for (const step of steps) {
    const last = groups.at(-1);
    if (last && SIDE_BY_SIDE.has(step) && SIDE_BY_SIDE.has(last[0]!)) last.push(step);
    else groups.push([step]);
  }
  return groups;
}

/** Runs one shell command in ROOT with the output shown; rejects naming it when it fails. */
function runStep(step: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(step, { cwd: ROOT, stdio: 'inherit', shell: true });
    child.on('error', reject);
    child.on('close', (code, signal) => (code === 0 ? resolve() : reject(new Error(`test build: "${step}" failed (${signal ?? `exit ${code}`})`))));
  });
}

/**
 * Whether dist/ under `root` holds the build of the files on disk now (its stamp is their hash and
 * every file the build left is still there), and `env` asks for no rebuild (DIGNIFY_TEST_REBUILD).
 */
export function builtAlready(root: string, env: NodeJS.ProcessEnv): boolean {
  if (env.DIGNIFY_TEST_REBUILD) return false;
  const stamp = readStamp(root);
  return stamp !== undefined && stamp === inputsHash(root) && missingOutputs(root).length === 0;
}

export default async function setup(): Promise<void> {
  // Each project that names this file runs it; the build is needed once per `vitest run`.
  if (process.env.DIGNIFY_TEST_BUILT) return;
  process.env.DIGNIFY_TEST_BUILT = '1';
  // The key of the rule files the build is about to read (test/rules-cache.ts): taken before, so
  // that a rule file edited during the build gives the cache a key no process will ask for.
  const key = rulesKey();
  // dist/ as `npm run build` (or an earlier test build) left it, when its stamp is the hash of the
  // files on disk now: the same inputs, so the same code under test, without a second build. A fresh
  // clone's `npm ci` has just built it (prepare); an edit to src/, rules/, data/ or scripts/ changes
  // the hash. DIGNIFY_TEST_REBUILD=1 builds anyway.
  if (builtAlready(ROOT, process.env)) {
    console.log(`global-setup: dist/ was built from the files on disk (${STAMP}); not built again`);
  } else if (process.env.DIGNIFY_TEST_TSC_BUILD) {
    execSync('npm run --silent build', { cwd: ROOT, stdio: 'inherit' });
  } else {
    const { scripts } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { build: string } };
    for (const group of buildGroups(testBuildSteps(scripts.build))) {
      // Every step of a group is waited for before a failure is reported: none is left writing into dist/.
      const results = await Promise.allSettled(group.map(runStep));
      const failed = results.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
    }
  }
  // The validated rule files, for the test processes (each would parse and validate the YAML). A
  // cache that cannot be written (node_modules read-only) only leaves each process to read the YAML.
  try {
    writeRulesCache(key, readFileSync(path.join(ROOT, 'dist', 'rules', 'builtin.json'), 'utf8'));
  } catch (error) {
    console.warn(`global-setup: the rule files' cache was not written (${(error as Error).message}); each test process reads rules/ itself`);
  }
}
