// Papercuts met trying dignify as a new user (branch newcomer), each with its small input.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ROOT, runMain, tempFolder } from './helpers.js';

const folder = (files: Record<string, string | Buffer>) => tempFolder('dignify-newcomer-', files);

describe('an export with no record', () => {
  const dir = folder({
    'empty.csv': '',
    'header.csv': 'note_id,note_text\n',
    'empty.jsonl': '\n\n',
    'one.csv': 'note_id,note_text\nn1,seen today\n',
  });

  it.each(['empty.csv', 'header.csv', 'empty.jsonl'])('%s is said on stderr (not silent, as a clean export is); exit 0', async (file) => {
    const r = await runMain([file], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`dignify: ${file}: no records: the export is empty, nothing was linted\n`);
  });

  it('a clean export says on stderr how many records it linted (stylish only; no note text); stdout stays empty, exit 0', async () => {
    const csv = `note_id,note_text\n${Array.from({ length: 1200 }, (_, i) => `n${i},Wound is clean and dry.\n`).join('')}`;
    const d = folder({ 'clean.csv': csv, 'flagged.csv': 'note_id,note_text\nn1,hx of IVDU\nn2,seen today\n' });
    const clean = await runMain(['clean.csv'], { cwd: d });
    expect(clean.code).toBe(0);
    expect(clean.stdout).toBe('');
    expect(clean.stderr).toContain('dignify: clean.csv: 1,200 records linted, 0 findings\n');
    expect(clean.stderr).not.toContain('Wound');
    const flagged = await runMain(['flagged.csv'], { cwd: d });
    expect(flagged.code).toBe(1);
    expect(flagged.stderr).toContain('dignify: flagged.csv: 2 records linted, 1 finding\n');
    // Machine formats: stderr as before (the column note only), stdout parses.
    const json = await runMain(['clean.csv', '--format', 'json'], { cwd: d });
    expect(json.stderr).not.toContain('records linted');
    expect(() => JSON.parse(json.stdout)).not.toThrow();
  });

  it('an export with a clean record says nothing of the kind', async () => {
    const r = await runMain(['one.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('no records');
  });
});

describe('a mistyped rule id or a category', () => {
  it('dignify explain suggests the rule within two letters of a mistyped id', async () => {
    const r = await runMain(['explain', 'substance-use/adict']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('dignify: no rule "substance-use/adict"; did you mean "substance-use/addict"?\n');
    const name = await runMain(['explain', 'noncomplaint']);
    expect(name.stderr).toContain('did you mean "compliance/noncompliant"?');
  });

  it('dignify explain <category> lists the rules of the category, one a line (not one error line of 40 ids)', async () => {
    const r = await runMain(['explain', 'credibility']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^credibility: a category of \d+ rules; dignify explain <rule id> shows one/);
    expect(lines.slice(1).every((l) => /^ {2}credibility\/[a-z-]+ +(error|warning|info) +\S/.test(l))).toBe(true);
    expect(r.stdout).toContain('credibility/claims');
  });

  // A newcomer trial: "explain Credibility" and "explain demeanour" said only 'no rule …'.
  it('dignify explain reads a category or rule id in any case, and suggests a category for a near miss', async () => {
    const upper = await runMain(['explain', 'Credibility']);
    expect(upper.code).toBe(0);
    expect(upper.stdout).toMatch(/^credibility: a category of \d+ rules/);
    expect((await runMain(['explain', 'Substance-Use/Addict'])).stdout).toMatch(/^substance-use\/addict {2}\(error/);
    const near = await runMain(['explain', 'demeanour']);
    expect(near.code).toBe(2);
    expect(near.stderr).toBe('dignify: no rule "demeanour"; did you mean "demeanor"?\n');
  });

  it('a config naming a mistyped rule id says which rule was meant', async () => {
    const dir = folder({ '.dignifyrc': 'rules:\n  substance-use/adict: "off"\n', 'a.txt': 'an addict\n' });
    const r = await runMain(['a.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'dignify: .dignifyrc: rules.substance-use/adict: expected a rule id or a category; did you mean "substance-use/addict"? ("dignify rules" lists them)\n',
    );
  });
});

describe('the Node API with a mistyped rule id', () => {
  // lintText({ rules: { 'substance-use/adict': 'off' } }) reported "addict" as if the option were
  // not there, while the same key in a .dignifyrc stops the run: an unknown preset already throws.
  it('lintText and the plugin throw, naming the key and the rule meant', async () => {
    const { lintText, retextDignify } = await import('../src/index.js');
    await expect(lintText('an addict', { rules: { 'substance-use/adict': 'off' } })).rejects.toThrow(
      'rules.substance-use/adict: expected a rule id or a category; did you mean "substance-use/addict"?',
    );
    expect(() => retextDignify({ rules: { credibilty: 'off' } })).toThrow('did you mean "credibility"?');
    expect(await lintText('an addict', { rules: { 'substance-use/addict': 'off', credibility: 'off' } })).toEqual([]);
  });

  // A newcomer trial: lintText(text, { syntax: 'rtf' }) linted the text as plain text, where a bad
  // preset or quotes value throws.
  it('lintText throws for a syntax it does not parse, naming the ones it does', async () => {
    const { lintText } = await import('../src/index.js');
    const { OptionsError } = await import('../src/lint/options.js');
    const bad = lintText('an addict', { syntax: 'rtf' as 'text' });
    await expect(bad).rejects.toThrow('syntax: expected text, markdown, html, got "rtf"');
    await expect(bad).rejects.toBeInstanceOf(OptionsError);
    for (const syntax of ['text', 'markdown', 'html'] as const) expect((await lintText('an addict', { syntax })).length).toBe(1);
  });

  it("dignify serve still ignores LanguageTool's own rule ids in disabledRules", async () => {
    const { optionsFrom } = await import('../src/serve/languagetool.js');
    const { builtinRules } = await import('../src/rules/builtin.js');
    const { resolveOptions } = await import('../src/lint/options.js');
    const asked = optionsFrom(new URLSearchParams({ disabledRules: 'WHITESPACE_RULE,substance-use/addict', disabledCategories: 'TYPOS' }), builtinRules())!;
    expect(asked.rules).toEqual({ 'substance-use/addict': 'off' });
    expect(() => resolveOptions({ ...asked, ruleSet: builtinRules() })).not.toThrow();
  });
});

describe('the sizes the docs give for the page and the warehouse script', () => {
  // The README said the page was about 240 KB and the warehouse script 209 KB (58 KB gzipped, so
  // "under Snowflake's 100 KB recommendation compressed") when the build wrote 470 and 385 KB.
  // Each size written in the docs is held to the built file (npm test builds dist/ first) within 20%.
  const kb = (bytes: number) => bytes / 1024;
  const near = (said: number, built: number) => expect(Math.abs(said - built) / built, `said ${said} KB, built ${built.toFixed(0)} KB`).toBeLessThan(0.2);
  const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

  it('the page: the README', () => {
    const said = /`dist\/web\/index\.html`: one self-contained file \(about (\d+) KB\)/.exec(read('README.md'));
    expect(said).not.toBeNull();
    near(Number(said![1]), kb(statSync(path.join(ROOT, 'dist/web/index.html')).size));
  });

  it('the warehouse script: the README and docs/warehouse.md, minified and gzipped', () => {
    const script = readFileSync(path.join(ROOT, 'dist/warehouse/dignify.js'));
    const claims = [...`${read('README.md')}\n${read('docs/warehouse.md')}`.matchAll(/(\d+) KB(?: minified)?, (\d+) KB\sgzipped/g)];
    expect(claims.length).toBeGreaterThanOrEqual(3);
    for (const [, whole, gzipped] of claims) {
      near(Number(whole), kb(script.length));
      near(Number(gzipped), kb(gzipSync(script).length));
    }
  });
});

describe('--why in a pull request', () => {
  // --why changed nothing in --format github: the annotation on the diff gave no reason to a
  // reviewer who had asked for one.
  it('--format github adds the rule reason and its documentation to the annotation, on lines of their own', async () => {
    const r = await runMain(['-', '--why', '--format', 'github', '--stdin-filename', 'leaflet.md'], { input: 'Support for people with drug abuse.\n' });
    const line = r.stdout.trim();
    expect(line.split('\n')).toHaveLength(1);
    const message = line.slice(line.lastIndexOf('::') + 2);
    const [first, reason, url] = message.split('%0A');
    expect(first).toContain('Avoid "drug abuse"');
    expect(reason).toMatch(/^"Abuse" /);
    expect(url).toMatch(/^https:\/\/\S+#substance-usesubstance-abuse$/);
    const plain = await runMain(['-', '--format', 'github'], { input: 'Support for people with drug abuse.\n' });
    expect(plain.stdout).not.toContain('%0A');
  });
});

describe('a .docx that is not one', () => {
  // mammoth's error for a file that is no zip ended in JSZip's "is this a zip file ? If it is,
  // see https://stuk.github.io/…": a link about a library, not about the file.
  it('a file that is not a zip, or an old Word 97-2003 file, is one plain line naming what it is', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]);
    const dir = folder({ 'a.docx': 'plain words, not a Word file\n', 'b.txt': 'hx of IVDU\n' });
    writeFileSync(path.join(dir, 'old.docx'), ole);
    const r = await runMain(['a.docx', 'old.docx', 'b.txt', '--format', 'compact'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('b.txt:1:7');
    expect(r.stderr).toBe(
      'dignify: a.docx: not a readable Word document (.docx): not a zip file, as every .docx is\n' +
        'dignify: old.docx: not a readable Word document (.docx): an older Word 97-2003 file (.doc); save it as .docx\n',
    );
  });
});

describe('a directive naming a rule', () => {
  // A template that disables a rule of the `all` preset was warned, under the default preset, that
  // the rule "is no rule id or category": it is one, only not run.
  it('a rule outside the preset is a rule: no warning; a mistyped one gets the id meant', async () => {
    const dir = folder({
      'a.md': '<!-- dignify-disable-next-line demeanor/angry -- the preset of another team -->\nHe was angry.\n',
      'b.md': '<!-- dignify-disable-next-line substance-use/adict -->\nHe is an addict.\n',
    });
    const r = await runMain(['a.md', 'b.md', '--format', 'compact'], { cwd: dir });
    expect(r.stderr).toBe(
      'dignify: b.md: warning: line 1: a dignify directive names "substance-use/adict", which is no rule id or category; did you mean "substance-use/addict"?\n',
    );
    expect(r.stdout).toContain('b.md:2:10');
  });
});

describe('dignify report -o inside the folder it reads', () => {
  // `dignify report notes -o notes/report.html` wrote the report among the notes; the same command
  // run again was then refused ("is a note of the folder being read"), and a plain lint of the
  // folder read the report as a note.
  it('a new file with a linted extension inside the folder is refused before anything is read, exit 2', async () => {
    const dir = folder({ 'a.txt': 'Known heroin addict.\n' });
    const r = await runMain(['report', '.', '-o', 'report.html'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('dignify: report.html: is inside the folder being read (.), where the next run would read it as a note: choose another -o file\n');
    expect(existsSync(path.join(dir, 'report.html'))).toBe(false);
    const csv = await runMain(['report', '.', '-f', 'csv', '-o', 'report.csv'], { cwd: dir });
    expect(csv.code).toBe(0);
    expect(readFileSync(path.join(dir, 'report.csv'), 'utf8')).toMatch(/^section,/);
  });
});

describe('dignify report --date-column with dates it cannot read', () => {
  // An export dated 15.03.2024 got no trend at all, and only a line inside the page said so: the
  // run itself said nothing.
  it('says on stderr how many notes had a date it could not read, and which forms it reads', async () => {
    const dir = folder({
      'eu.csv': 'note_id,note_text,date\n1,hx of IVDU,15.03.2024\n2,seen today,16.03.2024\n3,seen,\n',
      'us.csv': 'note_id,note_text,date\n1,hx of IVDU,2024-03-15\n2,seen,\n',
    });
    const eu = await runMain(['report', 'eu.csv', '-f', 'csv', '--date-column', 'date'], { cwd: dir });
    expect(eu.code).toBe(0);
    expect(eu.stderr).toContain(
      'dignify: eu.csv: warning: 2 notes have a date in "date" that is not read (ISO 2024-03-15, 2024/03/15 and US 03/15/2024 are); they are left out of the trend\n',
    );
    const us = await runMain(['report', 'us.csv', '-f', 'csv', '--date-column', 'date'], { cwd: dir });
    expect(us.stderr).not.toContain('warning');
  });
});

describe('npm pack in a clone', () => {
  // The README has a newcomer run `npm pack`; its tarball was left as an untracked file that
  // `git add -A` would commit.
  it('the tarball it writes is ignored by git', async () => {
    const { spawnSync } = await import('node:child_process');
    const { name, version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
    const r = spawnSync('git', ['check-ignore', '--no-index', '-q', `${name}-${version}.tgz`], { cwd: ROOT });
    expect(r.status).toBe(0);
  });
});

describe('--ext with no extension', () => {
  // `--ext ""` (an unset shell variable) searched folders for no extension and said
  // "no file in this folder has an extension linted ((none); --ext chooses)".
  it('is a usage error naming the option, for lint and report', async () => {
    const dir = folder({ 'a.txt': 'an addict\n' });
    for (const args of [
      ['.', '--ext', ''],
      ['.', '--ext', ' , '],
      ['report', '.', '--ext', ''],
    ]) {
      const r = await runMain(args, { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`dignify: --ext: expected one or more extensions, comma-separated (txt,md), got "${args.at(-1)}"\n`);
    }
    expect((await runMain(['.', '--ext', '.TXT'], { cwd: dir })).code).toBe(1);
  });
});

describe('dignify report --help', () => {
  // It said --text-column and --id-column were for "CSV/TSV" while the report reads Parquet by
  // the same columns (and dignify --help says CSV/TSV/Parquet).
  it('gives the column options for Parquet too', async () => {
    const help = (await runMain(['report', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('--text-column <name> CSV/TSV/Parquet: the column');
    expect(help).toContain('--id-column <name> CSV/TSV/Parquet: the column');
  });
});

describe('dignify report to a terminal', () => {
  // `dignify report notes.csv` without -o poured a 40 KB HTML page into the terminal after linting
  // the whole export.
  it('an HTML report with no -o and a terminal for stdout is refused before anything is read, naming -o', async () => {
    const { main } = await import('../src/cli/main.js');
    const dir = folder({ 'n.csv': 'note_id,note_text\n1,hx of IVDU\n' });
    let stdout = '';
    let stderr = '';
    const run = (args: string[]) =>
      main(args, {
        stdin: Object.assign(Readable.from([]), { isTTY: true }),
        stdout: { write: (s: string) => (stdout += s), isTTY: true },
        stderr: { write: (s: string) => (stderr += s) },
        cwd: dir,
        env: { NO_COLOR: '1' },
      });
    const before = process.cwd();
    process.chdir(dir);
    try {
      expect(await run(['report', 'n.csv'])).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe('dignify: report: an HTML page is not for a terminal: write it to a file with -o report.html (or pipe it, or --format csv)\n');
      stderr = '';
      expect(await run(['report', 'n.csv', '--format', 'csv'])).toBe(0);
      expect(stdout).toMatch(/^section,/);
    } finally {
      process.chdir(before);
    }
  });
});

describe('--format github and what could not be read', () => {
  // A malformed export record or a missing file was said on stderr only: the job failed (exit 2)
  // with no annotation on the pull request saying why. SARIF already lists them (invocations).
  it('each is an annotation at the file (and the record line)', async () => {
    const dir = folder({ 'bad.csv': 'note_id,note_text\n1,hx of IVDU\n2,"unclosed\n' });
    const r = await runMain(['bad.csv', 'missing.txt', '--format', 'github'], { cwd: dir });
    expect(r.code).toBe(2);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain('::error file=bad.csv,line=3,title=dignify::row 2: unterminated quoted field');
    expect(lines.some((l) => l.startsWith('::error file=missing.txt,title=dignify::'))).toBe(true);
    expect(lines.filter((l) => l.includes('substance-use/injection-drug-abuse'))).toHaveLength(1);
  });
  // With --skip-bad-records the records are accepted (exit 1 on the finding, not 2), yet each was
  // still an ::error annotation, and SARIF said the run had failed. Now each skipped record is a
  // warning, one per record as on stderr, in both; a file that could not be read stays an error.
  it('a record skipped by --skip-bad-records is a warning, one per record (github and SARIF)', async () => {
    const dir = folder({ 'bad.csv': 'note_id,note_text\n1,hx of IVDU\n2,x"y\n3,ok\n' });
    const gh = await runMain(['bad.csv', '--format', 'github', '--skip-bad-records'], { cwd: dir });
    expect(gh.code).toBe(1);
    const annotations = gh.stdout
      .trim()
      .split('\n')
      .filter((l) => l.includes('title=dignify'));
    expect(annotations).toEqual([expect.stringMatching(/^::warning file=bad\.csv,line=3,title=dignify::row 2: /)]);
    expect(gh.stderr).toContain('bad.csv: 3 records read, 2 linted; 1 malformed record skipped\n');
    const two = folder({ 'gone.csv': 'note_id,note_text\n1,a,b\n2,c,d\n' });
    const both = await runMain(['gone.csv', 'missing.txt', '--format', 'github', '--skip-bad-records'], { cwd: two });
    expect(both.code).toBe(2); // the missing file
    expect(
      both.stdout
        .trim()
        .split('\n')
        .map((l) => l.slice(0, l.indexOf('::', 2))),
    ).toEqual(['::warning file=gone.csv,line=2,title=dignify', '::warning file=gone.csv,line=3,title=dignify', '::error file=missing.txt,title=dignify']);
    const sarif = await runMain(['bad.csv', '--format', 'sarif', '--skip-bad-records'], { cwd: dir });
    const invocation = (
      JSON.parse(sarif.stdout) as {
        runs: Array<{ invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<{ level: string }> }> }>;
      }
    ).runs[0]!.invocations[0]!;
    expect(invocation.toolExecutionNotifications.map((n) => n.level)).toEqual(['warning']);
    expect(invocation.executionSuccessful).toBe(true);
    const strict = await runMain(['bad.csv', '--format', 'sarif'], { cwd: dir });
    expect(strict.code).toBe(2);
    expect(strict.stdout).toContain('"executionSuccessful": false');
  });
});
