// A pool of worker threads (tinypool) that lint texts or files in parallel. Workers get the rule
// configuration as plain data (options and rule files) and compile it once each; a task is a batch
// of texts or file paths, its answer the findings of each. Callers keep input order with inOrder (ordered.ts).
import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import type { ReadResult } from '../inputs/files.js';
import type { LoadedRuleFile } from '../rules/load.js';
import type { Finding, Options } from '../types.js';

/** What a worker needs to lint as the main thread would: options as data, never compiled objects. */
export interface PoolConfig {
  options: Omit<Options, 'ruleSet'>;
  /** Rule files to use instead of the built-in rules. */
  ruleFiles?: LoadedRuleFile[];
}

/** Texts or file paths, sent in batches: one message per item would cost more than linting it. */
export type PoolTask = { texts: string[] } | { paths: string[] };
/** A file that could not be read comes back as its ReadResult error or skip. */
export type PoolAnswer = { findings: Finding[] } | Exclude<ReadResult, { text: string }>;

export class LintPool {
  private constructor(
    private readonly pool: Tinypool,
    readonly threads: number,
  ) {}

  static open(config: PoolConfig, threads = availableParallelism()): LintPool {
    const pool = new Tinypool({
      filename: new URL('./pool-worker.js', import.meta.url).href,
      minThreads: threads,
      maxThreads: threads,
      workerData: config,
    });
    return new LintPool(pool, threads);
  }

  run(task: PoolTask): Promise<PoolAnswer[]> {
    return this.pool.run(task) as Promise<PoolAnswer[]>;
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
