// Files and folders dignify finds but cannot read (chmod 000), in a newcomer's trial: an unreadable
// .dignifyrc, .dignifyignore or package.json was an internal error with a stack trace; an unreadable
// folder inside a walk was skipped without a word (exit 0 or 1, and the audit undercounted); an
// unreadable folder named on the command line was said to hold no file with a linted extension.
// Each is now one line naming the file or folder, and exit 2. Run as another user when the tests
// run as root (runCliAsOtherUser), so chmod keeps the CLI out whoever runs the tests.
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliAsOtherUser } from './helpers.js';

const NOTE = 'Hx of drug abuse.\n';

/** A temporary project open to every user, files given as relative path → content; `locked` paths are then made chmod 000. */
function project(files: Record<string, string>, locked: string[] = []): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dignify-unreadable-'));
  chmodSync(dir, 0o755);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o755 });
    writeFileSync(file, content, { mode: 0o644 });
  }
  for (const name of locked) chmodSync(path.join(dir, name), 0o000);
  return dir;
}

describe('a config or ignore file that cannot be read', () => {
  // Found in the linted folder or one above it. The run stops before any output, as it does for a
  // config that does not validate: linting with the config left out would report what it turns off.
  it.each([
    ['rc/.dignifyrc', 'rules: {}\n'],
    ['rc/.dignifyrc.json', '{}\n'],
    ['package.json', '{"dignify": {}}\n'],
    ['.dignifyignore', '*.draft.txt\n'],
    ['rc/.dignifyignore', '*.draft.txt\n'],
  ])('%s: one line naming it, exit 2', (name, content) => {
    const dir = project({ 'rc/n.txt': NOTE, 'other.txt': NOTE, [name]: content }, [name]);
    const r = runCliAsOtherUser(['rc', 'other.txt', '-f', 'compact'], { cwd: dir });
    expect(r.stderr).toBe(`dignify: ${name}: permission denied\n`);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
  });

  it('an unreadable .dignifyignore stops a run with --no-config too (it still applies)', () => {
    const dir = project({ 'rc/n.txt': NOTE, 'rc/.dignifyignore': 'x\n' }, ['rc/.dignifyignore']);
    const r = runCliAsOtherUser(['rc', '--no-config', '-f', 'compact'], { cwd: dir });
    expect(r.stderr).toBe('dignify: rc/.dignifyignore: permission denied\n');
    expect(r.code).toBe(2);
  });
});

describe('a folder that cannot be read', () => {
  const tree = () => project({ 'tree/a/n.txt': NOTE, 'tree/b/n.txt': NOTE, 'tree/c/n.txt': NOTE }, ['tree/b']);

  it('inside a walk: named on stderr, the rest of the walk linted, exit 2', () => {
    const dir = tree();
    const r = runCliAsOtherUser(['tree', '-f', 'compact'], { cwd: dir });
    expect(r.stderr).toBe('dignify: tree/b: permission denied\n');
    expect(
      r.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(':')[0]),
    ).toEqual(['tree/a/n.txt', 'tree/c/n.txt']);
    expect(r.code).toBe(2);
  });

  it("inside a glob's walk: the same", () => {
    const dir = tree();
    const r = runCliAsOtherUser(['tree/**/*.txt', '-f', 'compact'], { cwd: dir });
    expect(r.stderr).toBe('dignify: tree/b: permission denied\n');
    expect(r.stdout).toContain('tree/c/n.txt:1:');
    expect(r.code).toBe(2);
  });

  it('dignify report: named on stderr, the notes that could be read counted, exit 2', () => {
    const dir = tree();
    const r = runCliAsOtherUser(['report', 'tree', '-f', 'csv'], { cwd: dir });
    expect(r.stderr).toBe('dignify: tree/b: permission denied\n');
    // The total row: 2 notes, 2 with findings, 2 findings.
    expect(r.stdout).toMatch(/^total,,,,,,2,2,2,/m);
    expect(r.code).toBe(2);
  });

  it('ignored by a .dignifyignore ("b/" or "b"): left out quietly, as ignored files are', () => {
    for (const pattern of ['b/', 'b']) {
      const dir = project({ 'tree/a/n.txt': NOTE, 'tree/b/n.txt': NOTE, 'tree/.dignifyignore': `${pattern}\n` }, ['tree/b']);
      const r = runCliAsOtherUser(['tree', '-f', 'compact'], { cwd: dir });
      expect(r.stderr, pattern).toBe('');
      expect(r.code, pattern).toBe(1);
    }
  });

  it('named on the command line: permission denied, not "no file in this folder has an extension linted"', () => {
    const dir = project({ 'noperm/n.txt': NOTE, 'other.txt': NOTE }, ['noperm']);
    const r = runCliAsOtherUser(['noperm', 'other.txt', '-f', 'compact'], { cwd: dir });
    expect(r.stderr).toBe('dignify: noperm: permission denied\n');
    expect(r.stdout).toContain('other.txt:1:');
    expect(r.code).toBe(2);
  });
});
