// `dignify [paths...]`: sources → documents → lint → reporter, one document (or export record) at
// a time, in input order, each result written as soon as it is ready. I/O problems and malformed
// records are reported by name and the run goes on.
import type { InputFormat } from '../inputs/formats.js';
import { lintStream, type LintResult } from '../lint/lint-files.js';
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
  inputFormat?: InputFormat;
  textColumn?: string;
  textField?: string;
  idColumn?: string;
  idField?: string;
  skipBadRecords?: boolean;
}

function where(result: LintResult): string {
  const r = result.record;
  return r ? `${result.file}: line ${r.line} (row ${r.row})` : result.file;
}

export async function lint(paths: string[], options: LintCliOptions, io: Io, error: (m: string) => void): Promise<number> {
  const extensions = options.ext.split(',').map((e) => e.trim().replace(/^\./, '')).filter(Boolean);
  const color = options.color !== false && colorWanted(io.stdout, io.env);
  const reporter = formatters[options.format]!({ why: Boolean(options.why), color, cwd: io.cwd });
  const threshold = SEVERITY_RANK[options.failOn];
  let ioFailed = false;
  let failing = false;
  const badRecords = new Map<string, number>();

  if (paths.length === 0 && io.stdin.isTTY) {
    error('no input: give files, folders or globs, or pipe text to standard input (see dignify --help)');
    return EXIT.error;
  }
  const stdin = paths.length === 0 || paths.includes('-') ? { stream: io.stdin, name: options.stdinFilename ?? '<stdin>' } : undefined;
  const events = lintStream(
    paths.filter((p) => p !== '-'),
    {
      quotes: options.quotes,
      extensions,
      ...(options.inputFormat && { inputFormat: options.inputFormat }),
      ...((options.textColumn ?? options.textField) !== undefined && { textColumn: options.textColumn ?? options.textField }),
      ...((options.idColumn ?? options.idField) !== undefined && { idColumn: options.idColumn ?? options.idField }),
    },
    stdin,
  );
  for await (const event of events) {
    if ('notice' in event) {
      io.stderr.write(`dignify: ${event.file}: ${event.notice}\n`);
      continue;
    }
    const result = event.result;
    if (result.skipped) {
      io.stderr.write(`dignify: warning: ${result.file}: skipped: ${result.skipped}\n`);
      continue;
    }
    if (result.error && !result.record) {
      error(`${result.file}: ${result.error}`);
      ioFailed = true;
      continue;
    }
    if (result.error) {
      // A malformed record: said here, and kept in the results (the JSON report lists it).
      error(`${where(result)}: skipped a malformed record: ${result.error}`);
      badRecords.set(result.file, (badRecords.get(result.file) ?? 0) + 1);
    }
    if (options.quiet) result.findings = result.findings.filter((f) => f.severity === 'error');
    if (result.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold)) failing = true;
    io.stdout.write(reporter.result(result));
  }
  io.stdout.write(reporter.end());

  for (const [file, count] of badRecords) {
    error(`${file}: ${count} malformed record${count === 1 ? '' : 's'} ${options.skipBadRecords ? 'skipped' : 'skipped (exit 2; --skip-bad-records accepts them)'}`);
  }
  if (ioFailed || (badRecords.size > 0 && !options.skipBadRecords)) return EXIT.error;
  return failing ? EXIT.findings : EXIT.clean;
}
