// `npm run bench`: builds inputs from the shared corpus in a temporary folder, times dignify,
// alex and the scan floor on them (each figure the median of several runs), prints a table and
// writes BENCHMARKS.md. Environment: BENCH_RUNS (default 3), BENCH_ALEX=0 to skip alex,
// BENCH_ALEX_TIMEOUT seconds (default 600), BENCH_BIG_MB (input 3, default 1000), BENCH_BIG_RUNS (runs of
// each command on input 3, taken in turns, default 3), BENCH_SMALL_RUNS (runs of each command on inputs 1
// and 2, dignify and the Node floor taken in turns, default 5), BENCH_PATHOLOGICAL=0
// to skip the pathological inputs (bench/pathological.js, which has its own settings), BENCH_ADVERSARIAL=0
// to skip the adversarial shapes (bench/adversarial.js, its own settings too), BENCH_BUSY=n to run n
// busy loops (`node -e 'for(;;){}'`) beside every command: a busy machine made reproducible.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusDir, mtsamples } from './corpus.js';
import { writeSection } from './section.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'dignify.cjs');
const ALEX = path.join(ROOT, 'node_modules', '.bin', 'alex');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ALEX_ON = process.env.BENCH_ALEX !== '0';
const ALEX_TIMEOUT = Number(process.env.BENCH_ALEX_TIMEOUT ?? 600);
const BIG_MB = Number(process.env.BENCH_BIG_MB ?? 1000);
// One run of each 1 GB command left its ratios at the machine's mercy: on this project's 2-core VM the
// floor alone took 18.96, 25.24 and 22.00 s in three benches of one afternoon (BENCHMARKS.md, 2026-12-03).
const BIG_RUNS = Number(process.env.BENCH_BIG_RUNS ?? 3);
// Inputs 1 and 2 take 0.5-3 s a run: their bars are ratios (to the floor, and default threads to one
// thread), and 3 runs of each, the floor's after dignify's, gave MTSamples 2.47x, 1.97x, 1.91x and 2.52x
// the floor in four benches of one afternoon, and default threads +9% over one thread on the 4,999 files,
// where both take the same code path (BENCHMARKS.md, 2026-12-03).
const SMALL_RUNS = Number(process.env.BENCH_SMALL_RUNS ?? 5);
const HAS_RG = spawnSync('rg', ['--version']).status === 0;
const BUSY = Number(process.env.BENCH_BUSY ?? 0);

const corpus = corpusDir();
if (!corpus) {
  console.error('bench: the shared corpus (../shared/corpus) is not there; nothing to measure');
  process.exit(2);
}
// The busy loops run from here to the end (stopped at exit, or ending themselves when this process
// is gone: killed, it runs no exit handler), each a core's worth of other work.
const BUSY_LOOP = 'const p = process.ppid; for (let i = 1; ; i++) if (i % 1e8 === 0 && process.ppid !== p) process.exit();';
const busyLoops = Array.from({ length: BUSY }, () => spawn(process.execPath, ['-e', BUSY_LOOP], { stdio: 'ignore' }));
process.on('exit', () => {
  for (const loop of busyLoops) loop.kill();
});
const loadAtStart = os.loadavg()[0];
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dignify-bench-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

// ---- inputs ----
const rows = mtsamples(corpus);
const notes = rows.map((r) => r.transcription ?? '');
const csv1 = path.join(tmp, 'mtsamples.csv');
copyFileSync(path.join(corpus, 'mtsamples.csv'), csv1);
const folder = path.join(tmp, 'notes');
mkdirSync(folder);
notes.forEach((text, i) => writeFileSync(path.join(folder, `${String(i).padStart(5, '0')}.txt`), text));
const oneLine = path.join(tmp, 'one-line.txt');
writeFileSync(oneLine, 'hx of IVDU\n');
const doc50 = path.join(tmp, 'one-document.txt');
{
  const joined = notes.join('\n\n');
  const out = openSync(doc50, 'w');
  for (let size = 0; size < 50e6; size += Buffer.byteLength(joined) + 2) writeFileSync(out, `${joined}\n\n`);
  closeSync(out);
}
function buildBigCsv() {
  const big = path.join(tmp, 'big.csv');
  // The export's records repeated under one header line (no field of the header holds a newline).
  const whole = readFileSync(csv1, 'utf8');
  const header = whole.slice(0, whole.indexOf('\n') + 1);
  const body = whole.slice(header.length).replace(/\n?$/, '\n');
  const out = openSync(big, 'w');
  writeFileSync(out, header);
  for (let size = 0; size < BIG_MB * 1e6; size += Buffer.byteLength(body)) writeFileSync(out, body);
  closeSync(out);
  return big;
}
const sizeOf = (p) => (statSync(p).isDirectory() ? readdirSync(p).reduce((a, f) => a + statSync(path.join(p, f)).size, 0) : statSync(p).size);

