// `npm test`: every test, in two projects. `fast` (the edit loop's tests, also `npm run
// test:fast`) shares one module graph, so the rules are compiled and the parsers loaded once;
// `e2e` builds dist/ once first, spawns the built CLI where the installed command is what is
// tested, and runs each file in a process of its own. Timeouts allow for a busy 2-core machine.
import { defineConfig } from 'vitest/config';
import { FAST_TESTS } from './vitest.fast.config.js';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'fast', include: FAST_TESTS, isolate: false, pool: 'forks', testTimeout: 60_000 } },
      {
        test: {
          name: 'e2e',
          include: ['test/**/*.test.ts'],
          exclude: FAST_TESTS,
          // Builds dist/ once, so the spawned-CLI tests run the code under test, not a stale build.
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
