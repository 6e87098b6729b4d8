// The readers of Parquet and FHIR sources, as SourceEvents: a Parquet file is read by random
// access (its footer first, then row group by row group), FHIR from the byte stream. Kept apart
// from sources.ts so those readers (and their libraries, loaded on use) stay out of its way.
// A default import: the bundle loads fs/promises at its first use (scripts/bundle-cli.js LAZY_BUILTINS).
import fsPromises from 'node:fs/promises';
import type { AsyncBuffer } from 'hyparquet';
import { type ColumnOptions, flagsApply, flagsGiven } from './columns.js';
import { type InputFormat, looksLikeFhir } from './formats.js';
import { describeIoError } from './files.js';
import type { Source, SourceEvent } from './source.js';

interface NoteSourceOptions extends ColumnOptions {
  onBytes?: (file: string, bytes: number) => void;
}

/** A file on disk as hyparquet's AsyncBuffer, counting the bytes read (progress). Closed by close(). */
async function fileBuffer(path: string, tell?: (bytes: number) => void): Promise<AsyncBuffer & { close(): Promise<void> }> {
  const handle = await fsPromises.open(path, 'r');
  const { size } = await handle.stat();
  let read = 0;
  return {
    byteLength: size,
    async slice(start: number, end = size) {
      const bytes = new Uint8Array(Math.max(0, end - start));
      let at = 0;
      while (at < bytes.length) {
        const { bytesRead } = await handle.read(bytes, at, bytes.length - at, start + at);
        if (bytesRead === 0) break;
        at += bytesRead;
      }
      read += at;
      tell?.(Math.min(read, size));
      return bytes.buffer;
    },
    close: () => handle.close(),
  };
}

/** Standard input (no random access) read whole into memory. */
async function memoryBuffer(stream: AsyncIterable<Buffer | string>): Promise<AsyncBuffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  const all = Buffer.concat(chunks);
  return { byteLength: all.length, slice: (start, end) => all.buffer.slice(all.byteOffset + start, all.byteOffset + (end ?? all.length)) as ArrayBuffer };
}

async function* parquetEvents(source: Source, options: NoteSourceOptions): AsyncGenerator<SourceEvent> {
  const file = source.name;
  let buffer: AsyncBuffer & { close?(): Promise<void> };
  try {
    buffer = source.path ? await fileBuffer(source.path, options.onBytes && ((n) => options.onBytes!(file, n))) : await memoryBuffer(source.open());
  } catch (error) {
    yield { kind: 'error', file, error: describeIoError(error) };
    return;
  }
  try {
    const { readParquet } = await import('./parquet.js');
    for await (const event of readParquet(file, buffer, options)) {
      if (event.kind === 'record') yield { kind: 'document', doc: event.doc };
      else if (event.kind === 'bad-record') yield { kind: 'bad-record', file, record: event.record, error: event.error };
      else if (event.kind === 'notice') yield { kind: 'notice', file, message: event.message };
      else yield { kind: 'error', file, error: event.error };
    }
  } catch (error) {
    yield { kind: 'error', file, error: describeIoError(error) };
  } finally {
    await buffer.close?.();
  }
}

/**
 * `chosen`: how it came to be read as FHIR: "--input-format fhir", or its start (then --input-format
 * jsonl would read it as JSON Lines, which is said).
 */
async function* fhirEvents(
  file: string,
  stream: AsyncIterable<Buffer | string>,
  options: NoteSourceOptions,
  chosen: 'by --input-format' | 'by its start',
): AsyncGenerator<SourceEvent> {
  // A FHIR note is a part of a resource, named by resource and part: there is no column or field
  // to choose. The export flags are said to be ignored (not a reason to read it as JSON Lines,
  // which once left its attachments unread, silently: a newcomer trial).
  const flags = flagsGiven(options);
  if (flags.length) {
    const how = chosen === 'by --input-format' ? '--input-format fhir' : 'it starts like a FHIR resource';
    const instead = chosen === 'by its start' ? '; --input-format jsonl reads it as JSON Lines (one object a line) instead' : '';
    yield {
      kind: 'notice',
      file,
      message: `warning: ${flagsApply(flags)}; it is read as FHIR (${how}) and ${flags.length === 1 ? 'the flag is' : 'the flags are'} ignored for it${instead}`,
    };
  }
  const { readFhir } = await import('./fhir.js');
  try {
    for await (const event of readFhir(file, stream, { ...(options.fields && { fields: options.fields }) })) {
      if (event.kind === 'record') yield { kind: 'document', doc: event.doc };
      else if (event.kind === 'bad-record') yield { kind: 'bad-record', file, record: event.record, error: event.error };
      else if (event.kind === 'skipped') yield { kind: 'skipped', file, record: event.record, reason: event.reason, what: event.what };
      else if (event.kind === 'notice') yield { kind: 'notice', file, message: event.message };
      else yield { kind: 'error', file, error: event.error };
    }
  } catch (error) {
    yield { kind: 'error', file, error: describeIoError(error) };
  }
}

/** The first chunk of a stream, and the whole stream again (that chunk replayed). */
async function peek(stream: AsyncIterable<Buffer | string>): Promise<{ head: string; stream: AsyncIterable<Buffer | string>; close(): Promise<unknown> }> {
  const iterator = stream[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head = first.done ? '' : String(first.value).slice(0, 65536);
  async function* replay() {
    if (!first.done) yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head, stream: replay(), close: async () => iterator.return?.() };
}

/**
 * The events of a Parquet or FHIR source, or undefined when the source is neither (read as before).
 * `sniff`: the format came from a .ndjson/.jsonl/.json name, so the start of the file decides
 * whether it is FHIR (a "resourceType") or not (then the chunk read is not lost: `source.open`
 * is called again for a file; standard input is never sniffed).
 */
export async function readNoteSource(
  source: Source,
  format: InputFormat,
  options: NoteSourceOptions,
  sniff: boolean,
): Promise<AsyncIterable<SourceEvent> | undefined> {
  if (format === 'parquet') return parquetEvents(source, options);
  if (format === 'fhir') return fhirEvents(source.name, source.open(), options, 'by --input-format');
  if (!sniff || !source.path) return undefined;
  let peeked: Awaited<ReturnType<typeof peek>>;
  try {
    peeked = await peek(source.open());
  } catch {
    return undefined; // the usual reader says what is wrong with the file
  }
  if (looksLikeFhir(peeked.head)) return fhirEvents(source.name, peeked.stream, options, 'by its start');
  // Not FHIR: close what was opened; the usual reader opens the file again.
  await peeked.close();
  return undefined;
}
