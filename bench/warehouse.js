// `npm run bench:warehouse`: the figures docs/warehouse.md sizes a warehouse with, and the proof
// that a Parquet export is read in flat memory. Needs `npm run build` first (npm run does it).
//
//   1. The warehouse build (dist/warehouse/dignify.js) in a vm context, one thread, as a UDF runs
//      it: notes per second and MB/s per core over MTSamples' transcriptions (clinical notes) and
//      over every text of the corpus; cores needed for 100 M notes in an hour.
//   2. Parquet: the CLI on generated exports of N and 8N notes (row groups of 5,000 rows, Snappy),
//      one lint thread; peak RSS must not grow with the file (it holds one row group).
// Environment: BENCH_PARQUET_ROWS (N, default 10000), BENCH_RUNS (default 3).
// Writes the results between the markers in docs/warehouse.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { parquetWriteFile } from 'hyparquet-writer/src/node.js';
import { corpusDir, corpusTexts, mtsamples } from './corpus.js';
import { writeSection } from './section.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUILD = path.join(ROOT, 'dist', 'warehouse', 'dignify.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const N = Number(process.env.BENCH_PARQUET_ROWS ?? 10000);
const corpus = corpusDir();
if (!corpus || !existsSync(BUILD)) {
  console.error('bench/warehouse: needs the shared corpus and dist/warehouse/dignify.js (npm run build)');
  process.exit(2);
}
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dignify-warehouse-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

// ---- 1. the UDF's throughput per core ----
const context = vm.createContext({});
new vm.Script(readFileSync(BUILD, 'utf8')).runInContext(context);
const udf = vm.runInContext('dignify_findings', context);
const notes = mtsamples(corpus)
  .map((r) => r.transcription ?? '')
  .filter(Boolean);
const everything = corpusTexts(corpus).map((t) => t.text);

function throughput(label, texts) {
  udf(texts[0]); // compiles the rules once, as the first row of a UDF instance does
  const seconds = [];
  const wall = [];
  let findings = 0;
  for (let run = 0; run < RUNS; run++) {
    findings = 0;
    // CPU time, not wall time: the figure is per core, and a shared machine's other work (this
    // one's load average is printed) would otherwise be counted as dignify's.
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    for (const t of texts) findings += udf(t).length;
    const used = process.cpuUsage(cpu);
    seconds.push((used.user + used.system) / 1e6);
    wall.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  const s = median(seconds);
  const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t), 0);
  const perSecond = texts.length / s;
  const r = {
    label,
    notes: texts.length,
    avgBytes: Math.round(bytes / texts.length),
    seconds: s,
    wall: median(wall),
    perSecond,
    mbps: bytes / 1e6 / s,
    findings,
    cores: Math.ceil(100e6 / 3600 / perSecond),
  };
  console.log(
    `${label}: ${r.notes} notes (${r.avgBytes} B avg), ${s.toFixed(2)} s CPU (${r.wall.toFixed(2)} s wall) → ${Math.round(perSecond)} notes/s, ${r.mbps.toFixed(1)} MB/s per core; ${r.cores} cores for 100 M notes/hour`,
  );
  return r;
}
const start0 = process.hrtime.bigint();
new vm.Script(readFileSync(BUILD, 'utf8')).runInContext(vm.createContext({}));
const loadMs = Number(process.hrtime.bigint() - start0) / 1e6;
const c0 = vm.createContext({});
new vm.Script(readFileSync(BUILD, 'utf8')).runInContext(c0);
const t1 = process.hrtime.bigint();
vm.runInContext('dignify_findings', c0)('an addict');
const firstMs = Number(process.hrtime.bigint() - t1) / 1e6;
console.log(`load ${loadMs.toFixed(0)} ms, first call (compiles the rules) ${firstMs.toFixed(0)} ms`);
const udfRows = [throughput('MTSamples transcriptions', notes), throughput('every corpus text', everything)];

