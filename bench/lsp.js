// `npm run bench:lsp`: latency of the language server, from a didChange notification to the
// publishDiagnostics it causes, for a five-page note (about 15,000 characters of MTSamples text
// with findings), over a real stdio JSON-RPC connection to `dignify lsp --stdio`. Reported with
// the server's default debounce (20 ms) and with none (the lint itself). Median and p95 of
// BENCH_LSP_EDITS edits (default 60). Prints a table and writes it into BENCHMARKS.md between markers.
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node.js';
import { corpusDir, mtsamples } from './corpus.js';
import { writeSection } from './section.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'dignify.cjs');
const EDITS = Number(process.env.BENCH_LSP_EDITS ?? 60);

const corpus = corpusDir();
if (!corpus) {
  console.error('bench:lsp: the shared corpus (../shared/corpus) is not there; nothing to measure');
  process.exit(2);
}
// Five pages (~3,000 characters a page) of consecutive MTSamples notes that hold findings.
const notes = mtsamples(corpus)
  .map((r) => r.transcription ?? '')
  .filter((t) => /(substance|drug|alcohol|etoh) abuse|noncompliant/i.test(t));
let note = '';
for (const t of notes) {
  if (note.length >= 15_000) break;
  note += `${t.replace(/,\s*/g, ', ').replace(/\.\s+/g, '.\n')}\n\n`;
}

async function measure(debounceMs) {
  const child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], cwd: os.tmpdir() });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let waiting;
  connection.onNotification('textDocument/publishDiagnostics', (p) => waiting?.(p));
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { debounceMs } });
  await connection.sendNotification('initialized', {});
  const uri = pathToFileURL(path.join(os.tmpdir(), 'five-pages.txt')).href;
  const published = () => new Promise((resolve) => (waiting = resolve));
  let next = published();
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: note } });
  const first = await next;
  const times = [];
  for (let version = 2; version < EDITS + 2; version++) {
    // Type one character somewhere in the middle, as an author does.
    const line = (version * 7) % 40;
    next = published();
    const t0 = performance.now();
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'a' }],
    });
    await next;
    times.push(performance.now() - t0);
  }
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  times.sort((a, b) => a - b);
  return { findings: first.diagnostics.length, median: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)] };
}

const rows = [];
for (const debounce of [20, 0]) {
  const r = await measure(debounce);
  rows.push(
    `| ${debounce === 20 ? 'default (20 ms debounce)' : 'no debounce (the lint alone)'} | ${note.length.toLocaleString('en')} | ${r.findings} | ${r.median.toFixed(1)} ms | ${r.p95.toFixed(1)} ms |`,
  );
}
const table = [
  `Language server: didChange → publishDiagnostics for a five-page note, ${EDITS} one-character edits, stdio JSON-RPC (${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(2)} at start). Target: under 50 ms.`,
  '',
  '| server setting | characters | findings | median | p95 |',
  '|---|---|---|---|---|',
  ...rows,
].join('\n');
console.log(table);

writeSection(path.join(ROOT, 'BENCHMARKS.md'), 'lsp', table, 'Language server');
