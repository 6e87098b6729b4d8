// Lints a stream of sources on `threads` threads, this one included (threads - 1 workers), in
// input order. The pool starts only once POOL_MIN_DOCUMENTS documents (files or export records)
// and POOL_MIN_CHARS characters have been read: smaller inputs are linted on this thread and never
// pay for starting workers (on 2 cores a pool started for MTSamples' 15 MB made it 15% slower).
// Once the pool runs, this thread scans each document first (gate.ts): one with no place for a
// rule phrase (most export records) is answered here and never copied to a worker; only the others
// go to the workers with the places found here (the worker parses around them and does not scan
// again: match/places.ts), in batches, a bounded number in flight, so memory stays flat on an
// export of any size. This thread reads, scans and writes, and shares the linting: a batch goes to
// the least busy worker while that worker has fewer than WORKER_QUEUE_CHARS characters waiting,
// else this thread lints it (and documents too large for a worker's heap), so neither thread waits
// for the other: the worker always has the next batch, and this thread lints instead of waiting
// for the oldest batch. The worker's queue is read from shared memory (pool.ts: LintPool.queued),
// current at each batch, and the answers come in at each batch too (LintPool.receive), though this
// thread's reads are synchronous and its event loop turns only when it waits. Before (branch
// `pool3`, BENCHMARKS.md) this thread linted a batch only when 7 of 8 in flight were at the worker
// by its own count of answers received, which lagged: on 1 GB it waited for the worker 10 of 27 s.
// Measured (BENCHMARKS.md, "branch share"): a batch linted here costs this thread about what it
// saves the worker, as long as few batches are held (IN_FLIGHT_PER_THREAD).
//
// With `adaptive` (the CLI's default thread count) the pool starts only where it pays: a worker
// costs CPU (copying text to it, a second heap, compiling the rules again: 7-43% more CPU measured
// on 2 cores), which a busy machine cannot give. Whether it is due, and whether it stays, is
// PoolPace's (pool-pace.ts): a prediction first (a free core, linting most of this thread's time),
// then a trial that lints windows of the same size alternately on the pool and on this thread (the
// pool's timed in steady state); a pool not POOL_MIN_GAIN faster is stopped, and tried again only
// much later in the run, and so is a kept pool whose threads get fewer than POOL_MIN_CORES cores
// (other work come after the trial). `--threads N` forces it.
import type { Document } from '../inputs/document.js';
import type { SourceEvent } from '../inputs/sources.js';
import type { Finding } from '../types.js';
import { gatePlaces } from './gate.js';
import { NotLoaded, withLoading } from './lazy.js';
import { lintDocument } from '../lint/lint-document.js';
import type { ResolvedOptions } from '../match/match.js';
import { inOrder } from './ordered.js';
import type { LintPool } from './pool.js';
import { idleCoresFromSecondDocument, type PaceSignals, PoolPace, poolLog, type PoolThreshold, WARM_UP } from './pool-pace.js';

export { idleCoresSince, POOL_MIN_GAIN, type PoolSignals, type PoolThreshold, poolHelps } from './pool-pace.js';

export const POOL_MIN_DOCUMENTS = 500;
/** And this much text (about a second of linting on one thread): workers take longer to pay off. */
export const POOL_MIN_CHARS = 1 << 24;
/** Characters per window of the pool's trial (pool-pace.ts: PoolThreshold.window): half of POOL_MIN_CHARS. */
export const POOL_TRIAL_WINDOW = 1 << 23;
const BATCH_DOCUMENTS = 64;
const BATCH_CHARS = 1 << 20;
/**
 * A batch also holds the documents answered on this thread (no place): this many characters of all
 * of them at most. With IN_FLIGHT_PER_THREAD, this bounds the text held here, and everything held
 * survives this thread's young-generation collections (each copies it, twice before it is
 * promoted): at 1 M characters this thread's collector copied 115 MB on a 34 MB export (46 MB with
 * one thread), at 64 K 38 MB. Smaller batches are more messages (about 15,000 per GB), which
 * cost little since the pool's own (pool.ts).
 */
