// `dignify [paths...]`: sources → documents → lint → reporter, one document (or export record) at
// a time, in input order, each result written as it is ready (coalesced: buffered-output.ts). Each
// file gets the options of its nearest config; --fix rewrites documents (never exports). I/O
// problems and malformed records are reported by name and the run goes on.
import { availableParallelism } from 'node:os';
import { ConfigSet } from '../config/index.js';
import { fixRefusal, FixSummary } from '../fix/cli.js';
import { lintOutcomeBatches, resultOf, type LintOutcome, type LintResult } from '../engine/lint-files.js';
import { colorWanted } from '../output/color.js';
import { formatters } from '../output/index.js';
import { redactResult } from '../output/redact.js';
import { type Finding, type PresetName, SEVERITY_RANK, type QuoteHandling, type Severity } from '../types.js';
import { badRecordMessage, badRecordsSummary, isRecordRead, RecordTally, recordsRead } from './bad-records.js';
import { pluralGrouped } from '../core/plural.js';
import { BufferedOutput } from './buffered-output.js';
import { exportFlagProblems } from './export-options.js';
import { columnFlagConflict, columnOptions, EXIT, type InputCliOptions, type Io, maxFileOptions } from './io.js';
import { oneLine } from '../output/where.js';
import type { ProgressLine } from './lint-progress.js';
import { progressWanted } from './progress-wanted.js';

export interface LintCliOptions extends InputCliOptions {
  format: string;
  quiet?: boolean;
  why?: boolean;
  /** --preset: wins over the config's preset. */
  preset?: string;
  stdinFilename?: string;
  failOn: Severity;
  quotes: QuoteHandling;
  ext: string;
  color?: boolean;
  /** --config <file>, or false for --no-config. */
  config?: string | false;
  /** false with --no-ignore. */
  ignore?: boolean;
  maxWarnings?: number;
  redact?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
  /** --threads: threads that lint a large input, this one included. */
  threads?: number;
  /** false with --no-progress: no progress line even on a terminal (progressWanted). */
  progress?: boolean;
}

export async function lint(paths: string[], options: LintCliOptions, io: Io, error: (m: string) => void): Promise<number> {
  // Results are coalesced into few writes (buffered-output.ts: one system call per record was 13%
  // of a one-thread run). Whatever goes to stderr first writes what is pending, so the two streams
  // keep their order when they share a file or a terminal; the rest is written before returning,
  // whatever happened.
  // The progress line is erased before any text reaches stderr, or stdout when that is a terminal
  // too (it is drawn again when next due), so it never mixes with findings or messages. Loaded
  // only when it is shown.
  const progress = progressWanted(options, io) ? new (await import('./lint-progress.js')).ProgressLine(io.stderr, progressTiming(io.env)) : undefined;
  const stdout =
    progress && io.stdout.isTTY
      ? {
          isTTY: io.stdout.isTTY,
          write: (s: string) => {
            progress.clear();
            return io.stdout.write(s);
          },
        }
      : io.stdout;
  const out = new BufferedOutput(stdout);
  const stderr = {
    isTTY: io.stderr.isTTY,
    write: (s: string) => {
      out.flush();
      progress?.clear();
      return io.stderr.write(s);
    },
  };
  try {
    return await lintTo(
      paths,
      options,
      { ...io, stdout: out, stderr },
      (message) => {
        out.flush();
        progress?.clear();
        error(message);
      },
      progress,
    );
  } finally {
    out.flush();
    progress?.clear();
  }
}

