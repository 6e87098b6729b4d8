// `dignify report`, run as a user runs it (in this process, through main()): where the page goes, what it holds by default
// (no note text) and with --include-snippets, CSV output, JSONL/TSV/folder sources, and errors.
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from './helpers.js';

const FIXTURE = 'fixtures/report/notes.csv';
const ARGS = [FIXTURE, '--id-column', 'note_id', '--group-by', 'department,author_role', '--date-column', 'note_date'];

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'dignify-report-'));
}

describe('dignify report', () => {
  it('writes a self-contained page to stdout with terms, counts and ids but no note text', async () => {
    const r = await runMain(['report', ...ARGS]);
    expect(r.code).toBe(0);
    // The text column is found by its name, as the lint command finds it, and said once.
    expect(r.stderr).toBe(`dignify: ${FIXTURE}: linting the column "text" (record id: "note_id"); choose with --text-column and --id-column\n`);
    const html = r.stdout;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('No note text: this page shows terms, counts and record ids only.');
    expect(html).toContain('N-1001');
    expect(html).toContain('heroin addict');
    expect(html).toContain('person with opioid use disorder');
    // Words of the notes around the findings never appear.
    for (const phrase of ['forearm abscess', 'epidural abscess', 'found down at bus stop', 'withdrawal seizures']) expect(html).not.toContain(phrase);
    // Nothing that could load from elsewhere.
    expect(html).not.toMatch(/<script|<link|@import|url\(|https?:\/\/(?!github\.com\/dignify-lint|www\.w3\.org\/2000\/svg)/);
    for (const heading of [
      'Over time',
      'Findings by rule',
      'Top terms and what to write instead',
      'By department',
      'By author_role',
      'Notes with the most findings',
      'How this report was made',
    ]) {
      expect(html).toContain(`>${heading}</h2>`);
    }
  });

  it("adds each finding's sentence with --include-snippets and says so at the top", async () => {
    const html = (await runMain(['report', ...ARGS, '--include-snippets'])).stdout;
    const banner = html.indexOf('This report contains note text.');
    expect(banner).toBeGreaterThan(0);
    expect(banner).toBeLessThan(html.indexOf('<h1>'));
    expect(html).toContain('Reports using <mark>dirty needles</mark> last week.');
    expect(html).not.toContain('No note text');
  });

  it('writes only the -o file, atomically, and nothing to stdout', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'report.html');
    writeFileSync(out, 'old');
    const r = await runMain(['report', ...ARGS, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readdirSync(dir)).toEqual(['report.html']);
    expect(readFileSync(out, 'utf8')).toContain('Stigmatizing language audit');
  });

  it('writes the aggregates as CSV with --format csv', async () => {
    const r = await runMain(['report', ...ARGS, '--format', 'csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('section,column,key,rule,term,suggestion,notes,notes_with_findings,findings,per_1000_notes');
    expect(lines).toContain('total,,,,,,31,13,15,483.9');
    expect(lines).toContain('group,author_role,physician,,,,13,8,10,769.2');
    expect(lines).toContain('period,note_date,2024-06,,,,5,0,0,0');
  });

  it('trends by week with --period week', async () => {
    const html = (await runMain(['report', ...ARGS, '--period', 'week'])).stdout;
    expect(html).toContain('Findings per 1,000 notes by week');
    expect(html).toContain('1 Jan 2024'); // the Monday of N-1001's week (Thursday 4 January)
  });

  it('stops with exit 2 naming a missing column, and writes nothing', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'report.html');
    const r = await runMain(['report', FIXTURE, '--group-by', 'ward', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`dignify: ${FIXTURE}: no column "ward"; the columns are "note_id", "note_date", "department", "author_role", "text"`);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 on a missing export', async () => {
    const r = await runMain(['report', 'no-such-export.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no-such-export.csv: no such file or directory');
  });

  it('reads JSONL, names a bad line on stderr, reports the rest and exits 2', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'notes.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'a', unit: '4W', note: 'Known heroin addict.' }),
        '{"id": "b", "note": broken',
        JSON.stringify({ id: 'c', unit: '4W', note: 'Wound clean and dry.' }),
        JSON.stringify({ id: 'd', unit: 5, note: 'Hx of IVDU.' }),
      ].join('\n'),
    );
    const r = await runMain(['report', file, '--text-column', 'note', '--id-column', 'id', '--group-by', 'unit', '--format', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(`^dignify: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: line 2 \\(row 2\\): skipped a malformed record: not valid JSON`),
    );
    // The records read and linted, as the lint command says them (before: "1 malformed record skipped" alone).
    expect(r.stderr).toContain(`dignify: ${file}: 4 records read, 3 linted; 1 malformed record skipped (exit 2; --skip-bad-records accepts them)\n`);
    expect(r.stdout).toContain('total,,,,,,3,2,2,666.7');
    expect(r.stdout).toContain('group,unit,5,,,,1,1,1,1000');
  });

  it('groups JSONL by a nested field, and --skip-bad-records keeps the exit code 0', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'notes.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'a', meta: { unit: '4W' }, note: { text: 'Known heroin addict.' } }),
        JSON.stringify({ id: 'b', meta: { unit: '5E' }, note: { text: 'Wound clean and dry.' } }),
        'not json',
        JSON.stringify({ id: 'c', meta: { unit: '4W' }, note: { text: 'Hx of IVDU.' } }),
        JSON.stringify({ id: 'd', meta: {}, note: { text: 'Alcohol abuse.' } }),
      ].join('\n'),
    );
    const r = await runMain([
      'report',
      file,
      '--text-field',
      'note.text',
      '--id-field',
      'id',
      '--group-by',
      'meta.unit',
      '--format',
      'csv',
      '--skip-bad-records',
    ]);
    expect(r.stderr).toContain(`dignify: ${file}: line 3 (row 3): skipped a malformed record: not valid JSON`);
    expect(r.stderr).toContain(`dignify: ${file}: 5 records read, 4 linted; 1 malformed record skipped\n`);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('total,,,,,,4,3,3,750');
    expect(r.stdout).toContain('group,meta.unit,4W,,,,2,2,2,1000');
    expect(r.stdout).toContain('group,meta.unit,5E,,,,1,0,0,0');
    expect(r.stdout).toContain('group,meta.unit,(missing),,,,1,1,1,1000');
  });

  it('stops with exit 2 naming a group field the first JSONL record lacks, and the fields it has', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'notes.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: 'a', meta: { unit: '4W' }, text: 'Known heroin addict.' })}\n`);
    const r = await runMain(['report', file, '--group-by', 'meta.ward', '-o', path.join(dir, 'r.html')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`dignify: ${file}: no field "meta.ward"; the fields are "id", "meta", "text"`);
    expect(readdirSync(dir)).toEqual(['notes.jsonl']);
  });

  it("reads a CSV with another extension through --input-format, with the lint command's column flags", async () => {
    const dir = tempDir();
    const file = path.join(dir, 'notes.export');
    writeFileSync(file, 'Record,Body,Ward\nr1,Known heroin addict.,A\nr2,No concerns.,B\n');
    const r = await runMain([
      'report',
      file,
      '--input-format',
      'csv',
      '--text-column',
      'body',
      '--id-column',
      'record',
      '--group-by',
      'ward',
      '--format',
      'csv',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('total,,,,,,2,1,1,500');
    expect(r.stdout).toContain('group,ward,A,,,,1,1,1,1000');
  });

  it('reads TSV', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'notes.tsv');
    writeFileSync(file, 'id\ttext\n1\tHx of "drug abuse" per chart.\n2\tNo concerns.\n');
    const r = await runMain(['report', file, '--format', 'csv', '--quotes', 'flag']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('total,,,,,,2,1,1,500');
  });

  it('treats each file of a folder as one note, named by its path', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'ed'));
    writeFileSync(path.join(dir, 'ed', 'a.txt'), 'Known heroin addict.\n');
    writeFileSync(path.join(dir, 'b.md'), 'Clean and dry.\n');
    const r = await runMain(['report', dir, '--group-by', 'folder']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`<code>${path.join('ed', 'a.txt')}</code>`);
    const csv = (await runMain(['report', dir, '--group-by', 'folder', '--format', 'csv'])).stdout;
    expect(csv).toContain('total,,,,,,2,1,1,500');
    expect(csv).toContain('group,folder,ed,,,,1,1,1,1000');
  });

  describe('papercuts', () => {
    const EXPORT = 'id,text\n1,Known heroin addict.\n2,No concerns.\n';

    it('refuses an -o that is the export itself, by its path, a symbolic link or a hard link, and writes nothing', async () => {
      const dir = tempDir();
      const file = path.join(dir, 'ex2.csv');
      writeFileSync(file, EXPORT);
      symlinkSync(file, path.join(dir, 'via-symlink.csv'));
      linkSync(file, path.join(dir, 'via-hardlink.csv'));
      for (const out of [file, path.join(dir, '.', 'ex2.csv'), path.join(dir, 'via-symlink.csv'), path.join(dir, 'via-hardlink.csv')]) {
        for (const format of ['csv', 'html']) {
          const r = await runMain(['report', file, '-o', out, '--format', format]);
          expect(r.code).toBe(2);
          expect(r.stdout).toBe('');
          expect(r.stderr).toBe(`dignify: ${out}: is the export being read (${file}); the report would overwrite it: choose another -o file\n`);
          expect(readFileSync(file, 'utf8')).toBe(EXPORT);
        }
      }
      expect(readdirSync(dir).sort()).toEqual(['ex2.csv', 'via-hardlink.csv', 'via-symlink.csv']);
      // A copy is another file: written.
      writeFileSync(path.join(dir, 'copy.csv'), EXPORT);
      const r = await runMain(['report', file, '-o', path.join(dir, 'copy.csv'), '--format', 'csv']);
      expect(r.code).toBe(0);
      expect(readFileSync(path.join(dir, 'copy.csv'), 'utf8')).toContain('total,,,,,,2,1,1,500');
    });

    it('refuses an -o that is an existing note of the folder being read, and writes elsewhere in it', async () => {
      const dir = tempDir();
      writeFileSync(path.join(dir, 'a.html'), '<p>Known heroin addict.</p>');
      const out = path.join(dir, 'a.html');
      const r = await runMain(['report', dir, '-o', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`dignify: ${out}: is a note of the folder being read (${dir}); the report would overwrite it: choose another -o file\n`);
      expect(readFileSync(out, 'utf8')).toBe('<p>Known heroin addict.</p>');
      // A file whose extension the folder is not read for is not a note.
      writeFileSync(path.join(dir, 'old.report'), 'old');
      const other = await runMain(['report', dir, '-o', path.join(dir, 'old.report')]);
      expect(other.code).toBe(0);
      expect(readFileSync(path.join(dir, 'old.report'), 'utf8')).toMatch(/^<!doctype html>/);
    });

    it('names a file given as the folder of -o', async () => {
      const dir = tempDir();
      const file = path.join(dir, 'ex.csv');
      writeFileSync(file, EXPORT);
      const r = await runMain(['report', file, '-o', path.join(file, 'r.html')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`dignify: ${path.join(file, 'r.html')}: cannot write the report: ${file} is not a folder\n`);
    });

    it('writes nothing when the run fails before any note was read (empty folder, only malformed records)', async () => {
      const dir = tempDir();
      const empty = path.join(dir, 'emptydir');
      mkdirSync(empty);
      const bad = path.join(dir, 'bad.jsonl');
      writeFileSync(bad, '{"text": "Known heroin addict."\nnot json\n');
      for (const source of [empty, bad]) {
        for (const format of ['html', 'csv']) {
          const out = path.join(dir, `x.${format}`);
          const r = await runMain(['report', source, '-o', out, '--format', format]);
          expect(r.code).toBe(2);
          expect(existsSync(out)).toBe(false);
          expect(r.stderr).toContain(`dignify: ${source}: no note could be read; no report written\n`);
          const onStdout = await runMain(['report', source, '--format', format]);
          expect(onStdout.code).toBe(2);
          expect(onStdout.stdout).toBe('');
        }
      }
      expect(readdirSync(dir).sort()).toEqual(['bad.jsonl', 'emptydir']);
    });

    it('still writes the report of the records it could read when some are malformed', async () => {
      const dir = tempDir();
      const file = path.join(dir, 'some-bad.jsonl');
      writeFileSync(file, '{"text": "Known heroin addict."}\nnot json\n');
      const r = await runMain(['report', file, '--format', 'csv']);
      expect(r.code).toBe(2);
      expect(r.stdout).toContain('total,');
    });

    it('names the -o path, never the temporary file, when the report cannot be written', async () => {
      const dir = tempDir();
      const missing = path.join(dir, 'nonexistent', 'r.html');
      let r = await runMain(['report', FIXTURE, '-o', missing]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`dignify: ${missing}: cannot write the report: ${path.dirname(missing)}: no such folder\n`);
      const folder = path.join(dir, 'tree');
      mkdirSync(folder);
      r = await runMain(['report', FIXTURE, '-o', folder]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`dignify: ${folder}: cannot write the report: is a directory\n`);
      expect(r.stderr).not.toContain('dignify-tmp');
      expect(readdirSync(dir).sort()).toEqual(['tree']);
      expect(readdirSync(folder)).toEqual([]);
    });

    it('reads an export from standard input with "-" and --input-format, and asks for the format without it', async () => {
      const r = await runMain(['report', '-', '--input-format', 'csv', '--format', 'csv'], { input: EXPORT });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('total,,,,,,2,1,1,500');
      const html = await runMain(['report', '-', '--input-format', 'csv'], { input: EXPORT });
      expect(html.code).toBe(0);
      expect(html.stdout).toContain('heroin addict');
      const bare = await runMain(['report', '-'], { input: EXPORT });
      expect(bare.code).toBe(2);
      expect(bare.stdout).toBe('');
      expect(bare.stderr).toBe('dignify: -: reading an export from standard input needs --input-format (csv, tsv, jsonl, parquet or fhir)\n');
    });

    it('words the write error without the temporary file name, for codes it maps and codes it does not', async () => {
      const { describeWriteError } = await import('../src/cli/report-command.js');
      const error = (code: string, message: string) => Object.assign(new Error(message), { code });
      expect(describeWriteError(error('EISDIR', "EISDIR: illegal operation on a directory, rename '/t/r.html.dignify-tmp-1-ab' -> '/t/r.html'"))).toBe(
        'is a directory',
      );
      expect(describeWriteError(error('EROFS', "EROFS: read-only file system, open '/t/r.html.dignify-tmp-1-ab'"))).toBe('read-only file system');
      expect(describeWriteError(error('ENOSPC', 'ENOSPC: no space left on device, write'))).toBe('no space left on device, write');
    });

    it('puts "1 error", "1 warning" in the singular on the page', async () => {
      const one = await runMain(['report', '-', '--input-format', 'csv', '--quotes', 'flag'], { input: 'id,text\n1,Known heroin addict.\n' });
      const sub = one.stdout.match(/<div class="sub">([^<]*· [^<]* info)<\/div>/)?.[1];
      expect(sub).toBeDefined();
      for (const [, n, word] of sub!.matchAll(/(\d+) (errors?|warnings?)/g)) expect(word?.endsWith('s')).toBe(n !== '1');
      expect(sub).toMatch(/(^|· )1 (error|warning)( |$)/);
    });

    it('names every format it reads in --help', async () => {
      const r = await runMain(['report', '--help']);
      expect(r.stdout).toMatch(/export\s+a \.csv, \.tsv, \.jsonl, \.parquet or FHIR/);
    });
  });
});

