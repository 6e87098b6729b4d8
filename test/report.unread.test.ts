// `dignify report` says what it did not read (a newcomer trial: the page said "1 record could not
// be read" for a folder whose export of 2 notes had no text field, and named neither it nor the
// PDF attachment left out; the CSV said nothing). The page and the CSV carry the files, records
// and attachments left out, as the command names them on stderr, and stay free of note text.
// Also the "How this report was made" lines of a folder of exports (read record by record).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { aggregate, ReportAggregator } from '../src/report/aggregate.js';
import { type CSV_COLUMNS, renderReportCsv } from '../src/report/csv.js';
import { runMain } from './helpers.js';

const b64 = (text: string) => Buffer.from(text).toString('base64');
const docRef = (id: string, attachment: object) => JSON.stringify({ resourceType: 'DocumentReference', id, content: [{ attachment }] });

/** The trial's folder: a CSV export, a JSON Lines export without a text field, a FHIR export of one PDF. */
function mixedFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dignify-unread-'));
  writeFileSync(path.join(dir, 'a.csv'), 'id,text\n1,hx IVDU\n');
  writeFileSync(path.join(dir, 'b.jsonl'), '{"id":"x","note":{"text":"heroin addict"}}\n{"id":"y","note":{"text":"drug abuse"}}\n');
  writeFileSync(path.join(dir, 'c.ndjson'), `${docRef('p', { contentType: 'application/pdf', data: 'JVBERg==' })}\n`);
  return dir;
}

/** A FHIR export of 5 notes and 3 attachments it does not read. */
function fhirExport(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dignify-unread-'));
  const file = path.join(dir, 'f.ndjson');
  const notes = [0, 1, 2, 3, 4].map((i) => docRef(`n${i}`, { contentType: 'text/plain', data: b64(i % 2 ? 'Known heroin addict.' : 'Wound clean.') }));
  writeFileSync(
    file,
    `${[
      ...notes,
      docRef('pdf', { contentType: 'application/pdf', data: 'JVBERg==' }),
      docRef('url', { contentType: 'text/plain', url: 'https://ehr.example.org/Binary/77' }),
      docRef('noct', { data: b64('Drug seeking addict.') }),
    ].join('\n')}\n`,
  );
  return file;
}

/** The page's text without markup (and without the rules list, which quotes every rule's terms). */
function pageText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<details>[\s\S]*?<\/details>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

const csvRows = (csv: string) => parse(csv, { columns: true }) as Array<Record<(typeof CSV_COLUMNS)[number], string>>;

