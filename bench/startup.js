// `node bench/startup.js [other/bin/dignify.cjs …]`: the cold start of input 4 of bench/run.js (one
// line on standard input, what a pre-commit hook pays per commit), measured alone and quickly.
// Prints the median, min and max wall time of BENCH_RUNS runs (default 21) of this checkout's CLI,
// of `node -e 0`, and of any other dignify bin given (e.g. a build of main, to compare), and the
// median CPU time (user + system, ms) when /usr/bin/time is there to measure it: on a shared,
// busy machine the CPU figures are the ones to compare. The commands take turns run by run, so
// load from other work on the machine falls on all of them alike. BENCH_NODE_ARGS (space-separated)
// go to node before each dignify bin, e.g. a V8 flag to try.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const INPUT = 'hx of IVDU\n';
const TIME = '/usr/bin/time';
const cpuMeasured = existsSync(TIME);
const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);

const commands = [
  {
    name: `dignify (${path.relative(process.cwd(), path.join(ROOT, 'bin', 'dignify.cjs')) || 'bin/dignify.cjs'})`,
    args: [...nodeArgs, path.join(ROOT, 'bin', 'dignify.cjs')],
  },
  ...process.argv.slice(2).map((bin) => ({ name: `dignify (${bin})`, args: [...nodeArgs, path.resolve(bin)] })),
  { name: 'node -e 0 (Node alone)', args: ['-e', '0'] },
];

/** One run: wall ms, and CPU ms (user + system of the child) or NaN without /usr/bin/time. */
function once(args) {
  const started = process.hrtime.bigint();
  // GNU time writes its line last on stderr, after the command's own.
  const result = cpuMeasured
    ? spawnSync(TIME, ['-f', '%U %S', process.execPath, ...args], { input: INPUT, encoding: 'utf8' })
    : spawnSync(process.execPath, args, { input: INPUT, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  // Exit 1 is the finding in the line; anything else means the command is broken, not slow.
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')}: exit ${result.status}\n${result.stderr}`);
  let cpu = Number.NaN;
  if (cpuMeasured) {
    const m = /(\d+\.\d+) (\d+\.\d+)\s*$/.exec(result.stderr);
    if (!m) throw new Error(`${TIME} printed no CPU times: ${result.stderr}`);
    cpu = (Number(m[1]) + Number(m[2])) * 1000;
  }
  return { wall, cpu };
}

for (const c of commands) once(c.args); // warm the file cache
const runs = commands.map(() => []);
for (let i = 0; i < RUNS; i++) commands.forEach((c, k) => runs[k].push(once(c.args)));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => x.toFixed(1).padStart(6);
console.log(`one line on stdin, ${RUNS} runs each, taking turns; ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(2)}`);
for (const [k, c] of commands.entries()) {
  const wall = runs[k].map((r) => r.wall);
  // /usr/bin/time prints CPU in 10 ms steps: the mean says more than the median between two steps.
  const cpuMean = (runs[k].reduce((s, r) => s + r.cpu, 0) / RUNS).toFixed(1);
  const cpu = cpuMeasured ? `   CPU median ${ms(median(runs[k].map((r) => r.cpu)))} ms, mean ${cpuMean}` : '';
  console.log(`${c.name.padEnd(44)} median ${ms(median(wall))} ms   min ${ms(Math.min(...wall))}   max ${ms(Math.max(...wall))}${cpu}`);
}
if (!cpuMeasured) console.log(`(no ${TIME}: CPU times not measured)`);
