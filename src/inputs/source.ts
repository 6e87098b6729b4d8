// What a reader yields (plain data) and a source as bytes: shared by sources.ts and the readers it
// dispatches to (note-sources.ts), in a module of their own so neither imports the other.
import type { Document, RecordRef } from './document.js';
import type { ReadResult } from './files.js';

export type SourceEvent =
  | { kind: 'document'; doc: Document }
  /** A record of an export that could not be read; the rest of the export is still read. */
  | { kind: 'bad-record'; file: string; record: RecordRef; error: string }
  /** A source that could not be read (missing, unreadable, no text column, bad bytes). */
  | { kind: 'error'; file: string; error: string }
  /**
   * A source left alone on purpose (binary, not UTF-8); with `record`, one part of it (a FHIR
   * attachment given by url), and `what` the kind of part, to count by (`application/pdf`, `url-only`).
   */
  | { kind: 'skipped'; file: string; reason: string; record?: RecordRef; what?: string }
  | { kind: 'notice'; file: string; message: string };

/** A source as bytes: a stream (exports, .docx) or whole text (documents). */
export interface Source {
  name: string;
  /** The file on disk (random access, for Parquet); absent for standard input. */
  path?: string;
  /** Named on the command line, or standard input (not found in a folder or by a glob). */
  named: boolean;
  open(): AsyncIterable<Buffer | string>;
  /**
   * The same bytes as views of one reused buffer (fileChunks): only for a reader that copies or
   * decodes each chunk before asking for the next (the export reader). Absent: use open().
   */
  openReused?(): AsyncIterable<Buffer>;
  readText(): Promise<ReadResult>;
}
