// Defects met by a quality analyst auditing exports (a newcomer trial, branch export-flags), each
// with its small input: export flags on FHIR files, a .json array of notes, ids that hold a line
// break, the CSV delimiter.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runMain, tempFolder } from './helpers.js';

const folder = (files: Record<string, string | Buffer>) => tempFolder('dignify-export-audit-', files);

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
// Two findings in the conclusion, three in the attachment.
const DIAG = `${JSON.stringify({
  resourceType: 'DiagnosticReport',
  id: 'diag-1',
  conclusion: 'Urine tox dirty. Patient is a known heroin addict.',
  presentedForm: [{ contentType: 'text/plain', data: b64('Hx of IVDU.\nEtOH abuse, been clean 2 years.') }],
})}\n`;

/** "resource part line:column actual" for each finding of a --format jsonl run. */
function places(stdout: string): string[] {
  return stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { record: { id?: string; part?: string; row: number }; actual: string; start: { line: number; column: number } })
    .map((f) => `${f.record.id ?? `row ${f.record.row}`} ${f.record.part ?? '-'} ${f.start.line}:${f.start.column} ${f.actual}`);
}

const ALL_FIVE = [
  'DiagnosticReport/diag-1 presentedForm[0] (text/plain) 1:7 IVDU',
  'DiagnosticReport/diag-1 presentedForm[0] (text/plain) 2:1 EtOH abuse',
  'DiagnosticReport/diag-1 presentedForm[0] (text/plain) 2:13 been clean',
  'DiagnosticReport/diag-1 conclusion 1:1 Urine tox dirty',
  'DiagnosticReport/diag-1 conclusion 1:37 heroin addict',
];

describe('export flags on a FHIR file', () => {
  const dir = folder({ 'diag.ndjson': DIAG, 'x.ndjson': DIAG, 'diag.json': DIAG });

  it('do not turn a detected FHIR file into JSON Lines (its attachments went unread): it is read as FHIR, and the flag is said to be ignored', async () => {
    for (const flag of ['--text-field', '--text-column']) {
      const r = await runMain(['diag.ndjson', flag, 'conclusion', '--format', 'jsonl'], { cwd: dir });
      expect(places(r.stdout)).toEqual(ALL_FIVE);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        `dignify: diag.ndjson: warning: ${flag} applies to CSV, TSV, JSON Lines and Parquet exports; it is read as FHIR (it starts like a FHIR resource) and the flag is ignored for it; --input-format jsonl reads it as JSON Lines (one object a line) instead\n`,
      );
    }
  });

  it('--id-field is said to be ignored; the id stays the resource', async () => {
    const r = await runMain(['diag.ndjson', '--id-field', 'code.text', '--format', 'jsonl'], { cwd: dir });
    expect(places(r.stdout)).toEqual(ALL_FIVE);
    expect(r.stderr).toContain('dignify: diag.ndjson: warning: --id-field applies to CSV, TSV, JSON Lines and Parquet exports; it is read as FHIR');
  });

  it('with --input-format fhir, both flags named in one warning', async () => {
    const r = await runMain(['x.ndjson', '--input-format', 'fhir', '--text-field', 'x', '--id-field', 'nope', '--format', 'jsonl'], { cwd: dir });
    expect(places(r.stdout)).toEqual(ALL_FIVE);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'dignify: x.ndjson: warning: --text-field and --id-field apply to CSV, TSV, JSON Lines and Parquet exports; it is read as FHIR (--input-format fhir) and the flags are ignored for it\n',
    );
  });

  it('a FHIR .json resource is read as FHIR with the warning, not refused as a .json text', async () => {
    const r = await runMain(['diag.json', '--id-field', 'x', '--format', 'jsonl'], { cwd: dir });
    expect(places(r.stdout)).toEqual(ALL_FIVE);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^dignify: diag\.json: warning: --id-field applies to .*; it is read as FHIR \(it starts like a FHIR resource\)/);
  });

  it('--input-format jsonl still reads it as JSON Lines, where the flags apply', async () => {
    const r = await runMain(['diag.ndjson', '--input-format', 'jsonl', '--text-field', 'conclusion', '--format', 'jsonl'], { cwd: dir });
    expect(places(r.stdout)).toEqual(['diag-1 - 1:1 Urine tox dirty', 'diag-1 - 1:37 heroin addict']);
    expect(r.stderr).toBe('');
  });

  it('the report says it too', async () => {
    const r = await runMain(['report', 'diag.ndjson', '--text-field', 'conclusion', '--format', 'csv', '-o', path.join(dir, 'r.csv')], { cwd: dir });
    expect(r.stderr).toContain('dignify: diag.ndjson: warning: --text-field applies to CSV, TSV, JSON Lines and Parquet exports; it is read as FHIR');
  });
});

