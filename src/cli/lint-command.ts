// `dignify [paths...]`: sources → documents → lint → reporter, one document (or export record) at
// a time, in input order, each result written as soon as it is ready. Each file gets the options of
// its nearest config; --fix rewrites documents (never exports). I/O problems and malformed records
// are reported by name and the run goes on.
import { availableParallelism } from 'node:os';
import { ConfigSet } from '../config/index.js';
import { expandPaths } from '../inputs/files.js';
import { fixRefusal, FixSummary } from '../fix/cli.js';
import { lintStream } from '../lint/lint-files.js';
import { colorWanted } from '../output/color.js';
import { formatters } from '../output/index.js';
import { redactResult } from '../output/redact.js';
import { SEVERITY_RANK, type QuoteHandling, type Severity } from '../types.js';
import { badRecordMessage, badRecordsSummary } from './bad-records.js';
import { columnOptions, EXIT, type InputCliOptions, type Io } from './io.js';

export interface LintCliOptions extends InputCliOptions {
  format: string;
  quiet?: boolean;
  why?: boolean;
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
}

export async function lint(paths: string[], options: LintCliOptions, io: Io, error: (m: string) => void): Promise<number> {
  if (options.redact && options.fixDryRun) {
    error('--redact cannot be used with --fix-dry-run: a diff shows the text around each fix');
    return EXIT.error;
  }
  if (paths.length === 0 && io.stdin.isTTY) {
    error('no input: give files, folders or globs, or pipe text to standard input (see dignify --help)');
    return EXIT.error;
  }
  const configs = new ConfigSet({ config: options.config, ignore: options.ignore, cwd: io.cwd, base: { quotes: options.quotes } });
  const fixMode = options.fixDryRun ? 'dry-run' : options.fix ? 'fix' : undefined;
  // A diff must not break a machine-readable report on stdout.
  const diffOut = options.format === 'json' || options.format === 'jsonl' || options.format === 'sarif' ? io.stderr : io.stdout;
  const extensions = options.ext.split(',').map((e) => e.trim().replace(/^\./, '')).filter(Boolean);
  const files = paths.filter((p) => p !== '-');
  // A bad config stops the run before any output.
  const expanded = await expandPaths(files, extensions);
  for (const entry of expanded) if (!('error' in entry)) configs.forFile(entry.path);
  // --fix never rewrites an export: refused before anything is written.
  const refusal = fixMode && fixRefusal(expanded.map((e) => e.path), options.inputFormat);
  if (refusal) {
    error(refusal);
    return EXIT.error;
  }
  const summary = fixMode && new FixSummary(fixMode);

  const color = options.color !== false && colorWanted(io.stdout, io.env);
  const reporter = formatters[options.format]!({
    why: Boolean(options.why),
    color,
    cwd: io.cwd,
    redact: Boolean(options.redact),
    ruleSets: () => configs.ruleSets(),
  });
  const threshold = SEVERITY_RANK[options.failOn];
  let ioFailed = false;
  let failing = false;
  let warnings = 0;
  const badRecords = new Map<string, number>();

  const stdin = paths.length === 0 || paths.includes('-') ? { stream: io.stdin, name: options.stdinFilename ?? '<stdin>' } : undefined;
  const events = lintStream(
    files,
    {
      quotes: options.quotes,
      extensions,
      ...(options.inputFormat && { inputFormat: options.inputFormat }),
      ...columnOptions(options),
      // Ignored files are skipped quietly, even when named: hooks pass every changed file.
      include: (file) => !configs.isIgnored(file),
      optionsFor: (file) => configs.forFile(file).options,
      // Default: a thread per core, this one included (it reads, writes, and lints when the
      // workers are busy): see lint-parallel.ts and BENCHMARKS.md.
      threads: options.threads ?? availableParallelism(),
      // The default starts workers only when they pay off; --threads N always does.
      adaptiveThreads: options.threads === undefined,
      // Each document is fixed as it is linted; below, the result is written or shown as a diff.
      fix: Boolean(fixMode),
    },
    stdin,
  );
  for await (const event of events) {
    if ('notice' in event) {
      io.stderr.write(`dignify: ${event.file}: ${event.notice}\n`);
      continue;
    }
    const { result, doc } = event;
    // Reporters see failures too (JSON's "error"/"skipped", SARIF's notifications).
    if (result.skipped) {
      io.stderr.write(`dignify: warning: ${result.file}: skipped: ${result.skipped}\n`);
      io.stdout.write(reporter.result(result));
      continue;
    }
    if (result.error && !result.record) {
      error(`${result.file}: ${result.error}`);
      ioFailed = true;
      io.stdout.write(reporter.result(result));
      continue;
    }
    if (result.error) {
      // A malformed record: said here, and kept in the results (the JSON report lists it).
      error(badRecordMessage(result.file, result.record!, result.error));
      badRecords.set(result.file, (badRecords.get(result.file) ?? 0) + 1);
    }
    if (summary && doc) {
      const outcome = await summary.handle(result, doc, io.cwd);
      if (outcome.diff) diffOut.write(outcome.diff);
      if (outcome.notice) io.stderr.write(`dignify: ${outcome.notice}\n`);
      if (outcome.error) {
        error(outcome.error);
        ioFailed = true;
      }
    }
    if (options.quiet) result.findings = result.findings.filter((f) => f.severity === 'error');
    if (result.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold)) failing = true;
    warnings += result.findings.filter((f) => f.severity === 'warning').length;
    io.stdout.write(reporter.result(options.redact ? redactResult(result) : result));
  }
  io.stdout.write(reporter.end());
  if (summary) io.stderr.write(`dignify: ${summary.line()}\n`);

  for (const [file, count] of badRecords) {
    error(badRecordsSummary(file, count, options.skipBadRecords));
  }
  if (ioFailed || (badRecords.size > 0 && !options.skipBadRecords)) return EXIT.error;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    error(`too many warnings: ${warnings} (--max-warnings ${options.maxWarnings})`);
    return EXIT.findings;
  }
  return failing ? EXIT.findings : EXIT.clean;
}
