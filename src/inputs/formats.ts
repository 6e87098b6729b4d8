// Which reader a source goes through: chosen by the file's extension, or by --input-format.
import path from 'node:path';

export const INPUT_FORMATS = ['text', 'markdown', 'html', 'docx', 'csv', 'tsv', 'jsonl'] as const;
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
};

export function formatOf(file: string, override?: InputFormat): InputFormat {
  if (override) return override;
  return BY_EXTENSION[path.extname(file).slice(1).toLowerCase()] ?? 'text';
}

export function isExportFormat(format: InputFormat): format is ExportFormat {
  return format === 'csv' || format === 'tsv' || format === 'jsonl';
}
