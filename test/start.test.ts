// The CLI's entry (src/cli/start.ts) lints paths-only calls without commander: the options it
// passes must be those main.ts's program passes, and both entries must answer alike.
import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { ROOT } from './helpers.js';

const seen: { paths: string[]; options: unknown }[] = [];
vi.mock('../src/cli/lint-command.js', async (original) => {
  const real = await original<typeof import('../src/cli/lint-command.js')>();
  return {
    ...real,
    lint: (
      paths: string[],
      options: import('../src/cli/lint-command.js').LintCliOptions,
      ...rest: Parameters<typeof real.lint> extends [unknown, unknown, ...infer R] ? R : never
    ) => {
      seen.push({ paths, options: { ...options } });
      return real.lint(paths, options, ...rest);
    },
  };
});

const { main: start, onlyPaths, defaultLintOptions } = await import('../src/cli/start.js');
const { main } = await import('../src/cli/main.js');

async function run(entry: typeof main, args: string[], input = '') {
  let stdout = '';
  let stderr = '';
  const stdin = Object.assign(Readable.from(input ? [Buffer.from(input)] : []), { isTTY: false });
  const code = await entry(args, {
    stdin,
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: ROOT,
    env: { NO_COLOR: '1' },
  });
  return { code, stdout, stderr };
}

describe('the CLI entry (start.ts)', () => {
  it('gives the lint the options main.ts gives it when no option is given', async () => {
    for (const args of [
      [],
      ['-'],
      ['fixtures/inputs/handout.docx', '-'],
      ['fixtures/inputs/handout.docx'],
      ['no-such-file.txt', 'fixtures/inputs/handout.docx'],
    ]) {
      seen.length = 0;
      await run(main, args, 'Hx of IVDU.\n');
      await run(start, args, 'Hx of IVDU.\n');
      expect(seen).toHaveLength(2);
      expect(seen[1], args.join(' ')).toEqual(seen[0]);
      expect(seen[1]!.options).toEqual(defaultLintOptions());
    }
  });

  it('answers as main.ts does: stdin, paths, a missing file, options, commands and a mistyped command', async () => {
    const calls: [string[], string?][] = [
      [[], 'Hx of IVDU.\n'],
      [[], 'Clean and dry wound.\n'],
      [['fixtures/inputs/handout.docx']],
      [['no-such-file.txt']],
      [['repot', 'notes.csv']],
      [['lint', 'fixtures/sample-note.txt']],
      [['-'], 'Hx of IVDU.\n'],
      [['--format', 'json'], 'Hx of IVDU.\n'],
      [['--quiet'], 'He is an addict.\n'],
      [['explain', 'substance-use/addict']],
      [['--version']],
    ];
    for (const [args, input] of calls) {
      expect(await run(start, args, input), args.join(' ')).toEqual(await run(main, args, input));
    }
  });

  it('takes the shortcut only for paths and "-" (standard input): no option, no command or name close to one', () => {
    expect(onlyPaths([], ROOT)).toBe(true);
    expect(onlyPaths(['notes/a.txt', 'b.md'], ROOT)).toBe(true);
    expect(onlyPaths(['-'], ROOT)).toBe(true);
    expect(onlyPaths(['a.txt', '-'], ROOT)).toBe(true);
    for (const args of [
      ['--why'],
      ['--'],
      ['-', '--'],
      ['a.txt', '-q'],
      ['rules'],
      ['help'],
      ['report', 'x.csv'],
      ['repot', 'x.csv'],
      ['explan'],
      ['lint', 'x.txt'],
      ['fix'],
    ]) {
      expect(onlyPaths(args, ROOT), args.join(' ')).toBe(false);
    }
  });
});
