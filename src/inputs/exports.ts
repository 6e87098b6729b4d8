// Note exports (CSV, TSV, JSON Lines) read as streams, a chunk (about 64 KB) at a time: each
// record becomes a Document whose text is the note, with its row, id, starting line and the other
// columns asked for (ColumnOptions.fields). Memory holds a chunk and the record being read, never
// the file. A malformed record is reported with its line and row and skipped; the rest of the file
// is still read. Records are handed on in batches (one per chunk), not one async step each.
//
// CSV/TSV: dignify finds where each record ends by counting quotes over the chunk and reads the
// record's fields with csv-parse (csv-record.ts: records in canonical form take a faster path).
// csv-parse's own stream cannot resynchronise after a broken quote (the records after it are
// swallowed into the bad field); splitting first means an unterminated quote costs one record:
// its first line is reported and the lines after it are read again as records.
import { setImmediate as turn } from 'node:timers/promises';
import { chooseColumns, getPath, namedLikeText, type ColumnOptions } from './columns.js';
import type { RecordFields as RecordFieldsResult } from './csv-record.js';
import { beyondLatin1, DecodeError, oneByte, textChunks } from './decode.js';
import type { Document, RecordRef } from './document.js';
import type { ExportFormat } from './formats.js';
import { jsonSyntaxError } from './json-error.js';

export type ExportEvent =
  | { kind: 'record'; doc: Document }
  | { kind: 'bad-record'; record: RecordRef; error: string }
  /** Something said once about the file (the column chosen). */
  | { kind: 'notice'; message: string }
  /** The file cannot be read (on): what was read before stays reported. */
  | { kind: 'fatal'; error: string };

/** A quoted field may run over many lines; past this size a record is taken for an unterminated quote. */
export const MAX_RECORD_CHARS = 64 * 1024 * 1024;

/** Characters read between two turns of the event loop (readExportBatches). */
const TURN_CHARS = 4 * 1024 * 1024;

/** How many records that cannot be read, with none read before them, make a source no export. */
export const MAX_BAD_AT_START = 1000;

const CRLF = /\r\n/g;

/** Line breaks as readline reads them (LF, CRLF, CR) → LF, chunk by chunk: a CR ending one chunk pairs with an LF starting the next. */
export class LineBreaks {
  private cr = false;

  /** The chunk with LF line breaks; a CR at its end is held back until the next chunk (or end()). */
  push(chunk: string): string {
    let text = this.cr ? `\r${chunk}` : chunk;
    this.cr = false;
    if (text.indexOf('\r') === -1) return text;
    if (text.endsWith('\r')) {
      this.cr = true;
      text = text.slice(0, -1);
    }
    // CRLF first, as a plain pattern V8 replaces without its regex engine (MTSamples, all CRLF:
    // 4 ms per 17 MB against 12-13 for /\r\n?/g), then any CR left alone.
    const lf = text.replace(CRLF, '\n');
    return lf.indexOf('\r') === -1 ? lf : lf.replace(/\r/g, '\n');
  }

  /** What was held back at the end of the input ("\n" for a final CR). */
  end(): string {
    const held = this.cr ? '\n' : '';
    this.cr = false;
    return held;
  }
}

/** Reads an export from chunks of text (LF line breaks): each push returns the events the text completes. */
interface ChunkReader {
  /**
   * `wide`: the text may hold a character outside Latin-1 (default true). A note cut only from
   * chunks that hold none is a one-byte string already and is handed on as it is; one cut from a
   * wide chunk goes through oneByte (a chunk with one curly apostrophe is stored two bytes per
   * character, and so is every slice of it).
   */
  push(text: string, wide?: boolean): ExportEvent[];
  /** The end of the input: the events of what was held back (an unterminated last record). */
  end(): ExportEvent[];
}

/**
 * What to add to a header error when a .csv file is delimited by tabs or semicolons (dignify reads
 * CSV with commas only, RFC 4180; a spreadsheet set to a European locale writes semicolons): ''
 * for a TSV file, a header of several columns or one with no tab or semicolon. `columns`: the
 * header's columns as read (0: it could not be read).
 */
export function delimiterHint(header: string, delimiter: ',' | '\t', columns: number): string {
  if (delimiter !== ',' || columns > 1) return '';
  const tabs = header.split('\t').length - 1;
  const semicolons = header.split(';').length - 1;
  if (tabs === 0 && semicolons === 0) return '';
  return tabs >= semicolons
    ? '; the header looks tab-delimited, and CSV is read with commas only: read it with --input-format tsv'
    : '; the header looks semicolon-delimited, and CSV is read with commas only: save it with commas (or with tabs, read with --input-format tsv)';
}

