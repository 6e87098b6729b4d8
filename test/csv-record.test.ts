// The CSV fast path (quickFields: canonical records only) must never disagree with csv-parse: it
// either returns exactly csv-parse's fields or declines, and csv-parse then decides.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quickFields, recordFields, strictFields, type Delimiter } from '../src/inputs/csv-record.js';
import { expectEqual } from './helpers.js';

// Records from the characters that matter to CSV, plus short random strings (no line breaks but
// the \n of a quoted field, as the reader joins a record's lines with \n).
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('a', ',', '"', '\t', ' ', '""', '\n', '\r', '\ufeff', 'b c') },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }).map((s) => s.replace(/[\r\n]/g, '')) },
);
const anyRecord = fc.array(piece, { maxLength: 16 }).map((parts) => parts.join(''));
// Mostly well-formed records (fields quoted or not, then maybe damaged), so the fast path runs.
const field = fc.array(fc.constantFrom('a', ' ', '"', ',', '\t', '\n', 'x y'), { maxLength: 6 }).map((parts) => parts.join(''));
const quote = (f: string) => `"${f.replaceAll('"', '""')}"`;
const wellFormed = fc
  .array(fc.tuple(field, fc.boolean()), { minLength: 1, maxLength: 5 })
  .map((fields) => fields.map(([f, q]) => (q || /["\n,]/.test(f) ? quote(f) : f)).join(','));
const damaged = fc
  .tuple(wellFormed, fc.nat(), fc.constantFrom('"', ',', ' ', 'a', ''))
  .map(([r, at, c]) => r.slice(0, at % (r.length + 1)) + c + r.slice((at % (r.length + 1)) + 1));

const reference = (raw: string, delimiter: Delimiter) => {
  const r = strictFields(raw, delimiter);
  return r.error === undefined ? r.fields : 'error';
};

describe('CSV record fields: the fast path agrees with csv-parse', () => {
  it('accepts only what csv-parse reads the same way, on random and on nearly well-formed records', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(anyRecord, wellFormed, damaged), (raw) => {
        const quick = quickFields(raw, ',');
        if (quick !== undefined) {
          accepted++;
          expectEqual(quick, reference(raw, ','));
        }
        expectEqual(recordFields(raw, ','), strictFields(raw, ','));
      }),
      { numRuns: 5000 },
    );
    // The property is only worth something if the fast path is taken often.
    expect(accepted).toBeGreaterThan(1000);
  });

  it('reads canonical records (quoted fields with doubled quotes, line breaks, empty fields) on the fast path', () => {
    expect(quickFields('1,"He said ""IVDU""","a\nb",,""', ',')).toEqual(['1', 'He said "IVDU"', 'a\nb', '', '']);
    expect(quickFields('plain,fields', ',')).toEqual(['plain', 'fields']);
    // Empty fields at either end, one empty quoted field, doubled quotes at a quoted field's edges.
    const edges = [',x,', '""', '""""", pt is an addict""",2'];
    expect(edges.map((raw) => quickFields(raw, ','))).toEqual([['', 'x', ''], [''], ['"", pt is an addict"', '2']]);
    for (const raw of edges) expect(quickFields(raw, ',')).toEqual(strictFields(raw, ',').fields);
    // A byte-order mark inside the text (the file's own is dropped when decoding) is text to csv-parse.
    expect(quickFields('\ufeffa,b', ',')).toEqual(['\ufeffa', 'b']);
    expect(strictFields('\ufeffa,b', ',').fields).toEqual(['\ufeffa', 'b']);
  });

  it('leaves to csv-parse what a lenient reader would accept, so the messages stay', () => {
    for (const raw of ['a,b"c,d', '"a" ,b', ' "a",b', '"a"b', '"unclosed', '', '"a""', 'a\nb,c']) expect(quickFields(raw, ',')).toBeUndefined();
    expect(recordFields('a,b"c,d', ',').error).toMatch(/quotation mark inside an unquoted field/);
    expect(recordFields('"a"b,c', ',').error).toMatch(/text after the closing quotation mark/);
  });

  it('TSV: a line split at its tabs is what csv-parse reads with quoting off', () => {
    let accepted = 0;
    fc.assert(
      fc.property(anyRecord, (raw) => {
        const quick = quickFields(raw, '\t');
        if (quick !== undefined) {
          accepted++;
          expectEqual(quick, reference(raw, '\t'));
        }
        expectEqual(recordFields(raw, '\t'), strictFields(raw, '\t'));
      }),
      { numRuns: 2000 },
    );
    expect(accepted).toBeGreaterThan(500);
  });

  it('TSV has no quoting: a quotation mark is text', () => {
    expect(recordFields('1\t"drug abuse\t5\'10"', '\t')).toEqual({ fields: ['1', '"drug abuse', '5\'10"'] });
  });
});
