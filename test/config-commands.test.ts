// `dignify rules`, `dignify explain` and `dignify serve` read the config the lint command would use
// for standard input: the nearest .dignifyrc from the working folder, --config's, or none with
// --no-config (a newcomer trial: a template author's house rules were invisible to them).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, formPost, runMain } from './helpers.js';

const HOUSE_RULES = `category: house
rules:
  - id: house/eloped
    description: '"Eloped": say the patient left before discharge.'
    severity: warning
    match: ["eloped"]
    suggestions: ["left before discharge"]
    note: Frames leaving care as an escape.
    sources: [house-guide]
    examples:
      flag: ["Patient eloped from the ED."]
      pass: ["Patient left before discharge."]
`;

const CONFIG = `preset: all
rules:
  substance-use/addict: "off"
  credibility/claims: error
extends: house/rules.yaml
`;

/** A folder with a .dignifyrc (CONFIG unless given), its house rule file and a subfolder notes/. */
function project(config = CONFIG): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dignify-config-commands-'));
  mkdirSync(path.join(dir, 'house'));
  mkdirSync(path.join(dir, 'notes'));
  writeFileSync(path.join(dir, 'house', 'rules.yaml'), HOUSE_RULES);
  writeFileSync(path.join(dir, '.dignifyrc'), config);
  return dir;
}

interface Listed {
  id: string;
  severity: string;
  configured?: { severity: string; key: string; config: string };
  file?: string;
}

describe('dignify explain, with the config of the working folder', () => {
  it("explains a house rule from the config's extends, naming its file", async () => {
    const r = await runMain(['explain', 'house/eloped'], { cwd: project() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^house\/eloped {2}\(warning; presets: recommended, all\)/);
    expect(r.stdout).toContain('File:       house/rules.yaml (from the extends of .dignifyrc)');
    expect(r.stdout).toContain('✖ Patient eloped from the ED.');
    // Its docs are its file: dignify's rules page has no entry for it.
    expect(r.stdout).toContain('Docs: house/rules.yaml');
  });

  it('finds the config from a subfolder upwards, as lint does for standard input', async () => {
    const dir = project();
    const r = await runMain(['explain', 'house/eloped'], { cwd: path.join(dir, 'notes') });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`File:       ${path.join(dir, 'house', 'rules.yaml')}`);
  });

  it('says when the config turns a rule off or changes its severity', async () => {
    const dir = project();
    const off = await runMain(['explain', 'substance-use/addict'], { cwd: dir });
    expect(off.stdout).toContain('Config:     off in .dignifyrc (rules.substance-use/addict; its own severity: error)');
    const category = await runMain(['explain', 'credibility'], { cwd: dir });
    expect(category.stdout).toMatch(/credibility\/claims +error .*\[error in \.dignifyrc \(rules\.credibility\/claims; its own severity: warning\)\]/);
  });

  it('takes -c FILE and --no-config', async () => {
    const dir = project();
    writeFileSync(path.join(dir, 'notes', 'other.yml'), 'extends: ../house/rules.yaml\n');
    writeFileSync(path.join(dir, '.dignifyrc'), 'rules:\n  substance-use/addict: "off"\n');
    const named = await runMain(['explain', 'house/eloped', '-c', 'notes/other.yml'], { cwd: dir });
    expect(named.code).toBe(0);
    expect(named.stdout).toContain('File:       house/rules.yaml (from the extends of notes/other.yml)');
    const none = await runMain(['explain', 'house/eloped', '--no-config'], { cwd: project() });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^dignify: no rule "house\/eloped"/);
  });

  it("stops on a bad config with the lint command's one-line error and exit 2", async () => {
    const dir = project('preset: every\n');
    const lint = await runMain([], { cwd: dir, input: 'fine\n' });
    const explain = await runMain(['explain', 'substance-use/addict'], { cwd: dir });
    expect(explain.code).toBe(2);
    expect(explain.stderr).toBe('dignify: .dignifyrc: preset: expected one of recommended, all, got "every"\n');
    expect(explain.stderr).toBe(lint.stderr);
    expect(explain.stdout).toBe('');
  });
});

