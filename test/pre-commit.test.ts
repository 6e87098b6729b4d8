// The real pre-commit framework, in a temporary git repository: committing a template with
// "drug abuse" is blocked and the finding is shown; a clean template goes through. The same for a
// Word template and the dignify-docx hook (pre-commit has no file type for .docx, so the dignify
// hook never saw one: a template author committed "known heroin addict" in a .docx unchecked).
//
// Each hook is this repository's own .pre-commit-hooks.yaml entry, read from the file, with one
// change: `language: system` and an entry that runs this checkout's built bin/dignify.js, instead
// of `language: node`. With `language: node` pre-commit would `npm install` the package into an
// environment of its own, downloading every dependency from the registry on each test run (slow,
// and a test must not depend on the network); everything else the hook declares (its id, name,
// file types) is exercised as users get it. CI installs pre-commit (.ci/run); elsewhere the test
// is skipped when the command is missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { docxBytes } from './docx.js';
import { BIN, ROOT } from './helpers.js';

const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;

/** The hooks of .pre-commit-hooks.yaml, by id. */
function manifest(): Map<string, Record<string, unknown>> {
  const hooks = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;
  return new Map(hooks.map((h) => [String(h.id), h]));
}

/**
 * A temporary git repository whose .pre-commit-config.yaml runs `hooks` (manifest entries) as
 * `language: system` hooks of this checkout's bin, with `pre-commit install` done and `legacy/` in
 * .dignifyignore. `write` puts a file in it, `git` runs git there, `commit` tries a commit.
 */
function hookRepo(hooks: Array<Record<string, unknown>>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'dignify-pre-commit-'));
  const env = {
    ...process.env,
    PRE_COMMIT_HOME: path.join(dir, '.cache'),
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    NO_COLOR: '1',
  };
  const local = hooks.map((hook) => ({ ...hook, language: 'system', entry: `'${process.execPath}' '${BIN}'` }));
  const repo = path.join(dir, 'templates-repo');
  execFileSync('git', ['init', '-q', '-b', 'main', repo], { env });
  const write = (file: string, content: string | Buffer) => writeFileSync(path.join(repo, file), content);
  write('.pre-commit-config.yaml', stringify({ repos: [{ repo: 'local', hooks: local }] }));
  write('.dignifyignore', 'legacy/\n');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' });
  git('config', 'user.email', 'author@example.org');
  git('config', 'user.name', 'Template Author');
  git('config', 'commit.gpgsign', 'false');
  git('add', '.pre-commit-config.yaml', '.dignifyignore');
  git('commit', '-q', '--no-verify', '-m', 'hook config');
  execFileSync('pre-commit', ['install'], { cwd: repo, env, encoding: 'utf8' });
  const commit = (message: string) => spawnSync('git', ['commit', '-m', message], { cwd: repo, env, encoding: 'utf8' });
  return { repo, write, git, commit };
}

describe('pre-commit hook', () => {
  it.skipIf(!hasPreCommit && !process.env.CI)('blocks a commit of a template with "drug abuse", showing the finding, and lets a clean one through', () => {
    const hook = manifest().get('dignify');
    expect(hook).toMatchObject({ id: 'dignify', entry: 'dignify', language: 'node' });
    const { repo, write: run, git: g, commit: tryCommit } = hookRepo([hook!]);

    // Blocked: the finding, with its suggestion, is in the hook's output.
    run('admission.txt', 'Social history: hx of drug abuse.\n');
    g('add', 'admission.txt');
    const blocked = tryCommit('add admission template');
    expect(blocked.status).not.toBe(0);
    const shown = blocked.stdout + blocked.stderr;
    expect(shown).toMatch(/dignify \(stigmatizing language\)\.+Failed/);
    expect(shown).toMatch(/admission\.txt\s+1:23\s+error\s+"drug abuse" → "drug use"\s+substance-use\/substance-abuse/);
    expect(g('log', '--oneline')).not.toContain('add admission template');

    // Clean (after the fix), plus files the hook must not look at: Python source is not a
    // template type, and legacy/ is in .dignifyignore.
    run('admission.txt', 'Social history: hx of drug use.\n');
    run('render.py', '# "drug abuse" is a phrase this code looks for\n');
    mkdirSync(path.join(repo, 'legacy'));
    run('legacy/old.md', 'Known heroin addict.\n');
    g('add', 'admission.txt', 'render.py', 'legacy/old.md');
    const passed = tryCommit('add admission template');
    expect(passed.stdout + passed.stderr).toMatch(/dignify \(stigmatizing language\)\.+Passed/);
    expect(passed.status).toBe(0);
    expect(g('log', '--oneline')).toContain('add admission template');
  });
});