/**
 * CSV: RFC 4180 quoting, strict. TSV: one record per line, no quoting (IANA text/tab-separated-values).
 *
 * Records are cut from whole chunks, not lines: a record ends at the first line break where the
 * quotation marks since its start are balanced (two indexOf searches, remembered across records,
 * so a chunk is read about once). A record over several lines that does not read (`2,"IVDU and` …
 * `5,ab"c`: the quote that seemed to close the first line's field stood inside another record),
 * a quote still open at the end of the input, or one open past MAX_RECORD_CHARS, costs only its
 * first line: that line is reported and the text after it is read again as records. Each record's
 * fields come from recordFields (csv-record.ts: its own reading of a canonical record,
 * csv-parse otherwise, which words every error).
 */
function delimitedReader(
  file: string,
  delimiter: ',' | '\t',
  options: ColumnOptions,
  recordFields: (raw: string, delimiter: ',' | '\t') => RecordFieldsResult,
): ChunkReader {
  const quoted = delimiter === ',';
  let header: string[] | undefined;
  let textIndex = 0;
  let idIndex: number | undefined;
  let keep: Array<[name: string, index: number]> = [];
  let row = 0;
  let out: ExportEvent[] = [];
  let stopped = false; // a fatal error was reported: nothing more is read
  // The unfinished record before the next chunk: its text so far (kept as pieces, so a long record
  // is joined once, not once per chunk), whether a quoted field is open at its end, its first line.
  let pieces: string[] = [];
  let pendingChars = 0;
  let open = false;
  let multiLine = false; // the unfinished record holds a line break (inside quotes)
  let line = 1;
  let lastChar = '';
  let textWide = true; // the text being read may hold a character outside Latin-1 (ChunkReader.push)
  let piecesWide = false; // so may the pieces held

  // One complete candidate record (quotes balanced) → a record, a bad record, the header, or nothing.
  function take(raw: string, number: number, forcedError?: string, read?: RecordFieldsResult, wide = true): void {
    if (!header && forcedError === undefined && raw.trim() === '') return;
    if (header && forcedError === undefined && raw === '') return; // blank line between records
    let fields: string[] | undefined;
    let error = forcedError;
    if (error === undefined) ({ fields, error } = read ?? recordFields(raw, delimiter));
    if (!header) {
      if (error !== undefined || !fields) {
        fatal(`line ${number}: cannot read the header: ${error ?? 'empty'}${delimiterHint(raw, delimiter, 0)}`);
        return;
      }
      const choice = chooseColumns(fields, options, 'column');
      if ('error' in choice) {
        fatal(`${choice.error}${delimiterHint(raw, delimiter, fields.length)}`);
        return;
      }
      // Two columns of one name: which holds the note (or the id) cannot be known.
      for (const name of [choice.text, choice.id, ...(choice.fields ?? [])]) {
        const at = name === undefined ? [] : fields.flatMap((f, i) => (f === name ? [i + 1] : []));
        if (at.length > 1) {
          fatal(
            `line ${number}: the header names ${at.length} columns "${name}" (columns ${at.join(' and ')}); rename them, or choose another with --text-column / --id-column`,
          );
          return;
        }
      }
      header = fields;
      textIndex = fields.indexOf(choice.text);
      idIndex = choice.id === undefined ? undefined : fields.indexOf(choice.id);
      keep = (choice.fields ?? []).map((name, i) => [options.fields![i]!, fields.indexOf(name)]);
      if (choice.notice) out.push({ kind: 'notice', message: choice.notice });
      return;
    }
    row++;
    const record: RecordRef = { row, line: number };
    if (error === undefined && fields!.length !== header.length) {
      error = `${fields!.length} field${fields!.length === 1 ? '' : 's'} where the header has ${header.length}`;
    }
    // A NUL byte is binary data, not a note: the record is reported, the rest of the export read.
    if (error === undefined && raw.includes('\0')) error = 'holds a NUL byte (binary data, not text)';
    if (error !== undefined) {
      out.push({ kind: 'bad-record', record, error });
      return;
    }
    const id = idIndex === undefined ? undefined : fields![idIndex];
    if (id) Object.assign(record, { id, idName: header[idIndex!] });
    if (keep.length) record.fields = Object.fromEntries(keep.map(([name, index]) => [name, fields![index]!]));
    const note = fields![textIndex] ?? '';
    out.push({ kind: 'record', doc: { file, syntax: 'text', text: wide ? oneByte(note) : note, record } });
  }

  function fatal(error: string): void {
    out.push({ kind: 'fatal', error });
    stopped = true;
  }

  /** The record starting `raw` cannot be read: its first line is reported; returns the text after that line, to read again. */
  function dropFirstLine(raw: string, reason?: string): string {
    const cut = raw.indexOf('\n');
    const first = cut === -1 ? raw : raw.slice(0, cut);
    // The first line's own error when it has one ("a quotation mark inside an unquoted field"), else the reason given.
    const own = first.length <= MAX_RECORD_CHARS ? recordFields(first, delimiter).error : undefined;
    take(first, line, own ?? reason ?? 'unterminated quoted field');
    line++;
    return cut === -1 ? '' : raw.slice(cut + 1);
  }

  /** Reads `text` (which continues the unfinished record, if any) as far as it completes records; keeps the rest. */
  function read(text: string): void {
    let start = -pendingChars; // where the current record starts, relative to text (negative: in pieces)
    let i = 0; // scan position
    let nextQuote = -2; // the first `"` at or after i (-1: none), -2: not searched yet
    let nextBreak = -2; // the first "\n" at or after i, likewise
    const joined = (end: number) => (start < 0 ? pieces.join('') + text.slice(0, end) : text.slice(start, end));
    /** Starts reading `rest` afresh as the text (after a record's first line was dropped). */
    const restart = (rest: string) => {
      textWide ||= piecesWide;
      piecesWide = false;
      text = rest;
      start = i = 0;
      nextQuote = nextBreak = -2;
      multiLine = open = false;
      pieces = [];
      pendingChars = 0;
    };
    while (!stopped) {
      // Where the record starting at `start` ends: the line break at `end`, -1 when not in text.
      let end = -1;
      let tooLong = false;
      for (;;) {
        if (open) {
          if (nextQuote !== -1 && nextQuote < i) nextQuote = text.indexOf('"', i);
          if (nextBreak !== -1 && nextBreak < i) nextBreak = text.indexOf('\n', i);
          // A quote open past MAX_RECORD_CHARS: the record ends at the first line break past that size.
          const limit = start + MAX_RECORD_CHARS;
          if (limit <= text.length) {
            const late = text.indexOf('\n', Math.max(i, limit));
            if (late !== -1 && (nextQuote === -1 || late < nextQuote)) {
              end = late;
              tooLong = true;
              break;
            }
          }
          if (nextQuote === -1) {
            if (nextBreak !== -1) multiLine = true;
            break; // still open at the end of the text
          }
          if (nextBreak !== -1 && nextBreak < nextQuote) multiLine = true;
          i = nextQuote + 1;
          open = false;
          continue;
        }
        if (nextBreak !== -1 && nextBreak < i) nextBreak = text.indexOf('\n', i);
        if (quoted && nextQuote !== -1 && nextQuote < i) nextQuote = text.indexOf('"', i);
        if (!quoted || nextQuote === -1 || (nextBreak !== -1 && nextBreak < nextQuote)) {
          end = nextBreak;
          break;
        }
        i = nextQuote + 1;
        open = true;
      }
      if (end === -1) {
        // The record goes on in the next chunk.
        const rest = start < 0 ? text : text.slice(start);
        if (rest) pieces.push(rest);
        pendingChars += rest.length;
        piecesWide ||= textWide;
        if (text) lastChar = text[text.length - 1]!;
        return;
      }
      const raw = joined(end);
      if (tooLong) {
        restart(dropFirstLine(raw, `unterminated quoted field (or a record over ${MAX_RECORD_CHARS / 1024 / 1024} MB)`) + text.slice(end));
        continue;
      }
      // A record over several lines that does not read costs only its first line.
      const fields = multiLine && header ? recordFields(raw, delimiter) : undefined;
      if (fields?.error !== undefined) {
        restart(dropFirstLine(raw) + text.slice(end));
        continue;
      }
      take(raw, line, undefined, fields, textWide || (start < 0 && piecesWide));
      if (multiLine) for (let k = raw.indexOf('\n'); k !== -1; k = raw.indexOf('\n', k + 1)) line++;
      line++;
      pieces = [];
      pendingChars = 0;
      piecesWide = false;
      multiLine = false;
      start = i = end + 1;
    }
  }

  return {
    push(text, wide = true) {
      out = [];
      textWide = wide;
      if (!stopped) read(text);
      return out;
    },
    end() {
      out = [];
      // The last line without a line break is a line (as readline reads it).
      textWide = false;
      if (!stopped && pendingChars > 0 && lastChar !== '\n') read('\n');
      // A quote open at the end of the input: its record's first line is reported, the rest read again.
      while (!stopped && pendingChars > 0) {
        const raw = pieces.join('');
        textWide = piecesWide;
        pieces = [];
        pendingChars = 0;
        piecesWide = false;
        open = multiLine = false;
        read(dropFirstLine(raw, 'unterminated quoted field'));
        textWide = false;
        if (!stopped && pendingChars > 0 && lastChar !== '\n') read('\n');
      }
      return out;
    },
  };
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

/** Dotted paths to the string values of a JSON object, nested up to 3 levels, at most 20 (for messages). */
function stringPaths(value: Record<string, unknown>, prefix = '', depth = 0, out: string[] = []): string[] {
  for (const [key, v] of Object.entries(value)) {
    if (out.length >= 20) break;
    if (typeof v === 'string') out.push(prefix + key);
    else if (v !== null && typeof v === 'object' && !Array.isArray(v) && depth < 2)
      stringPaths(v as Record<string, unknown>, `${prefix}${key}.`, depth + 1, out);
  }
  return out;
}

/** A record's fields for a message: `"id", "note" (an object: "note.text")`, at most 20 paths. */
function fieldList(value: Record<string, unknown>): string {
  const kind = (v: unknown) =>
    v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : typeof v === 'string' ? '' : `a ${typeof v}`;
  const parts = Object.keys(value)
    .slice(0, 20)
    .map((k) => {
      const v = value[k];
      const inner = v !== null && typeof v === 'object' && !Array.isArray(v) ? stringPaths(v as Record<string, unknown>, `${k}.`, 1) : [];
      const note = kind(v) && `${kind(v)}${inner.length ? `: ${inner.map((p) => `"${p}"`).join(', ')}` : ''}`;
      return `"${k}"${note ? ` (${note})` : ''}`;
    });
  return parts.join(', ') || '(none)';
}

/** JSON Lines: the text split at its line breaks (chunk by chunk, a partial last line kept), JSON.parse per line. */
function jsonLinesReader(file: string, options: ColumnOptions): ChunkReader {
  let choice: { text: string; id?: string; fields?: string[] } | undefined;
  let row = 0;
  let number = 0;
  let carry = '';
  let carryWide = false; // the carried text may hold a character outside Latin-1 (ChunkReader.push)
  let out: ExportEvent[] = [];
  let stopped = false;

  function line(text: string, wide: boolean): void {
    number++;
    if (text.trim() === '') return;
    const record: RecordRef = { row: ++row, line: number };
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      out.push({ kind: 'bad-record', record, error: jsonSyntaxError(e) });
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      out.push({ kind: 'bad-record', record, error: 'not a JSON object' });
      return;
    }
    if (!choice) {
      const first = value as Record<string, unknown>;
      const stop = (error: string) => {
        out.push({ kind: 'fatal', error });
        stopped = true;
      };
      // A --text-field (or --id-field) the first record lacks is a wrong name (as a --text-column not in a CSV
      // header): said once, not once per record. A later record that lacks it costs only itself.
      for (const [wanted, what] of [
        [options.textColumn, ''],
        [options.idColumn, ' for the id'],
      ] as const) {
        if (wanted !== undefined && getPath(first, wanted) === undefined) {
          stop(`line ${number}: the first record has no field "${wanted}"${what}; its fields are ${fieldList(first)}`);
          return;
        }
      }
      // An object or array is never the note ({"note": {"text": …}} holds it deeper). A scalar
      // that is not a string ("note": 3) stays a candidate: it costs only its record, as before.
      const strings = Object.keys(first).filter((k) => first[k] === null || typeof first[k] !== 'object');
      const picked = chooseColumns(Object.keys(first), options, 'field', (p) => getPath(first, p) !== undefined, strings);
      if ('error' in picked) {
        if (options.textColumn === undefined && picked.error.startsWith('no field looks like note text')) {
          const nested = stringPaths(first).filter((p) => p.includes('.'));
          const hint = nested.find(namedLikeText) ?? nested[0];
          stop(
            `no field with text looks like note text; name it with --text-field${hint ? ` (e.g. --text-field ${hint})` : ''}; the first record's fields are ${fieldList(first)}`,
          );
        } else stop(picked.error);
        return;
      }
      choice = picked;
      if (picked.notice) out.push({ kind: 'notice', message: picked.notice });
    }
    const note = getPath(value, choice.text);
    if (note === undefined || (note !== null && typeof note !== 'string')) {
      out.push({ kind: 'bad-record', record, error: note === undefined ? `no field "${choice.text}"` : `the field "${choice.text}" is not a string` });
      return;
    }
    const id = choice.id === undefined ? undefined : getPath(value, choice.id);
    if (typeof id === 'string' || typeof id === 'number') Object.assign(record, { id: String(id), idName: choice.id });
    if (choice.fields) record.fields = keptFields(value, choice.fields);
    // JSON.parse of a one-byte line gives one-byte strings.
    out.push({ kind: 'record', doc: { file, syntax: 'text', text: wide ? oneByte(note ?? '') : (note ?? ''), record } });
  }

  return {
    push(text, wide = true) {
      out = [];
      let from = 0;
      for (let cut = text.indexOf('\n'); cut !== -1 && !stopped; cut = text.indexOf('\n', from)) {
        line(carry ? carry + text.slice(from, cut) : text.slice(from, cut), wide || (carry !== '' && carryWide));
        carry = '';
        carryWide = false;
        from = cut + 1;
      }
      if (!stopped && from < text.length) {
        carry += text.slice(from);
        carryWide ||= wide;
      }
      return out;
    },
    end() {
      out = [];
      // The last line without a line break is a line (as readline reads it).
      if (!stopped && carry) line(carry, carryWide);
      carry = '';
      carryWide = false;
      return out;
    },
  };
}

