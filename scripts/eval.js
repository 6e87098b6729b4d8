// npm run eval: precision and recall of the built linter on the labelled set
// (fixtures/eval/labelled.jsonl), per category and overall, with every false positive and miss.
//   node scripts/eval.js [path/to/labelled.jsonl] [--json]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintText } from '../dist/index.js';
import { formatReport, parseRecords, scoreRecords } from '../dist/eval/score.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--')) ?? path.join(root, 'fixtures', 'eval', 'labelled.jsonl');
const report = await scoreRecords(parseRecords(readFileSync(file, 'utf8')), (text) => lintText(text));
console.log(args.includes('--json') ? JSON.stringify(report, null, 2) : formatReport(report));
