// `dignify report <export>`: the readers → lintDocument → aggregates → one HTML page (or a CSV
// of the same numbers). The page is the only thing written: to -o atomically, or else to stdout.
// A record that cannot be read is named on stderr as the lint command names it, left out, and
// makes the exit code 2 (unless --skip-bad-records); findings do not change the exit code (this
// is an audit, not a gate).
import { availableParallelism } from 'node:os';
import { ConfigError, ConfigSet } from '../config/index.js';
import { ReportAggregator, type Period } from '../report/aggregate.js';
import { renderReportCsv } from '../report/csv.js';
import { renderReportHtml } from '../report/html.js';
import { createProgress } from '../report/progress.js';
import { isFolder, readRecords, RecordSourceError } from '../report/records.js';
import type { QuoteHandling } from '../types.js';
import { badRecordMessage, badRecordsSummary } from './bad-records.js';
import { columnOptions, EXIT, type InputCliOptions, type Io } from './io.js';
import { writeFileAtomic } from '../output/write-atomic.js';

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
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export async function report(source: string, options: ReportCliOptions, io: Io, error: (m: string) => void, version: string): Promise<number> {
  // The same configuration, ignore files and pool as the lint command: they cannot disagree.
  const configs = new ConfigSet({
    config: options.config,
    ignore: options.ignore,
    cwd: io.cwd,
    base: { quotes: options.quotes, ...(options.preset && { preset: options.preset }) },
  });
  const groupBy = list(options.groupBy);
  const folder = isFolder(source);
  const { textColumn, idColumn } = columnOptions(options);
  const progress = createProgress(io.stderr);
  const aggregator = new ReportAggregator({
    groupBy,
    period: options.period,
    snippets: Boolean(options.includeSnippets),
    ...(options.dateColumn ? { dateColumn: options.dateColumn } : {}),
  });
  let unreadable = 0;
  let ioFailed = false;
  const badRecords = new Map<string, number>();
  const notices: string[] = [];
  let done = 0;
  let total = 0;
  const say = (write: () => void) => {
    progress.end(); // clear the bar so the message stands on its own line
    write();
  };

  const records = readRecords(
    source,
    { configs, threads: options.threads ?? availableParallelism() },
    {
      ...columnOptions(options),
      ...(options.inputFormat && { inputFormat: options.inputFormat }),
      fields: [...new Set([...groupBy, ...(options.dateColumn ? [options.dateColumn] : [])])],
      extensions: list(options.ext).map((e) => e.replace(/^\./, '')),
      keepText: Boolean(options.includeSnippets),
      onProgress: (d, t) => {
        done = d;
        total = t;
      },
      onBadRecord: (file, record, message) => {
        unreadable++;
        badRecords.set(file, (badRecords.get(file) ?? 0) + 1);
        say(() => error(badRecordMessage(file, record, message)));
      },
      onError: (m) => {
        unreadable++;
        ioFailed = true;
        say(() => error(m));
      },
      onWarning: (m) => say(() => io.stderr.write(`dignify: warning: ${m}\n`)),
      onNotice: (file, m) => {
        notices.push(m);
        say(() => io.stderr.write(`dignify: ${file}: ${m}\n`));
      },
    },
  );
  let count = 0;
  try {
    for await (const record of records) {
      aggregator.add(record);
      progress.update(++count, done, total);
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
  for (const [file, count] of badRecords) error(badRecordsSummary(file, count, options.skipBadRecords));

  const aggregates = aggregator.result();
  const out =
    options.format === 'csv'
      ? renderReportCsv(aggregates)
      : renderReportHtml({
          aggregates,
          source,
          generatedAt: new Date(),
          version,
          groupBy,
          unreadable,
          // Each rule as the configs used define it (a user's rule files after the built-in ones).
          rules: [...new Map(configs.ruleSets().flatMap((set) => set.rules.map((r) => [r.id, r] as const))).values()],
          options: [
            ['Source', folder ? `${source} (a folder: each file is one note)` : source],
            ...(folder
              ? [['Extensions', options.ext] as [string, string]]
              : [
                  ['Text column', textColumn ?? 'chosen by its name'] as [string, string],
                  ['Id column', idColumn ?? 'chosen by its name, or none (row numbers)'] as [string, string],
                ]),
            ...notices.map((m) => ['Reading', m] as [string, string]),
            ['Group by', groupBy.length ? groupBy.join(', ') : '—'],
            ['Date column', options.dateColumn ? `${options.dateColumn} (by ${options.period})` : '—'],
            ['Quoted phrases', options.quotes],
            ['Configuration', options.config === false ? 'none (--no-config)' : options.config ? options.config : configFiles(configs)],
            ['Note text (snippets)', options.includeSnippets ? 'included (--include-snippets)' : 'not included'],
          ],
        });
  if (options.output) {
    try {
      await writeFileAtomic(options.output, out);
    } catch (e) {
      error(`${options.output}: cannot write the report: ${(e as Error).message}`);
      return EXIT.error;
    }
  } else io.stdout.write(out);
  return ioFailed || (badRecords.size > 0 && !options.skipBadRecords) ? EXIT.error : EXIT.clean;
}

function configFiles(configs: ConfigSet): string {
  const files = configs.files();
  return files.length ? files.join(', ') : 'none found (built-in rules and severities)';
}
