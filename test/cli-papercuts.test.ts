import { readFileSync } from 'node:fs';
import path from 'node:path';
// Papercuts a newcomer met in the lint CLI (branch fixcli), each with its small input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_BODY_BYTES } from '../src/cli/main.js';
import { editDistance } from '../src/cli/suggest.js';
import { maxTextLength } from '../src/serve/server.js';
import { runMain, tempFolder } from './helpers.js';

const folder = (files: Record<string, string | Buffer>) => tempFolder('dignify-cli-papercuts-', files);

describe('a UTF-8 byte-order mark before a bad byte', () => {
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);

  it('is dropped before a document is read as Windows-1252: positions start at 1:1', async () => {
    const dir = folder({ 'b.txt': Buffer.concat([bom, Buffer.from('IVDU caf'), Buffer.from([0xe9]), Buffer.from('\n')]) });
    const r = await runMain(['b.txt', '--format', 'json'], { cwd: dir });
    const [result] = JSON.parse(r.stdout) as Array<{ findings: Array<{ actual: string; start: { line: number; column: number } }> }>;
    expect(result!.findings.map((f) => [f.actual, f.start.line, f.start.column])).toEqual([['IVDU', 1, 1]]);
    expect(r.stderr).toMatch(/b\.txt: warning: not valid UTF-8: read as Windows-1252/);
    expect(r.stderr).not.toContain('ï»¿');
  });

  it('is not left in the first column name of a CSV header', async () => {
    const csv = Buffer.concat([bom, Buffer.from('note_id,note\nn1,IVDU caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const r = await runMain(['b.csv', '--format', 'json'], { cwd: folder({ 'b.csv': csv }) });
    expect(r.stderr).toContain('(record id: "note_id")');
    expect(r.stderr).not.toContain('\uFEFF');
    const [result] = JSON.parse(r.stdout) as Array<{ records: Array<{ id: string }> }>;
    expect(result!.records.map((record) => record.id)).toEqual(['n1']);
  });
});

describe('export-only flags on a file not read as an export', () => {
  it('are a usage error for a .json file, which would be linted as raw text', async () => {
    const dir = folder({ 'arr.json': '[{"text":"pt is an addict"}]\n' });
    const r = await runMain(['arr.json', '--text-field', 'text'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'dignify: arr.json: --text-field applies to CSV, TSV, JSON Lines and Parquet exports; a .json file is read as text (save it as JSON Lines, one object per line, .jsonl)\n',
    );
    expect(r.stdout).toBe('');
  });

  it('are a one-line warning naming a text file, which is still linted', async () => {
    const dir = folder({ 'a.txt': 'pt is an addict\n' });
    const r = await runMain(['a.txt', '--text-column', 'foo', '--id-column', 'bar'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter((l) => l.includes('ignored'))).toEqual([
      'dignify: a.txt: warning: --text-column and --id-column apply to CSV, TSV, JSON Lines and Parquet exports; it is read as plain text and the flags are ignored for it',
    ]);
    expect(r.stdout).toContain('substance-use/addict');
  });

  it('are a warning for standard input read as text, and nothing for an export', async () => {
    const stdin = await runMain(['--text-field', 'note'], { input: 'an addict\n' });
    expect(stdin.stderr).toContain('dignify: <stdin>: warning: --text-field applies to');
    const dir = folder({ 'ok.csv': 'id,note\n1,an addict\n', 'ok.json': '[]\n' });
    const csv = await runMain(['ok.csv', '--text-column', 'note'], { cwd: dir });
    expect(csv.code).toBe(1);
    expect(csv.stderr).toBe('dignify: ok.csv: 1 record linted, 1 finding\n');
    // --input-format jsonl reads the .json file as an export: the flag applies.
    const forced = await runMain(['ok.json', '--text-field', 'note', '--input-format', 'jsonl'], { cwd: dir });
    expect(forced.stderr).not.toContain('applies to');
  });
});

// A newcomer trial: --text-field and --text-column are one setting (--text-field is its JSON Lines
// name); given both with different names, the --text-field one was dropped without a word.
describe('--text-column and --text-field (or --id-column and --id-field) both given', () => {
  const csv = 'note_id,note_text,dept\n1,an addict,ED\n';
  it('is a usage error when they name different columns, for lint and report, before anything is read', async () => {
    const dir = folder({ 'n.csv': csv });
    const text = await runMain(['n.csv', '--text-column', 'note_text', '--text-field', 'dept'], { cwd: dir });
    expect(text.code).toBe(2);
    expect(text.stdout).toBe('');
    expect(text.stderr).toBe(
      'dignify: --text-column "note_text" and --text-field "dept" name the note\'s column or field twice: give one (--text-field is --text-column\'s name for JSON Lines)\n',
    );
    const id = await runMain(['n.csv', '--id-field', 'x', '--id-column', 'note_id'], { cwd: dir });
    expect(id.code).toBe(2);
    expect(id.stderr).toBe(
      'dignify: --id-column "note_id" and --id-field "x" name the record id\'s column or field twice: give one (--id-field is --id-column\'s name for JSON Lines)\n',
    );
    const report = await runMain(['report', 'n.csv', '--format', 'csv', '--text-column', 'note_text', '--text-field', 'dept'], { cwd: dir });
    expect(report.code).toBe(2);
    expect(report.stdout).toBe('');
    expect(report.stderr).toContain('dignify: --text-column "note_text" and --text-field "dept" name');
  });

  it('is accepted when they name the same one', async () => {
    const r = await runMain(['n.csv', '--text-column', 'note_text', '--text-field', 'note_text', '--id-column', 'note_id', '--id-field', 'note_id'], {
      cwd: folder({ 'n.csv': csv }),
    });
    expect(r.code).toBe(1);
    // No usage error: only the export's count line (stylish format).
    expect(r.stderr).toBe('dignify: n.csv: 1 record linted, 1 finding\n');
    expect(r.stdout).toContain('substance-use/addict');
  });
});

describe('a column named loosely', () => {
  it('is read, and which column was read is said once', async () => {
    const dir = folder({ 'n.csv': 'Record ID,Note_Text\n1,an addict\n2,stable\n' });
    const r = await runMain(['n.csv', '--text-column', 'note text', '--id-column', 'record_id'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'dignify: n.csv: --text-column "note text" read as the column "Note_Text"; the id column "record_id" read as "Record ID"\n' +
        'dignify: n.csv: 2 records linted, 1 finding\n',
    );
    expect(r.stdout).toContain('substance-use/addict');
  });

  it('says nothing when the names are exact', async () => {
    const dir = folder({ 'n.csv': 'Record ID,Note_Text\n1,an addict\n' });
    const r = await runMain(['n.csv', '--text-column', 'Note_Text', '--id-column', 'Record ID'], { cwd: dir });
    expect(r.code).toBe(1);
    // No column note; only the stylish format's count line.
    expect(r.stderr).toBe('dignify: n.csv: 1 record linted, 1 finding\n');
  });
});

describe('JSON Lines: the note field', () => {
  const nested = '{"id":"a1","note":{"text":"an addict"}}\n{"id":"a2","note":{"text":"IVDU"}}\n';

  it('is never an object-valued field: one line suggests the nested path', async () => {
    const r = await runMain(['n.jsonl'], { cwd: folder({ 'n.jsonl': nested }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'dignify: n.jsonl: no field with text looks like note text; name it with --text-field (e.g. --text-field note.text); the first record\'s fields are "id", "note" (an object: "note.text")\n',
    );
  });

  it('is picked among string fields when an object has a note-like name too', async () => {
    const body = '{"note":{"author":"x"},"body":"an addict","id":7}\n';
    const r = await runMain(['s.jsonl', '--format', 'json'], { cwd: folder({ 's.jsonl': body }) });
    expect(r.stderr).toContain('linting the field "body" (record id: "id")');
    expect(r.code).toBe(1);
  });

  it('named wrong stops with one line when the first record lacks it', async () => {
    const r = await runMain(['n.jsonl', '--text-field', 'note.txt'], { cwd: folder({ 'n.jsonl': nested }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('dignify: n.jsonl: line 1: the first record has no field "note.txt"; its fields are "id", "note" (an object: "note.text")\n');
  });

  it('an --id-field the first record lacks stops likewise, naming it as the id', async () => {
    const r = await runMain(['n.jsonl', '--text-field', 'note.text', '--id-field', 'idx'], { cwd: folder({ 'n.jsonl': nested }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('dignify: n.jsonl: line 1: the first record has no field "idx" for the id; its fields are "id", "note" (an object: "note.text")\n');
  });

  it('named right reads the nested text; a later record that lacks it costs only itself', async () => {
    const body = `${nested}{"id":"a3"}\n{"id":"a4","note":{"text":"addict"}}\n`;
    const r = await runMain(['n.jsonl', '--text-field', 'note.text', '--format', 'json'], { cwd: folder({ 'n.jsonl': body }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('line 3 (row 3): skipped a malformed record: no field "note.text"');
    const [result] = JSON.parse(r.stdout) as Array<{ records: Array<{ id?: string; findings?: unknown[] }> }>;
    expect(result!.records.filter((record) => record.findings?.length).map((record) => record.id)).toEqual(['a1', 'a2', 'a4']);
  });
});

describe('--fix-dry-run on an export', () => {
  it('names the flag the user passed', async () => {
    const dir = folder({ 'ex.csv': 'id,note\n1,an addict\n' });
    const dry = await runMain(['ex.csv', '--fix-dry-run'], { cwd: dir });
    expect(dry.code).toBe(2);
    expect(dry.stderr).toBe(
      'dignify: ex.csv is an export: --fix-dry-run shows no fixes for exports, as --fix never rewrites them (CSV, TSV, JSON Lines, JSON, Parquet, FHIR); nothing was written. Lint it without --fix-dry-run\n',
    );
    const fix = await runMain(['ex.csv', '--fix'], { cwd: dir });
    expect(fix.code).toBe(2);
    expect(fix.stderr).toContain('ex.csv is an export: --fix never rewrites exports (');
    expect(fix.stderr).toContain('Lint it without --fix\n');
  });
});

describe('commands', () => {
  it("`dignify help` shows the help (exit 0), and `dignify help report` the command's", async () => {
    const dir = folder({});
    const help = await runMain(['help'], { cwd: dir });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: dignify \[options\] \[command\] \[paths\.\.\.\]/);
    expect(help.stderr).toBe('');
    const report = await runMain(['help', 'report'], { cwd: dir });
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/^Usage: dignify report \[options\] <export>/);
  });

  it('a mistyped command that is no path gets "did you mean", exit 2', async () => {
    const dir = folder({ 'ex.csv': 'id,note\n1,addict\n' });
    const r = await runMain(['repot', 'ex.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('dignify: repot: no such file, folder or command; did you mean "report"? (see dignify --help)\n');
    expect(r.stdout).toBe('');
    expect((await runMain(['explian', 'x'], { cwd: dir })).stderr).toContain('did you mean "explain"?');
  });

  it("another linter's command word (lint, check, fix) that is no path says how dignify is run, exit 2, nothing linted", async () => {
    const dir = folder({ 'notes.txt': 'an addict\n' });
    const lint = await runMain(['lint', 'notes.txt'], { cwd: dir });
    expect(lint.code).toBe(2);
    expect(lint.stderr).toBe(
      'dignify: lint: no such file, folder or command; dignify lints the paths it is given, with no command: dignify notes/ (see dignify --help)\n',
    );
    expect(lint.stdout).toBe('');
    expect((await runMain(['Check', 'notes.txt'], { cwd: dir })).stderr).toContain('dignify checks the paths it is given, with no command');
    const fix = await runMain(['fix', 'notes.txt'], { cwd: dir });
    expect(fix.stderr).toContain('to fix, give the paths with --fix (or --fix-dry-run for a diff): dignify notes/ --fix');
    expect(readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('an addict\n');
  });

  it('a file named lint is linted as a path', async () => {
    const dir = folder({ lint: 'an addict\n' });
    const file = await runMain(['lint'], { cwd: dir });
    expect(file.code).toBe(1);
    expect(file.stdout).toContain('substance-use/addict');
  });

  it('an existing file named like a command, or a name far from every command, is linted as a path', async () => {
    const dir = folder({ repot: 'an addict\n' });
    const file = await runMain(['repot'], { cwd: dir });
    expect(file.code).toBe(1);
    expect(file.stdout).toContain('substance-use/addict');
    const missing = await runMain(['notes.txt'], { cwd: dir });
    expect(missing.stderr).toBe('dignify: notes.txt: no such file or directory\n');
  });
});

describe('usage errors from the argument parser', () => {
  it('start "dignify:" like every other message', async () => {
    const unknown = await runMain(['--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('dignify: unknown option --bogus (see dignify --help)\n');
    const choice = await runMain(['rules', '--format', 'x']);
    expect(choice.stderr).toBe('dignify: --format: expected one of text, json, got "x"\n');
    const missing = await runMain(['explain']);
    expect(missing.stderr).toBe(
      'dignify: explain: expected a rule id, e.g. substance-use/addict, or a category, e.g. credibility (see dignify help explain)\n',
    );
    expect(`${unknown.stderr}${choice.stderr}${missing.stderr}`).not.toMatch(/^error:/m);
  });

  // commander's own words differed from dignify's: "option '-f, --format <name>' argument 'xml' is
  // invalid. Allowed choices are …", a lowercase "expected" after a full stop, "(Did you mean
  // --format?)" on a second line, "missing required argument 'ruleId'" (a name in the code).
  it.each([
    [['--format', 'xml'], 'dignify: --format: expected one of stylish, json, jsonl, compact, sarif, github, got "xml"'],
    [['-f'], 'dignify: --format needs a value: one of stylish, json, jsonl, compact, sarif, github (see dignify --help)'],
    [['--max-warnings', 'some'], 'dignify: --max-warnings: expected a whole number, 0 or more, got "some"'],
    [['--threads'], 'dignify: --threads needs a value: a whole number, 1 or more (see dignify --help)'],
    [['-c'], 'dignify: --config needs a value: <file> (see dignify --help)'],
    [['--formt', 'json', 'a.txt'], 'dignify: unknown option --formt; did you mean --format? (see dignify --help)'],
    [['report', 'x.csv', '--group', 'unit'], 'dignify: unknown option --group; did you mean --group-by? (see dignify help report)'],
    [['report', 'x.csv', '--period', 'year'], 'dignify: --period: expected one of month, week, got "year"'],
    [['serve', '--port', 'eighty'], 'dignify: --port: expected a port number, 0 to 65535, got "eighty"'],
    // A newcomer trial: report took --threads 0 and failed on the export with the API's words
    // ("dignify: x.csv: threads: …"); serve took --max-body-bytes 0 and answered 413 to everything.
    [['report', 'x.csv', '--threads', '0'], 'dignify: --threads: expected a whole number, 1 or more, got "0"'],
    [
      ['serve', '--max-body-bytes', '0'],
      'dignify: --max-body-bytes: expected a whole number of bytes, 8201 or more (8 KiB for the other parameters and 9 for a character), got "0"',
    ],
    [
      ['serve', '--max-body-bytes', '8200'],
      'dignify: --max-body-bytes: expected a whole number of bytes, 8201 or more (8 KiB for the other parameters and 9 for a character), got "8200"',
    ],
    [['rules', 'substance-use'], 'dignify: rules: expected no argument, got 1 (see dignify help rules)'],
    [['explain', 'a', 'b'], 'dignify: explain: expected one argument, got 2 (see dignify help explain)'],
    [['a.txt', '--fix', '--fix-dry-run'], 'dignify: --fix-dry-run cannot be used with --fix: --fix writes the fixes, --fix-dry-run only shows them'],
  ])('%j: one line naming the option or command, what was expected and what was given, exit 2', async (args, line) => {
    const r = await runMain(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${line}\n`);
  });
});

describe('serve --max-body-bytes', () => {
  it('its smallest value is the smallest whose /v2/maxtextlength is a character', () => {
    expect(maxTextLength(MIN_BODY_BYTES)).toBe(1);
    expect(maxTextLength(MIN_BODY_BYTES - 1)).toBe(0);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('repot', 'report')).toBe(1);
    expect(editDistance('explian', 'explain')).toBe(2);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('is 0 only for equal strings, symmetric, at most the longer length, and capped past max (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), fc.nat(4), (a, b, max) => {
        const d = editDistance(a, b);
        expect(d === 0).toBe(a === b);
        expect(editDistance(b, a)).toBe(d);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(editDistance(a, b, max)).toBe(Math.min(d, max + 1));
      }),
    );
  });
});

// A CI maintainer's trial: a workflow step written without its paths ("npx dignify --format github")
// read the runner's empty standard input, linted nothing and passed without a word.
describe('no paths and an empty standard input', () => {
  it('is said on stderr, and still exits 0', async () => {
    for (const args of [[], ['-f', 'github']]) {
      const r = await runMain(args, { input: '' });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        'dignify: warning: nothing was linted: no paths were given and standard input was empty (give files, folders or globs: dignify <paths>)\n',
      );
    }
  });

  it("leaves a machine format's stdout whole: the warning is on stderr only", async () => {
    const json = await runMain(['-f', 'json'], { input: '' });
    expect(JSON.parse(json.stdout)).toEqual([{ file: '<stdin>', findings: [] }]);
    expect(json.stderr).toMatch(/^dignify: warning: nothing was linted: .*\n$/);
    const sarif = await runMain(['-f', 'sarif'], { input: '' });
    expect(JSON.parse(sarif.stdout).runs[0].results).toEqual([]);
    expect(sarif.stderr).toMatch(/^dignify: warning: nothing was linted: .*\n$/);
  });

  it('is not said for text on standard input, nor for "-", --stdin-filename (an editor\'s new, empty buffer) or an empty file named', async () => {
    const dir = tempFolder('dignify-empty-stdin-', { 'empty.txt': '' });
    for (const [args, input] of [
      [[], 'Clean and dry.\n'],
      [['-'], ''],
      [['--stdin-filename', 'note.md'], ''],
      [['--stdin-filename', 'note.md', '-f', 'json'], ''],
      [['empty.txt'], ''],
    ] as Array<[string[], string]>) {
      const r = await runMain(args, { input, cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
    }
  });
});
