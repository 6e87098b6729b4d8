// The chunk reader of exports (src/inputs/exports.ts, issue 14) against the line reader it replaced
// (test/reference/exports-by-line.ts: decoder → readline → one line at a time): the same events,
// in the same order, for any text cut into any chunks — quotes open and closed over lines, blank
// lines, CR, LF and CRLF (a CRLF cut between two chunks too), NUL bytes, stray bytes that are not
// UTF-8, multi-byte characters cut between chunks, an unterminated quote at the end.
import { Readable } from 'node:stream';
import v8 from 'node:v8';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineBreaks, readExport, readExportBatches } from '../src/inputs/exports.js';
import type { ExportFormat } from '../src/inputs/formats.js';
import { readExport as readByLine } from './reference/exports-by-line.js';

async function events(read: typeof readExport, bytes: Buffer, cuts: number[], format: ExportFormat) {
  const chunks: Buffer[] = [];
  let at = 0;
  for (const cut of [...cuts.map((c) => c % (bytes.length + 1))].sort((a, b) => a - b)) {
    chunks.push(bytes.subarray(at, Math.max(at, cut)));
    at = Math.max(at, cut);
  }
  chunks.push(bytes.subarray(at));
  const out: unknown[] = [];
  for await (const event of read('x', Readable.from(chunks), format, {})) out.push(event);
  return out;
}

const csvPiece = fc.constantFrom('a', 'IVDU', ',', '"', '""', '\n', '\r\n', '\r', ' ', '\t', '\0', 'é', '\u2019', '\ud83d\ude00');
const csvText = fc
  .tuple(fc.constantFrom('id,note\n', 'id,note\r\n', 'note\n', '\n id,"no\nte"\n', ''), fc.array(csvPiece, { maxLength: 60 }))
  .map(([header, pieces]) => header + pieces.join(''));
const bytesOf = (text: string, stray: boolean) => {
  const bytes = Buffer.from(text);
  // A byte that is not UTF-8 in the middle: read as U+FFFD with one warning.
  return stray && bytes.length > 2 ? Buffer.concat([bytes.subarray(0, bytes.length >> 1), Buffer.from([0xff]), bytes.subarray(bytes.length >> 1)]) : bytes;
};

