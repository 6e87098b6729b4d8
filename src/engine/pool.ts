// A pool of worker threads (tinypool) that lint documents in parallel. A task is a batch of
// Documents (plain data) with the options of each as plain data too (rule files, severities,
// allowed phrases, quotes), never compiled objects: each worker compiles a configuration once,
// by the id the main thread gave it. Callers keep input order with inOrder (ordered.ts).
import Tinypool from 'tinypool';
import type { Document } from '../inputs/document.js';
import { builtinPresetOf, builtinPresetRules } from '../rules/builtin-presets.js';
import { compileRules } from '../rules/compile.js';
import type { LoadedRuleFile } from '../rules/load.js';
import type { PresetName } from '../rules/presets.js';
import type { Finding, QuoteHandling, SeveritySetting } from '../types.js';
import type { ResolvedOptions } from '../match/match.js';

/** ResolvedOptions as data that crosses to a worker. */
/** Old-generation heap of a worker, in MB. */
const WORKER_HEAP_MB = 96;

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
  docs: Document[];
  /** For each document, the id of its options in `configs`. */
  options: number[];
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

export class LintPool {
  private readonly ids = new WeakMap<ResolvedOptions, number>();
  private readonly plain: PlainOptions[] = [];

  private constructor(
    private readonly pool: Tinypool,
    readonly threads: number,
  ) {}

  static open(threads: number): LintPool {
    const pool = new Tinypool({
      filename: new URL('./pool-worker.js', import.meta.url).href,
      minThreads: threads,
      maxThreads: threads,
      // Two tasks at a worker: when the reading thread lints a batch itself (lint-parallel.ts), it
      // cannot hand the worker its next task until it is done, so the worker holds that one already.
      concurrentTasksPerWorker: 2,
      // A worker holds one batch (at most about 1 MB of text; larger documents stay on the main
      // thread, lint-parallel.ts): a small heap keeps each worker near its live size instead of
      // letting V8 grow it (200 MB CSV, one worker: 261 → about 220 MB peak for the process).
      resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    return new LintPool(pool, threads);
  }

  /**
   * The findings of each document, linted with its options; `places[i]`, when given, are document
   * i's first-stage places (gate.ts), handed on so the worker does not scan it again.
   */
  run(docs: Document[], options: ResolvedOptions[], places: readonly (Int32Array | undefined)[] = []): Promise<Finding[][]> {
    let total = 0;
    for (const p of places) total += p?.length ?? 0;
    const task: PoolTask = { docs, options: [], configs: {}, places: new Int32Array(total), placeStarts: new Int32Array(docs.length + 1) };
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
    for (const o of options) {
      let id = this.ids.get(o);
      if (id === undefined) {
        this.ids.set(o, (id = this.plain.length));
        this.plain.push(toPlainOptions(o));
      }
      task.options.push(id);
      task.configs[id] ??= this.plain[id]!;
    }
    return this.pool.run(task, { transferList: [task.places.buffer as ArrayBuffer, task.placeStarts.buffer as ArrayBuffer] }) as Promise<Finding[][]>;
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
