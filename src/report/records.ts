// The report's notes: the product's readers (src/inputs/readSources) and its unit of lint work
// (lintDocument), turned into the ReportRecord stream the aggregator takes. An export gives one
// note per record, with the columns the report needs kept on it; a folder (or a single document)
// gives one note per document, named by its path. No parsing here.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Document, RecordRef } from '../inputs/document.js';
import { expandPaths } from '../inputs/files.js';
import { readSources, type SourceOptions } from '../inputs/sources.js';
import { withLoading } from '../lint/lazy.js';
import { lintDocument } from '../lint/lint-document.js';
import type { MatchOptions } from '../lint/match.js';
import type { ReportRecord } from './aggregate.js';

export interface RecordSourceOptions extends Pick<SourceOptions, 'textColumn' | 'idColumn' | 'inputFormat' | 'extensions'> {
  /** Columns the report needs (group-by, date); an export without them is a RecordSourceError. */
  fields?: string[];
  /** Keep each note's text on the record (for --include-snippets). */
  keepText?: boolean;
  /** Told about progress: units done of a known total (bytes of a file, files of a folder). */
  onProgress?: (done: number, total: number) => void;
  /** A malformed export record: left out; the rest of the export is read. */
  onBadRecord: (file: string, record: RecordRef, error: string) => void;
  /** A file of a folder that could not be read: left out; the other files are read. */
  onError: (message: string) => void;
  /** A note left out on purpose (a binary file in a folder). */
  onWarning?: (message: string) => void;
  /** Said once about a source (the columns chosen, bytes that are not UTF-8). */
  onNotice?: (file: string, message: string) => void;
}

/** A problem that stops the report before it is written (a missing column, an unreadable export). */
export class RecordSourceError extends Error {}

export function isFolder(source: string): boolean {
  try {
    return statSync(source).isDirectory();
  } catch {
    return false; // missing: said when read
  }
}

/** Reads an export or a folder and lints each note, yielding one ReportRecord per note in order. */
export async function* readRecords(source: string, resolved: MatchOptions, options: RecordSourceOptions): AsyncGenerator<ReportRecord> {
  const folder = isFolder(source);
  // A folder's files are listed first so progress can count them; an export's bytes are counted as read.
  const files = folder ? (await expandPaths([source], options.extensions)).map((e) => e.path) : [source];
  let total = 0;
  try {
    total = folder ? files.length : statSync(source).size;
  } catch {
    // Missing: readSources says so.
  }
  const { textColumn, idColumn, inputFormat, extensions, fields } = options;
  const events = readSources(files, {
    ...(textColumn !== undefined && { textColumn }),
    ...(idColumn !== undefined && { idColumn }),
    ...(inputFormat && { inputFormat }),
    ...(extensions && { extensions }),
    // A folder's notes have no columns but "folder".
    ...(!folder && { fields, onBytes: (_file: string, bytes: number) => options.onProgress?.(bytes, total) }),
  });
  let done = 0;
  let row = 0;
  for await (const event of events) {
    switch (event.kind) {
      case 'document':
        if (folder && !event.doc.record) options.onProgress?.(++done, total);
        yield await note(event.doc, ++row, folder ? source : undefined, resolved, options.keepText);
        break;
      case 'bad-record':
        options.onBadRecord(event.file, event.record, event.error);
        break;
      case 'error':
        if (!folder) throw new RecordSourceError(`${event.file}: ${event.error}`);
        options.onProgress?.(++done, total);
        options.onError(`${event.file}: ${event.error}`);
        break;
      case 'skipped':
        options.onProgress?.(++done, total);
        options.onWarning?.(`${event.file}: skipped: ${event.reason}`);
        break;
      case 'notice':
        options.onNotice?.(event.file, event.message);
        break;
    }
  }
}

/**
 * An export record keeps its row, id and kept columns. A document of a folder is named by its
 * path under the folder, and its field "folder" is its subfolder (an export inside a folder, read
 * with --ext csv, names each record by path and id or row).
 */
async function note(doc: Document, row: number, folder: string | undefined, resolved: MatchOptions, keepText?: boolean): Promise<ReportRecord> {
  const findings = await withLoading(() => lintDocument(doc, resolved));
  const text = keepText ? { text: doc.text } : {};
  const rel = folder === undefined ? doc.file : path.relative(folder, doc.file);
  const r = doc.record;
  if (folder === undefined && r) return { row: r.row, ...(r.id !== undefined && { id: r.id }), fields: r.fields ?? {}, findings, ...text };
  const id = r ? `${rel}#${r.id ?? r.row}` : rel;
  const fields: Record<string, string> = folder === undefined ? {} : { folder: path.dirname(rel) === '.' ? '' : path.dirname(rel) };
  return { row, id, fields, findings, ...text };
}
