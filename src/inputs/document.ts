// What a reader hands to lint: the text to lint, how to parse it, and where it came from. Plain
// data (no functions), so a Document can be sent to a worker.

/** Where a note sits in an export. */
export interface RecordRef {
  /** 1-based data row (CSV/TSV: after the header; JSON Lines: non-blank lines). */
  row: number;
  /** The record's id, from --id-column / --id-field. */
  id?: string;
  /** The name of that column or field, to show beside the id. */
  idName?: string;
  /** The line of the export file where the record starts (0 for Parquet, which has no lines). */
  line: number;
  /** FHIR: the part of the resource the note is (e.g. "content[1] (text/html)", "section[0] \"Plan\""); the resource is the id. */
  part?: string;
  /** The columns asked for with ColumnOptions.fields, by the name asked for (absent from a JSON record: left out). */
  fields?: Record<string, string>;
}

export interface Document {
  /** The file name shown to people. */
  file: string;
  /** The format it was read as (see formats.ts: whether --fix may rewrite it). */
  format?: import('./formats.js').InputFormat;
  /** How `text` is parsed into prose: Markdown and HTML markup is not prose. */
  syntax: 'text' | 'markdown' | 'html';
  /** The text findings' offsets, lines and columns refer to. */
  text: string;
  record?: RecordRef;
  /** Read from standard input (never rewritten by --fix). */
  stdin?: boolean;
  /** Offsets in `text` where each paragraph starts (.docx, which has no lines): findings then name the paragraph and quote the sentence. */
  paragraphs?: number[];
  /** Decoded from a legacy encoding (Windows-1252): --fix leaves it alone, as it writes UTF-8 only. */
  legacyEncoding?: string;
}
