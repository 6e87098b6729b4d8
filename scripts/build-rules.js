// Build step: validate rules/*.yaml once and write them to dist/rules/builtin.json, so the
// installed CLI starts without parsing YAML or running the schema validator.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'rules', 'builtin.json');
rmSync(out, { force: true }); // never let a stale copy shadow the YAML while loading

const { loadRuleFiles } = await import('../dist/rules/load.js');
const { compileRules } = await import('../dist/rules/compile.js');
const { builtinRulePaths } = await import('../dist/rules/builtin.js');

try {
  const files = loadRuleFiles(builtinRulePaths()).map((f) => ({ ...f, file: path.relative(root, f.file) }));
  const compiled = compileRules(files); // cross-file checks: sets, duplicate ids
  writeFileSync(out, JSON.stringify(files));
  console.log(`dignify: compiled ${compiled.rules.length} rules from ${files.length} files`);
} catch (error) {
  console.error(`dignify: ${error.message}`);
  process.exit(1);
}
