// `dignify report <export>`: the readers → lintDocument → aggregates → one HTML page (or a CSV
// of the same numbers). The page is the only thing written: to -o atomically, or else to stdout.
// A record that cannot be read is named on stderr as the lint command names it, left out, and
// makes the exit code 2 (unless --skip-bad-records); findings do not change the exit code (this
// is an audit, not a gate).
import { realpathSync, type Stats, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { ConfigError, ConfigSet } from '../config/index.js';
import { ReportAggregator, type Period } from '../report/aggregate.js';
import { renderReportCsv } from '../report/csv.js';
import { renderReportHtml } from '../report/html.js';
import { createProgress } from '../report/progress.js';
import { progressWanted } from './progress-wanted.js';
import { isFolder, readRecords, RecordSourceError } from '../report/records.js';
import type { PresetName, QuoteHandling } from '../types.js';
import { badRecordMessage, badRecordsSummary, RecordTally } from './bad-records.js';
import { columnFlagConflict, columnOptions, EXIT, type InputCliOptions, type Io, maxFileOptions } from './io.js';
import { replaceFile } from '../output/write-atomic.js';
import { chosenTextOf } from '../inputs/columns.js';
import { describeIoError } from '../inputs/files.js';
import { oneLine } from '../output/where.js';

export interface ReportCliOptions extends InputCliOptions {
  output?: string;
  format: 'html' | 'csv';
  groupBy?: string;
  dateColumn?: string;
  period: Period;
  includeSnippets?: boolean;
  quotes: QuoteHandling;
  preset?: string;
  ext: string;
  /** --config <file>, or false for --no-config. */
  config?: string | false;
  /** false with --no-ignore. */
  ignore?: boolean;
  threads?: number;
  /** false with --no-progress: no progress bar even on a terminal (progressWanted). */
  progress?: boolean;
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export async function report(source: string, options: ReportCliOptions, io: Io, error: (m: string) => void, version: string): Promise<number> {
  const conflict = columnFlagConflict(options);
  if (conflict) {
    error(conflict);
    return EXIT.error;
  }
  const stdin = source === '-';
  if (stdin && !options.inputFormat) {
    // Standard input has no extension to tell its format by; a guess would make one note of an export.
    error('-: reading an export from standard input needs --input-format (csv, tsv, jsonl, parquet or fhir)');
    return EXIT.error;
  }
  // Refused before anything is read: a long export must not be linted only to fail at the end.
  if (options.output === undefined && options.format === 'html' && io.stdout.isTTY) {
    error('report: an HTML page is not for a terminal: write it to a file with -o report.html (or pipe it, or --format csv)');
    return EXIT.error;
  }
  const unwritable =
    options.output === undefined
      ? undefined
      : outputProblem(
          options.output,
          stdin ? undefined : source,
          list(options.ext).map((e) => e.replace(/^\./, '')),
        );
  if (unwritable) {
    error(unwritable);
    return EXIT.error;
  }
  // The same configuration, ignore files and pool as the lint command: they cannot disagree.
  const configs = new ConfigSet({
    config: options.config,
    ignore: options.ignore,
    cwd: io.cwd,
    // The flag's value as given: ConfigSet checks it (OptionsError, exit 2), as for a config's.
    base: { quotes: options.quotes, ...(options.preset && { preset: options.preset as PresetName }) },
  });
  const groupBy = list(options.groupBy);
  const folder = isFolder(source);
  const columns = columnOptions(options);
  const { textColumn, idColumn } = columns;
  // The bar's rules are the lint command's line's (progress-wanted.ts): a terminal, not --no-progress,
  // not in CI (whose log keeps every redraw), not TERM=dumb. report has no --quiet.
  const progress = createProgress(progressWanted(options, io) ? io.stderr : { write: () => true });
  const aggregator = new ReportAggregator({
    groupBy,
    period: options.period,
    snippets: Boolean(options.includeSnippets),
    ...(options.dateColumn ? { dateColumn: options.dateColumn } : {}),
  });
  let ioFailed = false;
  const badRecords = new Map<string, number>();
  // Each export's records read (linted, left out with a warning, or malformed), said with its malformed
  // ones as the lint command says them ("35 records read, 34 linted; 1 malformed record skipped").
  const recordCounts = new RecordTally();

  const notices: Array<{ file: string; message: string }> = [];
  // How the notes were read, for the page: the id column met on the records, FHIR parts, and in
  // a folder which files were exports (read record by record, even if none of their records could
  // be) and how many were one note each.
  let idName: string | undefined;
  let fhir = false;
  const exportFiles = new Set<string>();
  let documents = 0;
  let done = 0;
  let total = 0;
  const say = (write: () => void) => {
    progress.end(); // clear the bar so the message stands on its own line
    write();
  };

  const records = readRecords(
    source,
    // The flags' names as given, for the readers' messages (readRecords passes on the columns only).
    // --max-file-size as the lint command takes it: a document of a folder (or one named) larger is
    // refused, named on stderr and left out (exit 2); an export is streamed and has no limit.
    {
      configs,
      threads: options.threads ?? availableParallelism(),
      ...maxFileOptions(options),
      ...(columns.flags && { flags: columns.flags }),
    },
    {
      ...(stdin && { stdin: io.stdin }),
      ...columns,
      ...(options.inputFormat && { inputFormat: options.inputFormat }),
      fields: [...new Set([...groupBy, ...(options.dateColumn ? [options.dateColumn] : [])])],
      extensions: list(options.ext).map((e) => e.replace(/^\./, '')),
      keepText: Boolean(options.includeSnippets),
      onProgress: (d, t) => {
        done = d;
        total = t;
      },
      // What is said on stderr is kept on the aggregates too: the page and the CSV say what was not read.
      onBadRecord: (file, record, message) => {
        badRecords.set(file, (badRecords.get(file) ?? 0) + 1);
        recordCounts.count(file, 'malformed');
        aggregator.badRecord(file);
        if (folder) exportFiles.add(file);
        say(() => error(badRecordMessage(file, record, message)));
      },
      onError: (file, message) => {
        ioFailed = true;
        aggregator.unreadFile(file, message);
        say(() => error(`${oneLine(file)}: ${message}`));
      },
      onSkipped: (file, reason, part) => {
        if (part) {
          recordCounts.count(file, 'leftOut');
          aggregator.skippedAttachment(file, part.what);
          if (folder) exportFiles.add(file);
        } else aggregator.unreadFile(file, reason);
        // "dignify: FILE: warning: …", the order of every other warning about a file.
        say(() => io.stderr.write(`dignify: ${oneLine(file)}: warning: skipped: ${reason}\n`));
      },
      onNote: (file, ref) => {
        if (ref === undefined) {
          documents++;
          return;
        }
        recordCounts.count(file, 'linted');
        if (folder) exportFiles.add(file);
        if (ref.idName !== undefined) idName ??= ref.idName;
        if (ref.part !== undefined) fhir = true;
      },
      onNotice: (file, message) => {
        notices.push({ file, message });
        say(() => io.stderr.write(`dignify: ${oneLine(file)}: ${message}\n`));
      },
    },
  );
  let count = 0;
  try {
    for await (const record of records) {
      aggregator.add(record);
      // After a redraw, a turn of the event loop, in which Ctrl-C's erase can run (output/redrawn-line.ts).
      const turn = progress.update(++count, done, total);
      if (turn) await turn;
    }
  } catch (e) {
    progress.end();
    if (e instanceof RecordSourceError) error(e.message);
    else if (e instanceof ConfigError)
      throw e; // said by main(), exit 2
    else error(`${source}: ${(e as Error).message}`);
    return EXIT.error;
  }
  progress.end();
  for (const [file, count] of badRecords) error(badRecordsSummary(file, count, options.skipBadRecords, recordCounts.get(file)));
  const code = ioFailed || (badRecords.size > 0 && !options.skipBadRecords) ? EXIT.error : EXIT.clean;
  // A run that fails before reading a single note (an empty folder, a folder of unreadable files,
  // an export of malformed records only) has nothing to report: a page of zeros would pass for
  // an audit. Write nothing, as when the export is missing.
  if (code === EXIT.error && count === 0) {
    error(`${source}: no note could be read; no report written`);
    return code;
  }

  const aggregates = aggregator.result();
  const unreadDates = aggregates.trend?.unreadDates ?? 0;
  if (unreadDates > 0) {
    const notes = unreadDates === 1 ? '1 note has' : `${unreadDates.toLocaleString('en-US')} notes have`;
    io.stderr.write(
      `dignify: ${source}: warning: ${notes} a date in "${options.dateColumn}" that is not read (ISO 2024-03-15, 2024/03/15 and US 03/15/2024 are); they are left out of the trend\n`,
    );
  }
  // The text column the reader chose by its name, said in its notice.
  const chosenText = notices.map(({ message }) => chosenTextOf(message)).find((name) => name !== undefined);
  const out =
    options.format === 'csv'
      ? renderReportCsv(aggregates)
      : renderReportHtml({
          aggregates,
          source,
          generatedAt: new Date(),
          version,
          groupBy,
          // Each rule as the configs used define it (a user's rule files after the built-in ones).
          rules: [...new Map(configs.ruleSets().flatMap((set) => set.rules.map((r) => [r.id, r] as const))).values()],
          options: [
            ['Source', folder ? folderSource(source, exportFiles.size, documents) : stdin ? `standard input (read as ${options.inputFormat})` : source],
            ...(folder
              ? [['Extensions', options.ext] as [string, string]]
              : fhir
                ? [['Notes', 'the attachments and narratives of DocumentReference, DiagnosticReport and Composition resources'] as [string, string]]
                : [
                    // The page named neither column when they were chosen by name ("chosen by its
                    // name, or none"): the reader's notice and the records say which they were.
                    ['Text column', textColumn ?? (chosenText ? `${chosenText} (chosen by its name)` : 'chosen by its name')] as [string, string],
                    ['Id column', idColumn ?? (idName !== undefined ? `${idName} (chosen by its name)` : 'none (row numbers)')] as [string, string],
                  ]),
            // The column choice is in the rows above (a folder's, one file at a time, on the lines
            // that name each file); the command-line advice is not for the page.
            ...(folder
              ? notices.map(
                  ({ file, message }) =>
                    ['Reading', `${file}: ${chosenTextOf(message) === undefined ? message : message.replace(/; choose with [^;]*/, '')}`] as [string, string],
                )
              : notices.flatMap(({ message }) => {
                  if (fhir || chosenTextOf(message) === undefined) return [['Reading', message] as [string, string]];
                  // The choice is in the rows above; what follows the advice is a column matched loosely.
                  const rest = message.replace(/^.*?; choose with [^;]*(?:; )?/, '');
                  return rest ? [['Reading', rest] as [string, string]] : [];
                })),
            ['Group by', groupBy.length ? groupBy.join(', ') : '—'],
            ['Date column', options.dateColumn ? `${options.dateColumn} (by ${options.period})` : '—'],
            ['Quoted phrases', options.quotes],
            ['Configuration', options.config === false ? 'none (--no-config)' : options.config ? options.config : configFiles(configs)],
            ['Note text (snippets)', options.includeSnippets ? 'included (--include-snippets)' : 'not included'],
          ],
        });
  if (options.output) {
    try {
      await replaceFile(options.output, out); // atomic: the file is whole or as it was
    } catch (e) {
      error(`${options.output}: cannot write the report: ${describeWriteError(e)}`);
      return EXIT.error;
    }
  } else io.stdout.write(out);
  return code;
}

/**
 * Why the report cannot be written to `output`, as one line naming it, or undefined when it can
 * be tried: `output` is the export itself (the same file by dev+ino, so a symbolic or hard link
 * to it too), a file of the folder being read whose extension is in `extensions` (a note the
 * report would replace or, new, one the next run would read), a folder, or in a folder that does not exist. `source` is
 * undefined for standard input. Reads nothing but file metadata; throws nothing.
 */
export function outputProblem(output: string, source: string | undefined, extensions: readonly string[] = []): string | undefined {
  const cannot = (why: string) => `${output}: cannot write the report: ${why}`;
  let target: Stats;
  try {
    target = statSync(output);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // A new file: its folder must be there (the write would fail only after the whole export was read).
    const folder = path.dirname(output);
    if (code === 'ENOTDIR') return cannot(`${folder} is not a folder`);
    if (code !== 'ENOENT') return cannot(describeWriteError(e));
    try {
      if (!statSync(folder).isDirectory()) return cannot(`${folder} is not a folder`);
    } catch (e2) {
      const code2 = (e2 as NodeJS.ErrnoException).code;
      return cannot(`${folder}: ${code2 === 'ENOENT' ? 'no such folder' : code2 === 'ENOTDIR' ? 'not a folder' : describeWriteError(e2)}`);
    }
    // A new note-like file inside the folder being read: the next run would read the report as a note.
    if (source !== undefined && linted(output, extensions) && insideFolder(source, path.join(realpathSync(folder), path.basename(output))))
      return `${output}: is inside the folder being read (${source}), where the next run would read it as a note: choose another -o file`;
    return undefined;
  }
  if (target.isDirectory()) return cannot('is a directory');
  if (source === undefined) return undefined;
  let input: Stats;
  try {
    input = statSync(source);
  } catch {
    return undefined; // a missing source is said when it is read
  }
  if (input.dev === target.dev && input.ino === target.ino)
    return `${output}: is the export being read (${source}); the report would overwrite it: choose another -o file`;
  if (input.isDirectory() && linted(output, extensions) && insideFolder(source, realpathSync(output)))
    return `${output}: is a note of the folder being read (${source}); the report would overwrite it: choose another -o file`;
  return undefined;
}

function linted(file: string, extensions: readonly string[]): boolean {
  return extensions.some((e) => file.toLowerCase().endsWith(`.${e.toLowerCase()}`));
}

/** Whether the real path `file` is inside `source` when it is a folder (compared by real paths: `notes/../notes/a.html` and a symbolic link to the folder are inside it too). */
function insideFolder(source: string, file: string): boolean {
  let real: string;
  try {
    if (!statSync(source).isDirectory()) return false;
    real = realpathSync(source);
  } catch {
    return false; // a missing source is said when it is read
  }
  const inside = path.relative(real, file);
  return inside !== '' && !inside.startsWith('..') && !path.isAbsolute(inside);
}

/** The file system's reason in the CLI's words, without the temporary file's name (writeFileAtomic). */
export function describeWriteError(e: unknown): string {
  const said = describeIoError(e);
  // An unmapped code keeps node's message ("EROFS: read-only file system, open '<temp>'"): keep the reason only.
  return said.replace(/^[A-Z]+: /, '').replace(/, \w+ '[^']*'( -> '[^']*')?$/, '');
}

/** The Source line of a folder: one note per file, one per record of an export (`--ext csv,jsonl`), or a mix. */
function folderSource(source: string, exports: number, documents: number): string {
  if (exports === 0) return `${source} (a folder: each file is one note)`;
  const read = `${exports === 1 ? '1 export' : `${exports} exports`} read record by record (each record is one note)`;
  if (documents === 0) return `${source} (a folder: ${read})`;
  return `${source} (a folder: ${read} and ${documents === 1 ? '1 file that is' : `${documents} files that are each`} one note)`;
}

function configFiles(configs: ConfigSet): string {
  const files = configs.files();
  return files.length ? files.join(', ') : 'none found (built-in rules and severities)';
}
