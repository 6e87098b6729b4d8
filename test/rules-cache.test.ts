// The test processes' cache of the validated rule files (test/rules-cache.ts): the same data as the
// YAML read from source, and not used once a rule file or src/rules/ changes.
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinRuleFiles, builtinRulePaths } from '../src/rules/builtin.js';
import { BUILTIN_RULES_DIR, loadRuleFiles } from '../src/rules/load.js';
import { ROOT, surelyEqual } from './helpers.js';
import { readRulesCache, rulesFromBuild, rulesKey, writeRulesCache } from './rules-cache.js';

const BUILTIN_JSON = path.join(ROOT, 'dist', 'rules', 'builtin.json');

/** The same data: the same keys in the same order and the same values (surelyEqual, cheap); else toStrictEqual's diff, then key order. */
function same(actual: unknown, expected: unknown, message?: string): void {
  if (surelyEqual(actual, expected)) return;
  expect(actual, message).toStrictEqual(expected);
  expect(JSON.stringify(actual), message).toBe(JSON.stringify(expected));
}

describe('the cache of the validated rule files', () => {
  // What builtinRuleFiles() reads from source when nothing is cached.
  const fromYaml = loadRuleFiles(builtinRulePaths()).map((f) => ({ ...f, file: path.relative(path.dirname(BUILTIN_RULES_DIR), f.file) }));

  it("is the build's rule files as builtinRuleFiles() reads them from the YAML, nothing more or less", () => {
    const cached = rulesFromBuild(readFileSync(BUILTIN_JSON, 'utf8'));
    expect(cached.length).toBeGreaterThan(3);
    same(cached, fromYaml);
    // Through the JSON it is written as, as a process reads it.
    same(JSON.parse(JSON.stringify(cached)), fromYaml);
  });

  it('serves this process the same rule files (from the cache or the YAML)', () => {
    same(builtinRuleFiles(), fromYaml);
    const cache = readRulesCache();
    if (cache) same(cache, fromYaml);
  });

  const tmp = mkdtempSync(path.join(tmpdir(), 'dignify-rules-cache-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  // A copy of what the key covers, and a cache written for it.
  const copy = () => {
    const root = mkdtempSync(path.join(tmp, 'root-'));
    cpSync(path.join(ROOT, 'rules'), path.join(root, 'rules'), { recursive: true });
    mkdirSync(path.join(root, 'src'));
    cpSync(path.join(ROOT, 'src', 'rules'), path.join(root, 'src', 'rules'), { recursive: true });
    writeRulesCache(rulesKey(root), readFileSync(BUILTIN_JSON, 'utf8'), root);
    same(readRulesCache(root), fromYaml);
    return root;
  };

  it('is not used once a rule file changes', () => {
    const root = copy();
    appendFileSync(path.join(root, 'rules', 'substance-use.yaml'), '\n# edited\n');
    expect(readRulesCache(root)).toBeUndefined();
  });

  it('is not used once the schema or the code that reads the rule files changes', () => {
    for (const file of [path.join('rules', 'schema.json'), path.join('src', 'rules', 'load.ts')]) {
      const root = copy();
      appendFileSync(path.join(root, file), '\n');
      expect(readRulesCache(root), file).toBeUndefined();
    }
  });

  it('is not used once a rule file is added, and keeps one key only', () => {
    const root = copy();
    const first = rulesKey(root);
    appendFileSync(path.join(root, 'rules', 'extra.yaml'), 'category: extra\n');
    expect(rulesKey(root)).not.toBe(first);
    expect(readRulesCache(root)).toBeUndefined();
    writeRulesCache(rulesKey(root), readFileSync(BUILTIN_JSON, 'utf8'), root);
    expect(readRulesCache(root)).toBeDefined();
    rmSync(path.join(root, 'rules', 'extra.yaml'));
    expect(readRulesCache(root)).toBeUndefined(); // the first key's cache was replaced
  });
});
