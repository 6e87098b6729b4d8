// Parquet note exports (a lakehouse table written out: Spark, Databricks, Snowflake COPY INTO,
// BigQuery EXPORT DATA), read with hyparquet (pure JavaScript) and its compressors package
// (Snappy, ZSTD, GZIP, Brotli, LZ4). One row group at a time, and only the columns needed (the
// text, the id, the columns kept for the report): memory holds one row group of those columns,
// never the file. Columns are chosen as for CSV (columns.ts): --text-column / --id-column, or by
// their names, said once.
//
// A value that cannot be a note (bytes that are not UTF-8 in the text column) is reported as a
// bad record with its row and the rest is read; a null text is an empty note (as an empty CSV
// field). A text column that is not a string column at all (INT64, a struct) stops the file.
import type { AsyncBuffer, FileMetaData, ParquetReadOptions } from 'hyparquet';
import { chooseColumns, type ColumnOptions } from './columns.js';
import { oneByte } from './decode.js';
import type { Document, RecordRef } from './document.js';

export type ParquetEvent =
  | { kind: 'record'; doc: Document }
  | { kind: 'bad-record'; record: RecordRef; error: string }
  | { kind: 'notice'; message: string }
  | { kind: 'fatal'; error: string };

/** Bytes in a string column that are not UTF-8: kept as a value so the row can be reported, not the file. */
class BadText {
  constructor(readonly bytes: number) {}
}

const strict = new TextDecoder('utf-8', { fatal: true });
function stringFromBytes(bytes: Uint8Array | undefined): string | BadText | undefined {
  if (!bytes) return bytes;
  try {
    return strict.decode(bytes);
  } catch {
    return new BadText(bytes.length);
  }
}

/** A kept column's value as text: null is blank, dates are ISO 8601, objects their JSON. */
function asField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (value instanceof BadText) return '';
  if (typeof value === 'object') return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  return String(value);
}

function describe(value: unknown): string {
  if (value instanceof BadText) return `${value.bytes} bytes that are not valid UTF-8`;
  if (value instanceof Uint8Array) return 'binary data';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a structure' : `a ${typeof value}`;
}

/**
 * Reads a Parquet file's notes, row group by row group. `file` is hyparquet's AsyncBuffer (random
 * access: a file on disk, or bytes already in memory for standard input). Rows are numbered from 1
 * across the whole file; `line` is 0 (a Parquet file has no lines). Never throws: a file hyparquet
 * cannot read (not Parquet, an unsupported codec) ends with a 'fatal' event.
 */
export async function* readParquet(file: string, source: AsyncBuffer, options: ColumnOptions): AsyncGenerator<ParquetEvent> {
  // Loaded here, not at start-up: only Parquet needs them.
  const [{ parquetMetadataAsync, parquetReadObjects, parquetSchema }, { compressors }] = await Promise.all([
    import('hyparquet'),
    import('hyparquet-compressors'),
  ]);
  let metadata: FileMetaData;
  try {
    // The footer: hyparquet's first guess at its size (512 KB) suits a fetch over HTTP; from a
    // local file, 64 KB (read again whole when the footer is larger).
    metadata = await parquetMetadataAsync(source, { initialFetchSize: 64 * 1024 } as Parameters<typeof parquetMetadataAsync>[1]);
  } catch (error) {
    yield { kind: 'fatal', error: `not a readable Parquet file (${(error as Error).message})` };
    return;
  }
  const top = parquetSchema(metadata).children;
  const names = top.map((c) => c.element.name);
  const choice = chooseColumns(names, options, 'column');
  if ('error' in choice) {
    yield { kind: 'fatal', error: choice.error };
    return;
  }
  const textElement = top.find((c) => c.element.name === choice.text)!;
  if (textElement.children.length > 0 || textElement.element.type !== 'BYTE_ARRAY') {
    const type = textElement.children.length > 0 ? 'a nested column' : (textElement.element.type ?? 'not a value');
    yield { kind: 'fatal', error: `the column "${choice.text}" is ${type}, not text; name the note column with --text-column` };
    return;
  }
  if (choice.notice) yield { kind: 'notice', message: choice.notice };
  const keep = (choice.fields ?? []).map((name, i) => [options.fields![i]!, name] as const);
  const columns = [...new Set([choice.text, ...(choice.id !== undefined ? [choice.id] : []), ...keep.map(([, name]) => name)])];

  let row = 0;
  let groupStart = 0;
  for (const [g, group] of metadata.row_groups.entries()) {
    const groupEnd = groupStart + Number(group.num_rows);
    let rows: Array<Record<string, unknown>>;
    try {
      const read: ParquetReadOptions = {
        file: source,
        metadata,
        columns,
        rowStart: groupStart,
        rowEnd: groupEnd,
        rowFormat: 'object',
        compressors,
        parsers: { stringFromBytes: stringFromBytes as (bytes: Uint8Array) => string },
      };
      rows = await parquetReadObjects(read);
    } catch (error) {
      yield { kind: 'fatal', error: `row group ${g + 1} (rows ${groupStart + 1}–${groupEnd}): cannot be read (${(error as Error).message})` };
      return;
    }
    groupStart = groupEnd;
    for (const values of rows) {
      const record: RecordRef = { row: ++row, line: 0 };
      const id = choice.id === undefined ? undefined : values[choice.id];
      if (id !== null && id !== undefined && !(id instanceof BadText)) Object.assign(record, { id: asField(id), idName: choice.id });
      if (keep.length) record.fields = Object.fromEntries(keep.map(([asked, name]) => [asked, asField(values[name])]));
      const text = values[choice.text];
      if (text !== null && text !== undefined && typeof text !== 'string') {
        yield { kind: 'bad-record', record, error: `the column "${choice.text}" holds ${describe(text)}` };
        continue;
      }
      yield { kind: 'record', doc: { file, syntax: 'text', text: oneByte(text ?? ''), record } };
    }
    rows = []; // the row group's values can go before the next is read
  }
}
