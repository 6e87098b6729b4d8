// The export reader as it was before issue 14 (decoder → readline → a line at a time), kept as the
// reference the chunk reader (src/inputs/exports.ts) must agree with, event for event
// (test/export-chunks.test.ts). Not used by dignify.
// Note exports (CSV, TSV, JSON Lines) read as streams, one record at a time: each record becomes
// a Document whose text is the note, with its row, id, starting line and
// the other columns asked for (ColumnOptions.fields). Memory holds one record,
// never the file. A malformed record is reported with its line and row and skipped; the rest of
// the file is still read.
//
// CSV/TSV: dignify finds where each record ends by counting quotes line by line and reads the
// record's fields with csv-parse (csv-record.ts: well-formed records take a faster path).
// csv-parse's own stream cannot resynchronise after a broken quote (the records after it are
// swallowed into the bad field); splitting first means an unterminated quote costs one record:
// its first line is reported and the lines after it are read again as records.
import { chooseColumns, getPath, type ColumnOptions } from '../../src/inputs/columns.js';
import { DecodeError, oneByte, textLines } from '../../src/inputs/decode.js';
import type { Document, RecordRef } from '../../src/inputs/document.js';
import { delimiterHint } from '../../src/inputs/exports.js';
import type { ExportFormat } from '../../src/inputs/formats.js';
import { jsonSyntaxError } from '../../src/inputs/json-error.js';

export type ExportEvent =
  | { kind: 'record'; doc: Document }
  | { kind: 'bad-record'; record: RecordRef; error: string }
  /** Something said once about the file (the column chosen). */
  | { kind: 'notice'; message: string }
  /** The file cannot be read (on): what was read before stays reported. */
  | { kind: 'fatal'; error: string };

/** A quoted field may run over many lines; past this size a record is taken for an unterminated quote. */
export const MAX_RECORD_CHARS = 64 * 1024 * 1024;

/** How many records that cannot be read, with none read before them, make a source no export. */
export const MAX_BAD_AT_START = 1000;

type Line = { text: string; number: number };

function quoteCount(line: string): number {
  let n = 0;
  for (let i = line.indexOf('"'); i !== -1; i = line.indexOf('"', i + 1)) n++;
  return n;
}

/** CSV: RFC 4180 quoting, strict. TSV: one record per line, no quoting (IANA text/tab-separated-values). */
async function* readDelimited(file: string, lines: AsyncIterable<string>, delimiter: ',' | '\t', options: ColumnOptions): AsyncGenerator<ExportEvent> {
  // Loaded here, not at start-up: only exports need papaparse and csv-parse.
  const { recordFields } = await import('../../src/inputs/csv-record.js');
  type RecordFields = ReturnType<typeof recordFields>;
  const quoted = delimiter === ',';
  let header: string[] | undefined;
  let textIndex = 0;
  let idIndex: number | undefined;
  let keep: Array<[name: string, index: number]> = [];
  let row = 0;
  let pending: Line[] = [];
  let pendingChars = 0;
  let quotes = 0;
  const replay: Line[] = [];

  // One complete candidate record (quotes balanced) → fields, or why not.
  function* take(chunk: Line[], forcedError?: string, read?: RecordFields): Generator<ExportEvent> {
    const first = chunk[0]!;
    const raw = chunk.map((l) => l.text).join('\n');
    if (!header && forcedError === undefined && raw.trim() === '') return;
    if (header && forcedError === undefined && raw === '') return; // blank line between records
    let fields: string[] | undefined;
    let error = forcedError;
    if (error === undefined) ({ fields, error } = read ?? recordFields(raw, delimiter));
    if (!header) {
      if (error !== undefined || !fields) {
        yield { kind: 'fatal', error: `line ${first.number}: cannot read the header: ${error ?? 'empty'}${delimiterHint(raw, delimiter, 0)}` };
        return;
      }
      const choice = chooseColumns(fields, options, 'column');
      if ('error' in choice) {
        yield { kind: 'fatal', error: `${choice.error}${delimiterHint(raw, delimiter, fields.length)}` };
        return;
      }
      // Two columns of one name: which holds the note (or the id) cannot be known.
      for (const name of [choice.text, choice.id, ...(choice.fields ?? [])]) {
        const at = name === undefined ? [] : fields.flatMap((f, i) => (f === name ? [i + 1] : []));
        if (at.length > 1) {
          yield {
            kind: 'fatal',
            error: `line ${first.number}: the header names ${at.length} columns "${name}" (columns ${at.join(' and ')}); rename them, or choose another with --text-column / --id-column`,
          };
          return;
        }
      }
      header = fields;
      textIndex = fields.indexOf(choice.text);
      idIndex = choice.id === undefined ? undefined : fields.indexOf(choice.id);
      keep = (choice.fields ?? []).map((name, i) => [options.fields![i]!, fields.indexOf(name)]);
      if (choice.notice) yield { kind: 'notice', message: choice.notice };
      return;
    }
    row++;
    const record: RecordRef = { row, line: first.number };
    if (error === undefined && fields!.length !== header.length) {
      error = `${fields!.length} field${fields!.length === 1 ? '' : 's'} where the header has ${header.length}`;
    }
    // A NUL byte is binary data, not a note: the record is reported, the rest of the export read.
    if (error === undefined && raw.includes('\0')) error = 'holds a NUL byte (binary data, not text)';
    if (error !== undefined) {
      yield { kind: 'bad-record', record, error };
      return;
    }
    const id = idIndex === undefined ? undefined : fields![idIndex];
    if (id) Object.assign(record, { id, idName: header[idIndex!] });
    if (keep.length) record.fields = Object.fromEntries(keep.map(([name, index]) => [name, fields![index]!]));
    yield { kind: 'record', doc: { file, syntax: 'text', text: oneByte(fields![textIndex] ?? ''), record } };
  }

  // The record starting at pending[0] cannot be read: report it, read the lines after it again.
  function* resync(reason?: string): Generator<ExportEvent> {
    const [first, ...rest] = pending;
    pending = [];
    pendingChars = 0;
    quotes = 0;
    // The first line's own error when it has one ("a quotation mark inside an unquoted field"),
    // else the reason given.
    const own = first!.text.length <= MAX_RECORD_CHARS ? recordFields(first!.text, delimiter).error : undefined;
    yield* take([first!], own ?? reason ?? 'unterminated quoted field');
    replay.unshift(...rest);
  }

  function* feed(line: Line): Generator<ExportEvent> {
    pending.push(line);
    pendingChars += line.text.length + 1;
    if (quoted) quotes += quoteCount(line.text);
    if (quotes % 2 === 0) {
      // A record over several lines that does not read (`2,"IVDU and` … `5,ab"c`: the quote that
      // seemed to close the first line's field stood inside another record) costs only its first
      // line: the lines after it are read again as records.
      const read = pending.length > 1 && header ? recordFields(pending.map((l) => l.text).join('\n'), delimiter) : undefined;
      if (read?.error !== undefined) {
        yield* resync();
        return;
      }
      const chunk = pending;
      pending = [];
      pendingChars = 0;
      quotes = 0;
      yield* take(chunk, undefined, read);
    } else if (pendingChars > MAX_RECORD_CHARS) {
      yield* resync(`unterminated quoted field (or a record over ${MAX_RECORD_CHARS / 1024 / 1024} MB)`);
    }
  }

  const drain = function* (): Generator<ExportEvent> {
    while (replay.length) yield* feed(replay.shift()!);
  };
  let number = 0;
  for await (const text of lines) {
    yield* feed({ text, number: ++number });
    yield* drain();
  }
  while (pending.length) {
    yield* resync('unterminated quoted field');
    yield* drain();
  }
}

