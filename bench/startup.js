// `node bench/startup.js [other/bin/dignify.cjs …]`: the cold start of input 4 of bench/run.js (one
// line on standard input, what a pre-commit hook pays per commit), measured alone and quickly.
// Prints the median, min and max wall time of BENCH_RUNS runs (default 21) of this checkout's CLI,
// of `node -e 0`, and of any other dignify bin given (e.g. a build of main, to compare). The
// commands take turns run by run, so load from other work on the machine falls on all of them alike.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const INPUT = 'hx of IVDU\n';

const commands = [
  { name: `dignify (${path.relative(process.cwd(), path.join(ROOT, 'bin', 'dignify.cjs'))})`, args: [path.join(ROOT, 'bin', 'dignify.cjs')] },
  ...process.argv.slice(2).map((bin) => ({ name: `dignify (${bin})`, args: [path.resolve(bin)] })),
  { name: 'node -e 0 (Node alone)', args: ['-e', '0'] },
];

function once(args) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { input: INPUT, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  // Exit 1 is the finding in the line; anything else means the command is broken, not slow.
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')}: exit ${result.status}\n${result.stderr}`);
  return ms;
}

for (const c of commands) once(c.args); // warm the file cache
const times = commands.map(() => []);
for (let i = 0; i < RUNS; i++) commands.forEach((c, k) => times[k].push(once(c.args)));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`one line on stdin, ${RUNS} runs each, taking turns; ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(2)}`);
for (const [k, c] of commands.entries()) {
  const t = times[k];
  console.log(
    `${c.name.padEnd(50)} median ${median(t).toFixed(1).padStart(6)} ms   min ${Math.min(...t)
      .toFixed(1)
      .padStart(6)}   max ${Math.max(...t)
      .toFixed(1)
      .padStart(6)}`,
  );
}
