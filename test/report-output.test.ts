// `dignify report -o FILE`: the file is replaced in one rename (output/write-atomic.ts), so it is
// whole or not there; the replacement keeps an existing file's permissions and is written through a
// symbolic link, as --fix writes a fixed file (src/fix/write.ts). A report with --include-snippets
// holds note text: a user who made it 0600 found it 0644 after the next run.
import { spawn } from 'node:child_process';
import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runMain } from './helpers.js';

const EXPORT = 'id,text\n1,Known heroin addict.\n2,Wound clean and dry.\n';

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'dignify-report-o-'));
}

describe('dignify report -o', () => {
  it("keeps an existing file's permissions", async () => {
    const dir = tempDir();
    const out = path.join(dir, 'audit.html');
    writeFileSync(out, 'old');
    chmodSync(out, 0o600);
    const r = await runMain(['report', '-', '--input-format', 'csv', '--text-column', 'text', '--include-snippets', '-o', out], { input: EXPORT });
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('Known <mark>heroin addict</mark>.');
    expect(statSync(out).mode & 0o7777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['audit.html']);
  });

  it('writes a new file with the permissions the umask gives', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'audit.csv');
    const r = await runMain(['report', '-', '--input-format', 'csv', '--text-column', 'text', '--format', 'csv', '-o', out], { input: EXPORT });
    expect(r.code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o666 & ~process.umask());
  });

  it('writes through a symbolic link, which stays a link', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'latest.csv');
    const link = path.join(dir, 'audit.csv');
    writeFileSync(target, 'old');
    chmodSync(target, 0o640);
    symlinkSync('latest.csv', link);
    const r = await runMain(['report', '-', '--input-format', 'csv', '--text-column', 'text', '--format', 'csv', '-o', link], { input: EXPORT });
    expect(r.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('latest.csv');
    expect(readFileSync(target, 'utf8')).toContain('total,');
    expect(statSync(target).mode & 0o7777).toBe(0o640);
    expect(readdirSync(dir).sort()).toEqual(['audit.csv', 'latest.csv']);
  });

  // A run stopped while it reads (here: an export on standard input that has not ended) leaves the
  // file as it was, whole, and no temporary file; the next run writes a whole report. The three runs
  // wait side by side (each its own folder and process): one after another they left a test worker
  // idle for 4.5 s.
  it.concurrent.each(['SIGINT', 'SIGTERM', 'SIGKILL'] as const)(
    'leaves the file whole when the run is stopped half-way with %s',
    async (signal) => {
      const dir = tempDir();
      const out = path.join(dir, 'audit.csv');
      writeFileSync(out, 'the last whole report\n');
      const child = spawn(process.execPath, [BIN, 'report', '-', '--input-format', 'csv', '--text-column', 'text', '--format', 'csv', '-o', out], {
        env: { ...process.env, NO_COLOR: '1' },
        stdio: ['pipe', 'ignore', 'pipe'],
      });
      child.stdin.write(`id,text\n${Array.from({ length: 2000 }, (_, i) => `${i},Known heroin addict. Wound clean and dry.`).join('\n')}\n`);
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, s) => resolve(s)));
      child.kill(signal);
      expect(await exited).toBe(signal);
      expect(readFileSync(out, 'utf8')).toBe('the last whole report\n');
      expect(readdirSync(dir)).toEqual(['audit.csv']);
      expect(stderr).not.toContain('Error');
    },
    20_000,
  );

  it('says in one line naming the file why it cannot be written, and exits 2', async () => {
    // /proc/version is a file whose folder takes no new file: the temporary file cannot be made.
    const r = await runMain(['report', '-', '--input-format', 'csv', '--text-column', 'text', '--format', 'csv', '-o', '/proc/version'], { input: EXPORT });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^dignify: \/proc\/version: cannot write the report: [^\n]+\n$/);
    expect(r.stderr).not.toContain('dignify-tmp');
  });
});