/** A JSON record's kept fields as text: null is blank, objects are their JSON; a missing field is left out. */
function keptFields(value: object, paths: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of paths) {
    const v = getPath(value, p);
    if (v !== undefined) out[p] = v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  return out;
}

async function* readJsonLines(file: string, lines: AsyncIterable<string>, options: ColumnOptions): AsyncGenerator<ExportEvent> {
  let choice: { text: string; id?: string; fields?: string[] } | undefined;
  let row = 0;
  let number = 0;
  for await (const line of lines) {
    number++;
    if (line.trim() === '') continue;
    const record: RecordRef = { row: ++row, line: number };
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      yield { kind: 'bad-record', record, error: jsonSyntaxError(e) };
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      yield { kind: 'bad-record', record, error: 'not a JSON object' };
      continue;
    }
    if (!choice) {
      const first = value;
      const picked = chooseColumns(Object.keys(value), options, 'field', (p) => getPath(first, p) !== undefined);
      if ('error' in picked) {
        yield { kind: 'fatal', error: picked.error };
        return;
      }
      choice = picked;
      if (picked.notice) yield { kind: 'notice', message: picked.notice };
    }
    const text = getPath(value, choice.text);
    if (text === undefined || (text !== null && typeof text !== 'string')) {
      yield { kind: 'bad-record', record, error: text === undefined ? `no field "${choice.text}"` : `the field "${choice.text}" is not a string` };
      continue;
    }
    const id = choice.id === undefined ? undefined : getPath(value, choice.id);
    if (typeof id === 'string' || typeof id === 'number') Object.assign(record, { id: String(id), idName: choice.id });
    if (choice.fields) record.fields = keptFields(value, choice.fields);
    yield { kind: 'record', doc: { file, syntax: 'text', text: oneByte(text ?? ''), record } };
  }
}

export async function* readExport(
  file: string,
  stream: AsyncIterable<Buffer | string>,
  format: ExportFormat,
  options: ColumnOptions,
): AsyncGenerator<ExportEvent> {
  const warnings: string[] = [];
  const lines = textLines(stream, (message) => warnings.push(message));
  const events = format === 'jsonl' ? readJsonLines(file, lines, options) : readDelimited(file, lines, format === 'csv' ? ',' : '\t', options);
  // A source whose first records all fail to read is no export (random bytes, a binary file with
  // few control bytes): stop instead of naming bad records for ever.
  let goodSeen = false;
  let badAtStart = 0;
  try {
    for await (const event of events) {
      if (warnings[0]) yield { kind: 'notice', message: warnings.shift()! };
      yield event;
      if (event.kind === 'fatal') return;
      if (event.kind === 'record') goodSeen = true;
      else if (event.kind === 'bad-record' && !goodSeen && ++badAtStart >= MAX_BAD_AT_START) {
        yield {
          kind: 'fatal',
          error: `none of the first ${MAX_BAD_AT_START} records could be read; is it a ${format === 'jsonl' ? 'JSON Lines' : format.toUpperCase()} export?`,
        };
        return;
      }
    }
  } catch (error) {
    if (error instanceof DecodeError) yield { kind: 'fatal', error: error.message };
    else throw error;
  }
}
