// One CSV/TSV record's text (its lines joined by \n) → its fields, or why it cannot be read.
//
// csv-parse is the authority (strict RFC 4180, the error messages), but its sync parse costs a
// fixed set-up per call and reads ~35 MB/s. Most records are well-formed, so each is first read
// by quickFields, which accepts only a record in canonical RFC 4180 form (each field either
// unquoted and free of `"` and line breaks, or quoted with each `"` doubled, fields joined by the
// delimiter and nothing else): such a record has exactly one reading, the one csv-parse returns.
// Anything else — an error, odd quoting — is parsed by csv-parse as before. (It replaced
// papaparse plus a check that its fields wrote back to the record: the same records accepted,
// at about a third of the cost.) TSV (no quoting): a line split at its tabs is what csv-parse reads.
import { parse as parseCsv } from 'csv-parse/sync';

export type Delimiter = ',' | '\t';
export type RecordFields = { fields: string[]; error?: undefined } | { fields?: undefined; error: string };

const QUOTE = 34; // "

/**
 * The fields of a record, exactly as csv-parse would read them, when the record is in canonical
 * form (see above); undefined means "ask csv-parse" (it may be malformed, or read otherwise).
 */
export function quickFields(raw: string, delimiter: Delimiter): string[] | undefined {
  // TSV has no quoting: one line is its fields. (csv-parse reads no record at all in '')
  if (delimiter === '\t') return raw !== '' && raw.indexOf('\n') === -1 ? raw.split('\t') : undefined;
  if (raw === '') return undefined;
  const fields: string[] = [];
  for (let p = 0; ; p++) {
    // p: where a field starts.
    if (raw.charCodeAt(p) === QUOTE) {
      // Quoted: the field ends at the first `"` that is not doubled; its `""` are one `"` each.
      let q = raw.indexOf('"', p + 1);
      let doubled = false;
      while (q !== -1 && raw.charCodeAt(q + 1) === QUOTE) {
        doubled = true;
        q = raw.indexOf('"', q + 2);
      }
      if (q === -1) return undefined; // unterminated
      const field = raw.slice(p + 1, q);
      fields.push(doubled ? field.replaceAll('""', '"') : field);
      p = q + 1;
    } else {
      let end = raw.indexOf(delimiter, p);
      if (end === -1) end = raw.length;
      const field = raw.slice(p, end);
      // A quotation mark inside an unquoted field, or a line break outside quotes (two records).
      if (field.indexOf('"') !== -1 || field.indexOf('\n') !== -1) return undefined;
      fields.push(field);
      p = end;
    }
    if (p === raw.length) return fields;
    if (raw[p] !== delimiter) return undefined; // text after a closing quotation mark
  }
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