describe('dignify rules, with the config of the working folder', () => {
  it("lists the house rules with their file, the config's severities, and the config's preset", async () => {
    const r = await runMain(['rules'], { cwd: project() });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Config: .dignifyrc (severities below are as it sets them)');
    expect(r.stdout).toMatch(/\n {2}house\/eloped +warning +recommended .*"Eloped"/);
    expect(r.stdout).toMatch(/\n +file: house\/rules\.yaml\n/);
    expect(r.stdout).toMatch(/\n {2}substance-use\/addict +off .*\n +config: off in \.dignifyrc \(rules\.substance-use\/addict; its own severity: error\)/);
    expect(r.stdout).toMatch(/\n {2}credibility\/claims +error /);
    // preset: all: the rules of all only are listed, and the listing says whose preset it is.
    expect(r.stdout).toMatch(/\n {2}compliance\/unmotivated +/);
    expect(r.stdout).toMatch(/\n155 rules in the all preset \(the preset \.dignifyrc names; --preset chooses another\)/);
    expect(r.stdout).toContain("1 rule from the config's extends (house/rules.yaml).");
  });

  it("--preset wins over the config's preset", async () => {
    const r = await runMain(['rules', '--preset', 'recommended'], { cwd: project() });
    expect(r.stdout).not.toMatch(/\n {2}compliance\/unmotivated +/);
    expect(r.stdout).toMatch(/\n {2}house\/eloped +/);
    expect(r.stdout).toMatch(/\n\d+ rules in the recommended preset \(--preset\)/);
  });

  it('a rule outside the preset that the config turns on by id is listed, as it runs', async () => {
    const r = await runMain(['rules'], { cwd: project('rules:\n  compliance/unmotivated: warning\n') });
    // No preset in the config: every rule, as without one.
    expect(r.stdout).toMatch(/\n {2}compliance\/unmotivated +warning +all only/);
    const recommended = await runMain(['rules'], { cwd: project('preset: recommended\nrules:\n  compliance/unmotivated: warning\n') });
    expect(recommended.stdout).toMatch(/\n {2}compliance\/unmotivated +warning +all only/);
    expect(recommended.stdout).not.toMatch(/\n {2}compliance\/neglected +/);
    expect(recommended.stdout).toMatch(
      /in the recommended preset \(the preset \.dignifyrc names; --preset chooses another\), 1 of them outside it but turned on by the config/,
    );
  });

  it("--format json carries the same: the config's setting and the house rule's file", async () => {
    const r = await runMain(['rules', '--format', 'json'], { cwd: project() });
    const listed = JSON.parse(r.stdout) as Listed[];
    const byId = new Map(listed.map((rule) => [rule.id, rule]));
    expect(byId.get('house/eloped')).toMatchObject({ severity: 'warning', file: 'house/rules.yaml' });
    expect(byId.get('substance-use/addict')).toMatchObject({
      severity: 'error',
      configured: { severity: 'off', key: 'substance-use/addict', config: '.dignifyrc' },
    });
    expect(byId.get('substance-use/addict')!.file).toBeUndefined();
    expect(byId.has('compliance/unmotivated')).toBe(true);
    expect(listed).toHaveLength(155);
  });

  it('takes -c FILE and --no-config; a bad config is one line and exit 2', async () => {
    const dir = project();
    const none = await runMain(['rules', '--no-config', '--format', 'json'], { cwd: dir });
    expect(none.code).toBe(0);
    const builtin = JSON.parse(none.stdout) as Listed[];
    expect(builtin.some((rule) => rule.id === 'house/eloped' || rule.configured)).toBe(false);
    writeFileSync(path.join(dir, 'bare.yml'), 'rules:\n  house: "off"\nextends: house/rules.yaml\n');
    const named = await runMain(['rules', '-c', 'bare.yml'], { cwd: dir });
    expect(named.stdout).toMatch(/\n {2}house\/eloped +off /);
    expect(named.stdout).toContain('config: off in bare.yml (rules.house; its own severity: warning)');
    const bad = await runMain(['rules'], { cwd: project('rules:\n  substance-use/adict: "off"\n') });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^dignify: \.dignifyrc: rules\.substance-use\/adict: expected a rule id or a category; did you mean[^\n]*\n$/);
  });
});

