// One CSV/TSV record's text (its lines joined by \n) → its fields, or why it cannot be read.
//
// csv-parse is the authority (strict RFC 4180, the error messages), but its sync parse costs a
// fixed set-up per call and reads ~35 MB/s. Most records are well-formed, so each is first split
// by papaparse (~10× faster per record, but lenient: `a,b"c` is no error to it) and its fields are
// accepted only when they are provably what csv-parse would return: written back in canonical
// RFC 4180 form (a field either unquoted and free of `"`, or quoted with each `"` doubled), they
// must reproduce the record character for character. Such a record has exactly one reading.
// Anything else — an error, a lenient reading, odd quoting — is parsed by csv-parse as before.
// TSV (no quoting) needs no papaparse: a line split at its tabs is what csv-parse reads.
import { parse as parseCsv } from 'csv-parse/sync';
import Papa from 'papaparse';

export type Delimiter = ',' | '\t';
export type RecordFields = { fields: string[]; error?: undefined } | { fields?: undefined; error: string };

/** Whether `raw` holds `part` at `p`. (slice + === compares like memcmp; startsWith is ~10× slower here.) */
const holds = (raw: string, p: number, part: string) => raw.slice(p, p + part.length) === part;

/** Whether `raw` is exactly `fields` in canonical RFC 4180 form. */
function reproduces(raw: string, fields: readonly string[], delimiter: Delimiter): boolean {
  let p = 0;
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) {
      if (raw[p] !== delimiter) return false;
      p++;
    }
    const field = fields[i]!;
    if (raw[p] !== '"') {
      // Unquoted: the field verbatim, with no quote, delimiter or line break in it.
      if (!holds(raw, p, field) || field.indexOf('"') !== -1 || field.indexOf(delimiter) !== -1 || field.indexOf('\n') !== -1) return false;
      p += field.length;
      continue;
    }
    // Quoted: `"`, the field with each `"` doubled, `"`.
    p++;
    let from = 0;
    for (let q = field.indexOf('"'); q !== -1; q = field.indexOf('"', from)) {
      if (!holds(raw, p, field.slice(from, q))) return false;
      p += q - from;
      if (raw[p] !== '"' || raw[p + 1] !== '"') return false;
      p += 2;
      from = q + 1;
    }
    if (!holds(raw, p, field.slice(from))) return false;
    p += field.length - from;
    if (raw[p] !== '"') return false;
    p++;
  }
  return p === raw.length;
}

// papaparse's core parser, made once and reused: Papa.parse() wraps each call in a streamer and a
// handle (dozens of closures), and that garbage alone raised the peak memory of a large export by
// half. parse() starts afresh on each call.
const papaCsv = new Papa.Parser({ delimiter: ',', quoteChar: '"', newline: '\n' });

/**
 * The fields of a record, exactly as csv-parse would read them, when that can be had cheaply;
 * undefined means "ask csv-parse" (it may be malformed).
 */
export function quickFields(raw: string, delimiter: Delimiter): string[] | undefined {
  // TSV has no quoting: one line is its fields. (csv-parse reads no record at all in '')
  if (delimiter === '\t') return raw !== '' && raw.indexOf('\n') === -1 ? raw.split('\t') : undefined;
  const result = papaCsv.parse(raw, 0, false) as { data: string[][]; errors: unknown[] };
  if (result.errors.length !== 0 || result.data.length !== 1) return undefined;
  const fields = result.data[0]!;
  return reproduces(raw, fields, delimiter) ? fields : undefined;
}

function describeCsvError(error: unknown): string {
  const e = error as { code?: string; message?: string };
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'unterminated quoted field';
    case 'CSV_INVALID_OPENING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
      return 'a quotation mark inside an unquoted field (quote the field and double the mark)';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'text after the closing quotation mark of a field (unterminated or undoubled quote)';
    default:
      return (e.message ?? String(error)).replace(/ at line \d+/, '');
  }
}

/** The record's fields by csv-parse alone (the reference reading, and every error message). */
export function strictFields(raw: string, delimiter: Delimiter): RecordFields {
  try {
    const records = parseCsv(raw, {
      delimiter,
      quote: delimiter === ',' ? '"' : false,
      bom: false,
      relax_column_count: true,
      record_delimiter: '\n',
    }) as string[][];
    if (records.length !== 1) return { error: 'a record that reads as several (a stray quotation mark?)' };
    return { fields: records[0]! };
  } catch (e) {
    return { error: describeCsvError(e) };
  }
}

/** CSV: RFC 4180 quoting, strict. TSV: one record per line, no quoting (IANA text/tab-separated-values). */
export function recordFields(raw: string, delimiter: Delimiter): RecordFields {
  const fields = quickFields(raw, delimiter);
  return fields ? { fields } : strictFields(raw, delimiter);
}