// ---- measuring ----
/** Runs a command under /usr/bin/time; returns {seconds, cpuSeconds (user + system), rssMB, code, stderr} or {timeout}. */
function timed(cmd, args, { stdinFile, timeout } = {}) {
  const stdin = stdinFile ? openSync(stdinFile, 'r') : 'ignore';
  const started = process.hrtime.bigint();
  // CPU seconds beside wall time: on a busy machine the wall time grows, the CPU time much less.
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', cmd, ...args], {
    stdio: [stdin, 'ignore', 'pipe'],
    timeout: timeout ? timeout * 1000 : undefined,
    killSignal: 'SIGKILL',
    maxBuffer: 1 << 26,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (typeof stdin === 'number') closeSync(stdin);
  if (r.error?.code === 'ETIMEDOUT' || r.signal) return { timeout: true, seconds };
  const stderr = r.stderr.toString();
  const [rssKB, user, system] = stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return { seconds, cpuSeconds: user + system, rssMB: rssKB / 1024, code: r.status, stderr };
}
function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function summary(results) {
  return {
    seconds: median(results.map((r) => r.seconds)),
    cpuSeconds: median(results.map((r) => r.cpuSeconds)),
    rssMB: median(results.map((r) => r.rssMB)),
    code: results[0].code,
    stderr: results[0].stderr,
  };
}
function measure(cmd, args, options = {}, runs = RUNS) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const r = timed(cmd, args, options);
    if (r.timeout) return r;
    results.push(r);
  }
  return summary(results);
}
/**
 * Commands measured in rotation, `runs` rounds, each round starting one command further on (A B C D,
 * B C D A, ...), so that a machine that speeds up or slows down during the rounds weighs on each
 * alike; each command's summary (median of its runs), in the order given. `commands`: [cmd, args].
 * Run one after the other instead (the default's three runs, then --threads 1's), the default came out
 * 27% slower on MTSamples at load 4.7, where the two do the same work (BENCHMARKS.md, "branch `pool`
 * of 2026-12-02, afternoon").
 */
function measureRotation(commands, runs) {
  const results = commands.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < commands.length; k++) {
      const which = (i + k) % commands.length;
      results[which].push(timed(...commands[which]));
    }
  }
  return results.map(summary);
}

const table = [];
function row(input, tool, r, { bytes, files, note } = {}) {
  let rate = '';
  if (r && !r.timeout && !r.na) rate = files ? `${Math.round(files / r.seconds)} files/s` : bytes ? `${(bytes / 1e6 / r.seconds).toFixed(1)} MB/s` : '';
  const entry = {
    input,
    tool,
    seconds: r?.na ? 'n/a' : r?.timeout ? `did not finish (${Math.round(r.seconds)} s cap)` : r ? r.seconds.toFixed(3) : '',
    cpu: r && !r.timeout && !r.na && r.cpuSeconds !== undefined ? r.cpuSeconds.toFixed(2) : '',
    rate: r?.na ? r.na : rate,
    rss: r && !r.timeout && !r.na && r.rssMB ? `${Math.round(r.rssMB)} MB` : '',
    note: note ?? '',
  };
  table.push(entry);
  console.log(`${entry.input} | ${entry.tool} | ${entry.seconds} | ${entry.cpu} | ${entry.rate} | ${entry.rss} ${entry.note}`);
}

const node = process.execPath;
const floor = path.join(ROOT, 'bench', 'scan-floor.js');
const triggers = JSON.parse(
  spawnSync(node, [
    '-e',
    `import('${path.join(ROOT, 'dist', 'rules', 'builtin.js')}').then(m => console.log(JSON.stringify(m.builtinRules().triggers)))`,
  ]).stdout.toString(),
);
const rgPattern = triggers.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]")).join('|');

// The default is one lint thread per core (this one and a worker pool); --threads 1 runs no worker.
const DEFAULT_THREADS = `dignify (default: ${os.availableParallelism()} threads)`;

const inTurns = (runs) => (runs === 1 ? '1 run' : `median of ${runs}, in turns`);