/**
 * The events of an export, a batch per chunk read (about 64 KB): records in order, a bad record
 * costing only itself, a `fatal` event last when the export cannot be read on. Stopping early (a
 * fatal error) closes the source stream.
 */
export async function* readExportBatches(
  file: string,
  stream: AsyncIterable<Buffer | string>,
  format: ExportFormat,
  options: ColumnOptions,
): AsyncGenerator<ExportEvent[]> {
  const warnings: string[] = [];
  // Loaded here, not at start-up: only exports need csv-parse.
  const reader =
    format === 'jsonl'
      ? jsonLinesReader(file, options)
      : delimitedReader(file, format === 'csv' ? ',' : '\t', options, (await import('./csv-record.js')).recordFields);
  // A source whose first records all fail to read is no export (random bytes, a binary file with
  // few control bytes): stop instead of naming bad records for ever.
  let goodSeen = false;
  let badAtStart = 0;
  let done = false;
  const vetted = (events: ExportEvent[]): ExportEvent[] => {
    const batch: ExportEvent[] = warnings.splice(0).map((message) => ({ kind: 'notice', message }));
    for (const event of events) {
      batch.push(event);
      if (event.kind === 'fatal') {
        done = true;
        break;
      }
      if (event.kind === 'record') goodSeen = true;
      else if (event.kind === 'bad-record' && !goodSeen && ++badAtStart >= MAX_BAD_AT_START) {
        batch.push({
          kind: 'fatal',
          error: `none of the first ${MAX_BAD_AT_START} records could be read; is it a ${format === 'jsonl' ? 'JSON Lines' : format.toUpperCase()} export?`,
        });
        done = true;
        break;
      }
    }
    return batch;
  };
  const breaks = new LineBreaks();
  try {
    let sinceTurn = 0;
    for await (const chunk of textChunks(stream, (message) => warnings.push(message))) {
      const batch = vetted(reader.push(breaks.push(chunk), beyondLatin1(chunk)));
      if (batch.length) yield batch;
      if (done) return;
      // Give the event loop a turn every few megabytes: when the source's chunks are ready at
      // once (a generated stream, a fast disk), reading and linting run as one chain of promise
      // jobs, and nothing queued with process.nextTick (a stream's own bookkeeping), no timer,
      // signal handler or pending stdout write runs until the export ends. A 500 MB export
      // gathered about 150 bytes of such ticks per record.
      sinceTurn += chunk.length;
      if (sinceTurn >= TURN_CHARS) {
        sinceTurn = 0;
        await turn();
      }
    }
    const held = breaks.end();
    const last = vetted(held ? [...reader.push(held), ...reader.end()] : reader.end());
    if (last.length) yield last;
  } catch (error) {
    if (error instanceof DecodeError) yield [{ kind: 'fatal', error: error.message }];
    else throw error;
  }
}

/** readExportBatches one event at a time. */
export async function* readExport(
  file: string,
  stream: AsyncIterable<Buffer | string>,
  format: ExportFormat,
  options: ColumnOptions,
): AsyncGenerator<ExportEvent> {
  for await (const batch of readExportBatches(file, stream, format, options)) yield* batch;
}
