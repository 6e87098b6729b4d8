// Build step: validate rules/*.yaml once and write them to dist/rules/builtin.json, so the
// installed CLI starts without parsing YAML or running the schema validator; and keep
// src/match/builtin-scan.ts, the scanner's anchor choice for the built-in rules, up to date.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'rules', 'builtin.json');
const lean = path.join(root, 'dist', 'rules', 'builtin-lean.json');
const examples = path.join(root, 'dist', 'rules', 'builtin-examples.json');
const expansions = path.join(root, 'dist', 'rules', 'builtin-expansions.txt');
// never let a stale copy shadow the YAML while loading
for (const file of [out, lean, examples, expansions]) rmSync(file, { force: true });
rmSync(path.join(root, 'dist', 'rules', 'sources.json'), { force: true });

const { loadRuleFiles } = await import('../dist/rules/load.js');
const { compileRules, withExpansions } = await import('../dist/rules/compile.js');
const { builtinRulePaths } = await import('../dist/rules/builtin.js');

try {
  const files = loadRuleFiles(builtinRulePaths()).map((f) => ({ ...f, file: path.relative(root, f.file) }));
  const compiled = compileRules(files); // cross-file checks: sets, duplicate ids
  // With every pattern expanded, so the CLI does not expand them at each start (compile.ts).
  const precompiled = withExpansions(files);
  writeFileSync(out, JSON.stringify(precompiled));
  // The same in the form a start-up loads fastest (lean.ts): what the CLI and the API read; builtin.json feeds the page and the warehouse build.
  const { leanForm } = await import('../dist/rules/lean.js');
  const leanFiles = leanForm(precompiled);
  writeFileSync(lean, leanFiles.lean);
  writeFileSync(examples, leanFiles.examples);
  writeFileSync(expansions, leanFiles.expansions);
  // The bibliography, for --why, explain and SARIF; every key a rule names must be in it.
  const { parseSources, SOURCES_FILE } = await import('../dist/rules/sources.js');
  const sources = parseSources(readFileSync(path.join(root, 'rules', SOURCES_FILE), 'utf8'));
  const unknown = [...new Set(compiled.rules.flatMap((r) => r.sources))].filter((k) => !sources.has(k));
  if (unknown.length) throw new Error(`rules name sources missing from rules/${SOURCES_FILE}: ${unknown.join(', ')}`);
  writeFileSync(path.join(root, 'dist', 'rules', 'sources.json'), JSON.stringify([...sources.values()]));
  // The scanner's anchor choice for the built-in rules' phrases, made here from the frequency table
  // (src/match/scan-choice.ts) so that a start neither reads the table nor computes it
  // (BENCHMARKS.md, speed5/speed6): src/match/builtin-scan.ts, rewritten when the rules change it.
  // tsc compiled the file before this step, so the new choice takes effect at the next build (it
  // changes where the scanner looks first, never the findings); test/scan-anchors.test.ts fails on
  // a stale one.
  const { scanChoicesSource } = await import('../dist/match/scan-choice.js');
  const scanFile = path.join(root, 'src', 'match', 'builtin-scan.ts');
  const scan = scanChoicesSource(compiled);
  if (readFileSync(scanFile, 'utf8') !== scan) {
    writeFileSync(scanFile, scan);
    console.log("dignify: rewrote src/match/builtin-scan.ts (the rules changed the scanner's anchor choice): run npm run build again");
  }
  console.log(`dignify: compiled ${compiled.rules.length} rules from ${files.length} files`);
} catch (error) {
  console.error(`dignify: ${error.message}`);
  process.exit(1);
}