// 1. MTSamples as one CSV export: default threads, one thread and the Node floor in rotation.
console.log(
  `inputs in ${tmp}; ${RUNS} runs each (inputs 1 and 2: ${SMALL_RUNS}, input 3: ${BIG_RUNS}); load average ${loadAtStart.toFixed(2)}${BUSY ? `; ${BUSY} busy loop(s) beside every command` : ''}`,
);
const bytes1 = sizeOf(csv1);
{
  const label = '1 MTSamples CSV (17 MB)';
  const args = [BIN, csv1, '--text-column', 'transcription', '--format', 'json'];
  const [byDefault, one, scanFloor] = measureRotation(
    [
      [node, args],
      [node, [...args, '--threads', '1']],
      [node, [floor, csv1]],
    ],
    SMALL_RUNS,
  );
  const note = inTurns(SMALL_RUNS);
  row(label, DEFAULT_THREADS, byDefault, { bytes: bytes1, note });
  row(label, 'dignify --threads 1', one, { bytes: bytes1, note });
  row(label, 'scan floor (Node regex)', scanFloor, { bytes: bytes1, note });
}
if (HAS_RG) row('1 MTSamples CSV (17 MB)', 'scan floor (ripgrep)', measure('rg', ['--count-matches', '-i', '-w', rgPattern, csv1]), { bytes: bytes1 });
let alexRate; // MB/s on input 1, to tell whether alex could finish input 3 within the cap
if (ALEX_ON) {
  const r = measure(ALEX, [csv1], { timeout: ALEX_TIMEOUT }, 1);
  if (!r.timeout) alexRate = bytes1 / 1e6 / r.seconds;
  row('1 MTSamples CSV (17 MB)', 'alex 11', r, { bytes: bytes1, note: '1 run' });
}

// 1b. the same notes linted in-process (no CLI, no reader): what the CSV path can reach
{
  const script = `
    const { lintResolved } = await import('${path.join(ROOT, 'dist', 'lint', 'lint-text.js')}');
    const { resolveOptions } = await import('${path.join(ROOT, 'dist', 'lint', 'options.js')}');
    const { preloadLint } = await import('${path.join(ROOT, 'dist', 'lint', 'lint-document.js')}');
    await preloadLint(); // lintResolved is synchronous: load the parts lint loads on first use
    const { readFileSync } = await import('node:fs');
    const notes = JSON.parse(readFileSync(process.argv[1], 'utf8'));
    const r = resolveOptions(); let n = 0;
    const started = performance.now();
    for (const t of notes) n += lintResolved(t, r).length;
    console.error('lint-seconds ' + (performance.now() - started) / 1000);`;
  const notesJson = path.join(tmp, 'notes.json');
  writeFileSync(notesJson, JSON.stringify(notes));
  const bytes = notes.reduce((a, t) => a + Buffer.byteLength(t), 0);
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const r = timed(node, ['--input-type=module', '-e', script, notesJson]);
    runs.push({ seconds: Number(/lint-seconds ([\d.]+)/.exec(r.stderr)[1]), rssMB: r.rssMB });
  }
  const r = { seconds: median(runs.map((x) => x.seconds)), rssMB: median(runs.map((x) => x.rssMB)) };
  row('1b MTSamples notes, in-process lint (1 thread)', 'dignify lintResolved', r, { bytes, note: 'lint time only: no start-up, no reading' });
}

// 2. one .txt file per note
const files2 = readdirSync(folder).length;
{
  const [byDefault, one, scanFloor] = measureRotation(
    [
      [node, [BIN, folder, '--format', 'json']],
      [node, [BIN, folder, '--format', 'json', '--threads', '1']],
      [node, [floor, folder]],
    ],
    SMALL_RUNS,
  );
  const note = inTurns(SMALL_RUNS);
  row(`2 ${files2} .txt files (${(sizeOf(folder) / 1e6).toFixed(0)} MB)`, DEFAULT_THREADS, byDefault, { files: files2, note });
  row(`2 ${files2} .txt files`, 'dignify --threads 1', one, { files: files2, note });
  row(`2 ${files2} .txt files`, 'scan floor (Node regex)', scanFloor, { files: files2, note });
}
if (HAS_RG) row(`2 ${files2} .txt files`, 'scan floor (ripgrep)', measure('rg', ['--count-matches', '-i', '-w', rgPattern, folder]), { files: files2 });
if (ALEX_ON) row(`2 ${files2} .txt files`, 'alex 11', measure(ALEX, [folder], { timeout: ALEX_TIMEOUT }, 1), { files: files2, note: '1 run' });

