// Parquet exports: files written here with hyparquet-writer (several row groups, compressed
// columns, nulls, a value that is not UTF-8) read back with the right rows and ids, only the
// columns needed, and the same column choice, bad-record handling and report as CSV.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { parquetWriteFile } from 'hyparquet-writer/src/node.js';
import { describe, expect, it } from 'vitest';
import { lintFiles, type LintResult } from '../src/index.js';
import { readSources, type SourceEvent } from '../src/inputs/sources.js';
import { runMain } from './helpers.js';

type Column = Parameters<typeof parquetWriteFile>[0]['columnData'][number];
const compressors = { GZIP: (b: Uint8Array) => new Uint8Array(gzipSync(b)), BROTLI: (b: Uint8Array) => new Uint8Array(brotliCompressSync(b)) };
const dir = mkdtempSync(path.join(tmpdir(), 'dignify-parquet-'));
function writeParquet(name: string, columnData: Column[], rowGroupSize = 3): string {
  const filename = path.join(dir, name);
  parquetWriteFile({ filename, columnData, rowGroupSize, compressors });
  return filename;
}

const TEXTS = [
  'Pt is an addict.', // row 1
  null, // row 2: null text, an empty note
  'Clean and dry wound.', // row 3
  'History of sexual abuse.', // row 4
  'He is a drug abuser.', // row 5 (second row group)
  'Denies pain.', // row 6
  'BAD', // row 7: bytes that are not UTF-8
  'Noncompliant with insulin.', // row 8 (third row group)
  'Seen for follow-up; alcoholic.', // row 9
  'Itching.', // row 10 (fourth row group)
];
const utf8 = new TextEncoder();
const notesFile = writeParquet('notes.parquet', [
  { name: 'note_id', type: 'STRING', data: TEXTS.map((_, i) => (i === 5 ? null : `n-${i + 1}`)), codec: 'SNAPPY' },
  // A plain BYTE_ARRAY column (no UTF8 annotation), so a value can hold bad bytes, gzipped.
  {
    name: 'note_text',
    type: 'BYTE_ARRAY',
    data: TEXTS.map((t) => (t === null ? null : t === 'BAD' ? new Uint8Array([0x41, 0xff, 0xfe, 0x42]) : utf8.encode(t))),
    codec: 'GZIP',
  },
  { name: 'department', type: 'STRING', data: TEXTS.map((_, i) => ['ED', 'Psychiatry', 'Surgery'][i % 3]!), codec: 'BROTLI' },
  { name: 'visit_date', type: 'STRING', data: TEXTS.map((_, i) => `2024-0${(i % 3) + 1}-15`) },
]);

async function events(file: string, options = {}): Promise<SourceEvent[]> {
  const out: SourceEvent[] = [];
  for await (const e of readSources([file], options)) out.push(e);
  return out;
}
const found = (results: LintResult[]) => results.flatMap((r) => r.findings.map((f) => [r.record?.row, r.record?.id, f.start.line, f.start.column, f.actual]));

