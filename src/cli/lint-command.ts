// `dignify [paths...]`: sources → text → lint → reporter, one source at a time, in input order,
// each result written as soon as it is ready. I/O problems are reported by name and the run goes on.
import path from 'node:path';
import { ConfigSet } from '../config/index.js';
import { fixFile } from '../fix/index.js';
import { expandPaths, readStdin, readTextFile, type ReadResult } from '../inputs/files.js';
import { applyInlineControl } from '../lint/inline-control.js';
import type { LintResult } from '../lint/lint-files.js';
import { lintResolved } from '../lint/lint-text.js';
import { colorWanted } from '../output/color.js';
import { formatters } from '../output/index.js';
import { redactResult } from '../output/redact.js';
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
  /** --config <file>, or false for --no-config. */
  config?: string | false;
  /** false with --no-ignore. */
  ignore?: boolean;
  maxWarnings?: number;
  redact?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
}

export async function lint(paths: string[], options: LintCliOptions, io: Io, error: (m: string) => void): Promise<number> {
  if (options.redact && options.fixDryRun) {
    error('--redact cannot be used with --fix-dry-run: a diff shows the text around each fix');
    return EXIT.error;
  }
  const configs = new ConfigSet({ config: options.config, ignore: options.ignore, cwd: io.cwd, base: { quotes: options.quotes } });
  const fixMode = options.fixDryRun ? 'dry-run' : options.fix ? 'fix' : undefined;
  // A diff must not break a machine-readable report on stdout.
  const diffOut = options.format === 'json' || options.format === 'sarif' ? io.stderr : io.stdout;
  const extensions = options.ext.split(',').map((e) => e.trim().replace(/^\./, '')).filter(Boolean);
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

  const report = async (file: string, read: ReadResult, stdinAt?: string) => {
    // Reporters see failures too (JSON's "error"/"skipped", SARIF's notifications).
    if ('error' in read) {
      error(`${file}: ${read.error}`);
      ioFailed = true;
      io.stdout.write(reporter.result({ file, findings: [], error: read.error }));
      return;
    }
    if ('skipped' in read) {
      io.stderr.write(`dignify: warning: ${file}: skipped: ${read.skipped}\n`);
      io.stdout.write(reporter.result({ file, findings: [], skipped: read.skipped }));
      return;
    }
    const { options: resolved } = configs.forFile(stdinAt ?? file);
    const lintOnce = (text: string) => applyInlineControl(text, lintResolved(text, resolved));
    let found = lintOnce(read.text);
    // Standard input is never written; --fix-dry-run still shows its diff.
    const mode = stdinAt === undefined || fixMode === 'dry-run' ? fixMode : undefined;
    if (mode && found.some((f) => f.fix)) {
      const outcome = await fixFile(file, read.text, lintOnce, mode, io.cwd);
      found = outcome.findings;
      if (outcome.diff) diffOut.write(outcome.diff);
      if (outcome.error) {
        error(`${file}: ${outcome.error}`);
        ioFailed = true;
      }
    }
    let findings = found.map((f) => ({ ...f, file }));
    if (options.quiet) findings = findings.filter((f) => f.severity === 'error');
    if (findings.some((f) => SEVERITY_RANK[f.severity] >= threshold)) failing = true;
    warnings += findings.filter((f) => f.severity === 'warning').length;
    const result: LintResult = { file, findings };
    io.stdout.write(reporter.result(options.redact ? redactResult(result) : result));
  };

  if (paths.length === 0 && io.stdin.isTTY) {
    error('no input: give files, folders or globs, or pipe text to standard input (see dignify --help)');
    return EXIT.error;
  }
  // Ignored files are skipped quietly, even when named: hooks pass every changed file.
  const entries = (await expandPaths(paths.filter((p) => p !== '-'), extensions)).filter((e) => 'error' in e || !configs.isIgnored(e.path));
  for (const entry of entries) configs.forFile(entry.path); // a bad config stops the run before any output
  for (const entry of entries) {
    await report(entry.path, 'error' in entry ? { error: entry.error } : await readTextFile(entry.path));
  }
  if (paths.length === 0 || paths.includes('-')) {
    const name = options.stdinFilename ?? '<stdin>';
    await report(name, await readStdin(io.stdin), path.resolve(io.cwd, options.stdinFilename ?? 'stdin'));
  }
  io.stdout.write(reporter.end());

  if (ioFailed) return EXIT.error;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    error(`too many warnings: ${warnings} (--max-warnings ${options.maxWarnings})`);
    return EXIT.findings;
  }
  return failing ? EXIT.findings : EXIT.clean;
}