// A CI maintainer's trial: Jinja and Liquid templates are not plain text to pre-commit, so the hook
// as published leaves them alone; README says to add their types, and that the template's own
// comment takes a directive. Both as README writes them.
describe('pre-commit hook and Jinja or Liquid templates', () => {
  it.skipIf(!hasPreCommit && !process.env.CI)('skips them as published, and lints them with the types README adds', () => {
    const hook = manifest().get('dignify')!;
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const types = /`types_or: \[(plain-text, markdown, html, jinja,\s+liquid)\]`/.exec(readme)?.[1]?.split(/,\s+/);
    expect(types).toEqual(['plain-text', 'markdown', 'html', 'jinja', 'liquid']);
    const { write, git, commit } = hookRepo([hook]);
    write('letter.txt.j2', '{# dignify-disable-next-line -- quoting the 1998 flyer #}\nSay no to drug abuse.\nDear {{ name }},\n');
    write('letter.liquid', 'Hello {{ patient.name }}, your IVDU history.\n');
    git('add', 'letter.txt.j2', 'letter.liquid');
    const skipped = commit('templates');
    expect(skipped.stdout + skipped.stderr).toMatch(/dignify \(stigmatizing language\)\.+\(no files to check\)Skipped/);
    expect(skipped.status).toBe(0);

    write(
      '.pre-commit-config.yaml',
      stringify({ repos: [{ repo: 'local', hooks: [{ ...hook, types_or: types, language: 'system', entry: `'${process.execPath}' '${BIN}'` }] }] }),
    );
    write('letter.liquid', 'Hello {{ patient.name }}, your IVDU history and drug abuse.\n');
    git('add', '.pre-commit-config.yaml', 'letter.liquid', 'letter.txt.j2');
    const blocked = commit('templates linted');
    const shown = blocked.stdout + blocked.stderr;
    expect(blocked.status).not.toBe(0);
    expect(shown).toMatch(/letter\.liquid\s+1:32\s+error\s+"IVDU"/);
    expect(shown).not.toContain('letter.txt.j2'); // its one finding is under the Jinja comment's directive
  });
});

describe('pre-commit hook for Word templates (dignify-docx)', () => {
  it.skipIf(!hasPreCommit && !process.env.CI)(
    'blocks a commit of a .docx with "known heroin addict" and lets the fixed one through, leaving Word\'s lock file and ignored files alone',
    async () => {
      const hooks = manifest();
      // The first hook's id and types are as they were: configs that name it keep working.
      expect(hooks.get('dignify')).toMatchObject({ entry: 'dignify', language: 'node', types_or: ['plain-text', 'markdown', 'html'] });
      const hook = hooks.get('dignify-docx');
      expect(hook).toMatchObject({ entry: 'dignify', language: 'node' });
      // Both hooks, as the README's config lists them.
      const { repo, write, git, commit } = hookRepo([hooks.get('dignify')!, hook!]);

      write('consent.docx', await docxBytes(['Consent for treatment', 'Patient is a known heroin addict.']));
      write('intake.txt', 'Social history: no concerns.\n');
      git('add', 'consent.docx', 'intake.txt');
      const blocked = commit('add consent template');
      const shown = blocked.stdout + blocked.stderr;
      expect(blocked.status).not.toBe(0);
      expect(shown).toMatch(/dignify \(stigmatizing language, Word templates\)\.+Failed/);
      expect(shown).toMatch(/consent\.docx\s+paragraph 2\s+error\s+"heroin addict" → "person with opioid use disorder"\s+substance-use\/addict/);
      // The text file went to the first hook, which passed: each hook sees its own files.
      expect(shown).toMatch(/dignify \(stigmatizing language\)\.+Passed/);
      expect(git('log', '--oneline')).not.toContain('add consent template');

      // Fixed, plus what the hook must not block on: Word's lock file beside an open document
      // (not a zip: dignify would say it cannot be read, exit 2) and a .docx in .dignifyignore.
      write('consent.docx', await docxBytes(['Consent for treatment', 'Patient has opioid use disorder.']));
      write('~$consent.docx', Buffer.from([0x0c, 0x54, 0x00, 0x65, 0x00, 0x6d, 0x00, 0xff, 0xfe]));
      mkdirSync(path.join(repo, 'legacy'));
      write('legacy/old.docx', await docxBytes(['Known heroin addict.']));
      git('add', 'consent.docx', '~$consent.docx', 'legacy/old.docx');
      const passed = commit('add consent template');
      expect(passed.stdout + passed.stderr).toMatch(/dignify \(stigmatizing language, Word templates\)\.+Passed/);
      expect(passed.status).toBe(0);
      expect(git('log', '--oneline')).toContain('add consent template');
    },
  );
});