describe('Parquet exports', () => {
  it('reads every row of every row group with its id; a null text is an empty note; bad bytes are one bad record', async () => {
    const results = await lintFiles([notesFile], { textColumn: 'note_text', idColumn: 'note_id' });
    expect(results.map((r) => [r.record?.row, r.record?.id ?? null, r.error ?? null])).toEqual([
      [1, 'n-1', null],
      [2, 'n-2', null],
      [3, 'n-3', null],
      [4, 'n-4', null],
      [5, 'n-5', null],
      [6, null, null], // a null id: the row still reads, without an id
      [7, 'n-7', 'the column "note_text" holds 4 bytes that are not valid UTF-8'],
      [8, 'n-8', null],
      [9, 'n-9', null],
      [10, 'n-10', null],
    ]);
    expect(found(results)).toEqual([
      [1, 'n-1', 1, 10, 'addict'],
      [5, 'n-5', 1, 9, 'drug abuser'],
      [8, 'n-8', 1, 1, 'Noncompliant'],
      [9, 'n-9', 1, 21, 'alcoholic'],
    ]);
  });

  it('chooses the note and id columns by their names, and says so once', async () => {
    const all = await events(notesFile);
    expect(all.filter((e) => e.kind === 'notice').map((e) => (e as { message: string }).message)).toEqual([
      'linting the column "note_text" (record id: "note_id"); choose with --text-column and --id-column',
    ]);
    expect(all.filter((e) => e.kind === 'document')).toHaveLength(9);
  });

  it('reads only the columns it needs (a large column nobody asked for is not read)', async () => {
    const big = 'x'.repeat(200_000);
    const file = writeParquet(
      'wide.parquet',
      [
        { name: 'id', type: 'STRING', data: ['a', 'b', 'c', 'd'] },
        { name: 'text', type: 'STRING', data: ['an addict', 'fine', 'fine', 'fine'] },
        // Incompressible filler, so its bytes on disk are as large as its values.
        { name: 'attachment', type: 'BYTE_ARRAY', data: [0, 1, 2, 3].map(() => new Uint8Array(randomBytes(big.length))), codec: 'UNCOMPRESSED' },
      ],
      2,
    );
    let read = 0;
    const all = await events(file, { onBytes: (_f: string, n: number) => (read = n) });
    expect(all.filter((e) => e.kind === 'document')).toHaveLength(4);
    const size = statSync(file).size;
    expect(size).toBeGreaterThan(800_000);
    expect(read).toBeLessThan(size / 10);
  });

  it('stops with one clear error for a missing column, a text column that is not text, or a file that is not Parquet', async () => {
    expect(await events(notesFile, { textColumn: 'body' })).toEqual([
      { kind: 'error', file: notesFile, error: 'no column "body"; the columns are "note_id", "note_text", "department", "visit_date"' },
    ]);
    const ints = writeParquet('ints.parquet', [{ name: 'text', type: 'INT32', data: [1, 2] }]);
    expect(await events(ints)).toEqual([{ kind: 'error', file: ints, error: 'the column "text" is INT32, not text; name the note column with --text-column' }]);
    const cli = await runMain([path.join(dir, '..', path.basename(dir), 'ints.parquet')]);
    expect(cli.code).toBe(2);
    const notParquet = path.join(dir, 'fake.parquet');
    (await import('node:fs')).writeFileSync(notParquet, 'note_text\nan addict\n');
    const [fake] = await events(notParquet);
    expect(fake).toMatchObject({ kind: 'error', file: notParquet, error: expect.stringMatching(/^not a readable Parquet file/) });
  });

  it('works from the CLI: findings by row and id, the bad row named, exit 2 (1 with --skip-bad-records)', async () => {
    const run = await runMain([notesFile, '--text-column', 'note_text', '--id-column', 'note_id']);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('row 1 (note_id n-1)  1:10');
    expect(run.stdout).toContain('row 5 (note_id n-5)  1:9');
    expect(run.stderr).toContain(`${notesFile}: row 7: skipped a malformed record: the column "note_text" holds 4 bytes that are not valid UTF-8`);
    expect((await runMain([notesFile, '--skip-bad-records'])).code).toBe(1);
  });

  it('reads Parquet from standard input with --input-format parquet', async () => {
    const run = await runMain(['-', '--input-format', 'parquet', '--skip-bad-records', '--format', 'jsonl'], {
      input: readFileSync(notesFile) as unknown as string,
    });
    expect(run.code).toBe(1);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { record: { id?: string }; actual?: string; error?: string });
    expect(lines.map((l) => [l.record.id, l.actual ?? l.error])).toEqual([
      ['n-1', 'addict'],
      ['n-5', 'drug abuser'],
      ['n-7', 'the column "note_text" holds 4 bytes that are not valid UTF-8'],
      ['n-8', 'Noncompliant'],
      ['n-9', 'alcoholic'],
    ]);
  });

  it('feeds the report: --group-by and --date-column read Parquet columns', async () => {
    const run = await runMain(['report', notesFile, '--group-by', 'department', '--date-column', 'visit_date', '--format', 'csv', '--skip-bad-records']);
    expect(run.code).toBe(0);
    // ED: rows 1, 4, 7 (bad, left out) and 10, one with a finding; Psychiatry: rows 2, 5 and 8, two.
    expect(run.stdout).toMatch(/^group,department,ED,,,,3,1,1,/m);
    expect(run.stdout).toMatch(/^group,department,Psychiatry,,,,3,2,2,/m);
    expect(run.stdout).toMatch(/^period,visit_date,2024-02,,,,3,2,2,/m);
  });
});
