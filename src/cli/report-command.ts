// `dignify report <export>`: records → lint → aggregates → one HTML page (or a CSV of the same
// numbers). The page is the only thing written: to -o atomically, or else to stdout. A record
// that cannot be read is named on stderr, left out, and makes the exit code 2; findings do not
// change the exit code (this is an audit, not a gate).
import { resolveOptions } from '../lint/options.js';
import { ReportAggregator, type Period } from '../report/aggregate.js';
import { renderReportCsv } from '../report/csv.js';
import { renderReportHtml } from '../report/html.js';
import { createProgress } from '../report/progress.js';
import { exportFormat, readRecords, RecordSourceError } from '../report/records.js';
import type { QuoteHandling } from '../types.js';
import { EXIT, type Io } from './io.js';
import { writeFileAtomic } from './write-atomic.js';

export interface ReportCliOptions {
  output?: string;
  format: 'html' | 'csv';
  textColumn: string;
  idColumn?: string;
  groupBy?: string;
  dateColumn?: string;
  period: Period;
  includeSnippets?: boolean;
  quotes: QuoteHandling;
  ext: string;
}

const list = (value: string | undefined) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

export async function report(source: string, options: ReportCliOptions, io: Io, error: (m: string) => void, version: string): Promise<number> {
  const resolved = resolveOptions({ quotes: options.quotes });
  const groupBy = list(options.groupBy);
  const format = exportFormat(source);
  const progress = createProgress(io.stderr);
  const aggregator = new ReportAggregator({
    groupBy,
    period: options.period,
    snippets: Boolean(options.includeSnippets),
    ...(options.dateColumn ? { dateColumn: options.dateColumn } : {}),
  });
  let unreadable = 0;
  let done = 0;
  let total = 0;
  const say = (write: () => void) => {
    progress.end(); // clear the bar so the message stands on its own line
    write();
  };

  const records = readRecords(source, resolved, {
    textColumn: options.textColumn,
    ...(options.idColumn ? { idColumn: options.idColumn } : {}),
    requiredColumns: [...groupBy, ...(options.dateColumn ? [options.dateColumn] : [])],
    extensions: list(options.ext).map((e) => e.replace(/^\./, '')),
    keepText: Boolean(options.includeSnippets),
    onProgress: (d, t) => {
      done = d;
      total = t;
    },
    onError: (m) => {
      unreadable++;
      say(() => error(m));
    },
    onWarning: (m) => say(() => io.stderr.write(`dignify: warning: ${m}\n`)),
  });
  let count = 0;
  try {
    for await (const record of records) {
      aggregator.add(record);
      progress.update(++count, done, total);
    }
  } catch (e) {
    progress.end();
    if (e instanceof RecordSourceError) error(e.message);
    else error(`${source}: ${(e as Error).message}`);
    return EXIT.error;
  }
  progress.end();

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
          rules: resolved.rules.rules,
          options: [
            ['Source', format === 'folder' ? `${source} (a folder: each file is one note)` : source],
            ...(format === 'folder'
              ? [['Extensions', options.ext] as [string, string]]
              : [
                  ['Text column', options.textColumn] as [string, string],
                  ['Id column', options.idColumn ?? 'none (row numbers)'] as [string, string],
                ]),
            ['Group by', groupBy.length ? groupBy.join(', ') : '—'],
            ['Date column', options.dateColumn ? `${options.dateColumn} (by ${options.period})` : '—'],
            ['Quoted phrases', options.quotes],
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
  return unreadable ? EXIT.error : EXIT.clean;
}
