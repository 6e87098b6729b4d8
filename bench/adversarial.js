// The adversarial-shape section of `npm run bench` (run by bench/run.js, or alone after a build:
// `node bench/adversarial.js`): CPU seconds of lintText (preset all) on inputs shaped to make a
// regex backtrack: every rule's first flagged example (and a few passing ones) followed, then
// preceded, by a run of 100,000 spaces, tabs, "a ", "-", "|" or "." (100 KB); a line of 10,000
// refusals; a line of 10,000 unclosed template openers ("{% if x {# <% "); a 20,000-word sentence without a verb; a few headed shapes ("note" or a possessive
// before a run of blanks). Flags every input over 1 s: a regex quadratic in a run is the usual
// cause (a lookbehind with an unbounded quantifier tried at every position, nested quantifiers).
// Environment: BENCH_ADVERSARIAL_SIZE (the run's length, default 100000; 10000 to look for
// offenders fast), BENCH_ADVERSARIAL_TIMEOUT seconds per input (default 120),
// BENCH_ADVERSARIAL_WRITE=0 not to write BENCHMARKS.md, BENCH_ADVERSARIAL_JSON=file to keep every row. Each input runs in one child process
// that lints them in turn; an input over the timeout kills it and the next child goes on.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { writeSection } from './section.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SIZE = Number(process.env.BENCH_ADVERSARIAL_SIZE ?? 100000);
const TIMEOUT = Number(process.env.BENCH_ADVERSARIAL_TIMEOUT ?? 120);
const SLOW = 1; // seconds of CPU: an input over this is flagged

/** The inputs, as [name, text]; built the same in the parent and in each child. */
function inputs() {
  const examples = JSON.parse(readFileSync(path.join(ROOT, 'dist', 'rules', 'builtin-examples.json'), 'utf8'));
  const texts = [];
  let passing = 0;
  for (const [id, ex] of Object.entries(examples)) {
    const flag = ex.flag?.[0];
    if (flag) texts.push([`${id} flag`, typeof flag === 'string' ? flag : flag.text]);
    // A handful of passing examples: the first of every 20th rule.
    const pass = ex.pass?.[0];
    if (pass && passing++ % 20 === 0) texts.push([`${id} pass`, typeof pass === 'string' ? pass : pass.text]);
  }
  const fillers = [
    ['spaces', ' '.repeat(SIZE)],
    ['tabs', '\t'.repeat(SIZE)],
    ['"a "', 'a '.repeat(SIZE / 2)],
    ['"-"', '-'.repeat(SIZE)],
    ['"|"', '|'.repeat(SIZE)],
    ['"."', '.'.repeat(SIZE)],
  ];
  const out = [];
  for (const [name, text] of texts) {
    for (const [fname, filler] of fillers) {
      out.push([`${name} + ${fname}`, `${text}${filler}`]);
      out.push([`${fname} + ${name}`, `${filler}${text}`]);
    }
  }
  const n = SIZE / 10;
  out.push([`a line of ${n} refusals`, 'Pt refused meds. '.repeat(n)]);
  out.push([`a line of ${n} refusals by a parent`, 'Mom refused the vaccine. '.repeat(n)]);
  // Unclosed template openers ('{%', '{#', '<%'), each of which once read to the line's end: quadratic in the line (fixed in d733330).
  out.push([`a line of ${SIZE / 10} "{% if x {# <% "`, '{% if x {# <% '.repeat(SIZE / 10)]);
  const words = ['patient', 'chronic', 'pain', 'daily', 'alcohol', 'with', 'the', 'her', 'left', 'knee'];
  out.push([`a sentence of ${SIZE / 5} words without a verb`, `${Array.from({ length: SIZE / 5 }, (_, i) => words[i % 10]).join(' ')}.`]);
  // Words a lookbehind or an alternation starts from, before a run of blanks (then a finding).
  for (const head of ['Clinic note', 'Peds consult:', 'her', "Pt's", 'his son', 'the 6', 'Pt is a', 'hx of', 'h/o']) {
    out.push([`"${head}" + spaces + refusal`, `${head}${' '.repeat(SIZE)}refused meds.`]);
    out.push([`"${head}" + tabs + IVDU`, `${head}${'\t'.repeat(SIZE)}IVDU`]);
  }
  return out;
}

