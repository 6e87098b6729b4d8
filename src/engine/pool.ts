// A pool of worker threads that lint documents in parallel. A task is a batch of Documents (plain
// data) with the options of each as plain data too (rule files, severities, allowed phrases,
// quotes), never compiled objects: each worker compiles a configuration once, by the id the main
// thread gave it, and is sent each configuration once. Callers keep input order with inOrder
// (ordered.ts).
//
// Plain worker_threads, one message each way per task, not tinypool (which it replaced): tinypool's
// worker calls process.memoryUsage() after every task, which in these workers cost more than
// the message itself (with 64 K-character batches, 853 ms of a worker's 12 s profile on a 34 MB
// export, and 737 ms more in its per-task port messages: BENCHMARKS.md, "branch big"), and
// smaller batches are what keep the reading thread's heap small (lint-parallel.ts).
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { Document } from '../inputs/document.js';
import { builtinPresetOf, builtinPresetRules } from '../rules/builtin-presets.js';
import { compileRules } from '../rules/compile.js';
import type { LoadedRuleFile } from '../rules/load.js';
import type { PresetName } from '../rules/presets.js';
import type { Finding, QuoteHandling, SeveritySetting } from '../types.js';
import type { ResolvedOptions } from '../match/match.js';

/** Old-generation heap of a worker, in MB. */
const WORKER_HEAP_MB = 96;
/**
 * Young generation of a worker, in MB (V8's semi-spaces; the scavenger copies what survives
 * each collection). At 8 MB a worker collected about every 3.5 MB allocated, and the parse trees
 * of the batch it was linting survived each time; at 32 MB it collects 2.5 times less often. At 16
 * the pool's peak RSS is 14-15 MB lower (a 60 MB export, pool forced: 151-153 MB against 166-167)
 * with the worker's CPU within the noise (2.3-3.3 s against 2.5-3.2, three turns each, load 18-25:
 * BENCHMARKS.md, "branch pool1g"); the bar is 250 MB at 1 GB with the pool.
 */
const WORKER_YOUNG_MB = 16;

/** ResolvedOptions as data that crosses to a worker. */

export interface PlainOptions {
  /** The rule files, when not the built-in rules. */
  ruleFiles?: LoadedRuleFile[];
  /** The built-in preset the rules are, when they are one (then ruleFiles is absent). */
  builtinPreset?: PresetName;
  severities: Record<string, SeveritySetting>;
  allow: { words: string[]; set?: string }[][];
  quotes: QuoteHandling;
}

export interface PoolTask {
  /** Names the task's answer (PoolAnswer.id). */
  id: number;
  docs: Document[];
  /** For each document, the id of its options in `configs`. */
  options: number[];
  /** The configurations this worker has not been sent before, by id. */
  configs: Record<number, PlainOptions>;
  /**
   * The first-stage places of every document (firstStagePlaces), one after another in one array
   * whose buffer is transferred, not copied: document i's start at index placeStarts[i] and end
   * where document i + 1's start. A start s stored as -(s + 1) means none were handed (the worker
   * scans that document itself).
   */
  places: Int32Array;
  /** docs.length + 1 entries; the last is places.length. */
  placeStarts: Int32Array;
}

const startOf = (stored: number): number => (stored < 0 ? -stored - 1 : stored);

/**
 * The part of a document lintDocument reads (its text, syntax and paragraphs: it is a pure
 * function of those and the options), so that the record (row, id, kept columns), file name and
 * format are not copied to the worker and back with each document; the findings are the same.
 */
function lintedPart(doc: Document): Document {
  return doc.paragraphs ? { file: '', syntax: doc.syntax, text: doc.text, paragraphs: doc.paragraphs } : { file: '', syntax: doc.syntax, text: doc.text };
}

/** The places of document `i` of a task, or undefined when none were handed. */
export function placesOf(task: PoolTask, i: number): Int32Array | undefined {
  const stored = task.placeStarts[i]!;
  return stored < 0 ? undefined : task.places.subarray(stored, startOf(task.placeStarts[i + 1]!));
}

