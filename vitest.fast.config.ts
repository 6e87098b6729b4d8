// `npm run test:fast`: the edit loop. Rules (their examples, rule files, patterns), the API and the
// formats (readers, reporters, report aggregates), run from source: no build, no spawned CLI, no
// large generated inputs. `npm test` runs these and the slow end-to-end tests.
import { defineConfig } from 'vitest/config';
import { productionBuilds } from './vitest.config.js';

export const FAST_TESTS = [
  'test/rules.examples.test.ts',
  'test/rule-files.test.ts',
  'test/word-regex.test.ts',
  'test/docs.test.ts',
  'test/api.test.ts',
  'test/api-embedding.test.ts',
  'test/overlap-off.test.ts',
  'test/inclusive.test.ts',
  'test/csv-record.test.ts',
  'test/ci-formats-exports.test.ts',
  'test/report.aggregate.test.ts',
  'test/report.csv-injection.test.ts',
  'test/public-api.test.ts',
  'test/format-registry.test.ts',
  'test/engine.test.ts',
  'test/global-setup.test.ts',
];

export default defineConfig({
  // The packages' production builds, as in `npm test` (vitest.config.ts).
  plugins: [productionBuilds],
  test: {
    include: FAST_TESTS,
    // A fixed fast-check seed, as in `npm test`; the rule files from the last `npm test`'s cache when
    // no rule file or src/rules/ module changed since (test/rules-cache.ts), else read from the YAML.
    setupFiles: ['test/fast-check-seed.ts', 'test/rules-cache-setup.ts'],
    testTimeout: 30_000,
    // One module graph for all of them (forks, not threads: runMain changes folder): the rules are compiled and the parsers loaded once, not
    // once per file (most of each file's time on a busy machine). These tests keep no state
    // between files that another relies on.
    isolate: false,
    pool: 'forks',
  },
});