describe('dignify report: what was not read', () => {
  it('names the file that could not be read and counts the attachment left out, on the page and in the CSV (exit 2 as before)', async () => {
    const dir = mixedFolder();
    const r = await runMain(['report', '.', '--ext', 'csv,jsonl,ndjson', '--skip-bad-records'], { cwd: dir });
    expect(r.code).toBe(2); // a file that could not be read: --skip-bad-records is for records
    expect(r.stderr).toContain('dignify: b.jsonl: no field with text looks like note text');
    const text = pageText(r.stdout);
    expect(text).toContain(
      'This audit is incomplete. Not read, so not counted anywhere on this page: 1 file and 1 attachment (application/pdf ×1). See What was not read .',
    );
    expect(text).toContain('Notes scanned 1 not counted: 1 file and 1 attachment');
    expect(text).toContain('b.jsonl no field with text looks like note text; name it with --text-field');
    expect(text).toContain('Attachments left out, by file and kind File Kind Attachments c.ndjson application/pdf 1');
    expect(text).not.toContain('record could not be read');
    // The unread export's notes are not on the page.
    for (const words of ['heroin addict', 'drug abuse']) expect(text).not.toContain(words);

    const csv = await runMain(['report', '.', '--ext', 'csv,jsonl,ndjson', '--format', 'csv'], { cwd: dir });
    expect(csv.code).toBe(2);
    const rows = csvRows(csv.stdout);
    expect(rows[0]!.section).toBe('total');
    expect(rows.filter((row) => row.section.startsWith('unread_'))).toEqual([
      {
        section: 'unread_file',
        column: 'b.jsonl',
        key: expect.stringMatching(/^no field with text looks like note text; name it with --text-field/),
        rule: '',
        term: '',
        suggestion: '',
        notes: '',
        notes_with_findings: '',
        findings: '',
        per_1000_notes: '',
      },
      {
        section: 'unread_attachments',
        column: 'c.ndjson',
        key: 'application/pdf',
        rule: '',
        term: '',
        suggestion: '',
        notes: '1',
        notes_with_findings: '',
        findings: '',
        per_1000_notes: '',
      },
    ]);
  });

  it('counts the attachments of a FHIR export it left out, by kind, though the run exits 0', async () => {
    const file = fhirExport();
    const r = await runMain(['report', file, '--skip-bad-records']);
    expect(r.code).toBe(0); // skipped attachments are warnings, as for linting
    const text = pageText(r.stdout);
    expect(text).toContain('Notes scanned 5 not counted: 3 attachments');
    expect(text).toContain(
      'This audit is incomplete. Not read, so not counted anywhere on this page: 3 attachments (application/pdf ×1, no contentType ×1, url-only ×1).',
    );
    expect(text).toContain('By kind: application/pdf ×1, no contentType ×1, url-only ×1.');
    // The kinds, never the url nor the text of an attachment left out.
    expect(r.stdout).not.toContain('ehr.example.org');
    expect(text).not.toContain('Drug seeking');

    const rows = csvRows((await runMain(['report', file, '--format', 'csv'])).stdout);
    expect(rows.filter((row) => row.section === 'unread_attachments').map((row) => [row.column, row.key, row.notes])).toEqual([
      [file, 'application/pdf', '1'],
      [file, 'no contentType', '1'],
      [file, 'url-only', '1'],
    ]);
    expect(rows.find((row) => row.section === 'total')!.notes).toBe('5');
  });

  it('counts malformed records by file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-unread-'));
    writeFileSync(path.join(dir, 'one.jsonl'), '{"text": "Known heroin addict."}\nnot json\n{"text": "Clean."}\n');
    writeFileSync(path.join(dir, 'two.jsonl'), '{"text": "Alcoholic."}\nnot json\n{broken\n');
    const r = await runMain(['report', '.', '--ext', 'jsonl', '--skip-bad-records'], { cwd: dir });
    expect(r.code).toBe(0);
    const text = pageText(r.stdout);
    expect(text).toContain('Not read, so not counted anywhere on this page: 3 records.');
    expect(text).toContain('Malformed records left out, by file File Records one.jsonl 1 two.jsonl 2');
    const csv = await runMain(['report', '.', '--ext', 'jsonl', '--format', 'csv'], { cwd: dir });
    expect(csv.code).toBe(2); // without --skip-bad-records, as documented
    expect(
      csvRows(csv.stdout)
        .filter((row) => row.section === 'unread_records')
        .map((row) => [row.column, row.notes]),
    ).toEqual([
      ['one.jsonl', '1'],
      ['two.jsonl', '2'],
    ]);
  });

  it('names a binary file of a folder among the files not read', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-unread-'));
    writeFileSync(path.join(dir, 'a.txt'), 'Known heroin addict.\n');
    writeFileSync(path.join(dir, 'scan.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3]));
    const r = await runMain(['report', '.'], { cwd: dir });
    expect(r.code).toBe(0);
    const text = pageText(r.stdout);
    expect(text).toContain('Not read, so not counted anywhere on this page: 1 file.');
    expect(text).toContain('File Why scan.txt binary file');
  });

  it('says nothing of the kind when everything was read', async () => {
    const r = await runMain(['report', '-', '--input-format', 'csv'], { input: 'id,text\n1,Known heroin addict.\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('This audit is incomplete');
    expect(r.stdout).not.toContain('What was not read');
    expect(
      csvRows((await runMain(['report', '-', '--input-format', 'csv', '--format', 'csv'], { input: 'id,text\n1,x\n' })).stdout).map((row) => row.section),
    ).toEqual(['total']);
  });

  it('keeps what was not read in the aggregates, in the order met, attachments by file then most frequent kind', () => {
    const acc = new ReportAggregator();
    acc.unreadFile('z.jsonl', 'no text field');
    acc.badRecord('b.csv');
    acc.unreadFile('a.csv', 'binary file');
    acc.badRecord('a.jsonl');
    acc.badRecord('b.csv');
    for (const [file, kind] of [
      ['x.ndjson', 'url-only'],
      ['x.ndjson', 'application/pdf'],
      ['x.ndjson', 'application/pdf'],
      ['w.ndjson', 'no contentType'],
    ] as const)
      acc.skippedAttachment(file, kind);
    expect(acc.result().unread).toEqual({
      files: [
        { file: 'z.jsonl', reason: 'no text field' },
        { file: 'a.csv', reason: 'binary file' },
      ],
      records: [
        { file: 'b.csv', count: 2 },
        { file: 'a.jsonl', count: 1 },
      ],
      attachments: [
        { file: 'x.ndjson', kind: 'application/pdf', count: 2 },
        { file: 'x.ndjson', kind: 'url-only', count: 1 },
        { file: 'w.ndjson', kind: 'no contentType', count: 1 },
      ],
    });
    // A cell that would be a formula stays text in the unread rows too.
    const quiet = new ReportAggregator();
    quiet.unreadFile('=cmd.csv', '-bad');
    expect(renderReportCsv(quiet.result())).toContain("unread_file,'=cmd.csv,'-bad,");
    expect(aggregate([]).unread).toEqual({ files: [], records: [], attachments: [] });
  });
});

describe('dignify report: how a folder was read', () => {
  it('says a folder of exports was read record by record, and names the file on each reading line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-unread-'));
    writeFileSync(path.join(dir, 'a.csv'), 'id,note_text\n1,hx IVDU\n');
    writeFileSync(path.join(dir, 'b.csv'), 'id,note_text\n1,Clean.\n2,Alcoholic.\n');
    const text = pageText((await runMain(['report', '.', '--ext', 'csv'], { cwd: dir })).stdout);
    expect(text).toContain('Source . (a folder: 2 exports read record by record (each record is one note))');
    expect(text).toContain('Reading a.csv: linting the column "note_text" (record id: "id") Reading b.csv: linting the column "note_text" (record id: "id")');
    expect(text).not.toContain('each file is one note');
  });

  it('says so when a folder mixes exports and documents, and keeps "each file is one note" for documents only', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-unread-'));
    writeFileSync(path.join(dir, 'a.csv'), 'id,text\n1,hx IVDU\n');
    writeFileSync(path.join(dir, 'c.ndjson'), `${docRef('p', { contentType: 'application/pdf', data: 'JVBERg==' })}\n`);
    writeFileSync(path.join(dir, 'd.txt'), 'Known heroin addict.\n');
    writeFileSync(path.join(dir, 'e.txt'), 'Clean.\n');
    const mixed = pageText((await runMain(['report', '.', '--ext', 'csv,ndjson,txt'], { cwd: dir })).stdout);
    // c.ndjson is an export though none of its attachments could be read.
    expect(mixed).toContain('Source . (a folder: 2 exports read record by record (each record is one note) and 2 files that are each one note)');
    const documents = pageText((await runMain(['report', '.', '--ext', 'txt'], { cwd: dir })).stdout);
    expect(documents).toContain('Source . (a folder: each file is one note)');
  });
});