export function toPlainOptions(options: ResolvedOptions): PlainOptions {
  const plain: PlainOptions = {
    severities: options.severities,
    allow: options.allow.map((seq) => seq.map((t) => (t.set === undefined ? { words: t.words } : { words: t.words, set: t.set }))),
    quotes: options.quotes,
  };
  // A built-in preset travels by name: a worker compiles it from its own copy of the rules.
  const preset = builtinPresetOf(options.rules);
  if (preset) plain.builtinPreset = preset;
  else plain.ruleFiles = options.rules.files;
  return plain;
}

export function fromPlainOptions(plain: PlainOptions): ResolvedOptions {
  return {
    rules: plain.ruleFiles ? compileRules(plain.ruleFiles) : builtinPresetRules(plain.builtinPreset ?? 'all'),
    severities: plain.severities,
    allow: plain.allow.map((seq) => seq.map((t) => ({ ...t, lookup: new Set(t.words) }))),
    quotes: plain.quotes,
  };
}

/**
 * A worker's answer to a task: the findings of each document, or the error that stopped it; `busy`,
 * the milliseconds (wall) the worker has spent linting since it started, this task included.
 */
export type PoolAnswer = ({ id: number; findings: Finding[][] } | { id: number; error: { message: string; stack?: string } }) & { busy?: number };

type Pending = { resolve: (findings: Finding[][]) => void; reject: (error: Error) => void };

/**
 * What a worker is handed at its start (workerData). `queued[0]`: the characters of the documents
 * sent to it and not linted yet. The main thread adds a task's characters when it posts the task,
 * the worker takes each document's off as soon as it has linted it (Atomics, on shared memory), so
 * the count is current whenever the main thread reads it, even while it works through a read chunk
 * and gives its event loop no turn (a count of answers received lagged by whole chunks:
 * BENCHMARKS.md, "branch pool3"). `answers`: the port the worker posts its answers (PoolAnswer) on,
 * which the main thread also reads without a turn of its event loop (LintPool.receive).
 */
export interface PoolWorkerData {
  queued: Int32Array;
  answers: MessagePort;
}

/** The characters of a task's documents (what PoolWorkerData.queued counts). */
export function charsOf(docs: readonly Document[]): number {
  let chars = 0;
  for (const doc of docs) chars += doc.text.length;
  return chars;
}

class PoolWorker {
  readonly pending = new Map<number, Pending>();
  /** PoolWorkerData.queued: characters sent to this worker and not linted yet. */
  readonly queued = new Int32Array(new SharedArrayBuffer(4));
  /** Where this worker's answers arrive (PoolWorkerData.answers). */
  readonly answers: MessagePort;
  /** Ids of the configurations this worker has been sent. */
  readonly configs = new Set<number>();
  readonly worker: Worker;
  /** Milliseconds this worker has spent linting, as of its latest answer (PoolAnswer.busy). */
  busy = 0;
  private failed?: Error;

  constructor() {
    const { port1, port2 } = new MessageChannel();
    this.answers = port1;
    this.worker = new Worker(new URL('./pool-worker.js', import.meta.url), {
      // A worker holds one or two batches (at most about 1 MB of text; larger documents stay on
      // the main thread, lint-parallel.ts): a small old generation keeps it near its live size.
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB, maxOldGenerationSizeMb: WORKER_HEAP_MB },
      workerData: { queued: this.queued, answers: port2 } satisfies PoolWorkerData,
      transferList: [port2],
      stdout: false,
      stderr: false,
    });
    this.answers.on('message', (answer: PoolAnswer) => this.answered(answer));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`a lint worker stopped (exit code ${code})`)));
  }

  /** Settles the task `answer` answers. */
  answered(answer: PoolAnswer): void {
    if (answer.busy !== undefined) this.busy = answer.busy;
    const task = this.pending.get(answer.id);
    if (!task) return;
    this.pending.delete(answer.id);
    if ('error' in answer) task.reject(Object.assign(new Error(answer.error.message), { stack: answer.error.stack }));
    else task.resolve(answer.findings);
  }

  /** Settles the tasks of the answers that have arrived and not been read yet; none arrive meanwhile. */
  receive(): void {
    for (let got = receiveMessageOnPort(this.answers); got; got = receiveMessageOnPort(this.answers)) this.answered(got.message as PoolAnswer);
  }

  /** Rejects every task still at this worker, and any sent to it later. */
  private fail(error: Error): void {
    this.failed ??= error;
    for (const task of this.pending.values()) task.reject(this.failed);
    this.pending.clear();
  }

  post(task: PoolTask, pending: Pending, transfer: ArrayBuffer[]): void {
    if (this.failed) {
      pending.reject(this.failed);
      return;
    }
    this.pending.set(task.id, pending);
    Atomics.add(this.queued, 0, charsOf(task.docs));
    this.worker.postMessage(task, transfer);
  }
}

