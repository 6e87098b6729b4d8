// Presets: `recommended` (the default) holds the rules precise on real notes, `all` every rule.
// Through the API, the retext plugin, a config's `preset:` (and its interplay with --preset and
// `extends`), the CLI, and the rule data itself.
import path from 'node:path';
import retextEnglish from 'retext-english';
import retextStringify from 'retext-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { ConfigSet } from '../src/config/index.js';
import { lintText, type PresetName, parseRuleFile, RuleFileError, retextDignify } from '../src/index.js';
import { lintResolved } from '../src/lint/lint-text.js';
import { builtinRules } from '../src/rules/builtin.js';
import { runMain, tempFolder } from './helpers.js';

// "elderly" is in the all preset only; "addict" in both.
const TEXT = 'Elderly female, known heroin addict.';
const ids = async (text: string, options = {}) => (await lintText(text, options)).map((f) => f.ruleId);

describe('presets in the API', () => {
  it('runs recommended by default and every rule with all', async () => {
    expect(await ids(TEXT)).toEqual(['substance-use/addict']);
    expect(await ids(TEXT, { preset: 'recommended' })).toEqual(['substance-use/addict']);
    expect(await ids(TEXT, { preset: 'all' })).toEqual(['identity/elderly', 'substance-use/addict']);
  });

  it('rejects an unknown preset with a message naming the choices', async () => {
    // @ts-expect-error not a preset name (Options.preset is typed as the names): a JavaScript caller's mistake
    await expect(lintText(TEXT, { preset: 'strict' })).rejects.toThrow(/unknown preset "strict" \(expected recommended or all\)/);
  });

  it('runs a rule outside the preset when its id is turned on, but not for a category setting', async () => {
    expect(await ids(TEXT, { rules: { 'identity/elderly': 'warning' } })).toEqual(['identity/elderly', 'substance-use/addict']);
    expect(await ids(TEXT, { rules: { identity: 'warning' } })).toEqual(['substance-use/addict']);
    expect(await ids(TEXT, { preset: 'all', rules: { 'identity/elderly': 'off' } })).toEqual(['substance-use/addict']);
  });

  // A rule of the all preset whose phrase holds a recommended rule's must not report those words
  // at a lower severity: `all` adds findings, it never weakens one (probe 6: "is morbidly obese"
  // went from a warning to obese-predicative's info, "Overweight or obese women" likewise).
  it.each([
    ['Patient is morbidly obese.', 'identity/morbid-obesity'],
    ['Your BMI is 45, which means you are morbidly obese.', 'identity/morbid-obesity'],
    ['Overweight or obese women are at particularly high risk.', 'identity/obese-person'],
  ])('reports %s at the same severity under all as under recommended', async (text, ruleId) => {
    const severities = async (preset: PresetName) => (await lintText(text, { preset })).map((f) => [f.ruleId, f.severity]);
    expect(await severities('recommended')).toEqual([[ruleId, 'warning']]);
    expect(await severities('all')).toEqual([[ruleId, 'warning']]);
  });

  it('takes the preset in the retext plugin', async () => {
    const file = await unified().use(retextEnglish).use(retextDignify, { preset: 'all' }).use(retextStringify).process(TEXT);
    expect(file.messages.map((m) => m.ruleId)).toContain('identity/elderly');
    const plain = await unified().use(retextEnglish).use(retextDignify).use(retextStringify).process(TEXT);
    expect(plain.messages.map((m) => m.ruleId)).not.toContain('identity/elderly');
  });
});

