// Which reader a source goes through: chosen by the file's extension, or by --input-format.
import path from 'node:path';

export const INPUT_FORMATS = ['text', 'markdown', 'html', 'docx', 'csv', 'tsv', 'jsonl', 'parquet', 'fhir'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];
/** Formats that hold many notes, one per record, read as a stream. */
export type ExportFormat = 'csv' | 'tsv' | 'jsonl';

const BY_EXTENSION: Record<string, InputFormat> = {
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  docx: 'docx',
  csv: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  parquet: 'parquet',
};

export function formatOf(file: string, override?: InputFormat): InputFormat {
  if (override) return override;
  return BY_EXTENSION[path.extname(file).slice(1).toLowerCase()] ?? 'text';
}

/**
 * Files that may hold FHIR resources, told apart by a "resourceType" at their start (sources.ts):
 * NDJSON (Bulk Data), JSON Lines and a single JSON resource or Bundle.
 */
export function mayBeFhir(file: string): boolean {
  return /\.(ndjson|jsonl|json)$/i.test(file);
}

export function isExportFormat(format: InputFormat): format is ExportFormat {
  return format === 'csv' || format === 'tsv' || format === 'jsonl';
}
