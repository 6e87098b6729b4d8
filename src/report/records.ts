// ADAPTER (temporary): feeds `dignify report` until the export readers of issue 4 land in
// src/inputs/; at that merge this module is replaced by those readers, which yield the same
// ReportRecord stream. Kept deliberately small: a CSV/TSV export (csv-parse), a JSONL export
// (readline), or a folder of documents (each file = one note, via src/inputs/files.ts).
// --text-column and --id-column name the columns; there is no auto-detection here.
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import { expandPaths, readTextFile } from '../inputs/files.js';
import { lintResolved } from '../lint/lint-text.js';
import type { MatchOptions } from '../lint/match.js';
import type { ReportRecord } from './aggregate.js';

export interface RecordSourceOptions {
  textColumn?: string;
  idColumn?: string;
  /** Columns the report needs (group-by, date); a CSV header without them is a usage error. */
  requiredColumns?: string[];
  /** Extensions read inside a folder. */
  extensions?: string[];
  /** Keep each note's text on the record (for --include-snippets). */
  keepText?: boolean;
  /** Told about progress: units done of a known total (bytes of a file, files of a folder). */
  onProgress?: (done: number, total: number) => void;
  /** A record that could not be read: named by file and row or line; the run goes on. */
  onError: (message: string) => void;
  /** A note left out on purpose (a binary or non-UTF-8 file in a folder). */
  onWarning?: (message: string) => void;
}

/** A usage problem found before any record is read (a missing column, an unreadable path). */
export class RecordSourceError extends Error {}

export type ExportFormat = 'csv' | 'tsv' | 'jsonl' | 'folder';

export function exportFormat(source: string): ExportFormat {
  let isDir = false;
  try {
    isDir = statSync(source).isDirectory();
  } catch {
    // Missing: reported when read.
  }
  if (isDir) return 'folder';
  const ext = path.extname(source).toLowerCase();
  if (ext === '.tsv' || ext === '.tab') return 'tsv';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  return 'csv';
}

/** Reads an export or a folder and lints each note, yielding one ReportRecord per note in order. */
export async function* readRecords(source: string, resolved: MatchOptions, options: RecordSourceOptions): AsyncGenerator<ReportRecord> {
  const format = exportFormat(source);
  if (format === 'folder') {
    yield* readFolder(source, resolved, options);
    return;
  }
  let total: number;
  try {
    total = statSync(source).size;
  } catch (error) {
    throw new RecordSourceError(`${source}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (error as Error).message}`);
  }
  const stream = createReadStream(source);
  let done = 0;
  stream.on('data', (chunk) => {
    done += chunk.length;
    options.onProgress?.(done, total);
  });
  const rows = format === 'jsonl' ? jsonlRows(stream, source, options) : csvRows(stream, source, format, options);
  const textColumn = options.textColumn ?? 'text';
  for await (const { row, fields } of rows) {
    const text = fields[textColumn];
    if (text === undefined) {
      options.onError(`${source}: ${format === 'jsonl' ? 'line' : 'row'} ${row}: no "${textColumn}" field (name the note's field with --text-column)`);
      continue;
    }
    const rest = { ...fields };
    delete rest[textColumn];
    const id = options.idColumn ? fields[options.idColumn] : undefined;
    yield {
      row,
      ...(id !== undefined && id !== '' ? { id } : {}),
      fields: rest,
      findings: lintResolved(text, resolved),
      ...(options.keepText ? { text } : {}),
    };
  }
}

async function* csvRows(stream: NodeJS.ReadableStream, source: string, format: 'csv' | 'tsv', options: RecordSourceOptions) {
  const parser = stream.pipe(
    parse({ delimiter: format === 'tsv' ? '\t' : ',', columns: (header: string[]) => checkHeader(header, source, options), bom: true, skip_empty_lines: true, skip_records_with_error: true, relax_quotes: format === 'tsv', quote: format === 'tsv' ? false : '"' }),
  );
  parser.on('skip', (error: Error & { lines?: number }) => options.onError(`${source}: line ${error.lines ?? '?'}: ${error.message}`));
  let row = 0;
  for await (const fields of parser as AsyncIterable<Record<string, string>>) yield { row: ++row, fields };
}

function checkHeader(header: string[], source: string, options: RecordSourceOptions): string[] {
  const wanted = [options.textColumn ?? 'text', ...(options.idColumn ? [options.idColumn] : []), ...(options.requiredColumns ?? [])];
  const missing = wanted.filter((c) => !header.includes(c));
  if (missing.length) {
    throw new RecordSourceError(`${source}: no column ${missing.map((c) => `"${c}"`).join(', ')} (columns: ${header.join(', ')})`);
  }
  return header;
}

async function* jsonlRows(stream: NodeJS.ReadableStream, source: string, options: RecordSourceOptions) {
  let line = 0;
  for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
    line++;
    if (!text.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      options.onError(`${source}: line ${line}: not valid JSON (${(error as Error).message})`);
      continue;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      options.onError(`${source}: line ${line}: expected a JSON object`);
      continue;
    }
    const fields: Record<string, string> = {};
    for (const [k, v] of Object.entries(value)) fields[k] = v === null || v === undefined ? '' : typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
    yield { row: line, fields };
  }
}

/** Each file is one note: its id is its path under the folder, its field "folder" its subfolder. */
async function* readFolder(source: string, resolved: MatchOptions, options: RecordSourceOptions): AsyncGenerator<ReportRecord> {
  const entries = await expandPaths([source], options.extensions);
  let row = 0;
  for (const entry of entries) {
    options.onProgress?.(row, entries.length);
    if ('error' in entry) {
      throw new RecordSourceError(`${entry.path}: ${entry.error}`);
    }
    const read = await readTextFile(entry.path);
    row++;
    const id = path.relative(source, entry.path);
    if ('error' in read) options.onError(`${entry.path}: ${read.error}`);
    else if ('skipped' in read) options.onWarning?.(`${entry.path}: skipped: ${read.skipped}`);
    else {
      yield {
        row,
        id,
        fields: { folder: path.dirname(id) === '.' ? '' : path.dirname(id) },
        findings: lintResolved(read.text, resolved),
        ...(options.keepText ? { text: read.text } : {}),
      };
    }
  }
  options.onProgress?.(row, entries.length);
}