describe('presets in rule data', () => {
  it('puts every rule in all, and keeps the doubtful ones out of recommended', () => {
    const rules = builtinRules().rules;
    for (const r of rules) expect(r.presets, r.id).toContain('all');
    const outside = rules.filter((r) => !r.presets.includes('recommended')).map((r) => r.id);
    expect(outside).toContain('identity/crazy');
    expect(outside).toContain('identity/elderly');
    expect(rules.filter((r) => r.presets.includes('recommended')).length).toBeGreaterThan(60);
  });

  it('validates presets: a known name, and "all" always listed', () => {
    const rule = (presets: string) => `category: mine
rules:
  - id: mine/x
    severity: warning
    presets: ${presets}
    match: [foo]
    suggestions: [bar]
    note: A note long enough.
    sources: [NIDA-WM]
    examples: { flag: [foo], pass: [bar] }
`;
    expect(parseRuleFile(rule('[all]'), 'mine.yaml').rules[0]!.presets).toEqual(['all']);
    expect(() => parseRuleFile(rule('[recommended]'), 'mine.yaml')).toThrow(/must include "all"/);
    expect(() => parseRuleFile(rule('[strict, all]'), 'mine.yaml')).toThrow(RuleFileError);
  });
});

const folder = (files: Record<string, string | Buffer>) => tempFolder('dignify-preset-', files);

const USER_RULES = `category: local
rules:
  - id: local/oldie
    severity: warning
    presets: [all]
    match: [oldie]
    suggestions: [older adult]
    note: A local term kept for the all preset.
    sources: [local]
    examples: { flag: [an oldie], pass: [an older adult] }
  - id: local/geezer
    severity: warning
    match: [geezer]
    suggestions: [older adult]
    note: A local term in both presets by default.
    sources: [local]
    examples: { flag: [a geezer], pass: [an older adult] }
`;

describe('presets in configs', () => {
  it('reads preset from .dignifyrc; --preset wins; extends rules join the presets they name', () => {
    const dir = folder({ '.dignifyrc': 'preset: all\nextends: local.yaml\n', 'local.yaml': USER_RULES, 'a.txt': '' });
    const text = 'Elderly geezer, an oldie.';
    const fromConfig = new ConfigSet({ cwd: dir }).forFile(path.join(dir, 'a.txt')).options;
    expect(lintResolved(text, fromConfig).map((f) => f.ruleId)).toEqual(['identity/elderly', 'local/geezer', 'local/oldie']);
    const fromCli = new ConfigSet({ cwd: dir, base: { preset: 'recommended' } }).forFile(path.join(dir, 'a.txt')).options;
    expect(lintResolved(text, fromCli).map((f) => f.ruleId)).toEqual(['local/geezer']);
  });

  it('rejects an unknown preset in a config, naming the file and key', () => {
    const dir = folder({ '.dignifyrc': 'preset: strict\n', 'a.txt': '' });
    expect(() => new ConfigSet({ cwd: dir }).forFile(path.join(dir, 'a.txt'))).toThrow(/\.dignifyrc: preset: expected one of recommended, all, got "strict"/);
  });
});

describe('presets on the command line', () => {
  it('--preset all adds the all-only rules; an unknown name is a usage error (exit 2)', async () => {
    const plain = await runMain(['--no-config', '--format', 'json'], { input: TEXT });
    expect(plain.code).toBe(1);
    expect(plain.stdout).not.toContain('identity/elderly');
    const all = await runMain(['--no-config', '--format', 'json', '--preset', 'all'], { input: TEXT });
    expect(all.stdout).toContain('identity/elderly');
    const bad = await runMain(['--no-config', '--preset', 'strict'], { input: TEXT });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('dignify: --preset: expected one of recommended, all, got "strict"\n');
  });

  it("dignify rules shows each rule's presets and filters by one", async () => {
    const list = await runMain(['rules']);
    expect(list.stdout).toMatch(/identity\/elderly\s+info\s+all only/);
    expect(list.stdout).toMatch(/substance-use\/addict\s+error\s+recommended/);
    const json = JSON.parse((await runMain(['rules', '--format', 'json', '--preset', 'recommended'])).stdout) as Array<{ id: string; presets: string[] }>;
    expect(json.every((r) => r.presets.includes('recommended'))).toBe(true);
    expect(json.map((r) => r.id)).not.toContain('identity/elderly');
  });
});
