// The lint command's progress line (src/cli/lint-progress.ts): a 1 GB export ran for minutes with no
// sign of life. Shown on stderr only when it is a terminal (a fake one here: isTTY injected), never
// with --no-progress, --quiet, in CI or with TERM=dumb; throttled; erased before any other output and
// at the end, so stdout and stderr hold the same text with or without it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressWanted } from '../src/cli/progress-wanted.js';
import { ProgressLine } from '../src/cli/lint-progress.js';
import { main } from '../src/cli/main.js';
import type { LintOutcome } from '../src/engine/lint-files.js';

const ERASE = '\r\u001b[K';

/** A fake terminal: what was written, and its width. */
function fakeTerminal(columns?: number) {
  const writes: string[] = [];
  return { writes, target: { isTTY: true, columns, write: (s: string) => writes.push(s) } };
}

/** `n` outcomes of records of `file` (what the engine hands the command for an export). */
const records = (file: string, n: number, from = 1): LintOutcome[] =>
  Array.from({ length: n }, (_, i) => ({ kind: 'bad-record', file, record: { row: from + i, line: from + i + 1 }, error: 'x' }) as LintOutcome);
const documents = (...files: string[]): LintOutcome[] => files.map((file) => ({ kind: 'error', file, error: 'x' }) as LintOutcome);

describe('progressWanted', () => {
  const tty = { stderr: { isTTY: true, write: () => true }, env: {} };
  it('only on a terminal, and not with --no-progress, --quiet, in CI or with TERM=dumb', () => {
    expect(progressWanted({}, tty)).toBe(true);
    expect(progressWanted({ progress: true }, tty)).toBe(true);
    expect(progressWanted({}, { ...tty, stderr: { write: () => true } })).toBe(false);
    expect(progressWanted({}, { ...tty, stderr: { isTTY: false, write: () => true } })).toBe(false);
    expect(progressWanted({ progress: false }, tty)).toBe(false);
    expect(progressWanted({ quiet: true }, tty)).toBe(false);
    expect(progressWanted({}, { ...tty, env: { CI: 'true' } })).toBe(false);
    expect(progressWanted({}, { ...tty, env: { CI: '1' } })).toBe(false);
    expect(progressWanted({}, { ...tty, env: { CI: 'false' } })).toBe(true);
    expect(progressWanted({}, { ...tty, env: { TERM: 'dumb' } })).toBe(false);
    expect(progressWanted({}, { ...tty, env: { TERM: 'xterm-256color' } })).toBe(true);
  });
});

describe('ProgressLine', () => {
  it('waits a second, then redraws at most 4 times a second, with records and the share of bytes read', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-progress-'));
    const file = path.join(dir, 'notes.csv');
    writeFileSync(file, 'x'.repeat(1000));
    let now = 0;
    const { writes, target } = fakeTerminal();
    const line = new ProgressLine(target, { now: () => now });
    line.filesExpanded(1);
    line.bytesRead(file, 250);
    line.batch(records(file, 3));
    now = 999;
    line.batch(records(file, 2, 4));
    expect(writes).toEqual([]); // within the first second: nothing
    now = 1000;
    line.batch(records(file, 1, 6));
    expect(writes).toEqual([`${ERASE}dignify: ${file} 6 records (25%)`]);
    now = 1249;
    line.bytesRead(file, 380);
    line.batch(records(file, 1, 7));
    expect(writes).toHaveLength(1); // 249 ms later: not yet
    now = 1250;
    line.batch(records(file, 1, 8));
    expect(writes.at(-1)).toBe(`${ERASE}dignify: ${file} 8 records (38%)`);
    line.clear();
    expect(writes.at(-1)).toBe(ERASE);
    line.clear(); // not drawn: nothing to erase
    expect(writes).toHaveLength(3);
  });

  it('counts files of a folder, names the file among several, and never wraps', () => {
    const { writes, target } = fakeTerminal(30);
    const line = new ProgressLine(target, { now: () => 0, delayMs: 0, intervalMs: 0 });
    expect(line.text()).toBe('dignify: 0 files');
    line.filesExpanded(5);
    line.batch(documents('a.txt', 'b.md'));
    expect(line.text()).toBe('dignify: 2 of 5 files (40%)');
    line.batch(records('c.csv', 1204));
    // No bytes counted for it (standard input, or none read yet): no share.
    expect(line.text()).toBe('dignify: c.csv 1,204 records, file 3 of 5');
    expect(writes.at(-1)).toBe(`${ERASE}dignify: c.csv 1,204 records,`);
    expect(writes.every((w) => w.length - ERASE.length <= 29)).toBe(true);
    // A file name with a control character is shown escaped (oneLine), never run by the terminal.
    line.batch(records('x\u001b[2Jy.csv', 1));
    expect(line.text()).toBe('dignify: "x\\u001b[2Jy.csv" 1 record, file 4 of 5');
    // Erased, so that its signal listeners (redrawn-line.ts) do not outlive the test in this worker.
    line.clear();
  });

  it("a long note's later batches are the same record", () => {
    const line = new ProgressLine(fakeTerminal().target, { delayMs: 0, intervalMs: 0 });
    const doc = { file: 'n.csv', syntax: 'text', text: '' } as never;
    const part = (first: boolean) =>
      ({ kind: 'linted', file: 'n.csv', record: { row: 1, line: 2 }, findings: [], doc, part: { first, last: !first } }) as LintOutcome;
    line.batch([part(true), part(false), part(false)]);
    expect(line.text()).toBe('dignify: n.csv 1 record');
    line.clear();
  });
});

