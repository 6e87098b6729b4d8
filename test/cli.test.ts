// The CLI end to end: stdin and files, formats, every exit code. The tests of the exit codes, --version
// and --help and the pipeline spawn the installed command as a user runs it; the others run main() in
// this process (runMain: the same code, without a Node start-up each).
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainRule } from '../src/cli/rules-commands.js';
import { builtinRules } from '../src/rules/builtin.js';
import { runCli, runMain } from './helpers.js';

const NOTE = 'Pt is a known heroin addict with hx of drug abuse who reports using dirty needles.\n';

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'dignify-cli-'));
}

describe('dignify (CLI)', () => {
  it('reports all three phrases from stdin with suggestions and exits 1', () => {
    const r = runCli([], { input: NOTE });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('<stdin>');
    expect(r.stdout).toMatch(/1:15\s+error\s+"heroin addict" → "person with opioid use disorder"\s+substance-use\/addict/);
    expect(r.stdout).toMatch(/1:40\s+error\s+"drug abuse" → "drug use"\s+substance-use\/substance-abuse/);
    expect(r.stdout).toMatch(/1:69\s+warning\s+"dirty needles" → "used or shared syringes"\s+substance-use\/dirty-needles/);
    expect(r.stdout).toContain('3 problems (2 errors, 1 warning, 0 info)');
  });

  it('gives the same findings as data with --format json', async () => {
    const r = await runMain(['--format', 'json', '--stdin-filename', 'note.txt'], { input: NOTE });
    expect(r.code).toBe(1);
    const data = JSON.parse(r.stdout) as Array<{ file: string; findings: Array<{ actual: string; suggestions: string[]; start: { offset: number } }> }>;
    expect(data).toHaveLength(1);
    expect(data[0]!.file).toBe('note.txt');
    expect(data[0]!.findings.map((f) => f.actual)).toEqual(['heroin addict', 'drug abuse', 'dirty needles']);
    for (const f of data[0]!.findings) expect(NOTE.slice(f.start.offset, f.start.offset + f.actual.length)).toBe(f.actual);
  });

  it('prints one line per finding with --format compact', async () => {
    const r = await runMain(['-f', 'compact', '-'], { input: NOTE });
    expect(r.stdout.trim().split('\n')).toEqual([
      '<stdin>:1:15: error Avoid "heroin addict"; prefer "person with opioid use disorder" or "person who uses drugs" [substance-use/addict]',
      expect.stringMatching(/^<stdin>:1:40: error Avoid "drug abuse"; prefer "drug use"/),
      expect.stringMatching(/^<stdin>:1:69: warning Avoid "dirty needles"/),
    ]);
  });

  it('exits 0 on a clean note and prints nothing', () => {
    const r = runCli([], { input: 'Wound clean, dry and intact. History of sexual abuse.\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
  });

  it('exits 2 naming a missing file, and still lints the other file', () => {
    const dir = tempDir();
    const note = path.join(dir, 'note.txt');
    writeFileSync(note, NOTE);
    const r = runCli([path.join(dir, 'missing.txt'), note]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`dignify: ${path.join(dir, 'missing.txt')}: no such file or directory`);
    expect(r.stdout).toContain('"heroin addict"');
  });

  it('exits 2 on an unreadable file, naming it', async () => {
    if (process.getuid?.() === 0) return; // root can read anything; covered by the API test of errors
    const dir = tempDir();
    const file = path.join(dir, 'secret.txt');
    writeFileSync(file, NOTE);
    chmodSync(file, 0o000);
    const r = await runMain([file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: permission denied`);
  });

  it('exits 2 on a usage error', () => {
    const r = runCli(['--format', 'nope'], { input: NOTE });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope/);
    expect(runCli(['--no-such-flag']).code).toBe(2);
  });

  it('skips binary files found in a folder with a warning, reads Windows-1252 with a warning, and lints the rest', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from('caf\xe9 \x93drug abuse\x94', 'latin1'));
    writeFileSync(path.join(dir, 'ok.txt'), 'Hx IVDU.');
    const r = await runMain([dir, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('image.txt: warning: skipped: binary file');
    expect(r.stderr).toContain('latin1.txt: warning: not valid UTF-8: read as Windows-1252');
    const results = JSON.parse(r.stdout) as Array<{ file: string; findings: Array<{ actual: string; start: { offset: number } }> }>;
    const latin1 = results.find((x) => x.file.endsWith('latin1.txt'))!;
    // Decoded, not skipped: the curly quotes are Windows-1252's 0x93/0x94, one code unit each.
    expect(latin1.findings.map((f) => [f.actual, f.start.offset])).toEqual([['drug abuse', 6]]);
    expect(r.stdout).toContain('"IVDU"');
  });

  it('recurses into folders for .txt, .md and .html, skipping node_modules and dot-folders, and takes globs', async () => {
    const dir = tempDir();
    for (const [name, text] of [
      ['a.txt', 'IVDU'],
      ['b.md', 'drug abuse'],
      ['c.html', '<p>addict</p>'],
      ['d.csv', 'IVDU'],
      ['node_modules/x.txt', 'IVDU'],
      ['.git/y.txt', 'IVDU'],
      ['sub/e.txt', 'junk IVDA'],
    ] as const) {
      const p = path.join(dir, name);
      mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(p, text);
    }
    const r = await runMain(['--format', 'json', dir]);
    const files = (JSON.parse(r.stdout) as Array<{ file: string }>).map((x) => path.relative(dir, x.file));
    expect(files).toEqual(['a.txt', 'b.md', 'c.html', path.join('sub', 'e.txt')]);
    const g = await runMain(['--format', 'json', '**/*.txt'], { cwd: dir });
    expect((JSON.parse(g.stdout) as Array<{ file: string }>).map((x) => x.file)).toEqual(['a.txt', 'sub/e.txt']);
    expect((await runMain(['nothing-*.txt'], { cwd: dir })).stderr).toContain('nothing-*.txt: no files match this pattern');
  });

  it('--quiet reports errors only, and --fail-on sets what makes exit 1', async () => {
    const warningOnly = 'Reports using dirty needles.\n';
    expect((await runMain([], { input: warningOnly })).code).toBe(1);
    const quiet = await runMain(['--quiet'], { input: warningOnly });
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toBe('');
    expect((await runMain(['--fail-on', 'error'], { input: warningOnly })).code).toBe(0);
  });

  it('--why adds the note and sources', async () => {
    const r = await runMain(['--why'], { input: 'Hx IVDU.\n' });
    expect(r.stdout).toMatch(/label a person by a behaviour/);
    // Each source with its title and link (rules/sources.yaml), not just its key.
    expect(r.stdout).toMatch(/Sources:\n\s+.*Carpenter23: Use of nonstigmatizing language .*https:\/\/pmc\.ncbi\.nlm\.nih\.gov\//);
  });

  it('prints --version and --help, exit 0', () => {
    const v = runCli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const h = runCli(['--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('Exit codes:');
  });

  it('lists rules and explains one; an unknown rule is a usage error', async () => {
    const list = await runMain(['rules']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/substance-use\/addict\s+error/);
    const json = JSON.parse((await runMain(['rules', '--format', 'json'])).stdout) as Array<{ id: string }>;
    expect(json.map((r) => r.id)).toContain('substance-use/dirty-needles');
    // The suggestions by form, in both (a newcomer trial found them only in explain).
    const refused = (json as Array<{ id: string; formSuggestions?: Array<{ forms: string[]; suggestions: string[] }> }>).find(
      (r) => r.id === 'compliance/refused',
    );
    expect(refused?.formSuggestions?.[0]).toEqual({
      forms: ['refuses'],
      suggestions: ['declines', 'chooses not to', 'is not tolerating (if it is intolerance)'],
    });
    expect(list.stdout).toContain('→ for refuses: declines; chooses not to; is not tolerating (if it is intolerance)');
    const explain = await runMain(['explain', 'substance-use/addict']);
    expect(explain.code).toBe(0);
    expect(explain.stdout).toContain('Pt is a known heroin addict.');
    expect(explain.stdout).toContain('Addiction medicine was consulted.');
    const unknown = await runMain(['explain', 'addict']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('did you mean "substance-use/addict"');
  });

  it('explains every kind of condition in words, a long regex cut, an example of several lines on one line', async () => {
    // A subject, list, described or table condition was shown as 'line matches /undefined/' (44 rules).
    const rules = builtinRules().rules;
    for (const rule of rules) {
      const { ok, text } = explainRule(builtinRules(), rule.id);
      expect(ok).toBe(true);
      expect({ id: rule.id, undefined: text.includes('undefined') }).toEqual({ id: rule.id, undefined: false });
    }
    const refused = (await runMain(['explain', 'compliance/refused'])).stdout;
    expect(refused).toContain('Not when:   its subject is {someone-else}');
    expect(refused).toContain('Not when:   it describes someone or something other than the patient');
    expect(refused).toContain('Not when:   the match is an item of an enumeration (three items or more) (for refusal(s))');
    const diabetic = (await runMain(['explain', 'identity/diabetic'])).stdout;
    expect(diabetic).toMatch(/Only when: {2}the line matches \/\\bdiabetic.{100,130}…\/ \(\d{4} characters: whole in the rule file\) \(for diabetic\)/);
    expect(diabetic).toContain('non within 1 word before, same clause');
    expect(diabetic).toContain('  ✖ - Diabetic ⏎ - Hypertensive   → "Diabetic"');
    expect(diabetic.split('\n').every((line) => line.length < 4000)).toBe(true);
  });
});

describe('dignify in a pipeline', () => {
  it('ends quietly when the reader closes the pipe early (dignify … | head)', async () => {
    const { spawn } = await import('node:child_process');
    const { BIN } = await import('./helpers.js');
    const child = spawn(process.execPath, [BIN, '--format', 'compact'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    child.stdin.end('hx of IVDU\n'.repeat(3_000)); // ~350 KB of output, far more than a pipe buffer holds
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy()); // like `head -1`
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|internal error/);
    expect(code).toBe(1); // the findings still decide the exit code
  });
});
