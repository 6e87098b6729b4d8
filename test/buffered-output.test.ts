// The lint command's coalesced standard output (src/cli/buffered-output.ts): nothing lost or
// reordered, the empty string never written, stderr messages still in their place between the
// results, and a reader that closes the pipe early still gets the exit code the findings decide.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BufferedOutput } from '../src/cli/buffered-output.js';
import { main } from '../src/cli/main.js';
import { BIN } from './helpers.js';

function sink(isTTY = false) {
  const writes: string[] = [];
  return { writes, target: { isTTY, write: (s: string) => writes.push(s) } };
}

function tempFile(name: string, content: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'dignify-out-')), name);
  writeFileSync(file, content);
  return file;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('BufferedOutput', () => {
  it('writes everything, in order, never an empty string, whatever the writes and flushes', () => {
    const step = fc.oneof(fc.string({ maxLength: 40 }), fc.constant(null)); // null: a flush
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), fc.integer({ min: 1, max: 100 }), (steps, limit) => {
        const { writes, target } = sink();
        const out = new BufferedOutput(target, { limit, maxDelayMs: 60_000 });
        let expected = '';
        for (const s of steps) {
          if (s === null) {
            out.flush();
            expect(writes.join('')).toBe(expected); // a flush leaves nothing behind
          } else {
            out.write(s);
            expected += s;
          }
        }
        out.flush();
        expect(writes.join('')).toBe(expected);
        expect(writes.every((w) => w.length > 0)).toBe(true);
      }),
    );
  });

  it('gathers small writes into one until the limit', () => {
    const { writes, target } = sink();
    const out = new BufferedOutput(target, { limit: 10, maxDelayMs: 60_000 });
    for (const s of ['abc', '', 'def', '', 'ghij', 'k']) out.write(s);
    expect(writes).toEqual(['abcdefghij']);
    out.flush();
    out.flush();
    expect(writes).toEqual(['abcdefghij', 'k']);
  });

  it('writes through to a terminal (a person is reading), but not the empty string', () => {
    const { writes, target } = sink(true);
    const out = new BufferedOutput(target);
    out.write('a');
    out.write('');
    out.write('b');
    expect(writes).toEqual(['a', 'b']);
    expect(out.isTTY).toBe(true);
  });

  it('writes pending text within maxDelayMs when nothing else comes (a pipe someone reads)', () => {
    vi.useFakeTimers();
    const { writes, target } = sink();
    const out = new BufferedOutput(target, { maxDelayMs: 100 });
    out.write('first finding\n');
    vi.advanceTimersByTime(99);
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(writes).toEqual(['first finding\n']);
  });

  it('writes old pending text at the next write even when the timer could not run', () => {
    vi.useFakeTimers();
    const { writes, target } = sink();
    const out = new BufferedOutput(target, { maxDelayMs: 100 });
    out.write('a');
    vi.setSystemTime(Date.now() + 150); // the clock moves, the timer has not fired
    out.write('b');
    expect(writes).toEqual(['ab']);
  });
});

describe('dignify with coalesced output', () => {
  // One capture for both streams, as `2>&1` or a terminal would show them.
  async function interleaved(args: string[]) {
    let both = '';
    const stdoutWrites: string[] = [];
    const code = await main(args, {
      stdin: Object.assign(Readable.from([]), { isTTY: false }),
      stdout: {
        write: (s: string) => {
          stdoutWrites.push(s);
          both += s;
        },
      },
      stderr: { write: (s: string) => (both += s) },
      cwd: process.cwd(),
      env: { NO_COLOR: '1' },
    });
    return { code, both, stdoutWrites };
  }

  it('keeps each malformed-record message between the results before and after it', async () => {
    const csv = tempFile('t.csv', 'id,text\n1,hx of drug abuse\n2,a,b,c\n3,known addict\n4,"open quote\n');
    const { code, both } = await interleaved([csv, '--format', 'compact']);
    expect(code).toBe(2);
    const lines = both.trimEnd().split('\n');
    const at = (pattern: RegExp) => lines.findIndex((line) => pattern.test(line));
    const order = [
      at(/linting the column "text"/),
      at(/row 1 \(id 1\).*drug abuse/),
      at(/row 2\): skipped a malformed record: 4 fields/),
      at(/row 3 \(id 3\).*addict/),
      at(/skipped a malformed record: unterminated/),
      at(/2 malformed records skipped/),
    ];
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('a clean export writes nothing at all: no empty writes, one per result otherwise', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => `${i},the wound is clean and dry`);
    const clean = tempFile('clean.csv', `id,text\n${rows.join('\n')}\n`);
    const quiet = await interleaved([clean, '--format', 'jsonl', '--text-column', 'text']);
    expect(quiet.code).toBe(0);
    expect(quiet.stdoutWrites).toEqual([]);
    const dirty = tempFile('dirty.csv', `id,text\n${rows.join('\n').replaceAll('clean and dry', 'an addict')}\n`);
    // The clock stands still, so the count is the gathering's, not the machine's speed: on a busy
    // machine the 200 rows took over a second, and the pending text went out every 100 ms
    // (maxDelayMs, tested above with fake timers). Only the clock: the lint's setImmediate turns run.
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    const loud = await interleaved([dirty, '--format', 'jsonl', '--text-column', 'text']);
    vi.useRealTimers();
    expect(loud.code).toBe(1);
    expect(loud.both.trimEnd().split('\n')).toHaveLength(200);
    expect(loud.stdoutWrites.length).toBeLessThan(10); // 200 results, gathered
  });

  it('the installed command keeps stdout and stderr in order when both go to one pipe', () => {
    const csv = tempFile('t.csv', 'id,text\n1,hx of drug abuse\n2,a,b,c\n3,known addict\n');
    const r = spawnSync('bash', ['-c', `node "${BIN}" "${csv}" --text-column text --format jsonl 2>&1`], { encoding: 'utf8' });
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.map((line) => (line.startsWith('{') ? (JSON.parse(line) as { record: { row: number } }).record.row : line.replace(/^.*: /, '')))).toEqual([
      1,
      '4 fields where the header has 2',
      2,
      3,
      '3 records read, 2 linted; 1 malformed record skipped (exit 2; --skip-bad-records accepts them)',
    ]);
  });

  // `dignify big.csv | head -1`: the first results leave before the pipe closes, the rest is dropped,
  // and the exit code is still the findings' (bin/dignify.js goes on without output when no
  // finding has decided it yet).
  function pipeStatus(file: string, args: string): string {
    const r = spawnSync('bash', ['-c', `node "${BIN}" "${file}" ${args} 2>/dev/null | head -1 >/dev/null; echo "\${PIPESTATUS[0]}"`], {
      encoding: 'utf8',
    });
    return r.stdout.trim();
  }
  // 2,500 results of about 90 bytes: well past a pipe's 64 KB and the output buffer's 64 K characters.
  const warningRows = Array.from({ length: 2_500 }, (_, i) => `${i},pt noncompliant with meds and more words to fill the line`);

  it('| head -1 before any finding at or above --fail-on: exit 1 when one comes later', () => {
    const file = tempFile('w.csv', `id,text\n${warningRows.join('\n')}\n2500,known addict\n`);
    expect(pipeStatus(file, '--fail-on error --format compact')).toBe('1');
  });

  it('| head -1 with no finding at or above --fail-on: exit 0', () => {
    const file = tempFile('w.csv', `id,text\n${warningRows.join('\n')}\n`);
    expect(pipeStatus(file, '--fail-on error --format compact')).toBe('0');
  });
});
