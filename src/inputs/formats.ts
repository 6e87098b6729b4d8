// Every input format in one registry: its name (--input-format), the extensions that choose it,
// how its bytes are read, how its text is parsed, and whether --fix may rewrite it. The readers
// (sources.ts), the folder search (files.ts), --fix (lint-command.ts) and the CLI's choices all
// ask this table, so they cannot disagree. To add a format: add an entry here, and a reader for
// its `read` kind in sources.ts when it needs a new one.
import path from 'node:path';

export const INPUT_FORMATS = ['text', 'markdown', 'html', 'docx', 'csv', 'tsv', 'jsonl', 'parquet', 'fhir'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];
/** Formats that hold many notes, one per record, read as a stream. */
export type ExportFormat = 'csv' | 'tsv' | 'jsonl';

export interface FormatEntry {
  name: InputFormat;
  /** Lower-case extensions without the dot that choose this format. */
  extensions: readonly string[];
  /**
   * How the bytes are read: `text` (the whole file, decoded), `docx` (a Word zip, via mammoth),
   * `export` (a stream of records, one note each: CSV, TSV, JSON Lines), `parquet` (row group by
   * row group) and `fhir` (FHIR R4 resources, each note a part of a resource): note-sources.ts.
   */
  read: 'text' | 'docx' | 'export' | 'parquet' | 'fhir';
  /** How the linted text is parsed into prose (Markdown and HTML markup is not prose). */
  syntax: 'text' | 'markdown' | 'html';
  /** --fix may rewrite the file (a text document); exports and Word files are never rewritten. */
  rewritable: boolean;
  /** Linted inside folders by default (--ext). */
  inFolders: boolean;
}

export const FORMATS: readonly FormatEntry[] = [
  { name: 'text', extensions: ['txt'], read: 'text', syntax: 'text', rewritable: true, inFolders: true },
  { name: 'markdown', extensions: ['md', 'markdown'], read: 'text', syntax: 'markdown', rewritable: true, inFolders: true },
  { name: 'html', extensions: ['html', 'htm', 'xhtml'], read: 'text', syntax: 'html', rewritable: true, inFolders: true },
  { name: 'docx', extensions: ['docx'], read: 'docx', syntax: 'text', rewritable: false, inFolders: true },
  { name: 'csv', extensions: ['csv'], read: 'export', syntax: 'text', rewritable: false, inFolders: false },
  { name: 'tsv', extensions: ['tsv', 'tab'], read: 'export', syntax: 'text', rewritable: false, inFolders: false },
  { name: 'jsonl', extensions: ['jsonl', 'ndjson'], read: 'export', syntax: 'text', rewritable: false, inFolders: false },
  { name: 'parquet', extensions: ['parquet'], read: 'parquet', syntax: 'text', rewritable: false, inFolders: false },
  // No extension of its own: chosen by --input-format fhir, or by a "resourceType" at the start of
  // a .ndjson, .jsonl or .json file (mayBeFhir).
  { name: 'fhir', extensions: [], read: 'fhir', syntax: 'text', rewritable: false, inFolders: false },
];

const BY_NAME = new Map(FORMATS.map((f) => [f.name, f]));
const BY_EXTENSION = new Map(FORMATS.flatMap((f) => f.extensions.map((e) => [e, f] as const)));

/** The registry entry of a format. */
export function formatEntry(name: InputFormat): FormatEntry {
  return BY_NAME.get(name)!;
}

/** The format a file is read as: `override` (--input-format), else by extension; plain text for any other extension. */
export function formatOf(file: string, override?: InputFormat): InputFormat {
  if (override) return override;
  return BY_EXTENSION.get(path.extname(file).slice(1).toLowerCase())?.name ?? 'text';
}

/**
 * Files that may hold FHIR resources, told apart by a "resourceType" at their start (sources.ts):
 * NDJSON (Bulk Data), JSON Lines and a single JSON resource or Bundle.
 */
export function mayBeFhir(file: string): boolean {
  return /\.(ndjson|jsonl|json)$/i.test(file);
}

/**
 * Whether a JSON text's start looks like a FHIR resource (detection for .ndjson, .jsonl and .json):
 * here, not in fhir.ts, so the CLI can tell before reading (export-options.ts) without loading the reader.
 */
export function looksLikeFhir(head: string): boolean {
  return /^\s*\{[^]*?"resourceType"\s*:\s*"[A-Z][A-Za-z]+"/.test(head);
}

export function isExportFormat(format: InputFormat): format is ExportFormat {
  return formatEntry(format).read === 'export';
}

/** Extensions linted when a folder is given, by default. */
export const DEFAULT_EXTENSIONS: readonly string[] = FORMATS.filter((f) => f.inFolders).map((f) => f.extensions[0]!);
