// Lints a stream of sources on `threads` threads, this one included (threads - 1 workers), in
// input order. The pool starts only once POOL_MIN_DOCUMENTS documents (files or export records)
// and POOL_MIN_CHARS characters have been read: smaller inputs are linted on this thread and never
// pay for starting workers (on 2 cores a pool started for MTSamples' 15 MB made it 15% slower).
// Once the pool runs, this thread scans each document first (gate.ts): one with no place for a
// rule phrase (most export records) is answered here and never copied to a worker; only the others
// go to the workers with the places found here (the worker parses around them and does not scan
// again: match/places.ts), in batches, at most a few in flight, so memory stays flat on an export
// of any size. This thread then reads, scans and writes; it lints a batch only when every other
// batch in flight is at a worker (it would otherwise wait for the oldest) and documents too large
// for a worker's heap. Measured (BENCHMARKS.md, "branch big"): this thread linting the batches a
// busy worker had not started cost it more CPU than it saved (its own garbage collection, with
// the batches in flight surviving each collection), and the two threads' CPU were about even
// without it (a 102 MB export: 3.5 and 3.7 CPU s).
//
// With `adaptive` (the CLI's default thread count) the pool starts only where it pays: a worker
// costs CPU (copying text to it, a second heap, compiling the rules again: 7-43% more CPU measured
// on 2 cores), which a busy machine cannot give, so it made the default slower than one thread
// there. It starts only when most of a core stood idle while this run read (CPU times) and linting, not reading, takes most
// of this thread's time; asked again each POOL_MIN_CHARS characters. That is a prediction: once
// started, the pool's pace (characters read per ms) is measured and compared with this thread's
// pace alone just before (poolPays); a pool not POOL_MIN_GAIN faster is stopped for the rest of
// the run. `--threads N` forces it.
import { availableParallelism, cpus } from 'node:os';
import type { Document } from '../inputs/document.js';
import type { SourceEvent } from '../inputs/sources.js';
import type { Finding } from '../types.js';
import { gatePlaces } from './gate.js';
import { NotLoaded, withLoading } from './lazy.js';
import { lintDocument } from '../lint/lint-document.js';
import type { ResolvedOptions } from '../match/match.js';
import { inOrder } from './ordered.js';
import type { LintPool } from './pool.js';

export const POOL_MIN_DOCUMENTS = 500;
/** And this much text (about a second of linting on one thread): workers take longer to pay off. */
export const POOL_MIN_CHARS = 1 << 24;
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
 * Batches in flight (sent, linting here, or waiting to be written in order) per thread: with
 * BATCH_HELD_CHARS, at most 512 K characters held on 2 threads, and a few batches queued at the
 * worker for when this thread pauses (a collection, a slow read).
 */
const IN_FLIGHT_PER_THREAD = 4;
/** Larger documents are linted on this thread: workers run with a small heap (pool.ts). */
export const WORKER_MAX_CHARS = 1 << 20;

/** The pool starts once this many documents and characters (UTF-16 code units) have been read. */
export interface PoolThreshold {
  documents: number;
  chars: number;
}

/**
 * What `poolHelps` decides from: cores, how many of them stood idle while this run read its first
 * documents (0 to `cores`; this thread was busy, so at most cores - 1 on a machine doing nothing
 * else), and the share (0-1) of this thread's time spent linting.
 */
export interface PoolSignals {
  cores: number;
  idle: number;
  lintShare: number;
}

/**
 * Whether a pool would speed this run up: most of a core idle beside this thread, and linting at
 * least half of this thread's time (the part a worker can take over; the rest, reading and
 * writing, stays here). Idle time is measured over the run itself, not the 1-minute load average
 * it replaced: that average still counted the commands before this one (a benchmark's previous
 * run, this run's own first minute), so on 2 cores the default never started the pool, and a 1 GB
 * export took 55 s where the pool takes 31 s (BENCHMARKS.md).
 */
export function poolHelps({ cores, idle, lintShare }: PoolSignals): boolean {
  return cores >= 2 && idle >= 0.75 && lintShare >= 0.5;
}

/** The pool started by `adaptive` stays only when it reads this much faster than this thread alone did. */
export const POOL_MIN_GAIN = 1.05;

/**
 * Whether the pool `adaptive` started pays: its pace (characters read per ms, with the pool) at
 * least POOL_MIN_GAIN times the pace of this thread alone just before. poolHelps only predicts;
 * this is the check that keeps the default from being slower than one thread (on a quiet 2-core
 * machine the predicted pool made a 102 MB export 7.5% slower: the reading thread, which reads,
 * scans and writes, was its critical path).
 */
