// The README's examples, as a newcomer copies them: what it says a command prints is what the
// command prints, and the code it shows can be installed from what it says to install.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runMain } from './helpers.js';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

/** The body of the first fenced block of `lang` after `after` in the README. */
function blockAfter(after: string, lang: string): string {
  const at = readme.indexOf(after);
  expect(at, after).toBeGreaterThanOrEqual(0);
  const open = readme.indexOf(`\`\`\`${lang}\n`, at + after.length);
  expect(open, `a ${lang} block after ${after}`).toBeGreaterThanOrEqual(0);
  const start = open + lang.length + 4;
  return readme.slice(start, readme.indexOf('```', start));
}

describe('README examples', () => {
  it('the sample note prints what "What it prints" shows', async () => {
    const shown = blockAfter('What it prints for `fixtures/sample-note.txt`', '');
    const r = await runMain(['fixtures/sample-note.txt'], { cwd: ROOT });
    expect(r.code).toBe(1);
    expect(r.stdout.trim()).toBe(shown.trim());
  });

  it('--fix-dry-run prints the diff and the summary line the Fixing section shows', async () => {
    const diff = blockAfter('**What it says.**', 'diff');
    const summary = blockAfter(`${diff}${'`'.repeat(3)}\n`, '').trim();
    // The example's own file, from the diff's "-" line and its name.
    const name = /^--- a\/(.+)$/m.exec(diff)![1]!;
    const before = /^-(?!--)(.*)$/m.exec(diff)![1]!;
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-readme-'));
    mkdirSync(path.join(dir, path.dirname(name)), { recursive: true });
    writeFileSync(path.join(dir, name), `${before}\n`);
    const r = await runMain([name, '--fix-dry-run'], { cwd: dir });
    expect(r.stdout.startsWith(diff), r.stdout).toBe(true);
    expect(r.stderr.trim()).toBe(summary);
    expect(readFileSync(path.join(dir, name), 'utf8')).toBe(`${before}\n`);
  });

  it('every package its code imports is dignify, one of its dependencies, a Node built-in (node:) or named in an install line', () => {
    const code = [...readme.matchAll(/```(?:ts|js)\n([\s\S]*?)```/g)].map((m) => m[1]!).join('\n');
    const imported = new Set([...code.matchAll(/from '([^'.][^']*)'/g)].map((m) => m[1]!.split('/')[0]!));
    const installed = new Set([...readme.matchAll(/npm (?:i|install)\b([^\n`]*)/g)].flatMap((m) => m[1]!.trim().split(/\s+/)));
    const missing = [...imported].filter((name) => name !== 'dignify' && !name.startsWith('node:') && !(name in pkg.dependencies) && !installed.has(name));
    expect(missing).toEqual([]);
  });

  it('--help lists the exit codes of the README table, --fix refused among them', async () => {
    const r = await runMain(['--help']);
    expect(r.code).toBe(0);
    const table = readme.slice(readme.indexOf('### Exit codes'), readme.indexOf('## Configuration'));
    expect(table).toMatch(/`--fix` refused/);
    expect(r.stdout).toMatch(/2 {2}usage error[^]*--fix was refused/);
  });

  // A finding of `--format json` carried `file`, which the README's shape of a Finding left out.
  it("every field of a --format json finding is in the README's shape of a Finding", async () => {
    const shape = blockAfter('### JSON output', 'ts');
    const documented = new Set([...shape.matchAll(/(?:^ {2}|, )(\w+)\??(?=[:,\s])/gm)].map((m) => m[1]));
    // A fixable finding and one of an equality pattern, with --why: every optional field that can appear.
    const r = await runMain(['--format', 'json', '--why', '--stdin-filename', 'note.txt'], {
      input: 'Known heroin addict. Hx of IV drug abuse.\nHe said "addict" twice.\n',
    });
    const findings = (JSON.parse(r.stdout) as Array<{ findings: Array<Record<string, unknown>> }>).flatMap((e) => e.findings);
    const fields = new Set(findings.flatMap((f) => Object.keys(f)));
    expect([...fields]).toEqual(expect.arrayContaining(['ruleId', 'file', 'fix', 'quoted', 'note']));
    expect([...fields].filter((k) => !documented.has(k))).toEqual([]);
  });

  // `dignify report --preset` was in the command's help but not in the README's table of its options.
  it.each([
    [[] as string[], '### Options', '### Inputs'],
    [['report'], '### Audit report', '### Exit codes'],
  ])('every option of dignify %j --help is in its README table', async (command, from, to) => {
    const help = (await runMain([...command, '--help'])).stdout;
    const table = readme.slice(readme.indexOf(from), readme.indexOf(to));
    const options = [...help.matchAll(/^ {2}(?:-\w, )?(--[a-z-]+)/gm)].map((m) => m[1]!).filter((o) => o !== '--help' && o !== '--version');
    expect(options.length).toBeGreaterThan(5);
    expect(options.filter((o) => !table.includes(`\`${o}`) && !table.includes(`${o} `) && !table.includes(`${o}\``))).toEqual([]);
  });

  // A newcomer trial: the README quoted "155 rules in the all preset" where dignify rules says 154.
  it("quotes dignify rules' summary line under a config's preset as the command prints it", async () => {
    const quoted = /summary line \(`([^`]+)`\)/.exec(readme)?.[1]?.replace(/\s+/g, ' ');
    expect(quoted).toMatch(/^\d+ rules in the all preset/);
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-readme-'));
    writeFileSync(path.join(dir, '.dignifyrc'), 'preset: all\n');
    const r = await runMain(['rules'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`\n${quoted}`);
  });
});
