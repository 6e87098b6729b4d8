// The pathological-input section of `npm run bench` (run by bench/run.js, or alone:
// `node bench/pathological.js`): time per MB and peak memory of dignify on one line and on one
// block (lines, no blank line) of 0.1, 1, 10 and 100 MB, with and without dense findings. Time per
// MB should stay flat (within 2x across the sizes) and peak memory under 400 MB (issue 12).
// Environment: BENCH_PATHOLOGICAL_MB (the sizes, comma-separated; default 0.1,1,10,100),
// BENCH_PATHOLOGICAL_TIMEOUT seconds per run (default 600). Writes its table between the
// bench:pathological markers of BENCHMARKS.md.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSection } from './section.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'dignify.cjs');
const SIZES = (process.env.BENCH_PATHOLOGICAL_MB ?? '0.1,1,10,100').split(',').map(Number);
const TIMEOUT = Number(process.env.BENCH_PATHOLOGICAL_TIMEOUT ?? 600);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dignify-pathological-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

// Sparse: no sentence end and no finding (the shape that overflowed the stack at 400 kB).
const SPARSE = 'the patient was seen today and tolerated the procedure well ';
// Dense: a finding every ~190 characters, as in the issue.
const DENSE =
  'Pt seen in clinic today for follow up of chronic back pain and hypertension, no acute distress on exam. Hx of drug abuse. Plan to continue current medications, return in three months. ';
const KINDS = [
  { name: 'one line, no finding, no full stop', unit: SPARSE },
  { name: 'one line, a finding every 190 chars', unit: DENSE },
  { name: 'one block (lines, no blank line), no finding', unit: `${SPARSE.trim()}\n` },
  { name: 'one block (lines, no blank line), a finding every 190 chars', unit: `${DENSE.trim()}\n` },
  // One capitalised word opening every sentence: a role (no finding) and a given name (a finding
  // a line). Each sentence read all the word's other uses: 88 KB took 42-61 s (a newcomer trial).
  { name: 'one block, every line opened by one role word ("Tenant refused entry.")', unit: 'Tenant refused entry.\n' },
  { name: 'one block, every line opened by one given name ("Maria is combative.")', unit: 'Maria is combative.\n' },
];

function build(unit, mb) {
  const file = path.join(tmp, `input-${mb}.txt`);
  const fd = openSync(file, 'w');
  const chunk = unit.repeat(Math.max(1, Math.floor(1e6 / unit.length)));
  const bytes = mb * 1e6;
  let written = 0;
  while (written < bytes) {
    const piece = written + chunk.length <= bytes ? chunk : chunk.slice(0, bytes - written);
    writeSync(fd, piece);
    written += piece.length;
  }
  closeSync(fd);
  return file;
}

function run(file) {
  const started = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', process.execPath, BIN, file, '--format', 'json'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: TIMEOUT * 1000,
    killSignal: 'SIGKILL',
    maxBuffer: 1 << 26,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.error?.code === 'ETIMEDOUT' || r.signal) return { timeout: true, seconds };
  const last = r.stderr.toString().trim().split('\n').at(-1) ?? '';
  // CPU: user + system seconds of the process (system time is mostly reading and the heap's pages).
  const [rssKB, userSeconds, systemSeconds] = last.split(' ').map(Number);
  const user = userSeconds + systemSeconds;
  const crashed = r.status === 2 || /internal error|heap|RangeError/.test(r.stderr.toString());
  return { seconds, user, rssMB: rssKB / 1024, code: r.status, crashed };
}

// Node and dignify start-up, taken off each run's CPU time so small inputs compare with large ones.
const empty = path.join(tmp, 'empty.txt');
closeSync(openSync(empty, 'w'));
const baseline = [0, 1, 2].map(() => run(empty).user).sort((a, b) => a - b)[1];
const rows = [];
console.log(`pathological inputs (one run each; start-up ${baseline.toFixed(2)} s CPU):`);
for (const kind of KINDS) {
  for (const mb of SIZES) {
    const file = build(kind.unit, mb);
    const bytes = statSync(file).size;
    const r = run(file);
    rmSync(file);
    const perMB = r.timeout ? undefined : r.seconds / (bytes / 1e6);
    const row = {
      kind: kind.name,
      mb,
      seconds: r.timeout ? `> ${TIMEOUT}` : r.seconds.toFixed(2),
      perMB: perMB === undefined ? 'n/a' : perMB.toFixed(2),
      userPerMB: r.user === undefined || r.timeout ? 'n/a' : (r.user / (bytes / 1e6)).toFixed(2),
      lintPerMB: r.user === undefined || r.timeout ? 'n/a' : (Math.max(0, r.user - baseline) / (bytes / 1e6)).toFixed(2),
      rss: r.rssMB ? `${Math.round(r.rssMB)} MB` : 'n/a',
      note: r.timeout ? 'timed out' : r.crashed ? `exit ${r.code}: crashed` : `exit ${r.code}`,
    };
    rows.push(row);
    console.log(
      `  ${row.kind} | ${mb} MB | ${row.seconds} s | ${row.perMB} s/MB (CPU ${row.userPerMB}, after start-up ${row.lintPerMB} s/MB) | ${row.rss} | ${row.note}`,
    );
  }
}

const header =
  '| input | size | seconds | s per MB (wall) | s per MB (CPU) | s per MB (CPU after start-up) | peak RSS | exit |\n|---|---|---|---|---|---|---|---|\n';
const table = rows.map((r) => `| ${r.kind} | ${r.mb} MB | ${r.seconds} | ${r.perMB} | ${r.userPerMB} | ${r.lintPerMB} | ${r.rss} | ${r.note} |`).join('\n');
const generated = `Made by \`node bench/pathological.js\` (part of \`npm run bench\`) on ${new Date().toISOString().slice(0, 10)}, one run per
row, load average at the start ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} cores. Wall seconds include Node start-up;
CPU is user + system time of the process (less disturbed by other work on the machine); "after start-up" takes off the CPU time of
linting an empty file (${baseline.toFixed(2)} s). Exit 1: findings; 0: none.

${header}${table}
`;
writeSection(path.join(ROOT, 'BENCHMARKS.md'), 'pathological', generated, 'Pathological inputs (issue 12)');
console.log('wrote the pathological section of BENCHMARKS.md');
