// Configuration as users write it: .dignifyrc (JSON or YAML) or package.json "dignify", found from
// each file's folder upwards; --config and --no-config; rules, allow, extends, ignore; .dignifyignore;
// and bad configs stopping the run with exit 2 and a message naming the file, the key and what was expected.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from './helpers.js';

const NOTE = 'Known heroin addict with hx of drug abuse, used dirty needles.\n';

/** A temporary project: files given as relative path → content. */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dignify-config-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

function ruleIds(stdout: string): string[] {
  return (JSON.parse(stdout) as Array<{ findings: Array<{ ruleId: string; severity: string }> }>).flatMap((r) =>
    r.findings.map((f) => `${f.ruleId}:${f.severity}`),
  );
}

const OWN_RULES = `category: house-style
rules:
  - id: house-style/frequent-flyer
    severity: warning
    fixable: true
    match: ["frequent flyer(s)"]
    suggestions: ["person with frequent visits"]
    note: Labels a patient by their use of care.
    sources: [local]
    examples:
      flag: ["Known frequent flyer."]
      pass: ["Frequent visits this year."]
`;

describe('configuration', () => {
  it('applies the nearest .dignifyrc (YAML) from the file’s folder upwards, and nothing when there is none', async () => {
    const dir = project({
      'team/.dignifyrc': 'rules:\n  substance-use/addict: "off"\n  substance-use/dirty-needles: error\n',
      'team/notes/a.txt': NOTE,
      'other/b.txt': NOTE,
    });
    const team = await runMain(['team/notes/a.txt', '-f', 'json'], { cwd: dir });
    expect(ruleIds(team.stdout)).toEqual(['substance-use/substance-abuse:error', 'substance-use/dirty-needles:error']);
    const other = await runMain(['other/b.txt', '-f', 'json'], { cwd: dir });
    expect(ruleIds(other.stdout)).toEqual(['substance-use/addict:error', 'substance-use/substance-abuse:error', 'substance-use/dirty-needles:warning']);
  });

  it('reads JSON .dignifyrc and the "dignify" key of package.json; a category setting applies to all its rules', async () => {
    const dir = project({
      'json/.dignifyrc': '{ "rules": { "substance-use": "info" } }',
      'json/a.txt': NOTE,
      'pkg/package.json': JSON.stringify({ name: 'x', dignify: { allow: ['drug abuse'] } }),
      'pkg/a.txt': NOTE,
    });
    expect(ruleIds((await runMain(['json/a.txt', '-f', 'json'], { cwd: dir })).stdout)).toEqual([
      'substance-use/addict:info',
      'substance-use/substance-abuse:info',
      'substance-use/dirty-needles:info',
    ]);
    const pkg = await runMain(['pkg/a.txt', '-f', 'json'], { cwd: dir });
    expect(ruleIds(pkg.stdout)).toEqual(['substance-use/addict:error', 'substance-use/dirty-needles:warning']);
  });

  it('uses the file named by --config for every file, and none with --no-config', async () => {
    const dir = project({ '.dignifyrc': 'rules: { substance-use: "off" }\n', 'strict.yaml': 'rules: { substance-use/dirty-needles: error }\n', 'a.txt': NOTE });
    expect((await runMain(['a.txt'], { cwd: dir })).code).toBe(0);
    expect(ruleIds((await runMain(['a.txt', '-f', 'json', '--config', 'strict.yaml'], { cwd: dir })).stdout)).toContain('substance-use/dirty-needles:error');
    expect(ruleIds((await runMain(['a.txt', '-f', 'json', '--no-config'], { cwd: dir })).stdout)).toHaveLength(3);
  });

  it('finds the config for standard input from --stdin-filename', async () => {
    const dir = project({ 'sub/.dignifyrc': 'rules: { substance-use/addict: "off" }\n' });
    const r = await runMain(['-f', 'json', '--stdin-filename', 'sub/note.txt'], { cwd: dir, input: NOTE });
    expect(ruleIds(r.stdout)).not.toContain('substance-use/addict:error');
    expect(ruleIds(r.stdout)).toHaveLength(2);
  });

  it('skips standard input quietly when --stdin-filename names an ignored file, as that file would be', async () => {
    const dir = project({ '.dignifyrc': 'ignore: ["*.draft.md"]\n', '.dignifyignore': 'drafts/\n' });
    for (const name of ['sub/x.draft.md', 'drafts/note.txt']) {
      const r = await runMain(['-f', 'json', '--stdin-filename', name], { cwd: dir, input: NOTE });
      expect(r.code, name).toBe(0);
      expect(JSON.parse(r.stdout), name).toEqual([]);
    }
    // Not ignored: linted; --no-ignore lints the ignored name too.
    expect((await runMain(['-f', 'json', '--stdin-filename', 'sub/x.md'], { cwd: dir, input: NOTE })).code).toBe(1);
    expect((await runMain(['-f', 'json', '--no-ignore', '--stdin-filename', 'sub/x.draft.md'], { cwd: dir, input: NOTE })).code).toBe(1);
  });

  it('adds the user’s own rule files from "extends", validated like the built-in ones', async () => {
    // The house rule replaces the built-in one for the same phrase.
    const dir = project({
      '.dignifyrc.yaml': 'extends: rules/house.yaml\nrules: { credibility/frequent-flyer: "off" }\n',
      'rules/house.yaml': OWN_RULES,
      'a.txt': 'Pt is a frequent flyer in the ED.\n',
    });
    const r = await runMain(['a.txt', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(ruleIds(r.stdout)).toEqual(['house-style/frequent-flyer:warning']);
    // Their fixes work too.
    expect((await runMain(['a.txt', '--fix-dry-run'], { cwd: dir })).stdout).toContain('+Pt is a person with frequent visits in the ED.');

    const bad = project({ '.dignifyrc': 'extends: [house.yaml]\n', 'house.yaml': OWN_RULES.replace('severity: warning', 'severity: loud'), 'a.txt': NOTE });
    const e = await runMain(['a.txt'], { cwd: bad });
    expect(e.code).toBe(2);
    expect(e.stderr).toMatch(
      /dignify: \.dignifyrc: extends: .*house\.yaml: rule "house-style\/frequent-flyer": \/severity must be equal to one of the allowed values \(error, warning, info\)/,
    );
    expect(e.stdout).toBe('');
  });

  it.each([
    ['rules:\n  substance-use/addict: err\n', '.dignifyrc: rules.substance-use/addict: expected one of off, info, warning, error, got "err"'],
    ['rules:\n  substance-use/adict: "off"\n', '.dignifyrc: rules.substance-use/adict: expected a rule id or a category'],
    ['allow: drug abuse\n', '.dignifyrc: allow: expected an array, got "drug abuse"'],
    ['ignores: [drafts]\n', '.dignifyrc: unknown key "ignores" (expected preset, rules, allow, extends or ignore)'],
    ['extends: 3\n', '.dignifyrc: extends: expected a file name or a list of file names, got 3'],
    ['extends: missing.yaml\n', /^dignify: \.dignifyrc: extends: \S*missing\.yaml: no such file or directory$/m],
    ['rules: { substance-use/addict: [error] }\n', '.dignifyrc: rules.substance-use/addict: expected one of off, info, warning, error, got ["error"]'],
    ['rules: [\n', '.dignifyrc: not valid YAML or JSON'],
  ] as Array<[string, string | RegExp]>)('stops with exit 2 on a bad config %j, naming the file and the key', async (config, message) => {
    const dir = project({ '.dignifyrc': config, 'a.txt': NOTE });
    const r = await runMain(['a.txt', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(2);
    if (typeof message === 'string') expect(r.stderr).toContain(`dignify: ${message}`);
    else expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  // A UTF-8 byte-order mark (as Windows editors write) stopped a JSON config with "Unexpected
  // token"; the YAML parser (a .dignifyrc, JSON or not) already skipped it.
  it.each([
    ['.dignifyrc.json', '{"rules": {"substance-use": "off"}}\n'],
    ['.dignifyrc', '{"rules": {"substance-use": "off"}}\n'],
    ['package.json', '{"name": "notes", "dignify": {"rules": {"substance-use": "off"}}}\n'],
  ])('reads %s that starts with a byte-order mark', async (name, config) => {
    const dir = project({ [name]: `\uFEFF${config}`, 'a.txt': NOTE });
    for (const args of [['a.txt'], ['a.txt', '--config', name]]) {
      const r = await runMain([...args, '-f', 'json'], { cwd: dir });
      expect(r.stderr, args.join(' ')).toBe('');
      expect(ruleIds(r.stdout), args.join(' ')).toEqual([]);
      expect(r.code).toBe(0);
    }
  });

  // A JSON syntax error gave V8's "at position 30"; the YAML ones give a line and column.
  it('places a JSON syntax error by line and column', async () => {
    const dir = project({ '.dignifyrc.json': '{\n  "rules": {\n    "a": "off",,\n  }\n}\n', 'a.txt': NOTE });
    const r = await runMain(['a.txt'], { cwd: dir });
    expect(r.stderr).toBe('dignify: .dignifyrc.json: not valid JSON: Expected double-quoted property name in JSON at line 3, column 16\n');
    expect(r.code).toBe(2);
  });

  it('names the --config file when it cannot be read or is invalid JSON', async () => {
    const dir = project({ 'a.txt': NOTE, 'bad.json': '{ "rules": ' });
    const missing = await runMain(['a.txt', '--config', 'nope.yaml'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('dignify: nope.yaml: no such file or directory');
    const bad = await runMain(['a.txt', '--config', 'bad.json'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('dignify: bad.json: not valid JSON');
  });

  // `-c /tmp` said only "dignify: /tmp: is a directory"; `-c ""` (an unset shell variable) was taken
  // for no --config at all; `-c house.conf` said 'No loader specified for extension ".conf"'.
  it('says what --config expected when it names a folder, nothing, a note or a file of another extension', async () => {
    const dir = project({
      'a.txt': NOTE,
      'team/.dignifyrc.yml': 'rules:\n  substance-use: "off"\n',
      'empty-folder/x.txt': '',
      'house.conf': 'rules:\n  substance-use: "off"\n',
      'visit.md': 'Seen today; hx of drug abuse.\n',
    });
    const expectLine = async (args: string[], line: string) => {
      const r = await runMain(['a.txt', ...args], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`${line}\n`);
    };
    const what = '(--config names a config file: a .dignifyrc, JSON or YAML, or a package.json)';
    await expectLine(['-c', 'empty-folder'], `dignify: empty-folder: is a folder, not a config file ${what}`);
    await expectLine(['-c', 'team'], `dignify: team: is a folder, not a config file; did you mean ${path.join('team', '.dignifyrc.yml')}? ${what}`);
    await expectLine(['-c', 'nope.yml'], 'dignify: nope.yml: no such file or directory');
    await expectLine(['-c', ''], 'dignify: --config: expected a config file, got an empty path');
    // A note named by mistake: what it is, never its text.
    await expectLine(
      ['--config', 'visit.md'],
      'dignify: visit.md: expected a mapping of preset, rules, allow, extends and ignore, got text (is it a config file?)',
    );
    const report = await runMain(['report', 'a.txt', '-f', 'csv', '-c', 'empty-folder'], { cwd: dir });
    expect(report.code).toBe(2);
    expect(report.stderr).toBe(`dignify: empty-folder: is a folder, not a config file ${what}\n`);
    // Another extension is read as a .dignifyrc is (YAML, which includes JSON), and applies.
    const conf = await runMain(['a.txt', '-c', 'house.conf', '-f', 'json'], { cwd: dir });
    expect(conf.stderr).toBe('');
    expect(ruleIds(conf.stdout).some((id) => id.startsWith('substance-use/'))).toBe(false);
  });
});

describe('ignoring files', () => {
  it('skips files that .dignifyignore lists, quietly, even when named on the command line', async () => {
    const dir = project({
      '.dignifyignore': '# drafts are not linted\ndrafts/\n*.generated.txt\n!keep.generated.txt\n',
      'drafts/a.txt': NOTE,
      'x.generated.txt': NOTE,
      'keep.generated.txt': NOTE,
      'ok.txt': 'Clean.\n',
    });
    const named = await runMain(['drafts/a.txt', 'x.generated.txt', 'ok.txt'], { cwd: dir });
    expect(named).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const walked = await runMain(['.', '-f', 'compact'], { cwd: dir });
    expect(
      walked.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(':')[0]),
    ).toEqual(['keep.generated.txt', 'keep.generated.txt', 'keep.generated.txt']);
    expect((await runMain(['drafts/a.txt', '--no-ignore'], { cwd: dir })).code).toBe(1);
  });

  it('applies a .dignifyignore in a parent folder, relative to that folder', async () => {
    const dir = project({ '.dignifyignore': 'site/legacy/**\n', 'site/legacy/old.md': NOTE, 'site/new.md': NOTE });
    const r = await runMain(['legacy/old.md', 'new.md', '-f', 'compact'], { cwd: path.join(dir, 'site') });
    expect(r.stdout).not.toContain('old.md');
    expect(r.stdout).toContain('new.md:1:7');
  });

  it('skips files matching the config’s "ignore" globs, relative to the config file', async () => {
    const dir = project({
      'docs/.dignifyrc.json': '{ "ignore": ["archive/**", "*.draft.md"] }',
      'docs/archive/2019.md': NOTE,
      'docs/a.draft.md': NOTE,
      'docs/b.md': NOTE,
      'archive/c.md': NOTE,
    });
    const r = await runMain(['docs/archive/2019.md', 'docs/a.draft.md', 'docs/b.md', 'archive/c.md', '-f', 'compact'], { cwd: dir });
    const files = [
      ...new Set(
        r.stdout
          .trim()
          .split('\n')
          .map((l) => l.split(':')[0]),
      ),
    ];
    expect(files).toEqual(['docs/b.md', 'archive/c.md']);
  });
});