// 3. a large CSV export
{
  const big = buildBigCsv();
  const bytes = sizeOf(big);
  const label = `3 MTSamples repeated, CSV (${Math.round(bytes / 1e6)} MB)`;
  // The three dignify rows and the floor in rotation: their ratios are the bars (issue 14).
  const args = [BIN, big, '--text-column', 'transcription', '--format', 'json'];
  const cores = os.availableParallelism();
  const commands = [
    [node, args],
    [node, [...args, '--threads', '1']],
    [node, [floor, big]],
  ];
  // An explicit --threads starts the pool past its size threshold, busy machine or not.
  if (cores > 1) commands.push([node, [...args, '--threads', String(cores)]]);
  const [byDefault, one, scanFloor, forced] = measureRotation(commands, BIG_RUNS);
  const note = inTurns(BIG_RUNS);
  row(label, DEFAULT_THREADS, byDefault, { bytes, note });
  row(label, 'dignify --threads 1', one, { bytes, note });
  if (forced) row(label, `dignify --threads ${cores} (pool forced)`, forced, { bytes, note });
  row(label, 'scan floor (Node regex)', scanFloor, { bytes, note });
  if (HAS_RG) row(label, 'scan floor (ripgrep)', measure('rg', ['--count-matches', '-i', '-w', rgPattern, big], {}, 1), { bytes, note: '1 run' });
  if (ALEX_ON && alexRate && bytes / 1e6 / alexRate > ALEX_TIMEOUT) {
    const estimate = `not run: at its rate on input 1 it would need about ${Math.round(bytes / 1e6 / alexRate / 60)} minutes`;
    row(label, 'alex 11', { na: `cannot finish in ${ALEX_TIMEOUT / 60} min` }, { note: estimate });
  } else if (ALEX_ON) row(label, 'alex 11', measure(ALEX, [big], { timeout: ALEX_TIMEOUT }, 1), { bytes, note: '1 run' });
  rmSync(big);
}

// 4. one line on standard input (cold start)
row('4 one line on stdin', 'dignify', measure(node, [BIN], { stdinFile: oneLine }, Math.max(RUNS, 10)), { note: 'wall time incl. Node start' });
row('4 one line on stdin', 'node -e 0 (Node alone)', measure(node, ['-e', '0'], {}, Math.max(RUNS, 10)));
if (ALEX_ON) row('4 one line on stdin', 'alex 11', measure(ALEX, ['--stdin'], { stdinFile: oneLine, timeout: ALEX_TIMEOUT }, Math.max(RUNS, 5)));

// 5. one 50 MB document (notes separated by blank lines)
{
  const bytes = sizeOf(doc50);
  row('5 one 50 MB document', 'dignify', measure(node, [BIN, doc50, '--format', 'json']), { bytes });
  row('5 one 50 MB document', 'scan floor (Node regex)', measure(node, [floor, doc50]), { bytes });
}

// ---- report ----
const cpu = os.cpus();
const header = `| input | tool | seconds | CPU seconds | throughput | peak RSS | note |\n|---|---|---|---|---|---|---|\n`;
const lines = table.map((e) => `| ${e.input} | ${e.tool} | ${e.seconds} | ${e.cpu} | ${e.rate} | ${e.rss} | ${e.note} |`).join('\n');
// Written between the markers of BENCHMARKS.md, so what is written around them by hand (the
// targets, what limits them) stays.
const generated = `Made by \`npm run bench\` (bench/run.js) on ${new Date().toISOString().slice(0, 10)}: ${cpu.length} × ${cpu[0]?.model ?? 'CPU'},
${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}. Load average at the
start: ${loadAtStart.toFixed(2)} (other work on the machine slows every figure, most of all the parallel ones).${BUSY ? ` **BENCH_BUSY=${BUSY}: ${BUSY} busy loop${BUSY > 1 ? 's' : ''} (\`node -e 'for(;;){}'\`) ran beside every command.**` : ''}
Each figure is the median of ${RUNS} runs unless the note says otherwise (default threads and \`--threads 1\` taken in turns); seconds are wall time of the whole command
(Node start-up included); CPU seconds are user + system time of the command and its threads, which a busy machine
changes much less than wall time; peak RSS from /usr/bin/time. The ripgrep floor counts every match
(\`--count-matches\`), as the Node floor does (\`rg -c\` counts lines and stops at each line's first hit). Inputs are built from ../shared/corpus in a temporary folder.

${header}${lines}
`;
writeSection(path.join(ROOT, 'BENCHMARKS.md'), undefined, generated);
console.log('\nwrote BENCHMARKS.md');

// ---- dignify serve under load (bench/serve.js; its own section of BENCHMARKS.md) ----
{
  const { benchServe, writeServeSection } = await import('./serve.js');
  writeServeSection(await benchServe());
}

// ---- pathological inputs (bench/pathological.js): one line and one block of 0.1 to 100 MB ----
if (process.env.BENCH_PATHOLOGICAL !== '0') {
  spawnSync(process.execPath, [path.join(ROOT, 'bench', 'pathological.js')], { stdio: 'inherit' });
}

// ---- adversarial shapes (bench/adversarial.js): rule examples beside runs of 100,000 blanks, "a ", "-", "|", "." ----
if (process.env.BENCH_ADVERSARIAL !== '0') {
  spawnSync(process.execPath, [path.join(ROOT, 'bench', 'adversarial.js')], { stdio: 'inherit' });
}
