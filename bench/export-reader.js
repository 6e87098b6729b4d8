// The export reader alone (no lint): how fast readExport turns a CSV/TSV/JSONL export into records.
// Usage: node bench/export-reader.js [FILE] [DIST]  (FILE: MTSamples' CSV when '' or absent; DIST: a
// built dist/ folder to compare against, ./dist by default). Prints the median of BENCH_RUNS (5).
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpusDir } from './corpus.js';

const file = process.argv[2] || path.join(corpusDir() ?? '.', 'mtsamples.csv');
const dist = path.resolve(process.argv[3] || new URL('../dist', import.meta.url).pathname);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const { readExport } = await import(pathToFileURL(path.join(dist, 'inputs', 'exports.js')).href);
const format = file.endsWith('.tsv') ? 'tsv' : file.endsWith('.jsonl') ? 'jsonl' : 'csv';

const times = [];
let records = 0;
for (let run = 0; run < runs; run++) {
  const start = process.hrtime.bigint();
  records = 0;
  for await (const event of readExport(file, createReadStream(file), format, {})) if (event.kind === 'record') records++;
  times.push(Number(process.hrtime.bigint() - start) / 1e9);
}
const median = times.sort((a, b) => a - b)[Math.floor(runs / 2)];
const mb = statSync(file).size / 1e6;
console.log(
  `${path.basename(file)}: ${records} records, ${mb.toFixed(1)} MB, median ${median.toFixed(3)} s of ${runs} (${(mb / median).toFixed(1)} MB/s) with ${dist}`,
);
