#!/usr/bin/env node
// Runs one command under /usr/bin/time and samples the CPU of each of its threads from
// /proc/<pid>/task/*/stat (user + system, clock ticks) every SAMPLE_MS, to say which thread of a
// dignify run is busy and for how long. Prints one JSON line: wall s, CPU s and peak RSS of the
// whole command (from /usr/bin/time), the load average at the start, and per thread its name, CPU
// s and busy share of the wall time (CPU / wall). Threads are listed in the order they started: the
// main thread first, then V8's platform threads (garbage collection, compiling), libuv's, then
// workers. Usage: node bench/threads.js [--out file] -- command args...
// Used for BENCHMARKS.md's "branch big" section; not part of `npm run bench`.
import { spawn } from 'node:child_process';
import { openSync, readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';

const SAMPLE_MS = 50;
const TICK = 100; // clock ticks per second (getconf CLK_TCK)
const args = process.argv.slice(2);
let out = 'ignore';
if (args[0] === '--out') {
  out = openSync(args[1], 'w');
  args.splice(0, 2);
}
if (args[0] === '--') args.shift();
const load = loadavg()[0];
const started = performance.now();
const time = spawn('/usr/bin/time', ['-f', '%e %U %S %M', ...args], { stdio: ['ignore', out, 'pipe'] });
let stderr = '';
time.stderr.on('data', (d) => {
  stderr += d;
});
const threads = new Map(); // tid → { name, first, cpu }
let pid;
const timeline = []; // per second: CPU s of each thread in it
const sample = () => {
  if (pid === undefined) {
    try {
      pid = Number(readFileSync(`/proc/${time.pid}/task/${time.pid}/children`, 'utf8').trim().split(' ')[0]) || undefined;
    } catch {}
    if (pid === undefined) return;
  }
  let tids;
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cpu = (Number(f[11]) + Number(f[12])) / TICK;
      const t = threads.get(tid) ?? { name, first: performance.now() - started, cpu: 0 };
      t.cpu = cpu;
      threads.set(tid, t);
    } catch {}
  }
  const second = Math.floor((performance.now() - started) / 1000);
  timeline[second] = Object.fromEntries([...threads].map(([tid, t]) => [tid, t.cpu]));
};
const timer = setInterval(sample, SAMPLE_MS);
time.on('exit', () => {
  clearInterval(timer);
  const last = stderr.trim().split('\n').at(-1).split(' ').map(Number);
  const [wall, user, sys, rssKb] = last;
  const list = [...threads].sort((a, b) => Number(a[0]) - Number(b[0]));
  const main = list[0]?.[0];
  const worker = list.at(-1)?.[0];
  // Per second, the main thread's and the last thread's (the pool worker's) CPU in that second.
  const perSecond = [];
  let prev = {};
  for (const s of timeline) {
    if (!s) continue;
    perSecond.push([main, worker].map((tid) => Math.round(((s[tid] ?? 0) - (prev[tid] ?? 0)) * 100) / 100));
    prev = s;
  }
  const result = {
    command: args.join(' '),
    load: Math.round(load * 100) / 100,
    wall,
    cpu: Math.round((user + sys) * 100) / 100,
    rssMb: Math.round(rssKb / 1024),
    threads: list
      .filter(([, t]) => t.cpu > 0)
      .map(([tid, t]) => ({ tid: Number(tid), name: t.name, cpu: t.cpu, busy: Math.round((t.cpu / wall) * 100) / 100 })),
  };
  if (process.env.TIMELINE) result.perSecond = perSecond;
  console.log(JSON.stringify(result));
  if (stderr.trim().split('\n').length > 1) process.stderr.write(stderr.split('\n').slice(0, -2).join('\n') + '\n');
});
