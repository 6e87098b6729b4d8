// npm run docs: writes docs/rules.md from rules/*.yaml (through the built loader, so the docs
// describe exactly what validates). test/docs.test.ts fails when the file is stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinRulePaths } from '../dist/rules/builtin.js';
import { readMeasuredPrecision } from '../dist/eval/precision.js';
import { renderRulesDoc } from '../dist/rules/docs.js';
import { loadRuleFiles } from '../dist/rules/load.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'docs', 'rules.md');
mkdirSync(path.dirname(out), { recursive: true });
// Measured per-rule precision, when `npm run eval -- --write-precision` has written it.
const measured = readMeasuredPrecision(path.join(root, 'fixtures', 'eval-genres', 'precision.json'));
writeFileSync(out, renderRulesDoc(loadRuleFiles(builtinRulePaths()), measured?.sets));
console.log(`dignify: wrote ${path.relative(root, out)}`);