describe('a .json file that looks like an export of notes', () => {
  const warning = (what: string, save: string) =>
    `warning: looks like a JSON export (${what}) but is read as plain text, where every JSON string counts as a quotation (its findings are info); ${save}, or pass --input-format text to read it as text without this warning`;
  const dir = folder({
    'notes.json': '[ {"note_id":"N1","note_text":"Known heroin addict, urine tox dirty."} ]\n',
    'wrapped.json': '{"notes": [{"id": 1, "body": "an addict"}, {"id": 2, "body": "stable"}]}\n',
    'record.json': '{"id": 1, "note_text": "an addict"}\n',
    'record2.json': '{\n  "id": 1,\n  "note_text": "an addict"\n}\n',
    'template.json': '{\n  "greeting": "Patient is an addict"\n}\n',
    'strings.json': '["Patient is an addict"]\n',
  });

  it('is read as text, as before (its findings and exit code unchanged), with a one-line warning naming the file, -q too', async () => {
    for (const args of [['notes.json'], ['notes.json', '-q']]) {
      const r = await runMain([...args, '--format', 'compact'], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stderr).toBe(`dignify: notes.json: ${warning('an array of 1 object', "save it as JSON Lines, one object a line (jq -c '.[]')")}\n`);
      expect(r.stdout.split('\n').filter(Boolean).length).toBe(args.includes('-q') ? 0 : 2);
    }
  });

  it('the way it suggests reads it: JSON Lines cannot read the array itself (not a JSON object)', async () => {
    const asJsonl = await runMain(['notes.json', '--input-format', 'jsonl'], { cwd: dir });
    expect(asJsonl.code).toBe(2);
    expect(asJsonl.stderr).toContain('not a JSON object');
    const one = await runMain(['record.json', '--input-format', 'jsonl', '--format', 'compact'], { cwd: dir });
    expect(one.code).toBe(1);
    expect(one.stdout).toContain('record.json:row 1 (id 1):1:4: error');
  });

  it('an object holding an array of records, and a single record, say how to read them', async () => {
    const said = async (name: string) => (await runMain([name, '-q'], { cwd: dir })).stderr;
    expect(await said('wrapped.json')).toBe(
      `dignify: wrapped.json: ${warning('an object whose "notes" holds 2 objects', "save them as JSON Lines, one object a line (jq -c '.notes[]')")}\n`,
    );
    expect(await said('record.json')).toBe(
      `dignify: record.json: ${warning('an object with a "note_text" field', 'pass --input-format jsonl to read it as JSON Lines')}\n`,
    );
    expect(await said('record2.json')).toBe(
      `dignify: record2.json: ${warning('an object with a "note_text" field', "save it as JSON Lines, the object on one line (jq -c '.')")}\n`,
    );
  });

  it('says nothing for a .json template, a list of strings, or with --input-format text', async () => {
    for (const args of [['template.json'], ['strings.json'], ['notes.json', '--input-format', 'text']]) {
      const r = await runMain([...args, '--format', 'compact'], { cwd: dir });
      expect(r.stderr, args.join(' ')).toBe('');
      expect(r.stdout).toMatch(/:\d+:\d+: info Avoid/); // read as text, as before
    }
  });
});

describe('an id or a file name holding a line break, in the one-line formats', () => {
  const dir = folder({
    'n.csv': 'id,text\n"A,1\nX",hx IVDU\n',
    'e.csv': 'id,text\n"A\u001b[31mB\u0085",hx IVDU\n',
    'b.csv': 'id,text\nA\u202eXYZ\u2066,hx IVDU\n',
    'a\nb.txt': 'hx IVDU\n',
  });
  const run = async (args: string[]) => (await runMain([...args, '--no-color'], { cwd: dir })).stdout;

  it('compact: one line per finding, the id as a JSON string', async () => {
    expect(await run(['n.csv', '--format', 'compact'])).toBe(
      'n.csv:row 1 (id "A,1\\nX"):1:4: error Avoid "IVDU"; prefer "injection drug use" or "person who injects drugs" [substance-use/injection-drug-abuse]\n',
    );
    // An escape sequence in an id is shown, not run by the terminal (C1 controls too).
    expect(await run(['e.csv', '--format', 'compact'])).toMatch(/^e\.csv:row 1 \(id "A\\u001b\[31mB\\u0085"\):1:4: error /);
    // A bidi override or isolate would show the rest of the line reordered (Trojan Source).
    expect(await run(['b.csv', '--format', 'compact'])).toMatch(/^b\.csv:row 1 \(id "A\\u202eXYZ\\u2066"\):1:4: error /);
  });

  it('stylish: the record label on its line', async () => {
    const out = await run(['n.csv']);
    expect(out.split('\n').slice(0, 2)).toEqual([
      'n.csv',
      '  row 1 (id "A,1\\nX")  1:4  error    "IVDU" → "injection drug use"  substance-use/injection-drug-abuse',
    ]);
  });

  it('a file name too, in both', async () => {
    expect(await run(['a\nb.txt', '--format', 'compact'])).toMatch(/^"a\\nb\.txt":1:4: error Avoid "IVDU"/);
    expect((await run(['a\nb.txt'])).split('\n')[0]).toBe('"a\\nb.txt"');
  });

  it('stderr too: a malformed record or a skipped file named on one line', async () => {
    const messy = folder({ 'x\ny.jsonl': '{"id":"a","text":"hx IVDU"}\nnot json\n', 'p\nq.bin': '\u0000\u0001\u0002\u0000binary' });
    const r = await runMain(['x\ny.jsonl', 'p\nq.bin', '--format', 'compact', '--no-color'], { cwd: messy });
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(
      lines.every((line) => line.startsWith('dignify: ')),
      r.stderr,
    ).toBe(true);
    expect(r.stderr).toContain('dignify: "x\\ny.jsonl": line 2 (row 2): skipped a malformed record: not valid JSON');
    expect(r.stderr).toContain('dignify: "p\\nq.bin": binary file; not linted');
  });

  it('JSON formats keep the real value; github escapes it its own way', async () => {
    const [json] = JSON.parse(await run(['n.csv', '--format', 'json'])) as Array<{ records: Array<{ id: string }> }>;
    expect(json!.records[0]!.id).toBe('A,1\nX');
    expect(JSON.parse((await run(['n.csv', '--format', 'jsonl'])).split('\n')[0]!).record.id).toBe('A,1\nX');
    expect(await run(['n.csv', '--format', 'github'])).toContain('::row 1 (id A,1%0AX), 1:4: ');
  });
});