describe('the chunk reader of exports reads what the line reader read', () => {
  it('CSV and TSV, cut into chunks anywhere (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        csvText,
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.constantFrom<ExportFormat>('csv', 'tsv'),
        fc.boolean(),
        async (text, cuts, format, stray) => {
          const bytes = bytesOf(format === 'tsv' ? text.replaceAll(',', '\t') : text, stray);
          expect(await events(readExport, bytes, cuts, format)).toEqual(await events(readByLine, bytes, cuts, format));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('JSON Lines, cut into chunks anywhere (property)', async () => {
    const jsonPiece = fc.constantFrom(
      '{"note":"hx of IVDU"}',
      '{"note":null}',
      '{"note":3}',
      '[1]',
      '{',
      ' ',
      '\n',
      '\r\n',
      '\r',
      '"\\u0000"',
      '{"id":1,"note":"é"}',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(jsonPiece, { maxLength: 20 }), fc.array(fc.nat(), { maxLength: 6 }), fc.boolean(), async (pieces, cuts, stray) => {
        const bytes = bytesOf(pieces.join(''), stray);
        expect(await events(readExport, bytes, cuts, 'jsonl')).toEqual(await events(readByLine, bytes, cuts, 'jsonl'));
      }),
      { numRuns: 300 },
    );
  });

  it('an unterminated quote costs only its first line; the lines after it are records again, with their own line numbers', async () => {
    const text = 'id,note\n1,"hx of IVDU\n2,clean\n3,"a\nb"\n';
    const got = await events(readExport, Buffer.from(text), [11, 20], 'csv');
    expect(got).toEqual([
      { kind: 'notice', message: expect.stringContaining('"note"') },
      { kind: 'bad-record', record: { row: 1, line: 2 }, error: 'unterminated quoted field' },
      { kind: 'record', doc: { file: 'x', syntax: 'text', text: 'clean', record: { row: 2, line: 3, id: '2', idName: 'id' } } },
      { kind: 'record', doc: { file: 'x', syntax: 'text', text: 'a\nb', record: { row: 3, line: 4, id: '3', idName: 'id' } } },
    ]);
  });

  it('reads on after an unterminated quote followed by 200,000 lines (the line reader overflowed its stack)', async () => {
    const lines = Array.from({ length: 200_000 }, (_, i) => `${i + 2},pt ${i}`);
    const text = `id,note\n1,"hx of IVDU\n${lines.join('\n')}\n`;
    let records = 0;
    const bad: unknown[] = [];
    let last: unknown;
    for await (const event of readExport('x', Readable.from([Buffer.from(text)]), 'csv', {})) {
      if (event.kind === 'record') {
        records++;
        last = event.doc.record;
      } else if (event.kind === 'bad-record') bad.push(event.record);
    }
    expect(bad).toEqual([{ row: 1, line: 2 }]);
    expect(records).toBe(200_000);
    expect(last).toEqual({ row: 200_001, line: 200_002, id: '200001', idName: 'id' });
  });

  it('hands records on a batch per chunk, not one by one', async () => {
    const text = `note\n${'hx of IVDU\n'.repeat(2000)}`;
    const batches: number[] = [];
    for await (const batch of readExportBatches('x', Readable.from([Buffer.from(text)]), 'csv', {})) batches.push(batch.length);
    expect(batches.length).toBeLessThan(5);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(2001); // the notice and 2,000 records
  });

  it('reads CR, LF and CRLF line breaks as readline does, a CRLF cut between chunks as one break', () => {
    const breaks = new LineBreaks();
    const out = ['a\r', '\nb\r', 'c\r\r', '\n', 'd\r'].map((c) => breaks.push(c)).join('') + breaks.end();
    expect(out).toBe('a\nb\nc\n\nd\n');
    // Within one chunk: CR CR LF is two breaks, a lone CR one.
    expect(new LineBreaks().push('x\r\r\ny\rz\r\nw')).toBe('x\n\ny\nz\nw');
  });
});

// The linter's regexes scan a one-byte string about 3x faster than a two-byte one. A note cut from a
// chunk that holds a character outside Latin-1 (one curly apostrophe) is a slice of a two-byte
// string and is copied into one byte per character (oneByte); a note cut only from chunks without
// one is one-byte already and is not copied. Both must hand on one-byte notes.
describe('the notes an export reader hands on', () => {
  // V8's serializer writes a one-byte string with the tag '"' and a two-byte one with 'c'.
  const oneByteString = (text: string) => v8.serialize(text)[2] === 0x22;
  const notes = async (text: string, format: ExportFormat, cuts: number[]) => {
    const bytes = Buffer.from(text);
    const chunks = cuts.map((cut, i) => bytes.subarray(i ? cuts[i - 1] : 0, cut)).concat(bytes.subarray(cuts.at(-1) ?? 0));
    const out: string[] = [];
    for await (const event of readExport('x', Readable.from(chunks), format, {})) if (event.kind === 'record') out.push(event.doc.text);
    return out;
  };

  it('are one-byte strings unless they hold a character outside Latin-1, whatever chunk they came from', async () => {
    const csv = 'id,note\n1,plain text\n2,"caf\u00e9, quoted"\n3,a curly \u2019 here\n4,plain again after it\n5,"two\nlines, \u00e9"\n';
    const jsonl = csv
      .split('\n')
      .slice(1, -1)
      .map((row) => JSON.stringify({ id: row.split(',')[0], note: row.slice(row.indexOf(',') + 1) }))
      .join('\n');
    for (const [text, format] of [
      [csv, 'csv'],
      [csv.replaceAll(',', '\t').replaceAll('"', ''), 'tsv'],
      [jsonl, 'jsonl'],
    ] as const) {
      const bytes = Buffer.byteLength(text);
      // Whole, then cut at every byte: the curly apostrophe's chunk holds other notes, or parts of them.
      for (const cuts of [[], ...Array.from({ length: bytes - 1 }, (_, i) => [i + 1])]) {
        const read = await notes(text, format, cuts);
        expect(read.length).toBeGreaterThanOrEqual(4);
        expect({ format, cuts, kinds: read.map((note) => [note, oneByteString(note)]) }).toEqual({
          format,
          cuts,
          kinds: read.map((note) => [note, !/[^\u0000-\u00ff]/.test(note)]),
        });
      }
    }
  });
});
