// Runs the built linter over every document of the shared corpus (../shared/corpus: MTSamples,
// NegEx, ACI-BENCH, PriMock57, cTAKES, MedQuAD incl. medquad_answers.jsonl) and prints how many
// findings each rule produced, to find false positives the labelled set does not contain.
//   node scripts/corpus-run.js [--show RULE_ID|CATEGORY|all] [--limit N]
// Prints to stdout only: generated copies of corpus text are never written to the repository.
import { lintText } from '../dist/index.js';
import { loadDocs } from './eval-candidates.mjs';

const args = process.argv.slice(2);
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const show = opt('--show');
const limit = Number(opt('--limit') ?? 1e9);

const docs = loadDocs();
const perRule = new Map();
const shown = [];
const started = performance.now();
let chars = 0;
for (const doc of docs) {
  chars += doc.text.length;
  for (const f of await lintText(doc.text)) {
    perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1);
    if (show && (show === 'all' || f.ruleId === show || f.category === show) && shown.length < limit) {
      const context = doc.text.slice(Math.max(0, f.start.offset - 70), f.end.offset + 70).replace(/\s+/g, ' ');
      shown.push(`${doc.prefix}  ${f.ruleId}  "${f.actual}"  | ${context}`);
    }
  }
}
const seconds = (performance.now() - started) / 1000;
console.log(`${docs.length} documents, ${(chars / 1e6).toFixed(1)} M characters, ${seconds.toFixed(1)} s`);
for (const [id, n] of [...perRule].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(6)}  ${id}`);
if (show) console.log(`\n${shown.join('\n')}`);
