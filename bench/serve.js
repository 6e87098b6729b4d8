// The load test of `dignify serve` (run by `npm run bench` after the other figures, or alone:
// `node bench/serve.js` after a build): the service in its own process, as a user starts it, and
// autocannon sending POST /v2/check with a 2 KB note (form-encoded, as LanguageTool's clients do)
// at 1, 10 and 100 connections. Latency percentiles are autocannon's (ms). Written between the
// serve markers of BENCHMARKS.md. Environment: BENCH_SERVE_SECONDS per level (default 10).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { corpusDir, mtsamples } from './corpus.js';
import { writeSection } from './section.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'dignify.cjs');
const SECONDS = Number(process.env.BENCH_SERVE_SECONDS ?? 10);
const LEVELS = [1, 10, 100];
const NOTE_BYTES = 2048;

/** A 2 KB note: MTSamples text (or the sample note) cut at a word, with findings in it. */
function twoKilobyteNote() {
  const dir = corpusDir();
  let source = dir
    ? mtsamples(dir)
        .map((r) => r.transcription ?? '')
        .join('\n\n')
    : readFileSync(path.join(ROOT, 'fixtures', 'sample-note.txt'), 'utf8');
  const marker = ' Hx of IVDU; the patient is not an addict. Denies drug abuse.';
  while (Buffer.byteLength(source) < NOTE_BYTES) source += `\n${source}`;
  let note = source.slice(0, NOTE_BYTES - marker.length);
  note = note.slice(0, note.lastIndexOf(' ')) + marker;
  while (Buffer.byteLength(note) > NOTE_BYTES) note = note.slice(1);
  return note;
}

function startService() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
      const m = /API at (http:\/\/\S+)\/v2/.exec(stderr);
      if (m) resolve({ child, url: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`dignify serve exited (${code}): ${stderr}`)));
  });
}

/** The service's own work per request (parse the form, lint, build and serialize the answer), in ms, without HTTP or scheduling. */
async function inProcess(body, runs = 2000) {
  const { lintResolved } = await import('../dist/lint/lint-text.js');
  const { resolveOptions } = await import('../dist/lint/options.js');
  const { preloadLint } = await import('../dist/lint/lint-document.js');
  const { checkResponse, plainText, resolveLanguage } = await import('../dist/serve/languagetool.js');
  await preloadLint();
  const resolved = resolveOptions();
  const once = () => {
    const params = new URLSearchParams(body);
    const at = plainText(params.get('text'));
    return JSON.stringify(checkResponse(at, lintResolved(at.plain, resolved), resolveLanguage(params.get('language')), { version: '', buildDate: '' }));
  };
  for (let i = 0; i < 200; i++) once();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    once();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(runs * 0.5)], p99: times[Math.floor(runs * 0.99)] };
}

export async function benchServe() {
  const note = twoKilobyteNote();
  const body = new URLSearchParams({ text: note, language: 'en-US' }).toString();
  const { child, url } = await startService();
  const rows = [];
  try {
    const check = await fetch(`${url}/v2/check`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    const matches = (await check.json()).matches.length;
    const run = (connections, duration) =>
      autocannon({ url: `${url}/v2/check`, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body, connections, duration });
    await run(10, 2); // warm-up: JIT, and the parsers' first use
    for (const connections of LEVELS) {
      const r = await run(connections, SECONDS);
      rows.push({
        connections,
        p50: r.latency.p50,
        p90: r.latency.p90,
        p99: r.latency.p99,
        max: r.latency.max,
        rps: Math.round(r.requests.average),
        non2xx: r.non2xx,
        errors: r.errors + r.timeouts,
      });
      console.log(
        `serve: ${connections} connections: p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${Math.round(r.requests.average)} requests/s, non-2xx ${r.non2xx}, errors ${r.errors + r.timeouts}`,
      );
    }
    const work = await inProcess(body);
    console.log(`serve: in-process work per request: p50 ${work.p50.toFixed(2)} ms, p99 ${work.p99.toFixed(2)} ms`);
    return { rows, noteBytes: Buffer.byteLength(note), matches, work };
  } finally {
    child.kill('SIGTERM');
  }
}

export function writeServeSection({ rows, noteBytes, matches, work }) {
  const cpu = os.cpus();
  const table = rows.map((r) => `| ${r.connections} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.max} | ${r.rps} | ${r.non2xx + r.errors} |`).join('\n');
  const generated = `Made by \`npm run bench\` (bench/serve.js) on ${new Date().toISOString().slice(0, 10)}: ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, Node ${process.version}; load average ${os.loadavg()[0].toFixed(2)}.
\`dignify serve\` in its own process; autocannon in this one sends POST /v2/check with a ${noteBytes}-byte note
(MTSamples text, ${matches} findings), form-encoded, for ${SECONDS} s at each level, after a 2 s warm-up. Latency in ms (autocannon's
histogram has 1 ms steps below 1 s). Target: p99 under 20 ms at 10 connections. The service's own work per request
(form parsing, lint, the answer's JSON; measured in-process, no HTTP): p50 ${work.p50.toFixed(2)} ms, p99 ${work.p99.toFixed(2)} ms.

| connections | p50 | p90 | p99 | max | requests/s | failed |
|---|---|---|---|---|---|---|
${table}
`;
  writeSection(path.join(ROOT, 'BENCHMARKS.md'), 'serve', generated, 'dignify serve under load');
  console.log('wrote the serve section of BENCHMARKS.md');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeServeSection(await benchServe());
}
