// FHIR R4 input: the synthetic fixtures in fixtures/fhir/ (a Bulk Data NDJSON with mixed resource
// types, a Bundle) and small resources written here. Every note is named by its resource and
// part; findings sit at line:column in the decoded text; what cannot be read is reported by
// resource id, never dropped.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintFiles, lintText, type LintResult } from '../src/index.js';
import { fhirField, looksLikeFhir, readFhir } from '../src/inputs/fhir.js';
import { readSources, type SourceEvent } from '../src/inputs/sources.js';
import { ROOT, runMain } from './helpers.js';

const BULK = path.join(ROOT, 'fixtures', 'fhir', 'bulk-export.ndjson');
const BUNDLE = path.join(ROOT, 'fixtures', 'fhir', 'bundle.json');
const dir = mkdtempSync(path.join(tmpdir(), 'dignify-fhir-'));
const tempFile = (name: string, content: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
};
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const found = (results: LintResult[]) =>
  results.flatMap((r) => r.findings.map((f) => `${r.record?.id} ${r.record?.part} ${f.start.line}:${f.start.column} ${f.actual}`));

async function events(file: string, options = {}): Promise<SourceEvent[]> {
  const out: SourceEvent[] = [];
  for await (const e of readSources([file], options)) out.push(e);
  return out;
}