// ---- 2. Parquet in flat memory ----
function writeExport(rows) {
  const file = path.join(tmp, `notes-${rows}.parquet`);
  const ids = Array.from({ length: rows }, (_, i) => `note-${i + 1}`);
  const texts = Array.from({ length: rows }, (_, i) => notes[i % notes.length]);
  const depts = Array.from({ length: rows }, (_, i) => ['ED', 'Psychiatry', 'Surgery', 'Medicine'][i % 4]);
  parquetWriteFile({
    filename: file,
    rowGroupSize: 5000,
    columnData: [
      { name: 'note_id', type: 'STRING', data: ids },
      { name: 'note_text', type: 'STRING', data: texts },
      { name: 'department', type: 'STRING', data: depts },
    ],
  });
  return file;
}
function cli(file) {
  const r = spawnSync(
    '/usr/bin/time',
    ['-f', '%M %U %S', process.execPath, path.join(ROOT, 'bin', 'dignify.cjs'), file, '--threads', '1', '--format', 'jsonl'],
    { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 },
  );
  const [rssKB, user, sys] = r.stderr.toString().trim().split('\n').at(-1).split(' ').map(Number);
  return { rss: rssKB / 1024, cpu: user + sys };
}
// The heap kept after a full GC at each row group's end, reading (not linting) the largest file:
// flat when the reader holds one row group, growing when it holds what it has read.
function retainedHeap(file) {
  const script = `
    const { readSources } = await import(${JSON.stringify(path.join(ROOT, 'dist', 'inputs', 'sources.js'))});
    const heap = [];
    let n = 0;
    for await (const e of readSources([${JSON.stringify(file)}], {})) {
      if (e.kind === 'document' && ++n % 5000 === 0) { gc(); heap.push(process.memoryUsage().heapUsed / 1048576); }
    }
    console.log(JSON.stringify(heap));`;
  const r = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}
const parquetRows = [];
let heap = [];
for (const rows of [N, 8 * N]) {
  const file = writeExport(rows);
  const start = process.hrtime.bigint();
  const { rss, cpu } = cli(file);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const r = { rows, mb: statSync(file).size / 1e6, rss, seconds, cpu };
  parquetRows.push(r);
  console.log(
    `Parquet ${rows} notes (${r.mb.toFixed(0)} MB on disk, row groups of 5,000): peak RSS ${Math.round(rss)} MB, ${seconds.toFixed(1)} s wall, ${cpu.toFixed(1)} s CPU (${Math.round(rows / cpu)} notes per CPU second)`,
  );
  if (rows === 8 * N) heap = retainedHeap(file);
  rmSync(file);
}
// The first row groups warm up (code, the parser's caches); flat means the later ones stay level.
const heapLine = `heap kept after a full GC at the end of each of the ${heap.length} row groups of the ${8 * N}-note file (reading only), in MB: ${heap.map((h) => h.toFixed(1)).join(', ')}`;
console.log(heapLine);

// ---- report ----
const cpu = os.cpus();
const text = `Measured by \`npm run bench:warehouse\` (bench/warehouse.js) on ${new Date().toISOString().slice(0, 10)}: ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, Node ${process.version}, load ${os.loadavg()[0].toFixed(1)}; build ${(statSync(BUILD).size / 1024).toFixed(0)} KB, loaded in ${loadMs.toFixed(0)} ms, first call ${firstMs.toFixed(0)} ms (compiles the rules).

| texts | notes | average size | CPU seconds (wall) | notes/s per core | MB/s per core | cores for 100 M notes in an hour |
|---|---|---|---|---|---|---|
${udfRows.map((r) => `| ${r.label} | ${r.notes} | ${r.avgBytes} B | ${r.seconds.toFixed(2)} (${r.wall.toFixed(2)}) | ${Math.round(r.perSecond)} | ${r.mbps.toFixed(1)} | ${r.cores} |`).join('\n')}

Parquet through the CLI, one lint thread (\`--threads 1 --format jsonl\`), row groups of 5,000 notes:

| notes | file | peak RSS | CPU seconds (wall) | notes per CPU second |
|---|---|---|---|---|
${parquetRows.map((r) => `| ${r.rows} | ${r.mb.toFixed(0)} MB | ${Math.round(r.rss)} MB | ${r.cpu.toFixed(1)} (${r.seconds.toFixed(1)}) | ${Math.round(r.rows / r.cpu)} |`).join('\n')}

The ${heapLine}.`;
writeSection(path.join(ROOT, 'docs', 'warehouse.md'), 'warehouse', text, 'Measured throughput');
console.log(`\n${text}`);
