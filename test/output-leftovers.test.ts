// Output leftovers of the session of 2026-12-04 (branch left4), each seen on a real run and each with
// its small input: the stylish suggestion's case, the warning lines' word order, FHIR's count words.
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parquetWriteFile } from 'hyparquet-writer/src/node.js';
import { droppedText } from '../src/web/dropped-text.js';
import { hoverAt, rangeOf } from '../src/lsp/diagnostics.js';
import { lintText } from '../src/index.js';
import { runMain, tempFolder } from './helpers.js';

describe('the stylish suggestion', () => {
  it('is in the case --fix, the page and the LSP write ("Addict" → "Person with …")', async () => {
    const text = 'Addict in room.\nDRUG ABUSE noted.\nAlcohol problem since 2019.\nPt is an IVDU.\n';
    const r = await runMain(['--preset', 'all'], { input: text });
    // Before: "person with a substance use disorder", "drug use": lower case where a fix keeps the phrase's.
    expect(r.stdout).toMatch(/"Addict" → "Person with a substance use disorder"/);
    expect(r.stdout).toMatch(/"DRUG ABUSE" → "DRUG USE"/);
    // Advice in parentheses is no words for the note: only the words take the phrase's case.
    expect(r.stdout).toMatch(/"Alcohol problem" → "Alcohol use disorder \(if diagnosed\)"/);
    // The article is the fix's ("an IVDU" → "a person who …"); the suggestion itself stays as a click writes it.
    expect(r.stdout).toMatch(/"IVDU" → "person who injects drugs"/);
  });
});

// The stylish column quoted `actual` with the markup its source holds ("heroin** addict",
// "heroin</b> addict") where compact, JSON's message, SARIF and GitHub give the words (a run of 2026-12-04).
describe('the stylish phrase of a Markdown or HTML file', () => {
  it.each([
    ['note.md', 'He is a **heroin** addict. Hx of drug *abuse*.\n'],
    ['note.html', '<p>He is a <b>heroin</b> addict. Hx of drug <i>abuse</i>.</p>\n'],
  ])('is the words the message quotes (%s)', async (name, text) => {
    const dir = tempFolder('dignify-left8-', { [name]: text });
    const stylish = await runMain(['--no-config', '--no-color', path.join(dir, name)]);
    const compact = await runMain(['--no-config', '--format', 'compact', path.join(dir, name)]);
    for (const words of ['heroin addict', 'drug abuse']) {
      expect(compact.stdout).toContain(`Avoid "${words}"`);
      expect(stylish.stdout).toContain(`"${words}" → `);
    }
    expect(stylish.stdout).not.toMatch(/\*\*|<\/?[bi]>|\*abuse/);
  });
});

describe('a warning line about a file', () => {
  it('reads "dignify: FILE: warning: …" in lint and report, as every other warning about a file does', async () => {
    // A binary file found in a folder is skipped with a warning (named, it is an error: "binary file; not linted").
    const dir = tempFolder('dignify-left4-', {});
    const notes = path.join(dir, 'notes');
    mkdirSync(notes);
    writeFileSync(path.join(notes, 'image.txt'), Buffer.from([0xff, 0x00, 0x01, 0x02]));
    writeFileSync(path.join(notes, 'note.txt'), 'IVDU.\n');
    const lint = await runMain(['notes'], { cwd: dir });
    const report = await runMain(['report', 'notes', '-o', path.join(dir, 'r.html')], { cwd: dir });
    for (const r of [lint, report]) {
      // Before: "dignify: warning: image.txt: skipped: binary file", the other order.
      expect(r.stderr).toContain(`dignify: ${path.join('notes', 'image.txt')}: warning: skipped: binary file\n`);
      for (const line of r.stderr.split('\n').filter((l) => l.includes('warning:'))) expect(line).toMatch(/^dignify(?: serve)?: (?:\S+: )?warning: /);
      expect(r.stderr).not.toMatch(/^dignify: warning: \S+: /m);
    }
  });
});

