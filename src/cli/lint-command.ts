// `dignify [paths...]`: sources → text → lint → reporter, one source at a time, in input order,
// each result written as soon as it is ready. I/O problems are reported by name and the run goes on.
import { expandPaths, readStdin, readTextFile, type ReadResult } from '../inputs/files.js';
import type { LintResult } from '../lint/lint-files.js';
import { lintResolved } from '../lint/lint-text.js';
import { resolveOptions } from '../lint/options.js';
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
}

export async function lint(paths: string[], options: LintCliOptions, io: Io, error: (m: string) => void): Promise<number> {
  const resolved = resolveOptions({ quotes: options.quotes });
  const extensions = options.ext.split(',').map((e) => e.trim().replace(/^\./, '')).filter(Boolean);
  const color = options.color !== false && colorWanted(io.stdout, io.env);
  const reporter = formatters[options.format]!({ why: Boolean(options.why), color, cwd: io.cwd });
  const threshold = SEVERITY_RANK[options.failOn];
  let ioFailed = false;
  let failing = false;

  const report = (file: string, read: ReadResult) => {
    if ('error' in read) {
      error(`${file}: ${read.error}`);
      ioFailed = true;
      return;
    }
    if ('skipped' in read) {
      io.stderr.write(`dignify: warning: ${file}: skipped: ${read.skipped}\n`);
      return;
    }
    let findings = lintResolved(read.text, resolved).map((f) => ({ ...f, file }));
    if (options.quiet) findings = findings.filter((f) => f.severity === 'error');
    if (findings.some((f) => SEVERITY_RANK[f.severity] >= threshold)) failing = true;
    const result: LintResult = { file, findings };
    io.stdout.write(reporter.result(result));
  };

  if (paths.length === 0 && io.stdin.isTTY) {
    error('no input: give files, folders or globs, or pipe text to standard input (see dignify --help)');
    return EXIT.error;
  }
  for (const entry of await expandPaths(paths.filter((p) => p !== '-'), extensions)) {
    report(entry.path, 'error' in entry ? { error: entry.error } : await readTextFile(entry.path));
  }
  if (paths.length === 0 || paths.includes('-')) report(options.stdinFilename ?? '<stdin>', await readStdin(io.stdin));
  io.stdout.write(reporter.end());

  if (ioFailed) return EXIT.error;
  return failing ? EXIT.findings : EXIT.clean;
}
