// Ctrl-C (or SIGTERM) while the lint command's progress line or the report's bar was drawn left the
// line on the terminal, the shell's prompt after it (the last session's note). The line is now
// erased and the process still ends by the signal (exit status 130, 143). Run on a pseudo-terminal
// by util-linux's `script`, where the terminal's ^C is a real SIGINT to the process group.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const BIN = path.resolve('bin/dignify.cjs');
const ERASE = '\r\u001b[K';
const hasScript = process.platform === 'linux' && spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

describe('the signals listener of a drawn line', () => {
  it('is there only while a line is drawn', async () => {
    // A module of its own: its listener is its own, whatever lines other tests of this worker left
    // drawn (the main project shares one module graph per worker: vitest.config.ts).
    vi.resetModules();
    const { RedrawnLine } = await import('../src/output/redrawn-line.js');
    const before = [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')];
    const writes: string[] = [];
    const line = new RedrawnLine({ write: (s: string) => writes.push(s) }, { now: () => 0, intervalMs: 0 });
    const other = new RedrawnLine({ write: () => true }, { now: () => 0, intervalMs: 0 });
    await line.draw(`${ERASE}dignify: 1 file`);
    await other.draw('x');
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual(before.map((n) => n + 1));
    line.clear();
    expect(process.listenerCount('SIGINT')).toBe(before[0]! + 1);
    other.clear();
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual(before);
    expect(writes).toEqual([`${ERASE}dignify: 1 file`, ERASE]);
  });
});

/**
 * Runs `dignify ARGS` on a pseudo-terminal (its stdout to /dev/null, its stderr the terminal) with
 * the line drawn at once, and when the terminal first shows it, types ^C or sends `signal` to the
 * process. Resolves to the exit status and what the terminal received.
 */
function interrupted(args: string[], signal: 'ctrl-c' | 'SIGTERM'): Promise<{ code: number | null; screen: string }> {
  const quoted = args.map((a) => `'${a}'`).join(' ');
  const child = spawn('script', ['-qefc', `echo "PID $$"; exec node '${BIN}' ${quoted} > /dev/null`, '/dev/null'], {
    env: { ...process.env, DIGNIFY_PROGRESS: '0,0', NO_COLOR: '1', TERM: 'xterm', CI: '' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let screen = '';
  let sent = false;
  child.stdout.on('data', (data: Buffer) => {
    screen += data.toString('utf8');
    if (sent || !/ records| notes /.test(screen)) return;
    sent = true;
    if (signal === 'ctrl-c') child.stdin.write('\u0003');
    else process.kill(Number(/PID (\d+)/.exec(screen)![1]), signal);
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, screen })));
}

describe.skipIf(!hasScript)('a signal while the line is drawn, on a terminal', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dignify-signal-'));
  const csv = path.join(dir, 'notes.csv');
  // Enough notes that the run is still going when the signal comes (it ends at the first draw).
  writeFileSync(csv, `id,note\n${Array.from({ length: 60_000 }, (_, i) => `${i},Pt ${i} is a known IVDU. Wound clean and dry.`).join('\n')}\n`);

  // After the last draw's words: the rest of its line, the "^C" the terminal echoed, the erase; nothing else.
  const endsErased = (screen: string, drawn: string) =>
    expect(screen.slice(screen.lastIndexOf(drawn) + drawn.length)).toMatch(/^[^\r\n]*?(?:\^C)?\r\u001b\[K$/);

  it.each([
    ['lint', [csv, '--threads', '1'], ' records'],
    ['report', ['report', csv, '--format', 'csv', '--threads', '1'], ' notes '],
  ] as const)('%s: Ctrl-C erases the line and the run ends with 130', async (_, args, drawn) => {
    const { code, screen } = await interrupted([...args], 'ctrl-c');
    expect(code).toBe(130);
    endsErased(screen, drawn);
  });

  it('lint: SIGTERM erases the line and the run ends with 143', async () => {
    const { code, screen } = await interrupted([csv, '--threads', '1'], 'SIGTERM');
    expect(code).toBe(143);
    endsErased(screen, ' records');
  });
});