const BATCH_HELD_CHARS = 1 << 16;
/**
 * Batches in flight (sent, linting here, or waiting to be written in order) per thread, at most:
 * with BATCH_HELD_CHARS, 512 K characters held on 2 threads. Usually fewer are (4-5 on average on
 * a 204 MB export): a batch is written as soon as it and those before it are linted (inOrder), and
 * the worker holds at most WORKER_QUEUE_CHARS and a batch. More made this thread's old generation
 * take 3.5 times as much (326 MB against 93 over the 204 MB export, `--trace-gc`; 16 to 64 in
 * flight, though the batches held were as few on average) and its full collections 8 -> 21-23: V8
 * seems to pretenure the allocation sites whose objects once survived in bulk (unconfirmed).
 */
const IN_FLIGHT_PER_THREAD = 4;
/**
 * A batch goes to a worker only while the least busy has fewer than this many characters to lint
 * (UTF-16 code units of the documents it was sent), else this thread lints it: a few batches' worth
 * of the documents a worker gets (most records have no place and stay here), enough that a worker
 * does not run dry while this thread lints a batch of its own and reads the next.
 */
export const WORKER_QUEUE_CHARS = 1 << 16;
/** Larger documents are linted on this thread: workers run with a small heap (pool.ts). */
export const WORKER_MAX_CHARS = 1 << 20;

/** A source event, with the findings when it is a document (none when it was deferred: see lintInParallel's `defer`). */
export interface Linted {
  event: SourceEvent;
  findings?: Finding[];
}

const noop = (): void => {};

type DocumentEvent = Extract<SourceEvent, { kind: 'document' }>;
/**
 * A document of a batch; `findings` already set when this thread found it cannot hold one
 * (gate.ts), else the first-stage places found here (none for Markdown and HTML).
 */
type Item = { event: DocumentEvent; findings?: Finding[]; places?: Int32Array };
/**
 * A batch holds documents of one window of PoolPace (`here`: the trial lints that window on this
 * thread), `chars` characters of them all; `first` when it is the first batch of its window.
 */
type Chunk = { ready: Linted } | { batch: Item[]; here: boolean; window: number; chars: number; first: boolean };

/** gatePlaces, or undefined (lint it, scanning) when a part it needs is not loaded yet (the worker loads it). */
function gateHere(doc: Document, options: ResolvedOptions): Int32Array | undefined | false {
  try {
    return gatePlaces(doc, options);
  } catch (error) {
    if (error instanceof NotLoaded) return undefined;
    throw error;
  }
}

/** lintInParallelBatches one source event at a time, in and out. */
export async function* lintInParallel(sources: AsyncIterable<SourceEvent>, ...rest: LintInParallelArgs): AsyncGenerator<Linted> {
  async function* single(): AsyncGenerator<SourceEvent[]> {
    for await (const event of sources) yield [event];
  }
  for await (const batch of lintInParallelBatches(single(), ...rest)) yield* batch;
}

type LintInParallelArgs = Parameters<typeof lintInParallelBatches> extends [unknown, ...infer R] ? R : never;

/**
 * Lints batches of source events (sources.ts readEntryBatches) on `threads` threads, yielding them
 * in batches (never empty), in input order.
 */
