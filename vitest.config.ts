// `npm test`: every test, in three projects. `fast` (the edit loop's tests, also `npm run
// test:fast`) runs from source with no build; `e2e` builds dist/ once first (test/global-setup.ts)
// for the tests that spawn the installed command or load the bundles and pages; `isolated` holds
// the files that need modules of their own. Timeouts allow for a busy 2-core machine.
import { defineConfig } from 'vitest/config';
import { FAST_TESTS } from './vitest.fast.config.js';

// Files that need a fresh module graph: lazy-load checks which parsers a lint has not loaded yet,
// which another file in the same process would already have loaded.
const ISOLATED = ['test/lazy-load.test.ts'];

const e2e = {
  // Builds dist/ once (for both projects that name it), so the spawned CLI runs the code under test.
  globalSetup: ['test/global-setup.ts'],
  testTimeout: 90_000,
  hookTimeout: 180_000,
};

export default defineConfig({
  test: {
    projects: [
      // One module graph per worker process, not one per file (isolate: false): the CLI, the
      // parsers and the rules are loaded, and the rules compiled, once per worker instead of once
      // per file: about half the suite's CPU time. Forks, not threads: runMain changes folder.
      // No test file changes a global (environment, folder, module state) another relies on.
      { test: { name: 'fast', include: FAST_TESTS, isolate: false, pool: 'forks', testTimeout: 60_000 } },
      { test: { name: 'e2e', include: ['test/**/*.test.ts'], exclude: [...FAST_TESTS, ...ISOLATED], isolate: false, pool: 'forks', ...e2e } },
      { test: { name: 'isolated', include: ISOLATED, pool: 'forks', ...e2e } },
    ],
  },
});