describe('a .csv file delimited by tabs or semicolons', () => {
  const dir = folder({ 'tab.csv': 'id\ttext\n1\theroin addict\n', 'semi.csv': 'id;text\n1;heroin addict\n', 'semiq.csv': '"id";"text"\n1;"an addict"\n' });

  it('is one column: the error says which delimiter it seems to use, and what reads it', async () => {
    const tab = await runMain(['tab.csv'], { cwd: dir });
    expect(tab.code).toBe(2);
    expect(tab.stderr).toBe(
      'dignify: tab.csv: no column looks like note text; name it with --text-column (the columns are "id\ttext"); the header looks tab-delimited, and CSV is read with commas only: read it with --input-format tsv\n',
    );
    // What it suggests reads it.
    const asTsv = await runMain(['tab.csv', '--input-format', 'tsv', '--format', 'compact'], { cwd: dir });
    expect(asTsv.code).toBe(1);
    expect(asTsv.stdout).toContain('tab.csv:row 1 (id 1):1:1: error');
    const semi = await runMain(['semi.csv', '--text-column', 'text'], { cwd: dir });
    expect(semi.code).toBe(2);
    expect(semi.stderr).toBe(
      'dignify: semi.csv: no column "text"; the columns are "id;text"; the header looks semicolon-delimited, and CSV is read with commas only: save it with commas (or with tabs, read with --input-format tsv)\n',
    );
    expect((await runMain(['semiq.csv'], { cwd: dir })).stderr).toMatch(
      /^dignify: semiq\.csv: line 1: cannot read the header: .*; the header looks semicolon-delimited/,
    );
  });

  it('a one-column comma CSV gets no such hint', async () => {
    const r = await runMain(['one.csv'], { cwd: folder({ 'one.csv': 'a\n1\n' }) });
    expect(r.stderr).toBe('dignify: one.csv: no column looks like note text; name it with --text-column (the columns are "a")\n');
  });
});

describe('the README on what the readers do', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

  it('a later JSON Lines record without the --id-field is linted and shown by its row, as documented', async () => {
    const dir = folder({ 'ids.jsonl': '{"id":"a","text":"stable"}\n{"text":"heroin addict"}\n' });
    const r = await runMain(['ids.jsonl', '--id-field', 'id', '--format', 'compact'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ids\.jsonl:row 2:1:1: error /);
    expect(readme).not.toContain('a later record that lacks it is a malformed record');
    expect(readme).toContain('that lacks the id field (or whose id is not a string or number) is linted all the same and shown\nwithout an id, by its row');
  });

  it('--fix-dry-run on an export is exit 2, in the exit-code table and in --help', async () => {
    const r = await runMain(['n.csv', '--fix-dry-run'], { cwd: folder({ 'n.csv': 'id,text\n1,IVDU\n' }) });
    expect(r.code).toBe(2);
    const table = readme.slice(readme.indexOf('### Exit codes'), readme.indexOf('## Configuration'));
    expect(table).toContain('`--fix-dry-run` with an export among the inputs is refused too');
    expect((await runMain(['--help'])).stdout).toContain('or --fix-dry-run given an export');
  });

  it('says CSV is comma-delimited only, and what row counts in FHIR', () => {
    expect(readme).toContain('CSV is\ncomma-delimited only');
    expect(readme).toContain('In FHIR a record is a part, not a resource or a line');
  });
});