export async function* lintInParallelBatches(
  sources: AsyncIterable<SourceEvent[]>,
  optionsOf: (doc: Document) => ResolvedOptions,
  threads: number,
  onPool?: (threads: number) => void,
  /** When the pool starts (default POOL_MIN_DOCUMENTS and POOL_MIN_CHARS); tests lower it to keep their inputs small. */
  poolFrom: PoolThreshold = { documents: POOL_MIN_DOCUMENTS, chars: POOL_MIN_CHARS, window: POOL_TRIAL_WINDOW },
  adaptive = false,
  /** The signals poolHelps decides from; the lint share is measured here unless given (tests). */
  signals: PaceSignals = idleCoresFromSecondDocument(),
  /** Documents passed on without findings, for the caller to lint (in batches: LintOptions.findingBatches). */
  defer?: (doc: Document) => boolean,
  /** Whether the pool starts and stays (tests give one with their own clock). */
  pace: PoolPace = new PoolPace(poolFrom, adaptive, signals, () => performance.now()),
): AsyncGenerator<Linted[]> {
  let pool: LintPool | undefined;
  const { clock } = pace;
  const workers = Math.max(1, threads - 1);
  // For the pool's log (DIGNIFY_POOL_LOG): batches sent and linted here, and this thread's waits on
  // the workers; counted only with the log.
  const seen = { sent: 0, here: 0, waited: 0, waits: 0, sentChars: 0, hereChars: 0, hereMs: 0 };
  let issued = Promise.resolve(); // during the trial: settles when every batch given to `work` so far is linted
  /**
   * Batches of the documents of `from`, each of one window of `pace`; once `pace` drops the pool
   * (told by the batches handed on, a few batches after its trial) the batches end there, and what
   * `from` still holds is left in it (the rest of its current batch in `leftover`).
   */
  async function* chunks(from: AsyncIterable<readonly SourceEvent[]>): AsyncGenerator<Chunk> {
    let batch: Item[] = [];
    let window = WARM_UP; // of the documents in `batch`
    let toLint = 0; // documents of the batch a thread must lint
    let toLintChars = 0;
    let heldChars = 0; // characters of all its documents
    let first = true; // the batch is the first of its window
    const flush = (): Chunk => {
      const chunk = { batch, here: pace.here(window), window, chars: heldChars, first };
      batch = [];
      first = false;
      toLint = toLintChars = heldChars = 0;
      return chunk;
    };
    for await (const events of from) {
      for (let i = 0; i < events.length; i++) {
        const event = events[i]!;
        if (event.kind !== 'document' || defer?.(event.doc)) {
          if (batch.length) yield flush();
          yield { ready: { event } };
        } else {
          if (!pool) {
            pool = (await import('./pool.js')).LintPool.open(workers);
            onPool?.(threads);
          }
          const { doc } = event;
          const of = pace.windowOf(doc.text.length);
          if (of !== window) {
            if (batch.length) yield flush();
            if (pace.phase === 'warming' || pace.phase === 'trial') {
              await issued;
              pace.ended(window);
            }
            window = of;
            first = true;
          }
          // This thread scans (the first stage); a document with no place is answered here and
          // never copied to a worker, the others go with their places. (Sending documents unscanned
          // while the workers kept up cost 10-15% more CPU: BENCHMARKS.md, "branch export".)
          const places = gateHere(doc, optionsOf(doc));
          if (places !== false) {
            batch.push({ event, places });
            toLint++;
            toLintChars += doc.text.length;
          } else batch.push({ event, findings: [] });
          heldChars += doc.text.length;
          const stop = pace.phase === 'dropped';
          if (stop || toLint >= BATCH_DOCUMENTS || toLintChars >= BATCH_CHARS || heldChars >= BATCH_HELD_CHARS) yield flush();
          if (stop) {
            // What this batch of events still holds goes back to the reading loop, before `from`'s next batch.
            if (i + 1 < events.length) leftover = events.slice(i + 1);
            return;
          }
        }
      }
    }
    if (batch.length) yield flush();
  }
  const inFlight = threads * IN_FLIGHT_PER_THREAD;
  /** Lints a chunk's documents (findings set in place); the chunk back. */
  const work = (chunk: Chunk): Promise<Chunk> => {
    const linting = lint(chunk);
    // Only the trial waits on it and times it; an error is thrown where the batch is handed on, not here.
    if ((pace.phase === 'warming' || pace.phase === 'trial') && 'batch' in chunk) {
      const timed = linting.then(() => pace.done(chunk.window, chunk.chars, chunk.first));
      issued = Promise.all([issued, timed]).then(noop, noop);
    }
    return linting;
  };
  const lint = async (chunk: Chunk): Promise<Chunk> => {
    if ('ready' in chunk) return chunk;
    const todo = chunk.batch.filter((item) => !item.findings);
    // The answers that have come in meanwhile settle their batches (written out as soon as they
    // are the oldest: inOrder), so few are held here.
    pool!.receive();
    if (todo.length) {
      const here = chunk.here || pool!.queued() >= WORKER_QUEUE_CHARS || todo.some((item) => item.event.doc.text.length > WORKER_MAX_CHARS);
      if (here) {
        if (poolLog) seen.here++;
        for (const item of todo) {
          const { doc } = item.event;
          // Each document timed alone, for the log: other work (reading the next batch) runs between them.
          item.findings = await withLoading(() => {
            const t = poolLog ? clock() : 0;
            const findings = lintDocument(doc, optionsOf(doc), item.places);
            if (poolLog) seen.hereMs += clock() - t;
            return findings;
          });
          if (poolLog) seen.hereChars += doc.text.length;
        }
      } else {
        const docs = todo.map((item) => item.event.doc);
        if (poolLog) {
          seen.sent++;
          for (const doc of docs) seen.sentChars += doc.text.length;
        }
        const findings = await pool!.run(
          docs,
          docs.map(optionsOf),
          todo.map((item) => item.places),
        );
        todo.forEach((item, i) => {
          item.findings = findings[i]!;
        });
      }
    }
    return chunk;
  };

  /** Events read and not linted when the pool was dropped: read before the next batch of `sources`. */
  let leftover: SourceEvent[] | undefined;
  /** When `lintBefore` found a part of lint not loaded: when it started linting that document. */
  let startedAt: number | undefined;
  /**
   * Before the pool: the events of `batch` from `out.length` on, each document linted here (timed
   * for `pace`) and pushed to `out`, synchronously, up to the first document the pool is due at
   * (left out of `out`). Returns the NotLoaded that stopped it (load, then call again: as withLoading).
   */
  const lintBefore = (batch: readonly SourceEvent[], out: Linted[]): NotLoaded | undefined => {
    for (let i = out.length; i < batch.length; i++) {
      const event = batch[i]!;
      if (event.kind !== 'document' || defer?.(event.doc)) {
        out.push({ event });
        continue;
      }
      // A document linted again after a load was already counted by `due`.
      if (startedAt === undefined && pace.due(event.doc.text.length)) return undefined;
      const t = startedAt ?? clock();
      startedAt = undefined;
      try {
        out.push({ event, findings: lintDocument(event.doc, optionsOf(event.doc)) });
      } catch (error) {
        if (!(error instanceof NotLoaded)) {
          pace.linted(clock() - t);
          throw error;
        }
        startedAt = t;
        return error;
      }
      pace.linted(clock() - t);
    }
    return undefined;
  };
  const events = sources[Symbol.asyncIterator]();
  try {
    // Until the pool is due, each document is linted here as it comes, with none of the batching
    // and ordering below (which made the default about 4% more CPU than --threads 1 on MTSamples,
    // where the pool never starts).
    // The same again after a pool that did not pay (pace.due tries it again much later: pool-pace.ts).
    for (;;) {
      let head: SourceEvent[] | undefined; // the events the pool starts with (the first is a document)
      while (!head) {
        let batch = leftover;
        leftover = undefined;
        if (!batch) {
          const next = await events.next();
          if (next.done) return;
          batch = next.value;
        }
        const out: Linted[] = [];
        for (let missing = lintBefore(batch, out); missing; missing = lintBefore(batch, out)) await missing.load();
        if (out.length < batch.length) head = batch.slice(out.length);
        if (out.length) yield out;
      }
      const first = head;
      const rest = async function* (): AsyncGenerator<SourceEvent[]> {
        yield first;
        for (let next = await events.next(); !next.done; next = await events.next()) yield next.value;
      };
      const start = clock();
      const cpu = process.cpuUsage();
      const waited = poolLog && ((ms: number) => ((seen.waited += ms), seen.waits++));
      for await (const chunk of inOrder(chunks(rest()), inFlight, work, waited)) yield 'ready' in chunk ? [chunk.ready] : (chunk.batch as Linted[]);
      if (poolLog) {
        const used = process.cpuUsage(cpu);
        poolLog(
          `pool ran ${Math.round(clock() - start)} ms (process CPU ${Math.round((used.user + used.system) / 1000)} ms): ${seen.sent} batches to workers, ` +
            `${seen.here} linted here; this thread waited ${Math.round(seen.waited)} ms for a batch (${seen.waits} times); ` +
            `the workers linted ${pool!.busy().map(Math.round).join(', ')} ms (${seen.sentChars} characters), this thread ${Math.round(seen.hereMs)} ms (${seen.hereChars})`,
        );
        seen.sent = seen.here = seen.waited = seen.waits = seen.sentChars = seen.hereChars = seen.hereMs = 0;
      }
      if (pace.phase !== 'dropped') return;
      // Every batch is back: the workers and their heaps go.
      onPool?.(1);
      await pool?.close();
      pool = undefined;
    }
  } finally {
    await pool?.close();
    await events.return?.();
  }
}
