// The report's notes: the engine's outcomes (lintOutcomes, the same call the lint command makes,
// so configs, ignore files and the pool apply alike), turned into the ReportRecord stream the
// aggregator takes. An export gives one
// note per record, with the columns the report needs kept on it; a folder (or a single document)
// gives one note per document, named by its path. No parsing here.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Document, RecordRef } from '../inputs/document.js';
import type { SourceOptions } from '../inputs/sources.js';
import { lintOutcomes, type LintOptions } from '../engine/lint-files.js';
import type { Finding } from '../types.js';
import type { ReportRecord } from './aggregate.js';

export interface RecordSourceOptions extends Pick<SourceOptions, 'textColumn' | 'idColumn' | 'inputFormat' | 'extensions'> {
  /** Columns the report needs (group-by, date); an export without them is a RecordSourceError. */
  fields?: string[];
  /** Read the export from this stream instead of `source` (which is then "-"); needs inputFormat. */
  stdin?: NodeJS.ReadableStream;
  /** Keep each note's text on the record (for --include-snippets). */
  keepText?: boolean;
  /** Told about progress: units done of a known total (bytes of a file, files of a folder). */
  onProgress?: (done: number, total: number) => void;
  /** A malformed export record: left out; the rest of the export is read. */
  onBadRecord: (file: string, record: RecordRef, error: string) => void;
  /** A file of a folder that could not be read (`error`, one line): left out; the other files are read. */
  onError: (file: string, error: string) => void;
  /**
   * A note left out on purpose: a file of a folder (binary, not UTF-8), or with `part` one part of
   * a file (a FHIR attachment given by url, of a type not read), `part.what` its kind (`application/pdf`).
   */
  onSkipped?: (file: string, reason: string, part?: { record: RecordRef; what: string }) => void;
  /** Said once about a source (the columns chosen, bytes that are not UTF-8). */
  onNotice?: (file: string, message: string) => void;
  /** Each note, as read: the file it is in, and for an export record its RecordRef (its id column's name, its FHIR part): the report says how notes were read. */
  onNote?: (file: string, record: RecordRef | undefined) => void;
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

/**
 * Reads an export or a folder through the engine (lintOutcomes, with `lint`: the configs, threads
 * and column options the lint command would use) and yields one ReportRecord per note, in order.
 * Throws RecordSourceError when the export itself cannot be read; ConfigError from the configs.
 */
export async function* readRecords(source: string, lint: LintOptions, options: RecordSourceOptions): AsyncGenerator<ReportRecord> {
  const fromStdin = options.stdin !== undefined;
  const folder = !fromStdin && isFolder(source);
  let total = 0;
  if (!folder && !fromStdin) {
    try {
      total = statSync(source).size;
    } catch {
      // Missing: the engine says so.
    }
  }
  const { textColumn, idColumn, inputFormat, extensions, fields } = options;
  const outcomes = lintOutcomes(
    fromStdin ? [] : [source],
    {
      ...lint,
      ...(textColumn !== undefined && { textColumn }),
      ...(idColumn !== undefined && { idColumn }),
      ...(inputFormat && { inputFormat }),
      ...(extensions && { extensions }),
      // A folder's files are counted for progress once listed; an export's bytes as they are read.
      ...(folder
        ? { onFiles: (files: readonly string[]) => (total = files.length) }
        : { fields, onBytes: (_file: string, bytes: number) => options.onProgress?.(bytes, total) }),
    },
    options.stdin && { stream: options.stdin, name: '<stdin>' },
  );
  let done = 0;
  let row = 0;
  for await (const outcome of outcomes) {
    switch (outcome.kind) {
      case 'linted':
        if (folder && !outcome.record) options.onProgress?.(++done, total);
        options.onNote?.(outcome.file, outcome.doc.record);
        yield note(outcome.doc, outcome.findings, ++row, folder ? source : undefined, options.keepText);
        break;
      case 'bad-record':
        options.onBadRecord(outcome.file, outcome.record, outcome.error);
        break;
      case 'error':
        if (!folder) throw new RecordSourceError(`${outcome.file}: ${outcome.error}`);
        options.onProgress?.(++done, total);
        options.onError(outcome.file, outcome.error);
        break;
      case 'skipped':
        // A skipped attachment is not a file done (nor, in an export, a count of bytes).
        if (folder && !outcome.record) options.onProgress?.(++done, total);
        // A part without a kind (none is made so today) is counted under its reason.
        options.onSkipped?.(outcome.file, outcome.reason, outcome.record && { record: outcome.record, what: outcome.what ?? outcome.reason });
        break;
      case 'notice':
        options.onNotice?.(outcome.file, outcome.message);
        break;
    }
  }
}

/**
 * An export record keeps its row, id and kept columns. A document of a folder is named by its
 * path under the folder, and its field "folder" is its subfolder (an export inside a folder, read
 * with --ext csv, names each record by path and id or row).
 */
function note(doc: Document, found: Finding[], row: number, folder: string | undefined, keepText?: boolean): ReportRecord {
  // The engine names the file on each finding; the report names the note instead.
  const findings = found.map(({ file: _file, ...f }) => f);
  const text = keepText ? { text: doc.text } : {};
  const rel = folder === undefined ? doc.file : path.relative(folder, doc.file);
  const r = doc.record;
  if (folder === undefined && r) return { row: r.row, ...(r.id !== undefined && { id: r.id }), fields: r.fields ?? {}, findings, ...text };
  const id = r ? `${rel}#${r.id ?? r.row}` : rel;
  const fields: Record<string, string> = folder === undefined ? {} : { folder: path.dirname(rel) === '.' ? '' : path.dirname(rel) };
  return { row, id, fields, findings, ...text };
}
