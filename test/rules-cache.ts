// The built-in rule files as rules/builtin.ts reads them from source (the YAML parsed and validated:
// ~1.7 s of CPU), cached for the other processes of a test run. test/global-setup.ts writes the
// cache after its build: dist/rules/builtin.json is those very files (scripts/build-rules.js read
// and validated them with the same code, transpiled), plus the pattern expansions on the first file,
// which are taken off again. Each test process (test/rules-cache-setup.ts) serves builtinRuleFiles()
// from the cache when its key is the key of the files now on disk, and reads the YAML otherwise.
// The key is a hash of every file in rules/ (the YAML, the schema) and src/rules/ (the code that
// reads and validates them): an edit to any of them after the cache was written makes it unused.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadedRuleFile } from '../src/rules/load.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The folder of the cache (under node_modules, which the package does not ship). */
export function rulesCacheDir(root = ROOT): string {
  return path.join(root, 'node_modules', '.cache', 'dignify-test');
}

/** A hash of the names and contents of every file in rules/ and src/rules/ under `root`. */
export function rulesKey(root = ROOT): string {
  const hash = createHash('sha256');
  for (const dir of ['rules', path.join('src', 'rules')]) {
    for (const name of readdirSync(path.join(root, dir)).sort()) {
      const content = readFileSync(path.join(root, dir, name));
      hash.update(`${dir}/${name}\0${content.length}\0`).update(content);
    }
  }
  return hash.digest('hex').slice(0, 32);
}

/** builtin.json's text (scripts/build-rules.js) as builtinRuleFiles() reads the same files from source. */
export function rulesFromBuild(builtinJson: string): LoadedRuleFile[] {
  const files = JSON.parse(builtinJson) as Array<LoadedRuleFile & { expansions?: unknown; expansionSets?: unknown }>;
  return files.map(({ expansions, expansionSets, ...file }) => file);
}

/**
 * Writes the cache from `builtinJson` (the text of dist/rules/builtin.json) under `key`, the
 * rulesKey() taken before the build read the files; other keys' caches are removed.
 */
export function writeRulesCache(key: string, builtinJson: string, root = ROOT): void {
  const dir = rulesCacheDir(root);
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) if (/^rules-.*\.json$/.test(name)) rmSync(path.join(dir, name), { force: true });
  const file = path.join(dir, `rules-${key}.json`);
  // Written whole, then renamed: a process reading it never sees half a file.
  writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(rulesFromBuild(builtinJson)));
  renameSync(`${file}.${process.pid}.tmp`, file);
}

/** The cached rule files for the files now under `root`, or undefined when there is no cache for them. */
export function readRulesCache(root = ROOT): LoadedRuleFile[] | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(rulesCacheDir(root), `rules-${rulesKey(root)}.json`), 'utf8');
  } catch {
    return undefined;
  }
  return JSON.parse(text) as LoadedRuleFile[];
}
