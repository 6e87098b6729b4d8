// `dignify [paths...]`: sources → documents → lint → reporter, one document (or export record) at
// a time, in input order, each result written as soon as it is ready. Each file gets the options of
// its nearest config; --fix rewrites documents (never exports). I/O problems and malformed records
// are reported by name and the run goes on.
import { availableParallelism } from 'node:os';
import { ConfigSet } from '../config/index.js';
import { formatEntry } from '../inputs/formats.js';
import { lintDocument, preloadLint } from '../lint/lint-document.js';
import { lintOutcomes, resultOf, type LintOutcome } from '../lint/lint-files.js';
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
  const diffOut = options.format === 'json' || options.format === 'sarif' ? io.stderr : io.stdout;
  const extensions = options.ext.split(',').map((e) => e.trim().replace(/^\./, '')).filter(Boolean);
  const files = paths.filter((p) => p !== '-');
  const stdin = paths.length === 0 || paths.includes('-') ? { stream: io.stdin, name: options.stdinFilename ?? '<stdin>' } : undefined;
  // The one engine call (the report command makes the same one): it expands the paths, looks up
  // each file's config (a bad config throws before any output), skips ignored files quietly
  // (hooks pass every changed file) and keeps input order.
  const outcomes = lintOutcomes(
    files,
    {
      extensions,
      ...(options.inputFormat && { inputFormat: options.inputFormat }),
      ...columnOptions(options),
      configs,
      // Default: a thread per core, this one included (it reads, writes, and lints when the
      // workers are busy): see lint-parallel.ts and BENCHMARKS.md.
      threads: options.threads ?? availableParallelism(),
      ...poolFrom(io.env),
    },
    stdin,
  );
  const first = await outcomes.next(); // a ConfigError is thrown here, before the reporter prints

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

  async function* all(): AsyncGenerator<LintOutcome> {
    if (!first.done) yield first.value;
    yield* outcomes;
  }
  for await (const outcome of all()) {
    switch (outcome.kind) {
      case 'notice':
        io.stderr.write(`dignify: ${outcome.file}: ${outcome.message}\n`);
        continue;
      // Reporters see failures too (JSON's "error"/"skipped", SARIF's notifications).
      case 'skipped':
        io.stderr.write(`dignify: warning: ${outcome.file}: skipped: ${outcome.reason}\n`);
        io.stdout.write(reporter.result(resultOf(outcome)!));
        continue;
      case 'error':
        error(`${outcome.file}: ${outcome.error}`);
        ioFailed = true;
        io.stdout.write(reporter.result(resultOf(outcome)!));
        continue;
      case 'bad-record':
        // Said here, and kept in the results (the JSON report lists it).
        error(badRecordMessage(outcome.file, outcome.record, outcome.error));
        badRecords.set(outcome.file, (badRecords.get(outcome.file) ?? 0) + 1);
        io.stdout.write(reporter.result(resultOf(outcome)!));
        continue;
      case 'linted':
        break;
    }
    const { doc } = outcome;
    const result = resultOf(outcome)!;
    // Standard input is never written; --fix-dry-run still shows its diff. Export records never are.
    const mode = doc.stdin && fixMode === 'fix' ? undefined : fixMode;
    // Whether a document may be rewritten is the registry's word for the format it was read as
    // (--input-format text on a .csv makes it a text document, with its diff).
    const rewritable = doc.format ? formatEntry(doc.format).rewritable : !doc.record && !doc.paragraphs;
    if (mode && rewritable && result.findings.some((f) => f.fix)) {
      const resolved = configs.forFile(doc.file).options;
      await preloadLint(); // the fixed text is linted synchronously, and may need what this one did not
      const { fixFile } = await import('../fix/index.js'); // with its diff library: not at start-up
      const fixed = await fixFile(doc.file, doc.text, (text) => lintDocument({ ...doc, text }, resolved), mode, io.cwd, true);
      result.findings = fixed.findings.map((f) => ({ ...f, file: doc.file }));
      if (fixed.diff) diffOut.write(fixed.diff);
      if (fixed.error) {
        error(`${doc.file}: ${fixed.error}`);
        ioFailed = true;
      }
    }
    if (options.quiet) result.findings = result.findings.filter((f) => f.severity === 'error');
    if (result.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold)) failing = true;
    warnings += result.findings.filter((f) => f.severity === 'warning').length;
    io.stdout.write(reporter.result(options.redact ? redactResult(result) : result));
  }
  io.stdout.write(reporter.end());

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

/**
 * DIGNIFY_POOL_FROM="documents,chars": start the worker pool sooner than 500 documents and 16 M
 * characters. Not a user setting: it lets the pool's tests and benchmarks use small inputs.
 */
export function poolFrom(env: NodeJS.ProcessEnv): { poolFrom?: { documents: number; chars: number } } {
  const m = /^(\d+),(\d+)$/.exec(env.DIGNIFY_POOL_FROM ?? '');
  return m ? { poolFrom: { documents: Number(m[1]), chars: Number(m[2]) } } : {};
}
