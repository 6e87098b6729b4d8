// Standard input and output through their descriptors (src/cli/stdio.ts): a pipe or a file is read
// and written without Node's streams, a one-line check loads none of them, and whatever a
// descriptor cannot do (a reader gone: EPIPE) is handed to the process's stream as before.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from './helpers.js';

const ENV = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' };
// Loaded before the CLI (--import): at exit, writes to descriptor 2 which of Node's stream, net and
// tty modules the process loaded (through node:module's require: an ES import of node:fs, or
// process.stderr, would load them itself).
const WATCH = `data:text/javascript,${encodeURIComponent(
  `import { createRequire } from 'node:module'; const { writeSync } = createRequire(${JSON.stringify(BIN)})('node:fs'); ` +
    "process.on('exit', () => writeSync(2, 'LOADED ' + process.moduleLoadList.filter((m) => /^NativeModule (stream|net|tty|internal\\/streams\\/readable)$/.test(m)).join(',') + '\\n'));",
)}`;

describe('standard input and output through descriptors', () => {
  it('a one-line check from a pipe to a pipe loads no stream module and reports the finding', () => {
    const r = spawnSync(process.execPath, ['--import', WATCH, BIN], { input: 'Pt has a hx of IV drug abuse.\n', encoding: 'utf8', cwd: ROOT, env: ENV });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('substance-use/injection-drug-abuse');
    expect(r.stdout).toContain('1 problem');
    expect(r.stderr).toMatch(/^LOADED \n$/m);
  });

  it('reads standard input from a file and writes to a file, byte for byte as through pipes', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-stdio-'));
    // Past one 64 KiB read, with non-ASCII text across the read boundaries.
    const text = `${'Le patient — ex-addict, “IVDU” — says the café was closed.\n'.repeat(1_200)}`;
    const input = path.join(dir, 'in.txt');
    const output = path.join(dir, 'out.txt');
    writeFileSync(input, text);
    const piped = spawnSync(process.execPath, [BIN, '--format', 'jsonl'], { input: text, encoding: 'utf8', cwd: ROOT, env: ENV, maxBuffer: 1 << 26 });
    const inFd = openSync(input, 'r');
    const outFd = openSync(output, 'w');
    const filed = spawnSync(process.execPath, [BIN, '--format', 'jsonl'], { stdio: [inFd, outFd, 'pipe'], encoding: 'utf8', cwd: ROOT, env: ENV });
    closeSync(inFd);
    closeSync(outFd);
    expect(piped.status).toBe(1);
    expect(filed.status).toBe(1);
    expect(piped.stdout.split('\n').length).toBeGreaterThan(2_000);
    expect(readFileSync(output, 'utf8')).toBe(piped.stdout);
  });

  it('a paths-only call whose reader closes the pipe early ends quietly with exit 1 (the stream takes over)', async () => {
    const child = spawn(process.execPath, [BIN], { stdio: ['pipe', 'pipe', 'pipe'], cwd: ROOT, env: ENV });
    child.stdin.end('hx of IVDU\n'.repeat(3_000));
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy()); // like `head -1`
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|internal error/);
    expect(code).toBe(1);
  });

  it('a terminal-less character device (/dev/null) as standard input is read through the stream: nothing to lint, exit 0', () => {
    const devNull = openSync('/dev/null', 'r');
    const r = spawnSync(process.execPath, [BIN], { stdio: [devNull, 'pipe', 'pipe'], encoding: 'utf8', cwd: ROOT, env: ENV });
    closeSync(devNull);
    // No error, only the warning that no paths and an empty input linted nothing (a CI step without its paths).
    expect(r.stderr).toBe(
      'dignify: warning: nothing was linted: no paths were given and standard input was empty (give files, folders or globs: dignify <paths>)\n',
    );
    expect(r.status).toBe(0);
  });
});