async function child(from) {
  const { lintText } = await import(path.join(ROOT, 'dist', 'index.js'));
  await lintText('warm up: hx of IVDU, refused meds.', { preset: 'all' });
  const all = inputs();
  for (let i = from; i < all.length; i++) {
    const start = process.cpuUsage();
    const findings = await lintText(all[i][1], { preset: 'all' });
    const used = process.cpuUsage(start);
    process.stdout.write(`${JSON.stringify({ i, cpu: (used.user + used.system) / 1e6, findings: findings.length })}\n`);
  }
}

function runFrom(from, results) {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [fileURLToPath(import.meta.url), '--child', String(from)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let next = from;
    let timer;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => proc.kill('SIGKILL'), TIMEOUT * 1000 + 5000);
    };
    arm();
    readline.createInterface({ input: proc.stdout }).on('line', (line) => {
      const r = JSON.parse(line);
      results[r.i] = r;
      next = r.i + 1;
      arm();
    });
    proc.on('exit', () => {
      clearTimeout(timer);
      resolve(next);
    });
  });
}

if (process.argv[2] === '--child') {
  await child(Number(process.argv[3]));
} else {
  const all = inputs();
  const results = [];
  const load = os.loadavg()[0];
  let from = 0;
  while (from < all.length) {
    const next = await runFrom(from, results);
    if (next < all.length && !results[next]) {
      results[next] = { i: next, cpu: undefined, timeout: true };
      from = next + 1;
    } else from = next;
  }
  const rows = all.map(([name], i) => ({ name, ...results[i] }));
  const slow = rows.filter((r) => r.timeout || r.cpu > SLOW);
  const top = [...rows].sort((a, b) => (b.timeout ? Infinity : b.cpu) - (a.timeout ? Infinity : a.cpu)).slice(0, Math.max(15, slow.length));
  const total = rows.reduce((s, r) => s + (r.cpu ?? TIMEOUT), 0);
  const cell = (r) => (r.timeout ? `> ${TIMEOUT} (timed out)` : r.cpu.toFixed(3));
  console.log(`adversarial shapes (run of ${SIZE}): ${rows.length} inputs, ${total.toFixed(1)} s CPU in all, ${slow.length} over ${SLOW} s`);
  for (const r of top) console.log(`  ${r.timeout || r.cpu > SLOW ? 'SLOW ' : '     '}${cell(r)} s  ${r.name}`);
  if (process.env.BENCH_ADVERSARIAL_JSON) writeFileSync(process.env.BENCH_ADVERSARIAL_JSON, JSON.stringify(rows));
  if (process.env.BENCH_ADVERSARIAL_WRITE !== '0') {
    const table = top
      .map((r) => `| ${r.name.replaceAll('|', '\\|')} | ${cell(r)} | ${r.findings ?? ''} | ${r.timeout || r.cpu > SLOW ? 'over 1 s' : ''} |`)
      .join('\n');
    writeSection(
      path.join(ROOT, 'BENCHMARKS.md'),
      'adversarial',
      `Made by \`node bench/adversarial.js\` (part of \`npm run bench\`) on ${new Date().toISOString().slice(0, 10)}, run of ${SIZE}
characters, load average at the start ${load.toFixed(2)} on ${os.cpus().length} cores. CPU seconds (user + system) of one
\`lintText\` call (preset all) per input, after a warm-up. ${rows.length} inputs, ${total.toFixed(1)} s in all; **${slow.length}
over ${SLOW} s**. The slowest ${top.length}:

| input | CPU s | findings | |
|---|---|---|---|
${table}
`,
      'Adversarial shapes (regex backtracking)',
    );
    console.log('wrote the adversarial section of BENCHMARKS.md');
  }
}
