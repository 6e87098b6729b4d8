// `dignify [paths...]`: sources → text → lint → reporter, one source at a time, in input order,
// each result written as soon as it is ready. I/O problems are reported by name and the run goes on.
import { expandPaths, readStdin, readTextFileSync, type ReadResult } from '../inputs/files.js';
import type { LintResult } from '../lint/lint-files.js';
import { lintResolved } from '../lint/lint-text.js';
import { resolveOptions } from '../lint/options.js';
import { inOrder } from '../lint/ordered.js';
import type { PoolAnswer } from '../lint/pool.js';
import { availableParallelism } from 'node:os';
import { colorWanted } from '../output/color.js';
import { formatters } from '../output/index.js';
import { SEVERITY_RANK, type QuoteHandling, type Severity } from '../types.js';
import { EXIT, type Io } from './io.js';

export interface LintCliOptions {
  format: string;
  quiet?: boolean;
  why?: boolean;
  stdinFilename?: string;
  failOn: Severity;
  quotes: QuoteHandling;
  ext: string;
  color?: boolean;
  threads?: string;
}

/** Fewer files than this are linted on the main thread: starting workers would cost more. */
export const POOL_MIN_FILES = 500;
const POOL_BATCH = 64;

export async function lint(paths: string[], options: LintCliOptions, io: Io, error: (m: string) => void): Promise<number> {
  // Also handed to worker threads as data, so both lint alike.
  const lintOptions = { quotes: options.quotes };
  const resolved = resolveOptions(lintOptions);
  const extensions = options.ext.split(',').map((e) => e.trim().replace(/^\./, '')).filter(Boolean);
  const color = options.color !== false && colorWanted(io.stdout, io.env);
  const reporter = formatters[options.format]!({ why: Boolean(options.why), color, cwd: io.cwd });
  const threshold = SEVERITY_RANK[options.failOn];
  let ioFailed = false;
  let failing = false;

  const report = (file: string, read: ReadResult | PoolAnswer) => {
    if ('error' in read) {
      error(`${file}: ${read.error}`);
      ioFailed = true;
      return;
    }
    if ('skipped' in read) {
      io.stderr.write(`dignify: warning: ${file}: skipped: ${read.skipped}\n`);
      return;
    }
    let findings = ('findings' in read ? read.findings : lintResolved(read.text, resolved)).map((f) => ({ ...f, file }));
    if (options.quiet) findings = findings.filter((f) => f.severity === 'error');
    if (findings.some((f) => SEVERITY_RANK[f.severity] >= threshold)) failing = true;
    const result: LintResult = { file, findings };
    io.stdout.write(reporter.result(result));
  };

  if (paths.length === 0 && io.stdin.isTTY) {
    error('no input: give files, folders or globs, or pipe text to standard input (see dignify --help)');
    return EXIT.error;
  }
  const entries = await expandPaths(paths.filter((p) => p !== '-'), extensions);
  // Default: a worker per core but one, which the main thread keeps for finding files and writing
  // results (on 2 cores the pool measured slower than one thread: see BENCHMARKS.md).
  const threads = options.threads === undefined ? availableParallelism() - 1 : Number(options.threads);
  // Many files: lint on a worker pool (workers read the files too); otherwise one file at a time.
  const pool =
    threads > 1 && entries.length >= POOL_MIN_FILES ? (await import('../lint/pool.js')).LintPool.open({ options: lintOptions }, threads) : undefined;
  try {
    if (pool) {
      const batches: string[][] = [];
      for (let i = 0; i < entries.length; i += POOL_BATCH) batches.push(entries.slice(i, i + POOL_BATCH).map((e) => e.path));
      let index = 0;
      for await (const answers of inOrder(batches, threads * 4, (paths) => pool.run({ paths }))) {
        for (const answer of answers) {
          const entry = entries[index++]!;
          report(entry.path, 'error' in entry ? { error: entry.error } : answer);
        }
      }
    } else {
      for (const entry of entries) report(entry.path, 'error' in entry ? { error: entry.error } : readTextFileSync(entry.path));
    }
  } finally {
    await pool?.close();
  }
  if (paths.length === 0 || paths.includes('-')) report(options.stdinFilename ?? '<stdin>', await readStdin(io.stdin));
  io.stdout.write(reporter.end());

  if (ioFailed) return EXIT.error;
  return failing ? EXIT.findings : EXIT.clean;
}
