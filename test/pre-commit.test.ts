// The real pre-commit framework, in a temporary git repository: committing a template with
// "drug abuse" is blocked and the finding is shown; a clean template goes through.
//
// The hook is this repository's own .pre-commit-hooks.yaml entry, read from the file, with one
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
import { BIN, ROOT } from './helpers.js';

const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;

describe('pre-commit hook', () => {
  it.skipIf(!hasPreCommit && !process.env.CI)('blocks a commit of a template with "drug abuse", showing the finding, and lets a clean one through', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-pre-commit-'));
    const env = {
      ...process.env,
      PRE_COMMIT_HOME: path.join(dir, '.cache'),
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      NO_COLOR: '1',
    };

    const [hook] = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;
    expect(hook).toMatchObject({ id: 'dignify', entry: 'dignify', language: 'node' });
    const local = { ...hook, language: 'system', entry: `'${process.execPath}' '${BIN}'` };
    const repo = path.join(dir, 'templates-repo');
    execFileSync('git', ['init', '-q', '-b', 'main', repo], { env });
    const run = (file: string, content: string) => writeFileSync(path.join(repo, file), content);
    run('.pre-commit-config.yaml', stringify({ repos: [{ repo: 'local', hooks: [local] }] }));
    run('.dignifyignore', 'legacy/\n');
    const g = (...args: string[]) => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' });
    g('config', 'user.email', 'author@example.org');
    g('config', 'user.name', 'Template Author');
    g('config', 'commit.gpgsign', 'false');
    g('add', '.pre-commit-config.yaml', '.dignifyignore');
    g('commit', '-q', '--no-verify', '-m', 'hook config');
    execFileSync('pre-commit', ['install'], { cwd: repo, env, encoding: 'utf8' });
    const tryCommit = (message: string) => spawnSync('git', ['commit', '-m', message], { cwd: repo, env, encoding: 'utf8' });

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