export function poolPays(alone: number, withPool: number): boolean {
  return withPool >= alone * POOL_MIN_GAIN;
}

/**
 * The default signals: idle cores since the previous call (the first call: since this function
 * was called), from the idle time os.cpus() reports for every core (milliseconds), scaled to
 * availableParallelism(). Throws nothing; with no CPU times (some sandboxes) it reports no idle core.
 */
export function idleCoresSince(): () => Omit<PoolSignals, 'lintShare'> {
  const times = (): { idle: number; total: number } => {
    let idle = 0;
    let total = 0;
    for (const { times: t } of cpus()) {
      idle += t.idle;
      total += t.user + t.nice + t.sys + t.idle + t.irq;
    }
    return { idle, total };
  };
  let last = times();
  return () => {
    const cores = availableParallelism();
    const now = times();
    const total = now.total - last.total;
    const idle = total > 0 ? ((now.idle - last.idle) / total) * cores : 0;
    last = now;
    return { cores, idle };
  };
}

/** A source event, with the findings when it is a document (none when it was deferred: see lintInParallel's `defer`). */
export interface Linted {
  event: SourceEvent;
  findings?: Finding[];
}

type DocumentEvent = Extract<SourceEvent, { kind: 'document' }>;
/**
 * A document of a batch; `findings` already set when this thread found it cannot hold one
 * (gate.ts), else the first-stage places found here (none for Markdown and HTML).
 */
type Item = { event: DocumentEvent; findings?: Finding[]; places?: Int32Array };
type Chunk = { ready: Linted } | { batch: Item[] };

/** gatePlaces, or undefined (lint it, scanning) when a part it needs is not loaded yet (the worker loads it). */
function gateHere(doc: Document, options: ResolvedOptions): Int32Array | undefined | false {
  try {
    return gatePlaces(doc, options);
  } catch (error) {
    if (error instanceof NotLoaded) return undefined;
    throw error;
  }
}