async function lintTo(paths: string[], options: LintCliOptions, io: Io, error: (m: string) => void, progress?: ProgressLine): Promise<number> {
  if (options.redact && options.fixDryRun) {
    error('--redact cannot be used with --fix-dry-run: a diff shows the text around each fix');
    return EXIT.error;
  }
  const conflict = columnFlagConflict(options);
  if (conflict) {
    error(conflict);
    return EXIT.error;
  }
  if (paths.length === 0 && io.stdin.isTTY) {
    error('no input: give files, folders or globs, or pipe text to standard input (see dignify --help)');
    return EXIT.error;
  }
  const stdinRead = paths.length === 0 || paths.includes('-');
  const flagProblems = exportFlagProblems(
    paths.filter((p) => p !== '-'),
    options,
    io.cwd,
    stdinRead ? (options.stdinFilename ?? '<stdin>') : undefined,
  );
  if (flagProblems.errors.length) {
    for (const message of flagProblems.errors) error(message);
    return EXIT.error;
  }
  for (const message of flagProblems.warnings) io.stderr.write(`dignify: ${message}\n`);
  // With paths and no "-", the name was dropped without a word, as the export flags once were.
  if (!stdinRead && options.stdinFilename !== undefined) {
    io.stderr.write('dignify: warning: --stdin-filename names standard input, which is not read (no "-" among the paths); ignored\n');
  }
  const configs = new ConfigSet({
    config: options.config,
    ignore: options.ignore,
    cwd: io.cwd,
    // The flag's value as given: ConfigSet checks it (OptionsError, exit 2), as for a config's.
    base: { quotes: options.quotes, ...(options.preset && { preset: options.preset as PresetName }) },
  });
  const fixMode = options.fixDryRun ? 'dry-run' : options.fix ? 'fix' : undefined;
  // A diff must not break a machine-readable report on stdout.
  const diffOut = options.format === 'json' || options.format === 'jsonl' || options.format === 'sarif' ? io.stderr : io.stdout;
  const extensions = options.ext
    .split(',')
    .map((e) => e.trim().replace(/^\./, ''))
    .filter(Boolean);
  const files = paths.filter((p) => p !== '-');
  // Standard input named after an ignored file (an editor or a hook piping a buffer in) is skipped
  // quietly, as that file would be: ignore files and the config's `ignore` apply to the name.
  const stdinIgnored = stdinRead && options.stdinFilename !== undefined && configs.isIgnored(options.stdinFilename);
  const stdin = stdinRead && !stdinIgnored ? { stream: io.stdin, name: options.stdinFilename ?? '<stdin>' } : undefined;
  // TurboFan without inlining for a run over files (an export, a folder): a CLI run lints each record
  // once, so most of it is V8 warming up, and a third of the instructions of the first 1,000
  // MTSamples records were TurboFan's optimizing compiles (BENCHMARKS.md, branch speed): MTSamples
  // CSV, --threads 1, 3.88 -> 3.30 CPU s (medians of three turns), warm passes as fast as before.
  // Not also --regexp-tier-up-ticks=0 (branch warm: each regex compiled once, to native code;
  // MTSamples -4.2% instructions): its sibling --no-regexp-tier-up, switched on in a running process,
  // crashed the CLI in native regex code (SIGSEGV) in 4 of 26 MTSamples runs, and Node's docs say a
  // V8 flag changed after start "may result in unpredictable behavior, including crashes"; a crash
  // in a linter's run costs far more than 4% (BENCHMARKS.md, branch warm, and the lead's note).
  // Not for standard input alone: node:v8 loads Node's stream modules, which a one-line check does
  // not (test/stdio.test.ts). Set after the start-up script is compiled with its code cache, whose
  // flag hash is that of a run without it (scripts/code-cache.js makes it from a one-line check).
  //
  // And no allocation-site pretenuring: V8 tenures an allocation site once most of its objects survive
  // a young-generation collection, and allocates them in the old generation from then on. A lint's
  // tokens, parse trees and matches live just long enough to survive a collection or two and then
  // die with their window or record; V8 tenured the sites that make most of them (62 decisions over
  // three passes of MTSamples' notes in one process, `--trace-pretenuring-statistics`). There the
  // tokenizer then ran 6 times slower per call and a warm pass took 1.2-1.3 times as long; the CLI
  // (with --no-turbo-inlining) gains less: 204 MB export, --threads 1, 3-4% less wall time in 3 of 3
  // turns (BENCHMARKS.md, "allocation-site pretenuring"). Like --heap-growing-percent (pool-heap.ts),
  // it is a collector policy, read when a decision is due after a collection (no code is compiled
  // from it); set before any linting, it does what `node --no-allocation-site-pretenuring` does.
  // Process-wide: the pool's workers get it too.
  if (files.length > 0) {
    const { setFlagsFromString } = await import('node:v8');
    setFlagsFromString('--no-turbo-inlining');
    setFlagsFromString('--no-allocation-site-pretenuring');
  }
  // The one engine call (the report command makes the same one): it expands the paths, looks up
  // each file's config (a bad config throws before any output), skips ignored files quietly
  // (hooks pass every changed file) and keeps input order.
  let heapBounded = Promise.resolve(false); // whether poolHeap bounds the heaps' growth (the pool runs)
  // --quiet: the findings shown, counted, summed up after --fix and fixed (ESLint 9's --quiet runs
  // no warn rule): the errors. --quiet --fix rewrote warnings and info it did not show (a newcomer trial).
  const shown = options.quiet ? (f: Finding) => f.severity === 'error' : undefined;
  const outcomes = lintOutcomeBatches(
    files,
    {
      extensions,
      ...maxFileOptions(options),
      ...(options.inputFormat && { inputFormat: options.inputFormat }),
      ...columnOptions(options),
      // A header's names may be a record's text (a CSV without a header row): none in a message.
      ...(options.redact && { hideNames: true }),
      configs,
      // Default: a thread per core, this one included (it reads, writes, and lints when the
      // workers are busy): see lint-parallel.ts and BENCHMARKS.md.
      threads: options.threads ?? availableParallelism(),
      // The default starts workers only when they pay off; --threads N always does.
      adaptiveThreads: options.threads === undefined,
      // While the pool runs, both heaps grow less before a collection (pool-heap.ts: peak RSS).
      // Imported when the pool starts: node:v8 loads modules a one-line check does not need.
      onPool: (threads) => {
        heapBounded = heapBounded.then(async (was) => ((await import('./pool-heap.js')).poolHeap(threads) ? threads > 1 : was));
      },
      ...poolFrom(io.env),
      // A long document's findings are written batch by batch as they are found (memory bounded by
      // a batch: issue 12); --fix needs all of them at once.
      ...(!fixMode && { findingBatches: findingBatches(io.env) }),
      // Each document is fixed as it is linted; below, the result is written or shown as a diff.
      fix: fixMode ? (shown ?? true) : false,
      // --fix never rewrites an export: refused before anything is read or written.
      onFiles: (expanded) => {
        refusal = fixMode && dryRunWording(fixRefusal(expanded, options.inputFormat), fixMode);
        if (refusal) throw new FixRefused(refusal);
        progress?.filesExpanded(expanded.length);
      },
      // An export's bytes read, for the progress line's share (only when it is shown: counting
      // puts one more step between the reader and the parser for every chunk).
      ...(progress && { onBytes: (file: string, bytes: number) => progress.bytesRead(file, bytes) }),
    },
    stdin,
  );
  let refusal: string | undefined | false;
  let first: IteratorResult<LintOutcome[]>;
  try {
    first = await outcomes.next(); // a ConfigError is thrown here, before the reporter prints
  } catch (e) {
    if (!(e instanceof FixRefused)) throw e;
    error(e.message);
    return EXIT.error;
  }
  const summary = fixMode && new FixSummary(fixMode, options.redact ? 'redacted' : options.format);

  const color = options.color !== false && colorWanted(io.stdout, io.env);
  // commander's choices() took only a name of formatters.
  const reporter = formatters[options.format as keyof typeof formatters]({
    why: Boolean(options.why),
    color,
    cwd: io.cwd,
    redact: Boolean(options.redact),
    skipBadRecords: Boolean(options.skipBadRecords),
    ruleSets: () => configs.ruleSets(),
  });
  const threshold = SEVERITY_RANK[options.failOn];
  let ioFailed = false;
  let failing = false;
  let warnings = 0;
  const badRecords = new Map<string, number>();
  // Each export's findings shown, for the stylish format's count line (a clean run said how much it read).
  const exportFindings = new Map<string, number>();
  // Each export's records read (linted, malformed or left out) and linted, said with its malformed ones.
  // FHIR attachments left out with a warning (`skipped`) are counted too, so the numbers add up.
  const records = new RecordTally();
  // Standard input read without a "-" (no paths given) that held nothing: said on stderr at the end.
  // Not with --stdin-filename, which asks for standard input as "-" does: an editor pipes its buffer
  // with the file's name, and a new file's empty buffer is no step left without its paths.
  let emptyStdin = false;
  const countRecord = (outcome: LintOutcome): void => {
    if (isRecordRead(outcome)) records.count(outcome.file, outcome.kind === 'linted' ? 'linted' : outcome.kind === 'skipped' ? 'leftOut' : 'malformed');
    else if (paths.length === 0 && options.stdinFilename === undefined && outcome.kind === 'linted' && outcome.file === stdin?.name && outcome.doc.text === '')
      emptyStdin = true;
  };

  /** Reports one outcome (a document's with `reportLinted`). */
  const report = (outcome: LintOutcome): void => {
    countRecord(outcome);
    switch (outcome.kind) {
      case 'notice':
        io.stderr.write(`dignify: ${oneLine(outcome.file)}: ${outcome.message}\n`);
        return;
      // Reporters see failures too (JSON's "error"/"skipped", SARIF's notifications).
      case 'skipped':
        // One order for every warning about a file, as a compiler writes it: "dignify: FILE: warning: …".
        io.stderr.write(`dignify: ${oneLine(outcome.file)}: warning: skipped: ${outcome.reason}\n`);
        io.stdout.write(reporter.result(resultOf(outcome)!));
        return;
      case 'error':
        error(`${oneLine(outcome.file)}: ${outcome.error}`);
        ioFailed = true;
        io.stdout.write(reporter.result(resultOf(outcome)!));
        return;
      case 'bad-record':
        // Said here, and kept in the results (the JSON report lists it).
        error(badRecordMessage(outcome.file, outcome.record, outcome.error));
        badRecords.set(outcome.file, (badRecords.get(outcome.file) ?? 0) + 1);
        io.stdout.write(reporter.result(resultOf(outcome)!));
        return;
      case 'linted':
        reportLinted(shownOf(resultOf(outcome)!));
    }
  };
  /**
   * `result` with only the findings --quiet shows, those as read (`inputFindings`) too: a dry run,
   * a write refused and standard input report those, and -q showed and counted their warnings.
   */
  const shownOf = (result: LintResult): LintResult => {
    if (shown) {
      result.findings = result.findings.filter(shown);
      if (result.inputFindings) result.inputFindings = result.inputFindings.filter(shown);
    }
    return result;
  };
  /** Reports a document's result (its findings those shown: shownOf); with --fix or --fix-dry-run, `fixed` is what the fix summary made of it (and of `result`). */
  const reportLinted = (result: LintResult, fixed?: Awaited<ReturnType<FixSummary['handle']>>): void => {
    if (fixed) {
      if (fixed.diff) diffOut.write(fixed.diff);
      if (fixed.notice) io.stderr.write(`dignify: ${fixed.notice}\n`);
      if (fixed.error) {
        error(fixed.error);
        ioFailed = true;
      }
    }
    if (!failing && result.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold)) {
      failing = true;
      io.onFailing?.();
    }
    for (const f of result.findings) if (f.severity === 'warning') warnings++;
    if (result.record) exportFindings.set(result.file, (exportFindings.get(result.file) ?? 0) + result.findings.length);
    io.stdout.write(reporter.result(options.redact ? redactResult(result) : result));
  };
  const reportAll = (outcomes: readonly LintOutcome[]): void => {
    for (const outcome of outcomes) report(outcome);
  };
  // The outcomes come in batches (an export's records a batch per chunk read): each batch is
  // reported in a plain loop, not one step of an async generator per record.
  // A throw here closes the engine's generators (the export's file, the pool), as for-await would.
  let next = first;
  try {
    for (; !next.done; next = await outcomes.next()) {
      if (!summary) reportAll(next.value);
      else
        for (const outcome of next.value) {
          if (outcome.kind === 'linted') {
            countRecord(outcome);
            // The summary's findings left are those shown too.
            const result = shownOf(resultOf(outcome)!);
            reportLinted(result, await summary.handle(result, outcome.doc, io.cwd));
          } else report(outcome);
        }
      // After the batch's output, which erased the line: drawn again when due, then a turn of the
      // event loop, in which Ctrl-C's erase can run (output/redrawn-line.ts).
      const turn = progress?.batch(next.value);
      if (turn) await turn;
    }
  } finally {
    if (!next.done) await outcomes.return(undefined);
    // V8's own growing factor back for whatever runs after in this process (runMain in tests).
    if (await heapBounded) (await import('./pool-heap.js')).poolHeap(1);
  }
  io.stdout.write(reporter.end());
  if (summary) io.stderr.write(`dignify: ${summary.line()}\n`);
  // A CI step written without its paths ("npx dignify --format github") read the runner's empty
  // standard input and passed, linting nothing; ESLint lints "." then, and Vale and markdownlint-cli2
  // stop with their usage. Still exit 0 (an empty xargs call is no error), but said.
  if (emptyStdin)
    io.stderr.write('dignify: warning: nothing was linted: no paths were given and standard input was empty (give files, folders or globs: dignify <paths>)\n');
  // The default format on a terminal or in a log: each export's records linted and findings shown, on
  // stderr (no note text), so a clean run of 5,000 records is told from one that read none. Machine
  // formats keep stdout and stderr as they were; an export with malformed records is summed up below.
  if (options.format === 'stylish')
    for (const [file, counts] of records)
      if (!badRecords.has(file))
        io.stderr.write(
          `dignify: ${oneLine(file)}: ${recordsRead(counts, true)}${counts.leftOut ? ';' : ','} ${pluralGrouped(exportFindings.get(file) ?? 0, 'finding')}\n`,
        );

  for (const [file, count] of badRecords) {
    error(badRecordsSummary(file, count, options.skipBadRecords, records.get(file)));
  }
  if (ioFailed || (badRecords.size > 0 && !options.skipBadRecords)) return EXIT.error;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    error(`too many warnings: ${warnings} (--max-warnings ${options.maxWarnings})`);
    return EXIT.findings;
  }
  return failing ? EXIT.findings : EXIT.clean;
}