describe('dignify serve, with the config of the folder it starts in', () => {
  /** The built CLI's `serve --port 0` started in `cwd`; `url` resolves once it listens. */
  function serve(cwd: string, args: string[] = []) {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (d) => {
        stderr += d;
        const m = /API at (http:\/\/\S+)\/v2/.exec(stderr);
        if (m) resolve(m[1]!);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    url.catch(() => {});
    /** The rule ids of the matches for `text`, with the request's other parameters. */
    const ids = async (text: string, fields: Record<string, string> = {}) => {
      const res = await fetch(`${await url}/v2/check`, formPost({ text, language: 'en-US', ...fields }));
      return ((await res.json()) as { matches: Array<{ rule: { id: string } }> }).matches.map((m) => m.rule.id);
    };
    const stop = async () => {
      child.kill('SIGTERM');
      return exited;
    };
    /** Resolves once stderr has a line matching `pattern` (its count of such lines passing `after`). */
    const logged = (pattern: RegExp, after = 0) =>
      new Promise<void>((resolve, reject) => {
        const look = () => {
          if ((stderr.match(new RegExp(pattern.source, 'gm')) ?? []).length > after) resolve();
        };
        child.stderr.on('data', look);
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
        look();
      });
    return { child, url, ids, stop, exited, logged, stderr: () => stderr };
  }

  const NOTE = 'Zyxwv eloped. An addict. Pt is unmotivated. Shared dirty needles.';
  const PROJECT = `${CONFIG}allow:\n  - dirty needles\n`;

  it("applies the config's house rules, severities, preset and allow-list to every request, and says which config", async () => {
    const run = serve(project(PROJECT));
    try {
      // house/eloped from extends; substance-use/addict turned off; compliance/unmotivated (all only) by preset: all; the allowed name not reported.
      expect(await run.ids(NOTE)).toEqual(['house/eloped', 'compliance/unmotivated']);
      // A request's own parameters still apply on top: LanguageTool's order, the request's last.
      expect(await run.ids(NOTE, { disabledRules: 'house/eloped' })).toEqual(['compliance/unmotivated']);
      expect(await run.ids(NOTE, { disabledCategories: 'compliance' })).toEqual(['house/eloped']);
      expect(await run.ids(NOTE, { enabledOnly: 'true', enabledCategories: 'house' })).toEqual(['house/eloped']);
      // A rule the config turns off, enabled by the request's own enabledRules, runs for that request.
      expect(await run.ids(NOTE, { enabledRules: 'substance-use/addict' })).toEqual(['house/eloped', 'substance-use/addict', 'compliance/unmotivated']);
      // Enabling its category does not turn it on, as LanguageTool's enableRuleCategory leaves a rule
      // its server turned off by id (disabledRuleIds) off: only a request that names it does.
      expect(await run.ids(NOTE, { enabledCategories: 'substance-use' })).toEqual(['house/eloped', 'compliance/unmotivated']);
      expect(await run.ids(NOTE, { enabledOnly: 'true', enabledCategories: 'substance-use,house' })).toEqual(['house/eloped']);
      expect(await run.ids(NOTE, { enabledCategories: 'substance-use', enabledRules: 'substance-use/addict' })).toEqual([
        'house/eloped',
        'substance-use/addict',
        'compliance/unmotivated',
      ]);
    } finally {
      expect(await run.stop()).toBe(0);
    }
    expect(run.stderr()).toContain('dignify serve: config .dignifyrc: its rules, severities, preset (all) and allow-list apply to every request\n');
    expect(run.stderr()).not.toMatch(/Zyxwv|eloped|addict|needles/);
    for (const line of run.stderr().trimEnd().split('\n')) expect(line).toMatch(/^dignify serve: /);
    expect(await run.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  }, 30_000);

  it('takes -c FILE and --no-config', async () => {
    const dir = project(PROJECT);
    writeFileSync(path.join(dir, 'notes', 'house-only.yml'), 'extends: ../house/rules.yaml\nrules:\n  compliance: "off"\n');
    const named = serve(dir, ['-c', 'notes/house-only.yml']);
    const none = serve(dir, ['--no-config']);
    try {
      expect(await named.ids(NOTE)).toEqual(['house/eloped', 'substance-use/addict', 'substance-use/dirty-needles']);
      // A category the config turns off as a whole comes back when a request enables that category.
      expect(await named.ids(NOTE, { enabledCategories: 'compliance' })).toEqual([
        'house/eloped',
        'substance-use/addict',
        'compliance/unmotivated',
        'substance-use/dirty-needles',
      ]);
      expect(await none.ids(NOTE)).toEqual(['substance-use/addict', 'substance-use/dirty-needles']);
    } finally {
      await Promise.all([named.stop(), none.stop()]);
    }
    expect(named.stderr()).toContain('dignify serve: config notes/house-only.yml: ');
    expect(none.stderr()).not.toContain('config');
  }, 30_000);

  it.skipIf(process.platform === 'win32')(
    'reads the config again on SIGHUP, and keeps the one in use if the new one does not validate',
    async () => {
      // SIGHUP ended the service at once (exit 129, no stop line), where systemd's ExecReload and
      // nginx read the config again (operator's trial).
      const dir = project(PROJECT);
      const run = serve(dir);
      try {
        expect(await run.ids(NOTE)).toEqual(['house/eloped', 'compliance/unmotivated']);
        writeFileSync(path.join(dir, '.dignifyrc'), 'rules:\n  compliance: "off"\n');
        // Read once at start: a change alone does nothing.
        expect(await run.ids(NOTE)).toEqual(['house/eloped', 'compliance/unmotivated']);
        run.child.kill('SIGHUP');
        await run.logged(/^dignify serve: SIGHUP: config \.dignifyrc read again: /);
        expect(await run.ids(NOTE)).toEqual(['substance-use/addict', 'substance-use/dirty-needles']);
        writeFileSync(path.join(dir, '.dignifyrc'), 'rules:\n  substance-use/addict: "sometimes"\n');
        run.child.kill('SIGHUP');
        await run.logged(/^dignify serve: SIGHUP: /, 1);
        expect(run.stderr()).toMatch(/^dignify serve: SIGHUP: \.dignifyrc: rules\.substance-use\/addict: [^\n]*; the config read before stays in use$/m);
        expect(await run.ids(NOTE)).toEqual(['substance-use/addict', 'substance-use/dirty-needles']);
      } finally {
        expect(await run.stop()).toBe(0);
      }
      expect(run.stderr()).toMatch(/dignify serve: stopped\n$/);
      expect(run.stderr()).not.toMatch(/Zyxwv|eloped|needles/);
      for (const line of run.stderr().trimEnd().split('\n')) expect(line).toMatch(/^dignify serve: /);
    },
    30_000,
  );

  it("refuses to start on a bad config, with the lint command's one-line error (the service's prefix) and exit 2", async () => {
    const run = serve(project('rules:\n  house/eloped: "off"\n'));
    try {
      // Raced against its listening, so a service that starts regardless fails here and is stopped.
      expect(await Promise.race([run.exited, run.url.then(() => 'listening')])).toBe(2);
    } finally {
      await run.stop();
    }
    // A failure to start, found in the journal as every line of the service is: it was "dignify: ".
    expect(run.stderr()).toMatch(/^dignify serve: \.dignifyrc: rules\.house\/eloped: expected a rule id or a category[^\n]*\n$/);
  }, 30_000);

  it('refuses a house rule file that does not load (extends) the same way', async () => {
    const dir = project(PROJECT);
    writeFileSync(path.join(dir, 'house', 'rules.yaml'), 'rules: [\n');
    const run = serve(dir);
    try {
      expect(await Promise.race([run.exited, run.url.then(() => 'listening')])).toBe(2);
    } finally {
      await run.stop();
    }
    expect(run.stderr()).toMatch(/^dignify serve: [^\n]*rules\.yaml[^\n]*\n$/);
  }, 30_000);
});
