// Configs through the Node API, as an embedding developer reaches for them from the README: a
// `config` option (a file for every file, or true: each file's nearest .dignifyrc), and `preset`,
// `quotes`, … beside `configs`, which were dropped without a word (each file's options come from
// the ConfigSet) and now throw, saying where they go.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigSet, lintFiles } from '../src/index.js';

function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dignify-api-config-'));
  mkdirSync(path.join(dir, 'notes'));
  writeFileSync(path.join(dir, 'notes', 'visit.txt'), 'Known heroin addict. Urine tox dirty. He said "I was a junkie".\n');
  writeFileSync(path.join(dir, 'notes', '.dignifyrc'), 'rules:\n  substance-use/addict: "off"\n');
  writeFileSync(path.join(dir, 'house.yml'), 'rules:\n  substance-use/clean-dirty-test: "off"\n');
  mkdirSync(path.join(dir, 'settings'));
  return dir;
}

const found = (results: Awaited<ReturnType<typeof lintFiles>>) => results.flatMap((r) => r.findings.map((f) => `${f.ruleId}:${f.severity}`));

describe('lintFiles and configs', () => {
  it('reads no config file by default, as before', async () => {
    const dir = project();
    expect(found(await lintFiles([path.join(dir, 'notes')]))).toContain('substance-use/addict:error');
  });

  it('config: a file applies to every file, with quotes on top', async () => {
    const dir = project();
    const results = await lintFiles([path.join(dir, 'notes')], { config: path.join(dir, 'house.yml'), quotes: 'flag' });
    expect(found(results)).toEqual(['substance-use/addict:error', 'substance-use/slang-label:error']);
  });

  it('config: true reads each file its nearest .dignifyrc, as the command line does', async () => {
    const dir = project();
    const results = await lintFiles([path.join(dir, 'notes')], { config: true });
    expect(found(results)).toEqual(['substance-use/clean-dirty-test:error', 'substance-use/slang-label:info']);
  });

  it('config: a folder is a ConfigError that says what was expected', async () => {
    const dir = project();
    await expect(lintFiles([path.join(dir, 'notes')], { config: path.join(dir, 'settings') })).rejects.toThrow(/settings: is a folder, not a config file/);
  });

  it('throws when options beside configs would be dropped, and says where they go', async () => {
    const dir = project();
    const configs = new ConfigSet({ cwd: dir });
    await expect(lintFiles([path.join(dir, 'notes')], { configs, quotes: 'flag' })).rejects.toThrow(
      "quotes: not used with configs, which give each file its options; pass it as the ConfigSet's base: new ConfigSet({ cwd, base: { quotes: … } })",
    );
    await expect(lintFiles([path.join(dir, 'notes')], { configs, config: true })).rejects.toThrow(/config: not with configs/);
    // As the base, they apply.
    const based = new ConfigSet({ cwd: dir, base: { quotes: 'flag' } });
    expect(found(await lintFiles([path.join(dir, 'notes')], { configs: based }))).toContain('substance-use/slang-label:error');
  });

  // The config's `rules` won over the call's: `rules` could not change a severity the config set,
  // nor turn on a rule it turned off, though the README says they apply on top, as the flags do.
  describe('rules given to the call apply on top of the config', () => {
    function configs(): { dir: string; note: string } {
      const dir = project();
      writeFileSync(path.join(dir, 'warn.yaml'), 'rules:\n  substance-use/addict: warning\n  substance-use/clean-dirty-test: "off"\n');
      writeFileSync(path.join(dir, 'off.yaml'), 'rules:\n  substance-use/addict: "off"\n');
      return { dir, note: path.join(dir, 'notes', 'visit.txt') };
    }

    it('a rule id: its severity, and on where the config has it off', async () => {
      const { dir, note } = configs();
      const rules = { 'substance-use/addict': 'error' } as const;
      // The config's other settings stay: clean-dirty-test is still off.
      expect(found(await lintFiles([note], { config: path.join(dir, 'warn.yaml'), rules }))).toEqual([
        'substance-use/addict:error',
        'substance-use/slang-label:info',
      ]);
      expect(found(await lintFiles([note], { config: path.join(dir, 'off.yaml'), rules }))).toContain('substance-use/addict:error');
    });

    it('a category: over the config settings of its rules too', async () => {
      const { dir, note } = configs();
      expect(found(await lintFiles([note], { config: path.join(dir, 'warn.yaml'), rules: { 'substance-use': 'off' } }))).toEqual([]);
      // The call's category replaces the config's settings within it, its 'off' for clean-dirty-test too.
      expect(found(await lintFiles([note], { config: path.join(dir, 'warn.yaml'), rules: { 'substance-use': 'info' } }))).toEqual([
        'substance-use/addict:info',
        'substance-use/clean-dirty-test:info',
        'substance-use/slang-label:info',
      ]);
    });

    it('config: true and a ConfigSet base alike', async () => {
      const { dir, note } = configs();
      // notes/.dignifyrc turns addict off.
      expect(found(await lintFiles([note], { config: true }))).not.toContain('substance-use/addict:error');
      expect(found(await lintFiles([note], { config: true, rules: { 'substance-use/addict': 'warning' } }))).toContain('substance-use/addict:warning');
      const based = new ConfigSet({ cwd: dir, base: { rules: { 'substance-use/addict': 'warning' } } });
      expect(found(await lintFiles([note], { configs: based }))).toContain('substance-use/addict:warning');
    });
  });
});