describe('the counts of a FHIR Bulk Data file', () => {
  it('say "record" for a part, as the count line does, and count the resources left out apart', async () => {
    const r = await runMain([path.join(import.meta.dirname, '..', 'fixtures', 'fhir', 'bulk-export.ndjson'), '--skip-bad-records']);
    // 7 notes, 2 attachments skipped with a warning, 1 malformed: 10 records (parts); Patient and Observation take none.
    // The attachments left out are in the count, so it adds up (before: "10 records read, 7 linted; 1
    // malformed record skipped", 2 records unaccounted for).
    expect(r.stderr).toContain('bulk-export.ndjson: 10 records read, 7 linted, 2 left out with a warning; 1 malformed record skipped\n');
    expect(r.stderr).toContain('bulk-export.ndjson: 2 resources left out, holding no note text (no record): Patient 1, Observation 1\n');
    // dignify report says the same count (before: "1 malformed record skipped" alone).
    const report = await runMain([
      'report',
      path.join(import.meta.dirname, '..', 'fixtures', 'fhir', 'bulk-export.ndjson'),
      '--format',
      'csv',
      '--skip-bad-records',
    ]);
    expect(report.stderr).toContain('bulk-export.ndjson: 10 records read, 7 linted, 2 left out with a warning; 1 malformed record skipped\n');
    // Before: "7 notes read; left out …" beside "10 records read": two counts of what was read.
    expect(r.stderr).not.toMatch(/notes? read/);
  });

  it('name the attachments left out in the count line of a file with no malformed record', async () => {
    const data = (text: string) => Buffer.from(text).toString('base64');
    const doc = {
      resourceType: 'DocumentReference',
      id: 'd1',
      content: [
        { attachment: { contentType: 'text/plain', data: data('Hx of IVDU.') } },
        { attachment: { contentType: 'application/pdf', data: 'JVBERi0=' } },
        { attachment: { url: 'https://ehr.example.org/Binary/1' } },
      ],
    };
    const dir = tempFolder('dignify-left4-', { 'b.ndjson': `${JSON.stringify(doc)}\n` });
    const r = await runMain(['b.ndjson'], { cwd: dir });
    expect(r.code).toBe(1);
    // Before: "b.ndjson: 1 record linted, 1 finding", the two attachments left out not in it.
    expect(r.stderr.split('\n').at(-2)).toBe('dignify: b.ndjson: 3 records read, 1 linted, 2 left out with a warning; 1 finding');
    // A file whose every record was linted keeps the short line.
    const clean = await runMain(['c.ndjson'], {
      cwd: tempFolder('dignify-left4-', { 'c.ndjson': `${JSON.stringify({ ...doc, content: doc.content.slice(0, 1) })}\n` }),
    });
    expect(clean.stderr).toBe('dignify: c.ndjson: 1 record linted, 1 finding\n');
  });
});

