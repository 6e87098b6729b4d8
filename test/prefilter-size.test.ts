// The one-pass scan regex of each built-in preset stays under V8's limit for optimizing a regex:
// past 20 KB of source (kRegExpTooLargeToOptimize, V8's regexp compiler) the regex is interpreted,
// and the scan of MTSamples ran about 3.7 times slower with no other sign (BENCHMARKS.md, 4d7818d).
// A rule set that grows the trie past the limit fails here instead of silently in `npm run bench`.
import { describe, expect, it } from 'vitest';
import { scannerFor } from '../src/match/prefilter.js';
import { builtinPresetRules } from '../src/rules/builtin-presets.js';
import { compileRules } from '../src/rules/compile.js';
import { builtinRuleFiles } from '../src/rules/builtin.js';

// V8's kRegExpTooLargeToOptimize is 20 KB of source; a margin below it leaves room to notice growth.
const LIMIT = 20 * 1024;

describe('the scan regex size', () => {
  for (const preset of ['recommended', 'all'] as const) {
    it(`stays under 20 KB of source for the ${preset} preset`, () => {
      const sources = scannerFor(builtinPresetRules(preset)).scanSources();
      expect(sources.length).toBeGreaterThan(0);
      for (const source of sources) {
        expect(source.length).toBeGreaterThan(1_000);
        expect(source.length).toBeLessThan(LIMIT);
      }
    });
  }

  it('measures the regex the scanner builds: a rule set with more words has a longer source', () => {
    const files = builtinRuleFiles();
    const small = compileRules(files.map((f) => ({ ...f, rules: f.rules.slice(0, 1) })));
    const full = builtinPresetRules('all');
    const [smallSource] = scannerFor(small).scanSources();
    const [fullSource] = scannerFor(full).scanSources();
    expect(smallSource!.length).toBeLessThan(fullSource!.length);
  });
});
