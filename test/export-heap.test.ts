// Reading a large export holds no memory per record. The reader once ran chunk after chunk as one
// chain of promise jobs, and the ticks the source stream queued with process.nextTick piled up
// faster than they ran: about 150 bytes a record, 75 MB of heap at 500 MB of CSV. The reader now
// gives the event loop a turn every few megabytes (exports.ts TURN_CHARS).
import { Readable } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import { expect, it } from 'vitest';
import { lintStream } from '../src/index.js';

const CLEAN =
  'Patient seen in clinic for follow-up of hypertension. Blood pressure well controlled on lisinopril. "Feels well", denies chest pain.\nPlan: continue current regimen. ';

function* csv(records: number): Generator<string> {
  yield 'note_id,specialty,note_text\r\n';
  for (let i = 1; i <= records; i++) {
    const body = CLEAN.repeat(i % 97 === 0 ? 120 : 3) + (i % 1000 === 0 ? 'Hx of drug abuse.' : '');
    yield `${i},Cardiology,"${body.replace(/"/g, '""')}"\r\n`;
  }
}

it('holds no memory per record while it reads a large export', async () => {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const heapAt = new Map<number, number>();
  let records = 0;
  let findings = 0;
  // About 90 MB of CSV.
  for await (const event of lintStream([], {}, { stream: Readable.from(csv(100_000)), name: 'generated.csv' })) {
    if (!('result' in event)) continue;
    records++;
    findings += event.result.findings.length;
    if (records === 20_000 || records === 90_000) {
      gc();
      heapAt.set(records, process.memoryUsage().heapUsed);
    }
  }
  expect(records).toBe(100_000);
  expect(findings).toBe(100);
  const growth = (heapAt.get(90_000)! - heapAt.get(20_000)!) / 1024 / 1024;
  console.log(`heap growth over 70,000 records: ${growth.toFixed(1)} MB`);
  expect(growth).toBeLessThan(4);
}, 120_000);
