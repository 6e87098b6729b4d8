// With the pool running, a record with no place for a rule phrase is answered on the reading
// thread and never sent to a worker (engine/gate.ts); the output is still that of one thread, in
// input order. The pool is replaced by one that lints in this thread and records what it was sent.
import { describe, expect, it, vi } from 'vitest';
import type { Document } from '../src/inputs/document.js';
import type { SourceEvent } from '../src/inputs/sources.js';
import { lintInParallel, lintInParallelBatches, POOL_MIN_GAIN, WORKER_QUEUE_CHARS } from '../src/engine/lint-parallel.js';
import { PoolPace } from '../src/engine/pool-pace.js';
import { lintDocument, preloadLint } from '../src/lint/lint-document.js';
import { resolveOptions } from '../src/lint/options.js';
import type { ResolvedOptions } from '../src/match/match.js';

const sent = vi.hoisted(() => [] as string[]);
const handed = vi.hoisted(() => [] as Array<number[] | undefined>);
/**
 * How long the mock worker takes over a batch: `delay` ms (it falls behind this thread), or no time
 * at all (it keeps up); `queued`, the characters it tells are waiting at it (LintPool.queued: none
 * unless a test says so); `received`, the times this thread asked for the answers come in.
 */
const worker = vi.hoisted(() => ({ delay: 2, queued: (): number => 0, received: 0 }));
vi.mock('../src/engine/pool.js', () => ({
  LintPool: {
    open: () => ({
      run: async (docs: Document[], options: ResolvedOptions[], places: (Int32Array | undefined)[]) => {
        sent.push(...docs.map((d) => d.text));
        handed.push(...docs.map((_, i) => (places[i] ? [...places[i]] : undefined)));
        // A slow worker takes a while: batches wait for it (this thread must not lint them meanwhile).
        if (worker.delay) await new Promise((resolve) => setTimeout(resolve, worker.delay));
        // As a worker does: parsed around the places handed, not scanned again.
        return docs.map((d, i) => lintDocument(d, options[i]!, places[i]));
      },
      queued: () => worker.queued(),
      receive: () => {
        worker.received++;
      },
      close: async () => {},
    }),
  },
}));

await preloadLint();
const resolved = resolveOptions();

const texts = Array.from({ length: 2000 }, (_, i) =>
  i % 7 === 0 ? `Pt ${i} with hx of IVDU.` : i % 11 === 0 ? `Note ${i}: hx of IV\u00adDU.` : `Note ${i}: wound healing well.`,
);
const mayHold = (t: string) => t.includes('IVDU') || t.includes('\u00ad');

/** lintInParallel over `texts` with the pool due after ten records: the output, and how often the pool started. */
async function lintTexts(): Promise<{ out: Array<{ text: string; rules: string[] }>; started: number }> {
  sent.length = handed.length = 0;
  async function* sources(): AsyncGenerator<SourceEvent> {
    for (const [i, text] of texts.entries()) yield { kind: 'document', doc: { file: 'x.csv', syntax: 'text', text, record: { row: i + 1, line: i + 2 } } };
  }
  let started = 0;
  const out: Array<{ text: string; rules: string[] }> = [];
  for await (const { event, findings } of lintInParallel(
    sources(),
    () => resolved,
    2,
    () => started++,
    { documents: 10, chars: 100 },
  )) {
    if (event.kind === 'document') out.push({ text: event.doc.text, rules: findings!.map((f) => f.ruleId) });
  }
  return { out, started };
}

/** Input order, and each record's findings as one thread gives them. */
function expectOneThreadOutput({ out, started }: Awaited<ReturnType<typeof lintTexts>>): void {
  expect(started).toBe(1);
  expect(out.map((o) => o.text)).toEqual(texts);
  expect(out).toEqual(texts.map((text) => ({ text, rules: lintDocument({ file: 'x.csv', syntax: 'text', text }, resolved).map((f) => f.ruleId) })));
  expect(out.filter((o) => o.rules.length).length).toBeGreaterThan(40);
}

