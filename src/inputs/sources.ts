// Paths (files, folders, globs) and standard input → a stream of Documents and what went wrong,
// in input order. Each source goes through the reader for its format (by extension, or
// --input-format): plain text, Markdown, HTML, .docx, or an export read record by record.
import { createReadStream } from 'node:fs';
import type { ColumnOptions } from './columns.js';
import type { Document } from './document.js';
import { type ExportEvent, readExportBatches } from './exports.js';
import { fileChunks } from './file-chunks.js';
import { describeIoError, expandPaths, readStdin, readTextFileSync, type PathEntry, type ReadResult } from './files.js';
import { formatEntry, formatOf, mayBeFhir, type ExportFormat, type InputFormat } from './formats.js';
import { readNoteSource } from './note-sources.js';
import type { Source, SourceEvent } from './source.js';

export type { Source, SourceEvent } from './source.js';

export interface SourceOptions extends ColumnOptions {
  /** Overrides the choice of reader by extension. */
  inputFormat?: InputFormat;
  /** Extensions linted inside folders. */
  extensions?: string[];
  /** Files for which this returns false are left out quietly (ignore files). */
  include?: (file: string) => boolean;
  /** Told how many bytes of `file` have been read so far, as an export or .docx streams in (progress). */
  onBytes?: (file: string, bytes: number) => void;
  /** A document (not an export) larger than this many bytes is refused (default DEFAULT_MAX_FILE_BYTES, 256 MB). */
  maxFileBytes?: number;
}

/** Standard input, and the name to show for it. */
export interface StdinSource {
  stream: NodeJS.ReadableStream;
  name: string;
}

function* fromText(file: string, format: InputFormat, read: ReadResult, named: boolean): Generator<SourceEvent> {
  if ('error' in read) yield { kind: 'error', file, error: read.error };
  // A file named on the command line (or standard input) that cannot be linted is an error: a
  // hook passing it must not succeed unchecked. One found in a folder is skipped with a warning.
  else if ('skipped' in read) yield named ? { kind: 'error', file, error: `${read.skipped}; not linted` } : { kind: 'skipped', file, reason: read.skipped };
  else {
    if (read.warning) yield { kind: 'notice', file, message: `warning: ${read.warning}` };
    const doc: Document = { file, syntax: formatEntry(format).syntax, text: read.text, format };
    if (read.encoding) doc.legacyEncoding = read.encoding;
    yield { kind: 'document', doc };
  }
}

/**
 * An export's events, as the reader batches them (one per chunk read), made SourceEvents; stops at
 * the first fatal event (an error). Kept out of readOne's generator, which then runs once per
 * batch, not once per record (V8 optimizes a generator at a cost that grows with its size).
 */
function exportEvents(file: string, format: InputFormat, batch: readonly ExportEvent[], out: SourceEvent[]): { records: number; fatal: boolean } {
  let records = 0;
  for (const event of batch) {
    if (event.kind === 'record') {
      out.push({ kind: 'document', doc: { ...event.doc, format } });
      records++;
    } else if (event.kind === 'bad-record') {
      out.push({ kind: 'bad-record', file, record: event.record, error: event.error });
      records++;
    } else if (event.kind === 'notice') out.push({ kind: 'notice', file, message: event.message });
    else {
      out.push({ kind: 'error', file, error: event.error });
      return { records, fatal: true };
    }
  }
  return { records, fatal: false };
}