/** Runs the CLI with a fake terminal on stderr (and stdout a terminal or not). */
async function runCli(args: string[], env: NodeJS.ProcessEnv, stderrTTY: boolean, stdoutTTY = false) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdin: Object.assign(Readable.from([]), { isTTY: false }),
    stdout: { isTTY: stdoutTTY, write: (s: string) => (stdout += s) },
    stderr: { isTTY: stderrTTY, write: (s: string) => (stderr += s) },
    cwd: process.cwd(),
    env: { NO_COLOR: '1', ...env },
  });
  return { code, stdout, stderr };
}

/** Runs the CLI with stdout and stderr one terminal, as in a shell: everything written, in order. */
async function runOnTerminal(args: string[], env: NodeJS.ProcessEnv) {
  let screen = '';
  const terminal = { isTTY: true, write: (s: string) => (screen += s) };
  await main(args, {
    stdin: Object.assign(Readable.from([]), { isTTY: false }),
    stdout: terminal,
    stderr: terminal,
    cwd: process.cwd(),
    env: { NO_COLOR: '1', ...env },
  });
  return screen;
}

/** stderr without the progress line's draws: each starts with ERASE and ends where the next erase starts. */
const withoutProgress = (stderr: string) => stderr.replace(/\r\u001b\[K(?:dignify: [^\r\n]*)?(?=\r\u001b\[K|$)/g, '').replaceAll(ERASE, '');

describe('the lint command on a terminal', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dignify-progress-cli-'));
  const csv = path.join(dir, 'notes.csv');
  writeFileSync(csv, `id,note\n${Array.from({ length: 300 }, (_, i) => `${i},"Pt ${i} is a known IVDU. Wound clean and dry."`).join('\n')}\n`);
  const now = { DIGNIFY_PROGRESS: '0,0' };

  it('draws the line on stderr, erased before every other write and at the end: the output is the same as without', async () => {
    for (const format of ['stylish', 'jsonl']) {
      for (const stdoutTTY of [false, true]) {
        const plain = await runCli([csv, '--format', format, '--threads', '1'], now, false, stdoutTTY);
        const shown = await runCli([csv, '--format', format, '--threads', '1'], now, true, stdoutTTY);
        expect(shown.code).toBe(plain.code);
        expect(shown.stdout).toBe(plain.stdout);
        expect(shown.stderr).toContain(`${ERASE}dignify: ${csv} `);
        expect(shown.stderr).toMatch(/ records \(\d+%\)/);
        // Erased at the end: the last thing on stderr is no drawn line.
        expect(shown.stderr.lastIndexOf(ERASE)).toBeGreaterThan(shown.stderr.lastIndexOf(`${ERASE}dignify: ${csv} `));
        expect(withoutProgress(shown.stderr)).toBe(plain.stderr);
        // Every message starts on a clean line: none follows a drawn line without an erase between.
        expect(shown.stderr).not.toMatch(/\(\d+%\)dignify/);
      }
    }
  });

  it('on one terminal for stdout and stderr, no finding or message follows a drawn line without erasing it first', async () => {
    const screen = await runOnTerminal([csv, '--threads', '1'], now);
    expect(screen).toMatch(/records \(\d+%\)/);
    expect(screen).toContain('IVDU');
    // After a drawn line comes its erase (or the run's end erases it): never other text.
    expect(screen).not.toMatch(/records \(\d+%\)(?!\r\u001b\[K)/);
  });

  // (The first second's wait is the unit test's above: a run's length is not a test's to rely on.)
  it('draws nothing with --no-progress, --quiet, in CI, or when stderr is no terminal', async () => {
    for (const [args, env] of [
      [['--no-progress'], now],
      [['--quiet'], now],
      [[], { ...now, CI: 'true' }],
      [[], { ...now, TERM: 'dumb' }],
    ] as const) {
      const { stderr } = await runCli([csv, '--threads', '1', ...args], env, true);
      expect(stderr, args.join(' ')).not.toContain('\r');
    }
    expect((await runCli([csv, '--threads', '1'], now, false)).stderr).not.toContain('\r');
  });
});

// dignify report's bar (report/progress.ts) follows the same rules as the lint command's line: it
// was drawn in CI and with TERM=dumb, and report had no --no-progress.
describe("dignify report's progress bar", () => {
  const csv = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-report-progress-'));
    const file = path.join(dir, 'notes.csv');
    writeFileSync(file, 'id,note\n1,Known IVDU.\n2,Seen today.\n');
    return { file, out: path.join(dir, 'report.html') };
  };
  const bar = /\r\[[█░]+\]/;
  it('is drawn on a terminal', async () => {
    const { file, out } = csv();
    const { code, stderr } = await runCli(['report', file, '-o', out], {}, true);
    expect(code).toBe(0);
    expect(stderr).toMatch(bar);
  });
  it('is not drawn with --no-progress, in CI, with TERM=dumb or off a terminal', async () => {
    for (const [args, env, tty] of [
      [['--no-progress'], {}, true],
      [[], { CI: 'true' }, true],
      [[], { TERM: 'dumb' }, true],
      [[], {}, false],
    ] as const) {
      const { file, out } = csv();
      const { code, stderr } = await runCli(['report', file, '-o', out, ...args], env, tty);
      expect(code).toBe(0);
      expect(stderr).not.toMatch(bar);
    }
  });
});
