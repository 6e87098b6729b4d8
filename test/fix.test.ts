// --fix and --fix-dry-run: the replacement keeps case, spacing and punctuation; files are written
// atomically with their mode and encoding; untouched files are not rewritten; exports never are;
// a second --fix changes nothing (on every fixture and every sentence of the evaluation set);
// unfixable findings are still reported.
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixText } from '../src/fix/index.js';
import { applyInlineControl } from '../src/lint/inline-control.js';
import { lintResolved } from '../src/lint/lint-text.js';
import { resolveOptions } from '../src/lint/options.js';
import { ROOT, runMain } from './helpers.js';

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
    const r = (await runMain(['template.txt', '--fix', '-f', 'compact'], { cwd: dir }));
    expect(readFileSync(file, 'utf8')).toBe('HPI: Hx of alcohol use, injection drug use.\nSocial:  DRUG USE;  an injection drug use hx (remote).\nKnown heroin addict.\n');
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
    expect((await runMain(['a.md', 'c.md', '--fix'], { cwd: dir }))).toMatchObject({ code: 0, stdout: '' });
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe('# Intake\n\nHx of drug use.\n');
    expect((await runMain(['b.md', 'c.md', '--fix'], { cwd: dir })).code).toBe(1);
    expect({ b: statSync(path.join(dir, 'b.md')).ino, c: statSync(path.join(dir, 'c.md')).ino }).toEqual(before);
  });

  it('keeps a UTF-8 byte-order mark and CRLF line ends, and writes through a symlink', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'bom.txt'), '\uFEFFLine one.\r\nHx of drug abuse.\r\n');
    writeFileSync(path.join(dir, 'real.txt'), 'Hx of drug abuse.\n');
    symlinkSync('real.txt', path.join(dir, 'link.txt'));
    (await runMain(['bom.txt', 'link.txt', '--fix'], { cwd: dir }));
    expect(readFileSync(path.join(dir, 'bom.txt'), 'utf8')).toBe('\uFEFFLine one.\r\nHx of drug use.\r\n');
    expect(readFileSync(path.join(dir, 'real.txt'), 'utf8')).toBe('Hx of drug use.\n');
    expect(statSync(path.join(dir, 'link.txt'), { throwIfNoEntry: true }).isFile()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['bom.txt', 'link.txt', 'real.txt']);
  });

  it('does not fix what an inline directive turns off', async () => {
    const dir = tempDir();
    const text = '<!-- dignify-disable-next-line -->\nHx of drug abuse.\nHx of drug abuse.\n';
    writeFileSync(path.join(dir, 'a.md'), text);
    (await runMain(['a.md', '--fix'], { cwd: dir }));
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe('<!-- dignify-disable-next-line -->\nHx of drug abuse.\nHx of drug use.\n');
  });

  it('never rewrites exports (CSV, TSV, JSONL), though it reports their findings', async () => {
    const dir = tempDir();
    const files = { 'notes.csv': 'id,text\n1,Hx of drug abuse.\n', 'notes.tsv': 'id\ttext\n1\tHx of drug abuse.\n', 'notes.jsonl': '{"text": "Hx of drug abuse."}\n' };
    for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
    const r = (await runMain([...Object.keys(files), '--fix'], { cwd: dir }));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('drug abuse');
    for (const [name, content] of Object.entries(files)) expect(readFileSync(path.join(dir, name), 'utf8')).toBe(content);
  });

  it('changes nothing on a second run, for every fixture', async () => {
    const dir = tempDir();
    cpSync(path.join(ROOT, 'fixtures'), dir, { recursive: true });
    const original = snapshot(dir);
    // Documents only: exports are never rewritten (tested above), and some need column options.
    const files = filesUnder(dir).filter((f) => !/\.(csv|tsv|jsonl)$/.test(f));
    const first = (await runMain([...files, '--fix', '-f', 'json'], { cwd: dir }));
    expect(first.code).not.toBe(2);
    const afterFirst = snapshot(dir);
    expect(afterFirst['sample-note.txt']).not.toBe(original['sample-note.txt']); // the first run did fix something
    expect(afterFirst['eval/labelled.jsonl']).toBe(original['eval/labelled.jsonl']); // an export: never rewritten
    const second = (await runMain([...files, '--fix', '-f', 'json'], { cwd: dir }));
    expect(snapshot(dir)).toEqual(afterFirst);
    expect(second.stdout).toBe(first.stdout); // the same remaining findings, at the same places
    expect((await runMain([...files, '--fix-dry-run'], { cwd: dir, env: {} })).stdout).not.toMatch(/^--- a\//m);
  });

  it('changes nothing on a second run, for every sentence of the evaluation set', async () => {
    const records = readFileSync(path.join(ROOT, 'fixtures', 'eval', 'labelled.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { id: string; text: string });
    let changed = 0;
    for (const { id, text } of records) {
      const once = fixText(text, lint);
      if (once.text !== text) changed++;
      const twice = fixText(once.text, lint);
      expect({ id, text: twice.text, fixed: twice.fixed }).toEqual({ id, text: once.text, fixed: 0 });
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
    const r = (await runMain(['a.txt', '--fix-dry-run'], { cwd: dir }));
    expect(r.stdout).toContain('diff --git a/a.txt b/a.txt\n--- a/a.txt\n+++ b/a.txt\n@@ -1,3 +1,3 @@\n Line one.\n-Hx of drug abuse.\n+Hx of drug use.\n Known heroin addict.\n');
    expect(r.stdout).toMatch(/3:7\s+error\s+"heroin addict"/); // what would remain
    expect(r.code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe('Line one.\nHx of drug abuse.\nKnown heroin addict.\n');
    expect(statSync(file).ino).toBe(ino);
  });

  it('shows the diff for standard input, and sends it to stderr when stdout is JSON', async () => {
    const r = (await runMain(['--fix-dry-run', '-f', 'json', '--stdin-filename', 'note.txt'], { input: 'Hx of drug abuse.\n' }));
    expect(r.stderr).toContain('-Hx of drug abuse.\n+Hx of drug use.\n');
    expect(JSON.parse(r.stdout)).toEqual([{ file: 'note.txt', findings: [] }]);
    expect(r.code).toBe(0);
  });
});