/** A source's events, in batches: an export's a batch per chunk read, any other source's one at a time. */
async function* readOne(source: Source, options: SourceOptions): AsyncGenerator<SourceEvent[]> {
  const { name: file, open } = source;
  const format = formatOf(file, options.inputFormat);
  // Parquet and FHIR (note-sources.ts); a .ndjson/.jsonl/.json file is FHIR when it starts like a
  // resource, whatever export flags are given (they are said to be ignored): only --input-format
  // jsonl reads it as JSON Lines.
  const noteSource = await readNoteSource(source, format, options, mayBeFhir(file) && !options.inputFormat);
  if (noteSource) {
    for await (const event of noteSource) yield [event];
    return;
  }
  const { read } = formatEntry(format);
  if (read === 'export') {
    // The export reader decodes each chunk before it asks for the next: no new buffer per chunk.
    const stream = source.openReused?.() ?? open();
    // An export with no record (an empty file, a header alone) would print nothing and exit 0,
    // as a clean one does: it is said, so a failed export job is not taken for clean notes.
    let records = 0;
    try {
      for await (const batch of readExportBatches(file, stream, format as ExportFormat, options)) {
        const events: SourceEvent[] = [];
        const read = exportEvents(file, format, batch, events);
        records += read.records;
        if (events.length) yield events;
        if (read.fatal) return;
      }
    } catch (error) {
      yield [{ kind: 'error', file, error: describeIoError(error) }];
      return;
    }
    if (records === 0) yield [{ kind: 'notice', file, message: 'no records: the export is empty, nothing was linted' }];
    return;
  }
  if (read === 'docx') {
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of open()) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    } catch (error) {
      yield [{ kind: 'error', file, error: describeIoError(error) }];
      return;
    }
    // mammoth and its XML and zip libraries are loaded only for a .docx (start-up).
    const { readDocx } = await import('./docx.js');
    const docx = await readDocx(file, Buffer.concat(chunks));
    yield ['error' in docx ? { kind: 'error', file, error: docx.error } : { kind: 'document', doc: { ...docx.doc, format } }];
    return;
  }
  const text = await source.readText();
  // A .json file read as text by its name: one that looks like an export is said (json-export.ts).
  if (format === 'text' && !options.inputFormat && /\.json$/i.test(file) && 'text' in text) {
    const { jsonExportWarning } = await import('./json-export.js');
    const warning = jsonExportWarning(text.text);
    if (warning) yield [{ kind: 'notice', file, message: warning }];
  }
  yield [...fromText(file, format, text, source.named)];
}

/** Passes a stream's chunks through, counting their bytes. */
async function* counted<T extends Buffer | string>(stream: AsyncIterable<T>, tell: (bytes: number) => void): AsyncGenerator<T> {
  let bytes = 0;
  for await (const chunk of stream) {
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    tell(bytes);
    yield chunk;
  }
}

/** Reads the paths the user gave (files, folders, globs; expanded here), then standard input. */
export async function* readSources(paths: readonly string[], options: SourceOptions = {}, stdin?: StdinSource): AsyncGenerator<SourceEvent> {
  yield* readEntries(await expandPaths(paths, options.extensions), options, stdin);
}

/** Reads paths already expanded (expandPaths), in order, then standard input. */
export async function* readEntries(entries: readonly PathEntry[], options: SourceOptions = {}, stdin?: StdinSource): AsyncGenerator<SourceEvent> {
  for await (const batch of readEntryBatches(entries, options, stdin)) yield* batch;
}

/**
 * readEntries in batches, in order: an export's events a batch per chunk read (about 64 KB), every
 * other source's one at a time. The engine hands each batch on as one step of its generators,
 * which cost about as much per step as a record's reading (issue 14).
 */
export async function* readEntryBatches(entries: readonly PathEntry[], options: SourceOptions = {}, stdin?: StdinSource): AsyncGenerator<SourceEvent[]> {
  for (const entry of entries) {
    if ('error' in entry) yield [{ kind: 'error', file: entry.path, error: entry.error }];
    else if (options.include && !options.include(entry.path)) continue;
    else {
      const { onBytes } = options;
      const tell = onBytes && ((n: number) => onBytes(entry.path, n));
      const open = () => (tell ? counted(createReadStream(entry.path), tell) : createReadStream(entry.path));
      const openReused = () => (tell ? counted(fileChunks(entry.path), tell) : fileChunks(entry.path));
      yield* readOne(
        {
          name: entry.path,
          path: entry.path,
          named: Boolean(entry.named),
          open,
          openReused,
          readText: async () => readTextFileSync(entry.path, options.maxFileBytes),
        },
        options,
      );
    }
  }
  if (stdin) {
    for await (const batch of readOne(
      { name: stdin.name, named: true, open: () => stdin.stream as AsyncIterable<Buffer>, readText: () => readStdin(stdin.stream, options.maxFileBytes) },
      options,
    )) {
      yield batch.map((event) => (event.kind === 'document' ? { kind: 'document', doc: { ...event.doc, stdin: true } } : event));
    }
  }
}