// An auditor's folder with one oversized document: `report` answered "unknown option
// '--max-file-size'", so a folder's documents always had the 256 MB default. It takes the lint
// command's flag: the same parsing, help, message and exit code 2 for a document refused.
describe('dignify report --max-file-size', () => {
  function folderWithBigNote(): string {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'small.txt'), 'Known heroin addict.\n');
    // 2 MB: over a 1 MB limit, under a 3 MB one.
    writeFileSync(path.join(dir, 'big.txt'), `hx of IVDU ${'x'.repeat(2 * 1024 * 1024)}\n`);
    return dir;
  }

  it('refuses a document of a folder larger than the limit, naming the flag, leaves it out and exits 2', async () => {
    const dir = folderWithBigNote();
    const r = await runMain(['report', dir, '--format', 'csv', '--max-file-size', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path.join(dir, 'big.txt')}: larger than 1 MB; not read (raise the limit with --max-file-size <MB>)`);
    // The other note is still reported: 1 note read, with its finding.
    expect(r.stdout).toMatch(/^total,,,,,,1,1,/m);
    // The lint command says the same about the same file.
    const lint = await runMain([dir, '--max-file-size', '1']);
    expect(lint.code).toBe(2);
    expect(lint.stderr).toContain('big.txt: larger than 1 MB; not read (raise the limit with --max-file-size <MB>)');
  });

  it("reads the document under a higher limit (exit 0: findings do not change a report's exit code)", async () => {
    const r = await runMain(['report', folderWithBigNote(), '--format', 'csv', '--max-file-size', '3']);
    expect(r.stderr).not.toContain('larger than');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^total,,,,,,2,2,/m);
  });

  it('refuses a single named document over the limit, writing no report', async () => {
    const dir = folderWithBigNote();
    const big = path.join(dir, 'big.txt');
    const r = await runMain(['report', big, '--format', 'csv', '--max-file-size', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${big}: larger than 1 MB; not read (raise the limit with --max-file-size <MB>)`);
    expect(r.stdout).toBe('');
  });

  it("rejects a bad size with the lint command's usage error, exit 2", async () => {
    const dir = folderWithBigNote();
    for (const bad of ['0', '-1', 'big', '1MB']) {
      const lint = await runMain([dir, '--max-file-size', bad]);
      const report = await runMain(['report', dir, '--format', 'csv', '--max-file-size', bad]);
      expect(lint.code).toBe(2);
      expect(report.code).toBe(2);
      expect(report.stderr).toContain('expected a size in megabytes, more than 0');
      expect(report.stderr).toBe(lint.stderr);
      expect(report.stdout).toBe('');
    }
  });

  it('lists the flag, with its default, in report --help', async () => {
    const r = await runMain(['report', '--help']);
    expect(r.stdout).toMatch(/--max-file-size <MB>\s+refuse a document \(not a streamed export\) larger\s+than\s+this\s+many\s+megabytes\s+\(default 256\)/);
  });
});

