// Memory on a large export: ~120 MB of CSV, generated on the fly (never on disk), is linted record
// by record through the same stream the CLI uses, once, and two things are measured on that run
// (one run, not one per check: it is the suite's costliest input, ~8 s of CPU):
// - the process's memory stays flat: the peak growth of its RSS is printed and bounded. A reader
//   that held the file would need well over the input's size (UTF-16 strings: twice it, 240 MB).
//   The bound leaves room for the collector's slack (the chunk reader's garbage lets V8 grow its
//   young generation: 95–130 MB of RSS here while the heap in use stays near 11 MB);
// - nothing is held per record: the heap in use after a full collection at record 20,000 and at
//   record 90,000. The reader once ran chunk after chunk as one chain of promise jobs, and the
//   ticks the source stream queued with process.nextTick piled up faster than they ran: about 150
//   bytes a record (10 MB over these 70,000 records), 75 MB of heap at 500 MB of CSV. The reader
//   now gives the event loop a turn every few megabytes (exports.ts TURN_CHARS).
// A process of its own (vitest.config.ts ISOLATED): other files' heaps would blur both.
import { Readable } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import { beforeAll, expect, it } from 'vitest';
import { lintStream } from '../src/index.js';

const TARGET_BYTES = 120 * 1024 * 1024;
const BOUND_MB = 160;
const HEAP_AT = [20_000, 90_000] as const;
const HEAP_BOUND_MB = 4;
const CLEAN =
  'Patient seen in clinic for follow-up of hypertension. Blood pressure well controlled on lisinopril. "Feels well", denies chest pain, dyspnea or edema.\nPlan: continue current regimen, recheck labs in three months. ';

function* csv(): Generator<string> {
  yield 'note_id,specialty,note_text\r\n';
  let bytes = 0;
  for (let i = 1; bytes < TARGET_BYTES; i++) {
    // Every 1000th note holds a finding; some notes are long (tens of kilobytes).
    const body = CLEAN.repeat(i % 97 === 0 ? 120 : 3) + (i % 1000 === 0 ? 'Hx of drug abuse.' : '');
    const line = `${i},Cardiology,"${body.replace(/"/g, '""')}"\r\n`;
    bytes += line.length;
    yield line;
  }
}

/** What the one run measured: records and findings seen, peak RSS growth (MB), heap in use (bytes) at HEAP_AT records. */
const run = { records: 0, findings: 0, rssGrowthMb: 0, heapAt: new Map<number, number>() };

beforeAll(async () => {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const base = process.memoryUsage().rss;
  let peak = base;
  const started = Date.now();
  const stdin = { stream: Readable.from(csv(), { objectMode: false }), name: 'generated.csv' };
  for await (const event of lintStream([], {}, stdin)) {
    if (!('result' in event)) continue;
    run.records++;
    run.findings += event.result.findings.length;
    if (run.records % 500 === 0) peak = Math.max(peak, process.memoryUsage().rss);
    if ((HEAP_AT as readonly number[]).includes(run.records)) {
      gc();
      run.heapAt.set(run.records, process.memoryUsage().heapUsed);
    }
  }
  run.rssGrowthMb = (peak - base) / 1024 / 1024;
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `export memory: ${(TARGET_BYTES / 1024 / 1024).toFixed(0)} MB of CSV, ${run.records} records, ${run.findings} findings in ${seconds.toFixed(1)} s ` +
      `(${(TARGET_BYTES / 1024 / 1024 / seconds).toFixed(1)} MB/s); peak RSS growth ${run.rssGrowthMb.toFixed(0)} MB (bound ${BOUND_MB} MB)`,
  );
}, 180_000);

it('lints a ~120 MB export with flat memory', () => {
  expect(run.findings).toBe(Math.floor(run.records / 1000));
  expect(run.rssGrowthMb).toBeLessThan(BOUND_MB);
});

it('holds no memory per record while it reads a large export', () => {
  expect(run.records).toBeGreaterThan(HEAP_AT[1]);
  const growth = (run.heapAt.get(HEAP_AT[1])! - run.heapAt.get(HEAP_AT[0])!) / 1024 / 1024;
  console.log(`heap growth over ${(HEAP_AT[1] - HEAP_AT[0]).toLocaleString('en')} records: ${growth.toFixed(1)} MB`);
  expect(growth).toBeLessThan(HEAP_BOUND_MB);
});