describe('the loose column matching the README describes', () => {
  it("prints the README's example as it is written there", async () => {
    const readme = readFileSync(path.join(import.meta.dirname, '..', 'README.md'), 'utf8').replace(/\s+/g, ' ');
    const said = /says `(dignify: n\.csv: --text-column "note-text" read as[^`]*)`/.exec(readme)?.[1];
    expect(said).toBeDefined();
    const dir = tempFolder('dignify-left4-', { 'n.csv': 'Note_ID,Note Text\n1,Pt is an IVDU.\n' });
    const loose = await runMain(['n.csv', '--text-column', 'note-text', '--id-column', 'noteid'], { cwd: dir });
    expect(loose.stderr.split('\n')).toContain(said);
    // Letter case alone is said nothing of; a name no header matches loosely is an error naming the columns.
    const upper = await runMain(['n.csv', '--text-column', 'NOTE TEXT'], { cwd: dir });
    expect(upper.stderr).not.toContain('read as');
    expect(upper.stdout).toContain('row 1 (Note_ID 1)');
    const none = await runMain(['n.csv', '--text-column', 'notes'], { cwd: dir });
    expect(none.stderr).toContain('no column "notes"; the columns are "Note_ID", "Note Text"');
    // A JSON Lines field is matched exactly.
    const jsonl = await runMain(['n.jsonl', '--text-field', 'note_text'], { cwd: tempFolder('dignify-left4-', { 'n.jsonl': '{"Note_Text":"IVDU"}\n' }) });
    expect(jsonl.stderr).toContain('the first record has no field "note_text"; its fields are "Note_Text"');
  });
});

describe("the loose match of dignify report's --group-by and --date-column", () => {
  // The README names them among the columns whose loose match is said once; they were read loosely
  // but said nothing ("deptname" for "Dept_Name" was read in silence).
  it('says which header column each name is read as, with the text column chosen or given, for CSV and Parquet', async () => {
    const dir = tempFolder('dignify-left4-', { 'g.csv': 'note_id,Dept_Name,Visit-Date,note_text\n1,ED,2024-01-15,Pt is an IVDU.\n' });
    const chosen = await runMain(['report', 'g.csv', '--format', 'csv', '--group-by', 'deptname', '--date-column', 'visit date'], { cwd: dir });
    expect(chosen.code).toBe(0);
    expect(chosen.stderr).toBe(
      'dignify: g.csv: linting the column "note_text" (record id: "note_id"); choose with --text-column and --id-column; the column "deptname" read as "Dept_Name"; the column "visit date" read as "Visit-Date"\n',
    );
    expect(chosen.stdout).toContain('\ngroup,deptname,ED,,,,1,1,1,1000\n');
    expect(chosen.stdout).toContain('\nperiod,visit date,2024-01,,,,1,1,1,1000\n');
    const given = await runMain(['report', 'g.csv', '--format', 'csv', '--text-column', 'note_text', '--group-by', 'DEPT_NAME,dept-name'], { cwd: dir });
    // Letter case alone is said nothing of, as for --text-column.
    expect(given.stderr).toBe('dignify: g.csv: the column "dept-name" read as "Dept_Name"\n');
    // The page keeps the part the advice to the command line left out.
    const page = await runMain(['report', 'g.csv', '--group-by', 'deptname'], { cwd: dir });
    expect(page.stdout).toContain('the column &quot;deptname&quot; read as &quot;Dept_Name&quot;');
    expect(page.stdout).not.toContain('choose with');
    // A column whose name holds a comma, which --group-by's list cannot name as written (README).
    writeFileSync(path.join(dir, 'c.csv'), 'note_id,"Dept, Unit",note_text\n1,ED,Pt is an IVDU.\n');
    const comma = await runMain(['report', 'c.csv', '--format', 'csv', '--group-by', 'dept unit'], { cwd: dir });
    expect(comma.stderr).toContain('; the column "dept unit" read as "Dept, Unit"\n');
    expect(comma.stdout).toContain('\ngroup,dept unit,ED,,,,1,1,1,1000\n');
    // Parquet's reader chooses its columns with the same code, and says the same.
    parquetWriteFile({
      filename: path.join(dir, 'g.parquet'),
      columnData: [
        { name: 'note_text', data: ['Pt is an IVDU.'], type: 'STRING' },
        { name: 'Dept_Name', data: ['ED'], type: 'STRING' },
      ],
    });
    const parquet = await runMain(['report', 'g.parquet', '--format', 'csv', '--group-by', 'dept name'], { cwd: dir });
    expect(parquet.stderr).toBe(
      'dignify: g.parquet: linting the column "note_text"; choose with --text-column and --id-column; the column "dept name" read as "Dept_Name"\n',
    );
    expect(parquet.stdout).toContain('\ngroup,dept name,ED,,,,1,1,1,1000\n');
  });
});

describe('a .txt file dropped on the page', () => {
  it('is set apart from the note around the caret by a blank line', () => {
    // Before, the file's text went in as it was: "seen today.IVDU, presents with fever.".
    expect(droppedText('Seen today.', 'IVDU, presents with fever.\n', '')).toBe('\n\nIVDU, presents with fever.');
    expect(droppedText('Seen today.\n', 'IVDU.', '')).toBe('\nIVDU.');
    expect(droppedText('Seen today.\n\n', 'IVDU.', '')).toBe('IVDU.');
    expect(droppedText('', 'IVDU.\r\n', 'Seen today.')).toBe('IVDU.\n\n');
    expect(droppedText('A.', 'IVDU.', '\nB.')).toBe('\n\nIVDU.\n');
    // An empty note (or one of blanks only) takes the file's text alone.
    expect(droppedText('', 'Known drug abuser.', '')).toBe('Known drug abuser.');
    expect(droppedText('  ', 'Known drug abuser.', '\n')).toBe('Known drug abuser.');
  });
});

describe('the stylish suggestion of a withheld fix', () => {
  it('is the rule\'s wording, which nothing writes there ("I.V.D.U" is no UPPER-CASE phrase)', async () => {
    const r = await runMain(['--preset', 'all'], { input: 'Intake: I.V.D.U. per referral letter.\nHe said "Addict" of himself.\n' });
    expect(r.stdout).toContain('"I.V.D.U" → "injection drug use" (no fix: stops');
    expect(r.stdout).toMatch(/"Addict" → "person with a substance use disorder" \(quoted\)/);
  });
});

// The language server's hover quoted `actual` too, in Markdown: "heroin** addict" in a hover's
// "**rule** (error): "…"" line shows stray emphasis (left8's closing note).
describe('the LSP hover of a Markdown or HTML finding', () => {
  it.each([
    ['markdown', 'He is a **heroin** addict.\n'],
    ['html', '<p>He is a <b>heroin</b> addict.</p>\n'],
  ] as const)('quotes the words the message quotes (%s)', async (syntax, text) => {
    const findings = await lintText(text, { syntax });
    const f = findings.find((x) => x.ruleId === 'substance-use/addict')!;
    expect(f.actual).not.toBe('heroin addict'); // the source's, with its markup
    const hover = hoverAt(findings, new Map(), rangeOf(f).start, () => [])!;
    expect((hover.contents as { value: string }).value).toMatch(/^\*\*substance-use\/addict\*\* \(error\): "heroin addict" → /);
  });
});
