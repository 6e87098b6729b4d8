// Memory stays flat on a large export: ~120 MB of CSV, generated on the fly (never on disk), is
// linted record by record through the same stream the CLI uses, and the peak growth of the
// process's memory is printed and bounded. A reader that held the file would need well over the
// input's size (UTF-16 strings: twice it, 240 MB). The bound leaves room for the collector's slack (the
// chunk reader's garbage lets V8 grow its young generation: 95–130 MB of RSS here while the heap in
// use stays near 11 MB); test/export-heap.test.ts checks that nothing is held per record.
import { Readable } from 'node:stream';
import { expect, it } from 'vitest';
import { lintStream } from '../src/index.js';

const TARGET_BYTES = 120 * 1024 * 1024;
const BOUND_MB = 160;
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

it('lints a ~120 MB export with flat memory', async () => {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  let records = 0;
  let findings = 0;
  const started = Date.now();
  const stdin = { stream: Readable.from(csv(), { objectMode: false }), name: 'generated.csv' };
  for await (const event of lintStream([], {}, stdin)) {
    if (!('result' in event)) continue;
    records++;
    findings += event.result.findings.length;
    if (records % 500 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  const growth = (peak - base) / 1024 / 1024;
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `export memory: ${(TARGET_BYTES / 1024 / 1024).toFixed(0)} MB of CSV, ${records} records, ${findings} findings in ${seconds.toFixed(1)} s ` +
      `(${(TARGET_BYTES / 1024 / 1024 / seconds).toFixed(1)} MB/s); peak RSS growth ${growth.toFixed(0)} MB (bound ${BOUND_MB} MB)`,
  );
  expect(findings).toBe(Math.floor(records / 1000));
  expect(growth).toBeLessThan(BOUND_MB);
}, 120_000);