describe('FHIR Bulk Data NDJSON (detected by resourceType)', () => {
  it('finds every note of DocumentReference, DiagnosticReport and Composition, located by resource, part and line:column', async () => {
    const results = await lintFiles([BULK]);
    expect(found(results)).toEqual([
      'DocumentReference/note-1 content[0] (text/plain) 2:15 drug abuser',
      'DocumentReference/note-2 content[0] (text/html) 1:45 noncompliant',
      'DocumentReference/note-2 content[1] (text/markdown) 3:15 alcohol abuse', // *emphasis* is markup; `addict` in code is not prose
      'DiagnosticReport/report-1 presentedForm[0] (text/plain) 1:39 frequent flyer',
      'DiagnosticReport/report-1 conclusion 1:1 Alcoholic',
      'Composition/comp-1 section[0] "History" 1:46 IVDU',
      'Composition/comp-1 section[1].section[0] "Follow-up" 1:53 substance abuser',
    ]);
  });

  it('reports url-only and unknown-type attachments as skipped (with their kind), bad base64 as a malformed record, other resources in one notice', async () => {
    const all = await events(BULK);
    const said = all.filter((e) => e.kind !== 'document').map((e) => ({ ...e, file: undefined }));
    expect(said).toEqual([
      {
        kind: 'skipped',
        file: undefined,
        record: { row: 4, line: 4, id: 'DocumentReference/note-3', idName: 'resource', part: 'content[0]' },
        reason: 'DocumentReference/note-3 content[0]: content type application/pdf is not read (text/plain, text/html and text/markdown are)',
        what: 'application/pdf',
      },
      {
        kind: 'skipped',
        file: undefined,
        record: { row: 5, line: 4, id: 'DocumentReference/note-3', idName: 'resource', part: 'content[1]' },
        reason:
          'DocumentReference/note-3 content[1]: attachment given only by url (https://ehr.example.org/Binary/77); dignify fetches nothing: export with inline data',
        what: 'url-only',
      },
      {
        kind: 'bad-record',
        file: undefined,
        record: { row: 6, line: 5, id: 'DocumentReference/note-4', idName: 'resource', part: 'content[0]' },
        error: 'DocumentReference/note-4 content[0]: attachment.data is not valid base64',
      },
      { kind: 'notice', file: undefined, message: '2 resources left out, holding no note text (no record): Patient 1, Observation 1' },
    ]);
  });

  it('gives the findings lintText gives on the decoded text (the attachment is linted as its content type)', async () => {
    const results = await lintFiles([BULK]);
    const note1 = results.find((r) => r.record?.id === 'DocumentReference/note-1')!;
    const text = 'Assessment:\nPt is a known drug abuser.\nClean and dry wound.';
    expect(note1.findings.map(({ file: _f, ...f }) => f)).toEqual(await lintText(text));
  });

  it('works from the CLI: stylish names the resource; skipped parts are warnings; bad base64 makes exit 2', async () => {
    const run = await runMain([BULK]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('DocumentReference/note-1 content[0] (text/plain)  2:15');
    expect(run.stderr).toContain('bulk-export.ndjson: warning: skipped: DocumentReference/note-3 content[1]: attachment given only by url');
    expect(run.stderr).toContain(
      'bulk-export.ndjson: line 5 (row 6): skipped a malformed record: DocumentReference/note-4 content[0]: attachment.data is not valid base64',
    );
    expect((await runMain([BULK, '--skip-bad-records'])).code).toBe(1);
  });

  // A newcomer trial: a line that is no resource said its line twice ("line 2 (row 2): skipped a
  // malformed record: line 2: not a FHIR resource"); an entry of a Bundle still names itself.
  it('a line that is not a resource is named once by its line and row', async () => {
    const good = JSON.stringify({ resourceType: 'DocumentReference', id: 'a', content: [{ attachment: { contentType: 'text/plain', data: b64('IVDU') } }] });
    const bundle = JSON.stringify({ resourceType: 'Bundle', entry: [{ resource: { id: 'x' } }] });
    const file = tempFile('lines.ndjson', `${good}\n{"id":1}\n[1]\n${bundle}\n`);
    const run = await runMain([file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('lines.ndjson: line 2 (row 2): skipped a malformed record: not a FHIR resource (no resourceType)\n');
    expect(run.stderr).toContain('lines.ndjson: line 3 (row 3): skipped a malformed record: not a JSON object\n');
    expect(run.stderr).toContain(
      'lines.ndjson: line 4 (row 4): skipped a malformed record: Bundle/(no id, line 4) entry[0]: not a FHIR resource (no resourceType)\n',
    );
  });

  it("report --group-by and --date-column read FHIR elements of the note's resource", async () => {
    const run = await runMain([
      'report',
      BULK,
      '--group-by',
      'type.coding[0].display,author[0].display',
      '--date-column',
      'date',
      '--format',
      'csv',
      '--skip-bad-records',
    ]);
    expect(run.code).toBe(0);
    // note-1 (Progress note, ED) 1 finding; note-2's two attachments (Discharge summary); comp-1's sections.
    expect(run.stdout).toMatch(/^group,type\.coding\[0\]\.display,Progress note,,,,1,1,1,/m);
    expect(run.stdout).toMatch(/^group,type\.coding\[0\]\.display,Discharge summary,,,,4,4,4,/m);
    expect(run.stdout).toMatch(/^group,author\[0\]\.display,Internal Medicine,,,,2,2,2,/m);
    expect(run.stdout).toMatch(/^period,date,2024-03,/m);
  });
});

describe('FHIR JSON: a Bundle, a single resource, --input-format fhir', () => {
  it('reads the entries of a pretty-printed Bundle, and reports the url-only one', async () => {
    const all = await events(BUNDLE);
    expect(all.map((e) => (e.kind === 'document' ? `${e.doc.record?.id}: ${e.doc.text}` : e.kind === 'skipped' ? `skipped ${e.reason}` : `${e.kind}`))).toEqual(
      [
        'DocumentReference/bundled-1: He is an addict.',
        'skipped DocumentReference/bundled-2 content[0]: attachment given only by url (Binary/88); dignify fetches nothing: export with inline data',
        'notice',
      ],
    );
    const run = await runMain([BUNDLE, '--format', 'json']);
    expect(run.code).toBe(1);
    const [entry] = JSON.parse(run.stdout) as Array<{ records: Array<{ id: string; skipped?: string; findings?: unknown[] }>; records_read: number }>;
    expect(entry!.records.map((r) => [r.id, r.skipped ? 'skipped' : r.findings!.length])).toEqual([
      ['DocumentReference/bundled-1', 1],
      ['DocumentReference/bundled-2', 'skipped'],
    ]);
  });

  it('reads a charset other than UTF-8, and says when the bytes are not in it', async () => {
    const latin1 = Buffer.from('Caf\u00e9: pt is an addict.', 'latin1').toString('base64');
    const file = tempFile(
      'charset.ndjson',
      [
        { resourceType: 'DocumentReference', id: 'l1', content: [{ attachment: { contentType: 'text/plain; charset=ISO-8859-1', data: latin1 } }] },
        {
          resourceType: 'DocumentReference',
          id: 'u1',
          content: [{ attachment: { contentType: 'text/plain', data: Buffer.from([0x61, 0xff, 0x62]).toString('base64') } }],
        },
        { resourceType: 'DocumentReference', id: 'n1', content: [{ attachment: { data: b64('an addict') } }] },
        { resourceType: 'DocumentReference', content: [{ attachment: { contentType: 'text/plain', data: b64('no id: an addict') } }] },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    const all = await events(file);
    expect(
      all.map((e) =>
        e.kind === 'document'
          ? `${e.doc.record?.id}: ${e.doc.text}`
          : e.kind === 'bad-record'
            ? `bad ${e.error}`
            : e.kind === 'skipped'
              ? `skipped ${e.reason}`
              : e.kind,
      ),
    ).toEqual([
      'DocumentReference/l1: Café: pt is an addict.',
      'bad DocumentReference/u1 content[0]: attachment.data is not valid utf-8',
      'skipped DocumentReference/n1 content[0]: attachment with data but no contentType',
      'DocumentReference/(no id, line 4): no id: an addict',
    ]);
  });

  it('is read as FHIR with --input-format fhir (standard input, any name), and a line that is not JSON is one bad record', async () => {
    const input = `${JSON.stringify({ resourceType: 'DocumentReference', id: 's1', content: [{ attachment: { contentType: 'text/plain', data: b64('IVDU') } }] })}\n{oops\n`;
    const run = await runMain(['-', '--input-format', 'fhir', '--format', 'jsonl'], { input });
    expect(run.code).toBe(2);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      expect.objectContaining({ file: '<stdin>', record: { row: 1, line: 1, id: 'DocumentReference/s1', part: 'content[0] (text/plain)' }, actual: 'IVDU' }),
      expect.objectContaining({ file: '<stdin>', record: { row: 2, line: 2 }, error: expect.stringMatching(/^not valid JSON/) }),
    ]);
  });

  it('leaves JSON that is not FHIR to the usual readers (a .jsonl export, a .json document)', async () => {
    const jsonl = tempFile('notes.jsonl', `${JSON.stringify({ id: 1, note: 'an addict' })}\n`);
    expect((await lintFiles([jsonl])).map((r) => [r.record?.id, r.findings.length])).toEqual([['1', 1]]);
    const json = tempFile('settings.json', '{\n  "comment": "an addict"\n}\n'); // not FHIR: plain text, as before
    expect((await lintFiles([json])).map((r) => [r.record, r.findings.map((f) => `${f.start.line}:${f.start.column} ${f.actual}`)])).toEqual([
      [undefined, ['2:18 addict']],
    ]);
    expect(looksLikeFhir('{"id": 1, "note": "resourceType"}')).toBe(false);
    expect(looksLikeFhir('{\n  "resourceType": "Bundle",')).toBe(true);
    expect(looksLikeFhir('{"meta": {"x": 1}, "resourceType": "DocumentReference"}')).toBe(true);
  });

  it('decodes any UTF-8 text from a base64 attachment exactly, in NDJSON and in a pretty-printed Bundle (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.boolean(), async (text, bundle) => {
        const resource = { resourceType: 'DocumentReference', id: 'p', content: [{ attachment: { contentType: 'text/plain', data: b64(text) } }] };
        const json = bundle ? JSON.stringify({ resourceType: 'Bundle', entry: [{ resource }] }, null, 2) : JSON.stringify(resource);
        const docs: string[] = [];
        for await (const e of readFhir('p.ndjson', Readable.from([Buffer.from(json)]))) if (e.kind === 'record') docs.push(e.doc.text);
        expect(docs).toEqual([text.replace(/^\uFEFF/, '')]);
      }),
      { numRuns: 100 },
    );
  });

  it('reads FHIR elements by path for --group-by', () => {
    const resource = { type: { coding: [{ display: 'Progress note' }] }, author: [{ display: 'ED' }], date: '2024-01-02' };
    expect(fhirField(resource, 'type.coding[0].display')).toBe('Progress note');
    expect(fhirField(resource, 'author[0].display')).toBe('ED');
    expect(fhirField(resource, 'author[1].display')).toBe('');
    expect(fhirField(resource, 'type')).toBe('{"coding":[{"display":"Progress note"}]}');
  });
});
