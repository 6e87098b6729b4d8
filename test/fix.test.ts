// --fix and --fix-dry-run: the replacement keeps case, spacing and punctuation; files are written
// atomically with their mode and encoding; untouched files are not rewritten; exports never are;
// a second --fix changes nothing (on every fixture, the large Markdown ones in fix-property.test.ts,
// and every sentence of the evaluation set);
// unfixable findings are still reported.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, chownSync, cpSync, linkSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixText } from '../src/fix/index.js';
import { applyInlineControl } from '../src/match/inline-control.js';
import { lintResolved } from '../src/lint/lint-text.js';
import { resolveOptions } from '../src/lint/options.js';
import { BIN, ROOT, runMain } from './helpers.js';

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'dignify-fix-'));
}

/** Every file under a folder, relative, sorted. */
function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Array<{ isFile(): boolean; parentPath: string; name: string }>)
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(filesUnder(dir).map((f) => [f, readFileSync(path.join(dir, f), 'latin1')]));
}

const resolved = resolveOptions();
const lint = (text: string) => applyInlineControl(text, lintResolved(text, resolved));

describe('--fix', () => {
  it('rewrites fixable phrases keeping case, spacing and punctuation, and still reports the unfixable ones', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'template.txt');
    writeFileSync(file, 'HPI: Hx of EtOH abuse, IVDU.\nSocial:  DRUG ABUSE;  an IVDU hx (remote).\nKnown heroin addict.\n');
    chmodSync(file, 0o640);
    const r = await runMain(['template.txt', '--fix', '-f', 'compact'], { cwd: dir });
    expect(readFileSync(file, 'utf8')).toBe(
      'HPI: Hx of alcohol use, injection drug use.\nSocial:  DRUG USE;  an injection drug use hx (remote).\nKnown heroin addict.\n',
    );
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^template\.txt:3:7: error Avoid "heroin addict"/)]);
    expect(filesUnder(dir)).toEqual(['template.txt']); // no temporary file left behind
  });

  it('exits 0 when every finding was fixed, and leaves files without fixable findings untouched', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.md'), '# Intake\n\nHx of drug abuse.\n');
    writeFileSync(path.join(dir, 'b.md'), 'Known heroin addict.\n');
    writeFileSync(path.join(dir, 'c.md'), 'Clean and dry.\n');
    const before = { b: statSync(path.join(dir, 'b.md')).ino, c: statSync(path.join(dir, 'c.md')).ino };
    expect(await runMain(['a.md', 'c.md', '--fix'], { cwd: dir })).toMatchObject({ code: 0, stdout: '' });
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe('# Intake\n\nHx of drug use.\n');
    expect((await runMain(['b.md', 'c.md', '--fix'], { cwd: dir })).code).toBe(1);
    expect({ b: statSync(path.join(dir, 'b.md')).ino, c: statSync(path.join(dir, 'c.md')).ino }).toEqual(before);
  });

  it('keeps a UTF-8 byte-order mark and CRLF line ends, and writes through a symlink', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'bom.txt'), '\uFEFFLine one.\r\nHx of drug abuse.\r\n');
    writeFileSync(path.join(dir, 'real.txt'), 'Hx of drug abuse.\n');
    symlinkSync('real.txt', path.join(dir, 'link.txt'));
    await runMain(['bom.txt', 'link.txt', '--fix'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'bom.txt'), 'utf8')).toBe('\uFEFFLine one.\r\nHx of drug use.\r\n');
    expect(readFileSync(path.join(dir, 'real.txt'), 'utf8')).toBe('Hx of drug use.\n');
    expect(statSync(path.join(dir, 'link.txt'), { throwIfNoEntry: true }).isFile()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['bom.txt', 'link.txt', 'real.txt']);
  });

  it('does not fix what an inline directive turns off', async () => {
    const dir = tempDir();
    const text = '<!-- dignify-disable-next-line -->\nHx of drug abuse.\nHx of drug abuse.\n';
    writeFileSync(path.join(dir, 'a.md'), text);
    await runMain(['a.md', '--fix'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe('<!-- dignify-disable-next-line -->\nHx of drug abuse.\nHx of drug use.\n');
  });

  it('refuses an export (CSV, TSV, JSONL, JSON, Parquet) with exit 2 and writes nothing, not even the other files', async () => {
    const dir = tempDir();
    const files = {
      'notes.csv': 'id,text\n1,Hx of drug abuse.\n',
      'notes.tsv': 'id\ttext\n1\tHx of drug abuse.\n',
      'notes.jsonl': '{"text": "Hx of drug abuse."}\n',
      'bundle.json': '{"note": "Hx of drug abuse."}\n',
      'notes.parquet': 'PAR1',
    };
    for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
    writeFileSync(path.join(dir, 'a.txt'), 'Hx of drug abuse.\n');
    for (const [name, content] of Object.entries(files)) {
      for (const flag of ['--fix', '--fix-dry-run']) {
        const r = await runMain(['a.txt', name, flag], { cwd: dir });
        expect(r.code).toBe(2);
        const said = flag === '--fix' ? '--fix never rewrites exports' : '--fix-dry-run shows no fixes for exports';
        expect(r.stderr).toContain(`dignify: ${name} is an export: ${said}`);
        expect(r.stdout).toBe('');
        expect(readFileSync(path.join(dir, name), 'utf8')).toBe(content);
      }
    }
    expect(readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('Hx of drug abuse.\n');
    expect(filesUnder(dir)).toEqual(['a.txt', 'bundle.json', 'notes.csv', 'notes.jsonl', 'notes.parquet', 'notes.tsv']);
    // An export read from standard input is refused the same way.
    expect((await runMain(['--fix', '--input-format', 'csv'], { input: 'id,text\n1,drug abuse\n', cwd: dir })).code).toBe(2);
  });

  it('changes nothing on a second run, for every fixture', async () => {
    const dir = tempDir();
    cpSync(path.join(ROOT, 'fixtures'), dir, { recursive: true });
    const original = snapshot(dir);
    // Documents only: exports are never rewritten (tested above), and some need column options.
    // Markdown and HTML fixtures over 4 kB (the sets' READMEs: ~250 kB of finding-dense tables, ~5 s
    // of CPU per lint on a busy machine, and a --fix lints a fixed file twice) are fixed twice in
    // process by test/fix-property.test.ts, with the same fixText: nothing changes the second time,
    // the same findings are left, the tree is kept. The small ones go through the CLI here.
    const large = (f: string) => /\.(md|html?)$/.test(f) && statSync(path.join(dir, f)).size > 4096;
    const files = filesUnder(dir).filter((f) => !/\.(csv|tsv|jsonl|ndjson|json|parquet)$/.test(f) && !large(f));
    expect(files).toEqual(expect.arrayContaining(['sample-note.txt', 'inputs/handout.md', 'inputs/handout.html', 'inputs/handout.docx']));
    const first = await runMain([...files, '--fix', '-f', 'json'], { cwd: dir });
    expect(first.code).not.toBe(2);
    const afterFirst = snapshot(dir);
    expect(afterFirst['sample-note.txt']).not.toBe(original['sample-note.txt']); // the first run did fix something
    expect(afterFirst['eval/labelled.jsonl']).toBe(original['eval/labelled.jsonl']); // an export: never rewritten
    const second = await runMain([...files, '--fix', '-f', 'json'], { cwd: dir });
    expect(snapshot(dir)).toEqual(afterFirst);
    expect(second.stdout).toBe(first.stdout); // the same remaining findings, at the same places
    // No third lint with --fix-dry-run: it computes the fixes as --fix does (src/cli/lint-command.ts,
    // fix: true either way) and only shows them instead of writing, so a second --fix that writes
    // nothing is a dry run with no diff; the dry run's diff has tests of its own below. A test that
    // times out leaves its runMain running, whose chdir back then breaks the next test's relative paths.
  }, 240_000);

  it('changes nothing on a second run, for every sentence of the evaluation set', async () => {
    const records = readFileSync(path.join(ROOT, 'fixtures', 'eval', 'labelled.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { id: string; text: string });
    let changed = 0;
    for (const { id, text } of records) {
      const once = await fixText(text, lint);
      if (once.output !== text) changed++;
      const twice = await fixText(once.output, lint);
      expect({ id, text: twice.output, fixed: twice.fixed }).toEqual({ id, text: once.output, fixed: 0 });
      expect(once.findings.filter((f) => f.fix)).toEqual([]);
    }
    expect(changed).toBeGreaterThan(10);
  });
});

describe('--fix-dry-run', () => {
  it('prints a unified diff and writes nothing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.txt');
    writeFileSync(file, 'Line one.\nHx of drug abuse.\nKnown heroin addict.\n');
    const ino = statSync(file).ino;
    const r = await runMain(['a.txt', '--fix-dry-run'], { cwd: dir });
    expect(r.stdout).toContain(
      'diff --git a/a.txt b/a.txt\n--- a/a.txt\n+++ b/a.txt\n@@ -1,3 +1,3 @@\n Line one.\n-Hx of drug abuse.\n+Hx of drug use.\n Known heroin addict.\n',
    );
    expect(r.stdout).toMatch(/3:7\s+error\s+"heroin addict"/); // what would remain
    expect(r.code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe('Line one.\nHx of drug abuse.\nKnown heroin addict.\n');
    expect(statSync(file).ino).toBe(ino);
  });

  it('prints no diff for a file --fix has already fixed, only what remains', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.md'), '# Plan\n\nHx of drug abuse, IVDU.\n\nKnown heroin addict.\n');
    await runMain(['a.md', '--fix'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe('# Plan\n\nHx of drug use, injection drug use.\n\nKnown heroin addict.\n');
    const r = await runMain(['a.md', '--fix-dry-run'], { cwd: dir });
    expect(r.stdout).not.toMatch(/^(?:diff --git|--- a\/|\+\+\+ b\/)/m);
    expect(r.stdout).toMatch(/5:7\s+error\s+"heroin addict"/);
    expect(r.code).toBe(1);
  });

  it('shows the diff for standard input, and sends it to stderr when stdout is JSON', async () => {
    const r = await runMain(['--fix-dry-run', '-f', 'json', '--stdin-filename', 'note.txt'], { input: 'Hx of drug abuse.\n' });
    expect(r.stderr).toContain('-Hx of drug abuse.\n+Hx of drug use.\n');
    // Nothing was written: the findings it would fix are listed, and give their exit code.
    const [result] = JSON.parse(r.stdout) as Array<{ file: string; findings: Array<{ actual: string; fix: unknown }> }>;
    expect(result!.file).toBe('note.txt');
    expect(result!.findings.map((f) => [f.actual, f.fix])).toEqual([['drug abuse', { range: [11, 16], text: 'use' }]]);
    expect(r.stderr).toContain('dignify: --fix-dry-run: would make 1 fix in 1 file; 0 findings would be left\n');
    expect(r.code).toBe(1);
  });
});

describe('--fix and the file itself', () => {
  const root = process.getuid?.() === 0;

  it('says what it did: "N fixes in M files; K findings left"', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.txt'), 'Past EtOH abuse and IVDU.\nKnown heroin addict.\n');
    writeFileSync(path.join(dir, 'b.md'), 'Past *drug* abuse.\n');
    // In quotation marks (the patient's own words, maybe): reported at info, never rewritten. (A URL
    // would not do here: it is not prose, so nothing in it is reported at all.)
    writeFileSync(path.join(dir, 'c.txt'), 'She said "I had a drug abuse problem".\n');
    const r = await runMain(['a.txt', 'b.md', 'c.txt', '--fix', '-f', 'compact'], { cwd: dir });
    expect(r.stderr).toBe('dignify: 3 fixes in 2 files; 2 findings left, 1 with its fix withheld: edit it by hand (--format stylish says why)\n');
    expect(r.code).toBe(1);
    expect(readFileSync(path.join(dir, 'b.md'), 'utf8')).toBe('Past *drug* use.\n');
    expect(readFileSync(path.join(dir, 'c.txt'), 'utf8')).toBe('She said "I had a drug abuse problem".\n');
    // The withheld fix says why in the JSON report.
    const json = JSON.parse((await runMain(['c.txt', '--fix', '-f', 'json'], { cwd: dir })).stdout) as Array<{ findings: Array<{ fixSkipped?: unknown }> }>;
    expect(json[0]!.findings[0]!.fixSkipped).toEqual({ reason: 'quoted', message: "in quotation marks: possibly the patient's own words" });
    expect((await runMain(['c.txt'], { cwd: dir })).stdout).toContain('"drug abuse" → "drug use" (quoted)');
  });

  it('a fix withheld for stops between letters or markup says so and what to do, in the report and the summary', async () => {
    const dir = tempDir();
    // No markup in a .txt: the stops of "I.V.D.U." are the reason, and the report says it, not "markup".
    writeFileSync(path.join(dir, 'plan.txt'), 'Intake: I.V.D.U. per referral letter.\n');
    writeFileSync(path.join(dir, 'plan.md'), 'Intake: I.V.D.U. per referral letter.\n');
    const r = await runMain(['plan.txt', 'plan.md', '--fix', '--no-color'], { cwd: dir });
    expect(r.stdout).toContain('"I.V.D.U" → "injection drug use" (no fix: stops or hidden characters between its letters: edit it by hand)');
    expect(r.stdout).not.toContain('(no fix: markup)');
    expect(r.stderr).toBe('dignify: 0 fixes in 0 files; 2 findings left, 2 with their fixes withheld: edit them by hand (the report says why)\n');
    const json = await runMain(['plan.txt', '--fix', '-f', 'json'], { cwd: dir });
    expect(json.stderr).toContain('1 with its fix withheld: edit it by hand (its fixSkipped says why)');
    expect(readFileSync(path.join(dir, 'plan.txt'), 'utf8')).toBe('Intake: I.V.D.U. per referral letter.\n');
    // --redact drops fixSkipped with the rest of the note's text: the summary points elsewhere.
    expect((await runMain(['plan.txt', '--fix', '--redact'], { cwd: dir })).stderr).toContain('(a run without --redact says why)');
  });

  // A newcomer trial: a shortcut reference link's label said "split by markup", where nothing splits it.
  it('a fix withheld in a reference link\'s label says so, not "split by markup"', async () => {
    const dir = tempDir();
    const text = 'See [drug abuse] and [drug abuse][] for details.\n\n[drug abuse]: https://example.org/a\n';
    writeFileSync(path.join(dir, 'links.md'), text);
    const json = JSON.parse((await runMain(['links.md', '--fix', '-f', 'json'], { cwd: dir })).stdout) as Array<{ findings: Array<{ fixSkipped?: unknown }> }>;
    expect(json[0]!.findings.map((f) => f.fixSkipped)).toEqual(
      Array(2).fill({ reason: 'markup', message: "in a link's label, an attribute's value or another part of the markup a fix may not edit: edit it by hand" }),
    );
    expect(readFileSync(path.join(dir, 'links.md'), 'utf8')).toBe(text);
  });

  // A newcomer trial: -q --fix rewrote the warnings and info it did not show.
  it('--quiet fixes only the errors it shows, as ESLint 9 does', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.txt'), 'Hx of drug abuse and alcoholic liver disease.\n');
    writeFileSync(path.join(dir, 'b.txt'), 'Hx of drug abuse and alcoholic liver disease.\n');
    const quiet = await runMain(['a.txt', '-q', '--fix'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('Hx of drug use and alcoholic liver disease.\n');
    expect(quiet.stderr).toBe('dignify: 1 fix in 1 file; 0 findings left\n');
    expect(quiet.code).toBe(0);
    await runMain(['b.txt', '--fix'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'b.txt'), 'utf8')).toBe('Hx of drug use and alcohol-associated liver disease.\n');
  });

  // A newcomer trial: where the report shows the findings as read (a dry run, a write refused,
  // standard input), -q showed and counted the warnings too.
  it('--quiet shows and counts only the errors with --fix-dry-run, a refused --fix and standard input', async () => {
    const dir = tempDir();
    const text = 'Hx of drug abuse. Pt is noncompliant.\n';
    writeFileSync(path.join(dir, 'a.txt'), text);
    writeFileSync(path.join(dir, 'ro.txt'), text);
    chmodSync(path.join(dir, 'ro.txt'), 0o444);
    const actuals = (stdout: string) => (JSON.parse(stdout) as Array<{ findings: Array<{ actual: string }> }>).flatMap((r) => r.findings.map((f) => f.actual));
    const dry = await runMain(['a.txt', '-q', '--fix-dry-run', '-f', 'json'], { cwd: dir });
    expect(actuals(dry.stdout)).toEqual(['drug abuse']);
    expect(dry.code).toBe(1);
    const stylish = await runMain(['a.txt', '-q', '--fix-dry-run'], { cwd: dir });
    expect(stylish.stdout).toContain('(1 error, 0 warnings, 0 info)');
    expect(stylish.stdout).not.toContain('compliance/noncompliant'); // the diff above the report holds the word
    const refused = await runMain(['ro.txt', '-q', '--fix', '-f', 'json'], { cwd: dir });
    expect(actuals(refused.stdout)).toEqual(['drug abuse']);
    expect(refused.stderr).toContain('dignify: 0 fixes in 0 files; 1 finding left\n');
    const stdin = await runMain(['-q', '--fix', '-f', 'json'], { cwd: dir, input: text });
    expect(actuals(stdin.stdout)).toEqual(['drug abuse']);
    expect(stdin.stderr).toContain('1 finding left');
    // Without -q the warning is there in each case.
    expect(actuals((await runMain(['a.txt', '--fix-dry-run', '-f', 'json'], { cwd: dir })).stdout)).toEqual(['drug abuse', 'noncompliant']);
    expect(readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe(text);
    expect(readFileSync(path.join(dir, 'ro.txt'), 'utf8')).toBe(text);
  });

  it('--fix-dry-run lists the findings it would fix, exits as they would, and writes nothing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.md');
    writeFileSync(file, 'Past drug abuse.\n');
    const ino = statSync(file).ino;
    const r = await runMain(['a.md', '--fix-dry-run', '-f', 'json'], { cwd: dir });
    expect((JSON.parse(r.stdout) as Array<{ findings: Array<{ actual: string }> }>)[0]!.findings.map((f) => f.actual)).toEqual(['drug abuse']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('+Past drug use.\n');
    expect(r.stderr).toContain('dignify: --fix-dry-run: would make 1 fix in 1 file; 0 findings would be left\n');
    expect(readFileSync(file, 'utf8')).toBe('Past drug abuse.\n');
    expect(statSync(file).ino).toBe(ino);
  });

  it('keeps a line break inside a phrase', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.txt'), 'History of IV drug\nabuse, and of a\nIVDA.\n');
    await runMain(['a.txt', '--fix'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('History of injection drug\nuse, and of an\ninjection drug use.\n');
  });

  it('refuses a read-only file with exit 2 and leaves it as it was', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.txt');
    writeFileSync(file, 'Past drug abuse.\n');
    chmodSync(file, 0o444);
    const r = await runMain(['a.txt', '--fix'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('dignify: a.txt: read-only; not fixed');
    expect(readFileSync(file, 'utf8')).toBe('Past drug abuse.\n');
    expect(statSync(file).mode & 0o777).toBe(0o444);
    expect(r.stderr).toContain('0 fixes in 0 files; 1 finding left');
  });

  it('refuses a file with hard links rather than split them', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.txt'), 'Past drug abuse.\n');
    linkSync(path.join(dir, 'a.txt'), path.join(dir, 'b.txt'));
    const r = await runMain(['a.txt', '--fix'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('dignify: a.txt: has 2 hard links; not fixed');
    expect(statSync(path.join(dir, 'a.txt')).ino).toBe(statSync(path.join(dir, 'b.txt')).ino);
    expect(readFileSync(path.join(dir, 'b.txt'), 'utf8')).toBe('Past drug abuse.\n');
  });

  it.skipIf(!root)("as root, keeps the owner, group and mode of another user's file", async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.txt');
    writeFileSync(file, 'Past drug abuse.\n');
    chownSync(file, 4321, 8765);
    chmodSync(file, 0o640);
    expect((await runMain(['a.txt', '--fix'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('Past drug use.\n');
    const after = statSync(file);
    expect([after.uid, after.gid, after.mode & 0o7777]).toEqual([4321, 8765, 0o640]);
  });

  it.skipIf(!root)('as another user, refuses a file it could write but whose owner a rewrite would change', () => {
    const dir = tempDir();
    chmodSync(dir, 0o777);
    const file = path.join(dir, 'a.txt');
    writeFileSync(file, 'Past drug abuse.\n');
    chmodSync(file, 0o666);
    const r = spawnSync(process.execPath, [BIN, 'a.txt', '--fix'], {
      cwd: dir,
      uid: 4321,
      gid: 4321,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.stderr).toContain('dignify: a.txt: owned by another user; not fixed');
    expect(r.status).toBe(2);
    expect(statSync(file).uid).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('Past drug abuse.\n');
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('removes its temporary file on %s', async (signal) => {
    const dir = tempDir();
    const target = path.join(dir, 'note.txt');
    writeFileSync(target, 'Past drug abuse.\n');
    // A write that never ends: the temporary file exists until the signal comes.
    const script = `
      import { writeFileAtomic } from ${JSON.stringify(path.join(ROOT, 'dist', 'output', 'write-atomic.js'))};
      async function* endless() { yield Buffer.from('Past drug use.\\n'); console.log('written'); await new Promise(() => setInterval(() => {}, 1000)); }
      writeFileAtomic(${JSON.stringify(target)}, endless());`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.on('data', () => resolve()));
    const temps = readdirSync(dir).filter((f) => f !== 'note.txt');
    expect(temps).toEqual([expect.stringMatching(/^note\.txt\.dignify-tmp-\d+-[0-9a-f]{8}$/)]);
    child.kill(signal);
    const [code, received] = (await once(child, 'exit')) as [number | null, string | null];
    expect({ code, received }).toEqual({ code: null, received: signal });
    expect(readdirSync(dir)).toEqual(['note.txt']);
    expect(readFileSync(target, 'utf8')).toBe('Past drug abuse.\n');
  });
});