export async function* lintInParallel(
  sources: AsyncIterable<SourceEvent>,
  optionsOf: (doc: Document) => ResolvedOptions,
  threads: number,
  onPool?: (threads: number) => void,
  /** When the pool starts (default POOL_MIN_DOCUMENTS and POOL_MIN_CHARS); tests lower it to keep their inputs small. */
  poolFrom: PoolThreshold = { documents: POOL_MIN_DOCUMENTS, chars: POOL_MIN_CHARS },
  adaptive = false,
  /** The signals poolHelps decides from; the lint share is measured here unless given (tests). */
  signals: () => Omit<PoolSignals, 'lintShare'> & { lintShare?: number } = idleCoresSince(),
  /** Documents passed on without findings, for the caller to lint (in batches: LintOptions.findingBatches). */
  defer?: (doc: Document) => boolean,
  /** The time in ms, for the paces poolPays compares (tests give their own). */
  clock: () => number = () => performance.now(),
): AsyncGenerator<Linted> {
  let pool: LintPool | undefined;
  let documents = 0;
  let read = 0; // characters of those documents
  let nextCheck = poolFrom.chars; // characters read when the pool is considered (again)
  const started = clock();
  let linting = 0; // ms this thread spent linting
  // This thread's pace alone (adaptive): measured over the characters read since `paceFrom`, the
  // second half of what is read before the first check (the first half pays for loading and
  // compiling), then over each stretch between two checks.
  let paceFrom: { chars: number; ms: number } | undefined;
  let alone = 0; // characters per ms
  let dropped = false; // the pool was measured and did not pay: this thread alone from then on
  const poolDue = (doc: Document): boolean => {
    documents++;
    read += doc.text.length;
    if (adaptive && !paceFrom && read >= nextCheck / 2) paceFrom = { chars: read, ms: clock() };
    if (dropped || documents < poolFrom.documents || read < nextCheck) return false;
    if (!adaptive) return true;
    nextCheck = read + POOL_MIN_CHARS;
    const now = clock();
    if (paceFrom) alone = (read - paceFrom.chars) / Math.max(1, now - paceFrom.ms);
    paceFrom = { chars: read, ms: now };
    return poolHelps({ lintShare: linting / Math.max(1, now - started), ...signals() });
  };
  const lintHere = async (doc: Document): Promise<Finding[]> => {
    const t = clock();
    try {
      return await withLoading(() => lintDocument(doc, optionsOf(doc)));
    } finally {
      linting += clock() - t;
    }
  };
  const workers = Math.max(1, threads - 1);
  let atWorkers = 0; // batches sent to the pool and not back yet
  /**
   * Batches of the documents of `from`. With `adaptive`, the pool's pace is measured over the
   * poolFrom.chars characters read after its first poolFrom.chars / 4 (the workers start, compile
   * their rules and warm up meanwhile); when it does not pay (poolPays) the batches end there,
   * `dropped` is set, and what `from` still holds is left in it.
   */
  async function* chunks(from: AsyncIterable<SourceEvent>): AsyncGenerator<Chunk> {
    const paceStart = read + poolFrom.chars / 4;
    let paced: { chars: number; ms: number } | undefined;
    let batch: Item[] = [];
    let toLint = 0; // documents of the batch a thread must lint
    let toLintChars = 0;
    let heldChars = 0; // characters of all its documents
    const flush = (): Chunk => {
      const chunk = { batch };
      batch = [];
      toLint = toLintChars = heldChars = 0;
      return chunk;
    };
    for await (const event of from) {
      if (event.kind !== 'document' || defer?.(event.doc)) {
        if (batch.length) yield flush();
        yield { ready: { event } };
      } else {
        if (!pool) {
          pool = (await import('./pool.js')).LintPool.open(workers);
          onPool?.(threads);
        }
        // This thread scans (the first stage); a document with no place is answered here and
        // never copied to a worker, the others go with their places. (Sending documents unscanned
        // while the workers kept up cost 10-15% more CPU: BENCHMARKS.md, "branch export".)
        const { doc } = event;
        const places = gateHere(doc, optionsOf(doc));
        if (places !== false) {
          batch.push({ event, places });
          toLint++;
          toLintChars += doc.text.length;
        } else batch.push({ event, findings: [] });
        heldChars += doc.text.length;
        read += doc.text.length;
        let stop = false;
        if (adaptive && alone > 0) {
          if (!paced && read >= paceStart) paced = { chars: read, ms: clock() };
          else if (paced && read >= paced.chars + poolFrom.chars) {
            const withPool = (read - paced.chars) / Math.max(1, clock() - paced.ms);
            stop = dropped = !poolPays(alone, withPool);
            alone = 0; // measured once
          }
        }
        if (stop || toLint >= BATCH_DOCUMENTS || toLintChars >= BATCH_CHARS || heldChars >= BATCH_HELD_CHARS) yield flush();
        if (stop) return;
      }
    }
    if (batch.length) yield flush();
  }
  const inFlight = threads * IN_FLIGHT_PER_THREAD;
  const work = async (chunk: Chunk): Promise<Linted[]> => {
    if ('ready' in chunk) return [chunk.ready];
    const todo = chunk.batch.filter((item) => !item.findings);
    if (todo.length) {
      const here = atWorkers >= inFlight - 1 || todo.some((item) => item.event.doc.text.length > WORKER_MAX_CHARS);
      if (here) {
        for (const item of todo) item.findings = await withLoading(() => lintDocument(item.event.doc, optionsOf(item.event.doc), item.places));
      } else {
        const docs = todo.map((item) => item.event.doc);
        atWorkers++;
        try {
          const findings = await pool!.run(
            docs,
            docs.map(optionsOf),
            todo.map((item) => item.places),
          );
          todo.forEach((item, i) => {
            item.findings = findings[i]!;
          });
        } finally {
          atWorkers--;
        }
      }
    }
    return chunk.batch as Linted[];
  };
  const events = sources[Symbol.asyncIterator]();
  try {
    // Until the pool is due, each document is linted here as it comes, with none of the batching
    // and ordering below (which made the default about 4% more CPU than --threads 1 on MTSamples,
    // where the pool never starts).
    // The same again after a pool that did not pay (chunks sets `dropped`; poolDue is then never true).
    for (;;) {
      let first: DocumentEvent | undefined; // the document the pool starts with
      while (!first) {
        const next = await events.next();
        if (next.done) return;
        const event = next.value;
        if (event.kind !== 'document' || defer?.(event.doc)) yield { event };
        else if (poolDue(event.doc)) first = event;
        else yield { event, findings: await lintHere(event.doc) };
      }
      const head = first;
      read -= head.doc.text.length; // chunks counts it again
      const rest = async function* (): AsyncGenerator<SourceEvent> {
        yield head;
        for (let next = await events.next(); !next.done; next = await events.next()) yield next.value;
      };
      for await (const linted of inOrder(chunks(rest()), inFlight, work)) yield* linted;
      if (!dropped) return;
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