/**
 * DIGNIFY_POOL_FROM="documents,chars": start the worker pool sooner than 500 documents and 16 M
 * characters. Not a user setting: it lets the pool's tests and benchmarks use small inputs.
 */
export function poolFrom(env: NodeJS.ProcessEnv): { poolFrom?: { documents: number; chars: number } } {
  const m = /^(\d+),(\d+)$/.exec(env.DIGNIFY_POOL_FROM ?? '');
  return m ? { poolFrom: { documents: Number(m[1]), chars: Number(m[2]) } } : {};
}

/**
 * DIGNIFY_PROGRESS="delayMs,intervalMs": draw the progress line from `delayMs` into the run, at most
 * once per `intervalMs` (default 1,000 and 250). Not a user setting: it lets tests see the line on
 * small inputs.
 */
export function progressTiming(env: NodeJS.ProcessEnv): { delayMs?: number; intervalMs?: number } {
  const m = /^(\d+),(\d+)$/.exec(env.DIGNIFY_PROGRESS ?? '');
  return m ? { delayMs: Number(m[1]), intervalMs: Number(m[2]) } : {};
}

/**
 * DIGNIFY_BATCHES="chars,findings": stream the findings of documents longer than `chars` in batches
 * of `findings` (default: from 1 M characters, FINDINGS_PER_BATCH). Not a user setting: it lets
 * tests see batches on small inputs.
 */
export function findingBatches(env: NodeJS.ProcessEnv): { fromChars?: number; findings?: number } {
  const m = /^(\d+),(\d+)$/.exec(env.DIGNIFY_BATCHES ?? '');
  return m ? { fromChars: Number(m[1]), findings: Math.max(1, Number(m[2])) } : {};
}

/**
 * fixRefusal's message names --fix; when the user passed --fix-dry-run, that flag is named instead
 * (a newcomer who asked for a diff was told about a flag they had not given).
 */
export function dryRunWording(message: string | undefined, mode: 'dry-run' | 'fix'): string | undefined {
  if (message === undefined || mode === 'fix') return message;
  return message
    .replace('--fix never rewrites exports', '--fix-dry-run shows no fixes for exports, as --fix never rewrites them')
    .replace('Lint it without --fix', 'Lint it without --fix-dry-run');
}

/** --fix asked of an export (the message says which); thrown from the engine's onFiles, before anything is read. */
class FixRefused extends Error {}