describe("the report page's names for assistive technology", () => {
  // Found by axe-core in Chromium on a report grouped by the column "Care unit": its section was
  // <section id="group-Care unit" aria-labelledby="group-Care unit-h">, an id list naming "group-Care"
  // and "unit-h", neither on the page, so the section had no name; and the arrow between a term and
  // its suggestion was <span aria-label="write instead">, a name ARIA does not give a span.
  it('gives every aria-labelledby ids that exist, ids without white space, and the arrow a role that takes its name', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'n.csv'), 'note_id,Care unit,text\n1,ED West,Known heroin addict.\n2,ICU,Wound clean and dry.\n');
    const r = await runMain(['report', 'n.csv', '--group-by', 'Care unit'], { cwd: dir });
    expect(r.code).toBe(0);
    const html = r.stdout;
    const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
    expect(ids.filter((id) => /\s/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    const labelledBy = [...html.matchAll(/aria-labelledby="([^"]*)"/g)].flatMap((m) => m[1]!.split(/\s+/));
    expect(labelledBy.length).toBeGreaterThan(0);
    expect(labelledBy.filter((id) => !ids.includes(id))).toEqual([]);
    expect(html).toContain('<h2 id="group-Care_unit-h">By Care unit</h2>');
    const arrows = [...html.matchAll(/<span class="arrow"[^>]*>/g)].map((m) => m[0]);
    expect(arrows.length).toBeGreaterThan(0);
    for (const arrow of arrows) expect(arrow).toBe('<span class="arrow" role="img" aria-label="write instead">');
  });
});
