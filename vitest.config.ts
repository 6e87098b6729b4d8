// `npm test`: every test, in two projects. `main` builds dist/ once first (test/global-setup.ts)
// and runs every file but those that need modules of their own, which `isolated` runs. The edit
// loop's subset (rules, API, formats: no build needed) is `npm run test:fast`
// (vitest.fast.config.ts). Timeouts allow for a busy 2-core machine.
import { defineConfig } from 'vitest/config';

// Files that need a process of their own: lazy-load checks which parsers a lint has not loaded yet,
// which another file in the same process would already have loaded; the memory tests measure the
// process's memory and heap (one file, one ~120 MB run), which earlier files' heaps would blur.
// start.test mocks lint-command to record the options each entry passes, and serve-internal-error
// mocks lint-text (a mock in the shared graph misses a module another file loaded first).
const ISOLATED = ['test/lazy-load.test.ts', 'test/export-memory.test.ts', 'test/start.test.ts', 'test/serve-internal-error.test.ts'];

const shared = {
  // Builds dist/ once (for both projects), so the spawned CLI, the bundles and the pages are the code under test,
  // and caches the validated rule files for the test processes (test/rules-cache.ts).
  globalSetup: ['test/global-setup.ts'],
  // fast-check's seed: fixed in `npm test`, random in `npm run test:corpus` (test/fast-check-seed.ts);
  // the rule files the global setup's build validated, not the YAML parsed again in every worker
  // (test/rules-cache-setup.ts).
  setupFiles: ['test/fast-check-seed.ts', 'test/rules-cache-setup.ts'],
  // Forks, not threads: runMain changes folder (process.chdir is not available in worker threads).
  pool: 'forks' as const,
  // Both cores (vitest's default leaves one free: 1 worker on a 2-core machine). With another
  // process busy on one core, two workers still get more of the machine than one.
  maxWorkers: 2,
  testTimeout: 90_000,
  hookTimeout: 180_000,
  // expect.poll's own default gives up after 1 s: the browser test's page relints after typing, and
  // with Chromium and another suite on the 2 cores the marks came later (a fresh clone's .ci/run,
  // 2026-12-04 17:21, load 7: "expected [] to deeply equal ['addict', 'IVDU', 'DRUG ABUSE']"). A poll
  // that succeeds returns as soon as it does; only a real failure waits the 15 s.
  expect: { poll: { timeout: 15_000 } },
};

// The packages' production builds, as the CLI and the API load them. Vite's default server
// conditions end with `development|production`, which vitest passes to its workers as
// --conditions development: micromark and its extensions (the Markdown parser) then load their dev/
// builds, with asserts and the `debug` package's calls on every token, about a fifth more CPU per
// parse (20 parses of the README: 10.3-10.4 s against 12.5-13.0 s of CPU). Config merging appends
// to the default list, so the condition is taken out of the resolved one.
export const productionBuilds = {
  name: 'dignify-production-builds',
  configResolved(config: { ssr: { resolve?: { conditions?: string[] } } }) {
    const conditions = config.ssr.resolve?.conditions;
    if (!conditions?.includes('development|production')) throw new Error('vitest.config.ts: no development|production condition to drop (Vite changed?)');
    conditions.splice(conditions.indexOf('development|production'), 1);
  },
};

export default defineConfig({
  test: {
    projects: [
      // One module graph per worker process, not one per file (isolate: false), and one project
      // for the fast and the end-to-end files, so the modules are transformed and loaded, and the
      // rules compiled, once per worker instead of once per file: about half the suite's CPU time.
      // No test file changes a global (environment, folder, module state) another relies on.
      { plugins: [productionBuilds], test: { name: 'main', include: ['test/**/*.test.ts'], exclude: ISOLATED, isolate: false, ...shared } },
      { plugins: [productionBuilds], test: { name: 'isolated', include: ISOLATED, ...shared } },
    ],
  },
});