describe('the pool and the gate', () => {
  it('sends only records that may hold a finding to the workers, with their places, and gives the output of one thread', async () => {
    worker.delay = 2;
    expectOneThreadOutput(await lintTexts());
    // The workers saw records with a place (the hidden-character ones too), none of the others.
    expect(sent.length).toBeGreaterThan(30);
    expect(sent.filter((t) => !mayHold(t))).toEqual([]);
    expect(sent.some((t) => t.includes('\u00ad'))).toBe(true);
    expect(sent.length).toBeLessThan(texts.length - 9); // records answered here were never sent
    // Each went with the places found on the reading thread: IVDU's, or none in the text as
    // written when only its hidden-free reading ("IVDU") may hold a finding.
    expect(sent.map((t, i) => (handed[i] ?? []).map((p) => t.slice(p, p + 4)))).toEqual(sent.map((t) => (t.includes('\u00ad') ? [] : ['IVDU'])));
    expect(handed.every((p) => p !== undefined)).toBe(true);
  });
  it('lints a batch here when the worker has WORKER_QUEUE_CHARS characters waiting, else sends it, and gives the output of one thread', async () => {
    worker.delay = 2;
    try {
      // Always a full queue: every batch is linted here (none sent), the pool still started.
      worker.queued = () => WORKER_QUEUE_CHARS;
      worker.received = 0;
      expectOneThreadOutput(await lintTexts());
      expect(sent).toEqual([]);
      expect(worker.received).toBeGreaterThan(3); // the answers come in are asked for at each batch
      // Never full: every record that may hold a finding goes to the worker (those after the first
      // ten, linted before the pool starts).
      worker.queued = () => WORKER_QUEUE_CHARS - 1;
      expectOneThreadOutput(await lintTexts());
      const all = texts.slice(10).filter(mayHold);
      expect(sent).toEqual(all);
      // Full at every other batch: about half of the batches go to the worker, in input order, the
      // others are linted here, and the output is still in input order.
      let asked = 0;
      worker.queued = () => (asked++ % 2 ? WORKER_QUEUE_CHARS : 0);
      expectOneThreadOutput(await lintTexts());
      expect(sent.length).toBeGreaterThan(all.length / 4);
      expect(sent.length).toBeLessThan((all.length * 3) / 4);
      expect(sent).toEqual(all.filter((t) => sent.includes(t)));
    } finally {
      worker.queued = () => 0;
    }
  });
  it('closes the source when the consumer stops early, before the pool is due and after it started', async () => {
    for (const poolFrom of [
      { documents: 1000, chars: 1 << 30 },
      { documents: 2, chars: 10 },
    ]) {
      let closed = false;
      let read = 0;
      async function* sources(): AsyncGenerator<SourceEvent> {
        try {
          for (let i = 0; i < 100; i++) {
            read++;
            yield { kind: 'document', doc: { file: 'x.csv', syntax: 'text', text: `Note ${i}: hx of IVDU.`, record: { row: i + 1, line: i + 2 } } };
          }
        } finally {
          closed = true;
        }
      }
      const seen: string[] = [];
      for await (const { event, findings } of lintInParallel(sources(), () => resolved, 2, undefined, poolFrom)) {
        if (event.kind === 'document') seen.push(`${event.doc.text} ${findings!.map((f) => f.ruleId).join()}`);
        if (seen.length === 5) break;
      }
      expect(seen).toEqual(
        Array.from(
          { length: 5 },
          (_, i) =>
            `Note ${i}: hx of IVDU. ${lintDocument({ file: 'x.csv', syntax: 'text', text: `Note ${i}: hx of IVDU.` }, resolved)
              .map((f) => f.ruleId)
              .join()}`,
        ),
      );
      expect(closed).toBe(true);
      // Before the pool, a document is read only when the one before it is out; the pool reads ahead by batches.
      if (poolFrom.documents === 1000) expect(read).toBe(5);
    }
  });
  describe('with adaptive threads, the pool stays only when it pays', () => {
    // The paces are the test's own: a clock that each record read moves by `cost.here` where this
    // thread lints alone (before the pool, in the trial's windows here, after it is dropped) and
    // by `cost.pool` where the pool runs; the trial takes turns over windows of the same size.
    const many = Array.from({ length: 3000 }, (_, i) => (i % 9 === 0 ? `Pt ${i}: hx of IVDU.` : `Note ${i}: wound healing well.`));
    /** `batched`: the sources come in batches of that many events (as an export's, a batch per chunk read), through lintInParallelBatches. */
    /** `load`: from this clock time on (the test's `now`), the cores the pool's threads get and the idle cores. */
    const run = async (
      cost: { here: number; pool: number },
      threshold = { documents: 10, chars: 20_000 },
      batched?: number,
      load?: { from: number; used: number; idle: number },
    ) => {
      sent.length = handed.length = 0;
      let now = 0;
      // A free core, linting most of the time: poolHelps says yes.
      const signals = () => ({ cores: 2, idle: 1, lintShare: 0.9, ...(load && now >= load.from && { used: load.used, idle: load.idle }) });
      const pace = new PoolPace(threshold, true, signals, () => now);
      const alone = () =>
        pace.phase === 'before' || pace.phase === 'dropped' || ((pace.phase === 'warming' || pace.phase === 'trial') && pace.here(pace.latest));
      async function* sources(): AsyncGenerator<SourceEvent> {
        for (const [i, text] of many.entries()) {
          if (!batched) now += alone() ? cost.here : cost.pool;
          yield { kind: 'document', doc: { file: 'x.csv', syntax: 'text', text, record: { row: i + 1, line: i + 2 } } };
        }
      }
      async function* batches(size: number): AsyncGenerator<SourceEvent[]> {
        let batch: SourceEvent[] = [];
        for await (const event of sources()) {
          batch.push(event);
          if (batch.length === size) {
            yield batch;
            batch = [];
          }
        }
        if (batch.length) yield batch;
      }
      async function* linted() {
        if (!batched)
          yield* lintInParallel(
            sources(),
            () => resolved,
            2,
            (n) => pool.push(n),
            threshold,
            true,
            signals,
            undefined,
            pace,
          );
        // Read ahead by a batch, the clock moves as each document is handled (scanned or linted here, sent to the pool).
        else
          for await (const batch of lintInParallelBatches(
            batches(batched),
            () => ((now += alone() ? cost.here : cost.pool), resolved),
            2,
            (n) => pool.push(n),
            threshold,
            true,
            signals,
            undefined,
            pace,
          )) {
            expect(batch.length).toBeGreaterThan(0);
            yield* batch;
          }
      }
      const pool: number[] = [];
      const out: string[] = [];
      for await (const { event, findings } of linted()) {
        if (event.kind === 'document') out.push(`${event.doc.text} ${findings!.map((f) => f.ruleId).join()}`);
      }
      return { pool, out };
    };
    const expected = many.map(
      (text) =>
        `${text} ${lintDocument({ file: 'x.csv', syntax: 'text', text }, resolved)
          .map((f) => f.ruleId)
          .join()}`,
    );

    it('stops a pool that lints slower than this thread alone, and lints the rest here, same output', async () => {
      worker.delay = 0;
      // (The exact margin, POOL_MIN_GAIN, is test/pool-pace.test.ts's: here whole runs take clear ones.)
      const { pool, out } = await run({ here: 10, pool: 10 });
      expect(out).toEqual(expected);
      expect(pool).toEqual([2, 1]);
      // The records after the trial never reached a worker: it starts after 20,000 characters and
      // takes 27,500 (a warm-up of a quarter and an eighth, then eight windows of an eighth), the pool gone before 50,000.
      expect(sent.length).toBeGreaterThan(0);
      let chars = 0;
      const after = many.findIndex((t) => (chars += t.length) > 50_000);
      const last = many.indexOf(sent.at(-1)!);
      expect(last).toBeGreaterThan(0);
      expect(last).toBeLessThan(after);
      expect(after).toBeLessThan(many.length * 0.75);
    });
    it('starts a dropped pool again later in the run (RETRY_AFTER thresholds on, then 4 times as far), same output', async () => {
      worker.delay = 0;
      // 2,000 characters to the first trial (2,750 long), 8,000 more to the second, 32,000 more to
      // the third: three trials in the 84,000 characters, each dropped, each pool closed.
      const { pool, out } = await run({ here: 10, pool: 10 }, { documents: 10, chars: 2_000 });
      expect(out).toEqual(expected);
      expect(pool).toEqual([2, 1, 2, 1, 2, 1]);
    });
    it('in batches of events, lints every event of a batch in which the pool starts or is dropped, in order', async () => {
      worker.delay = 0;
      // Batches of 7 and 64 events: the pool starts and is dropped in the middle of a batch, whose
      // rest is linted here (a lost rest would leave records out of the output).
      for (const size of [7, 64]) {
        const { pool, out } = await run({ here: 10, pool: 10 }, { documents: 10, chars: 2_000 }, size);
        expect(out).toEqual(expected);
        expect(pool.slice(0, 4)).toEqual([2, 1, 2, 1]);
      }
    });
    it('keeps a pool that lints faster by POOL_MIN_GAIN, same output', async () => {
      worker.delay = 0;
      const { pool, out } = await run({ here: 10, pool: 10 / POOL_MIN_GAIN / 1.5 });
      expect(out).toEqual(expected);
      expect(pool).toEqual([2]);
      expect(sent.at(-1)).toBe(many.filter((t) => t.includes('IVDU')).at(-1)); // to the end
    });
    it('stops a kept pool when its threads get too few cores (a load come after the trial), lints the rest here, same output', async () => {
      worker.delay = 0;
      const fast = { here: 10, pool: 10 / POOL_MIN_GAIN / 1.5 };
      // Kept (after 2,000 + 2,750 characters), looked at every 2,000: from clock time 5,000 (about
      // 650 records in) its threads get 0.9 cores, no core idle, and it is dropped two looks later
      // and not started again.
      const { pool, out } = await run(fast, { documents: 10, chars: 2_000 }, undefined, { from: 5_000, used: 0.9, idle: 0 });
      expect(out).toEqual(expected);
      expect(pool).toEqual([2, 1]);
      expect(many.indexOf(sent.at(-1)!)).toBeLessThan(many.length / 2);
      // The same pool with 1.7 cores: kept to the end.
      const kept = await run(fast, { documents: 10, chars: 2_000 }, undefined, { from: 5_000, used: 1.7, idle: 0 });
      expect(kept.out).toEqual(expected);
      expect(kept.pool).toEqual([2]);
    });
  });
});