export class LintPool {
  private readonly ids = new WeakMap<ResolvedOptions, number>();
  private readonly plain: PlainOptions[] = [];
  private nextId = 0;

  private constructor(
    private readonly workers: PoolWorker[],
    readonly threads: number,
  ) {}

  /** Starts `threads` workers. Throws what `new Worker` throws (none in practice). */
  static open(threads: number): LintPool {
    return new LintPool(
      Array.from({ length: threads }, () => new PoolWorker()),
      threads,
    );
  }

  /**
   * The findings of each document, linted with its options; `places[i]`, when given, are document
   * i's first-stage places (gate.ts), handed on so the worker does not scan it again. Goes to the
   * worker with the fewest characters still to lint (`queued`). Rejects with the worker's error when linting threw there, or
   * when the worker stopped (out of memory: its heap is small).
   */
  run(docs: Document[], options: ResolvedOptions[], places: readonly (Int32Array | undefined)[] = []): Promise<Finding[][]> {
    let total = 0;
    for (const p of places) total += p?.length ?? 0;
    const task: PoolTask = {
      id: this.nextId++,
      docs: docs.map(lintedPart),
      options: [],
      configs: {},
      places: new Int32Array(total),
      placeStarts: new Int32Array(docs.length + 1),
    };
    let at = 0;
    docs.forEach((_, i) => {
      const p = places[i];
      task.placeStarts[i] = p ? at : -at - 1;
      if (p) {
        task.places.set(p, at);
        at += p.length;
      }
    });
    task.placeStarts[docs.length] = at;
    let worker = this.workers[0]!;
    for (const w of this.workers) if (Atomics.load(w.queued, 0) < Atomics.load(worker.queued, 0)) worker = w;
    for (const o of options) {
      let id = this.ids.get(o);
      if (id === undefined) {
        this.ids.set(o, (id = this.plain.length));
        this.plain.push(toPlainOptions(o));
      }
      task.options.push(id);
      if (!worker.configs.has(id)) {
        worker.configs.add(id);
        task.configs[id] = this.plain[id]!;
      }
    }
    return new Promise((resolve, reject) =>
      worker.post(task, { resolve, reject }, [task.places.buffer as ArrayBuffer, task.placeStarts.buffer as ArrayBuffer]),
    );
  }

  /**
   * The characters (UTF-16 code units) of the documents sent to the least busy worker and not yet
   * linted there, the document it is linting included: current at each call (shared memory), not
   * only as of the answers this thread's event loop has received. A worker that stopped keeps its
   * count.
   */
  queued(): number {
    let least = Number.POSITIVE_INFINITY;
    for (const w of this.workers) least = Math.min(least, Atomics.load(w.queued, 0));
    return least;
  }

  /**
   * Settles, now, the tasks whose answers have arrived (their promises resolve in this turn's
   * microtasks), without waiting for a turn of this thread's event loop: a thread busy reading a
   * large export (its reads are synchronous) would otherwise see no answer until it waits for one.
   */
  receive(): void {
    for (const w of this.workers) w.receive();
  }

  /** Milliseconds each worker has spent linting so far (as of its latest answer). */
  busy(): number[] {
    return this.workers.map((w) => w.busy);
  }

  /** Stops the workers (a task still running is abandoned). */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
    for (const w of this.workers) w.answers.close();
  }
}
