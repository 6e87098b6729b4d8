// The bibliography (rules/sources.yaml) and the one-line descriptions: every source key a rule
// names resolves to a title and a link, and --why, explain, SARIF and the docs show them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRuleFiles, builtinRules } from '../src/rules/builtin.js';
import { builtinSources, describeSource, parseSources, sourceLine } from '../src/rules/sources.js';
import { ROOT, runMain } from './helpers.js';

describe('rules/sources.yaml', () => {
  const sources = builtinSources();

  it('resolves every source key any built-in rule uses', () => {
    const used = new Set(builtinRules().rules.flatMap((r) => r.sources));
    const missing = [...used].filter((key) => !sources.has(key));
    expect(missing).toEqual([]);
  });

  it('gives every entry a title, authors or publisher, a plausible year and an https link', () => {
    for (const s of sources.values()) {
      expect(s.title.length, s.key).toBeGreaterThan(3);
      expect(s.by.length, s.key).toBeGreaterThan(1);
      expect(s.year, s.key).toBeGreaterThanOrEqual(1980);
      expect(s.year, s.key).toBeLessThanOrEqual(2030);
      expect(s.url, s.key).toMatch(/^https:\/\/[^\s]+$/);
    }
  });

  it('rejects an entry without a link, naming the key', () => {
    expect(() => parseSources('X1:\n  title: A title\n  by: Someone\n  year: 2020\n')).toThrow(/X1: missing url/);
  });

  it('describes a known key by title and link, and leaves an unknown (user) key as it is', () => {
    expect(describeSource('Sun22')).toContain('Negative Patient Descriptors');
    expect(sourceLine('Sun22')).toMatch(/^Sun22: Negative Patient Descriptors.*\(Sun M, .*2022\) https:\/\//);
    expect(describeSource('my-hospital-policy')).toBe('my-hospital-policy');
  });
});

describe('descriptions', () => {
  it('gives every built-in rule its own one-line description', () => {
    for (const file of builtinRuleFiles()) {
      for (const rule of file.rules) {
        expect(rule.description, rule.id).toBeTruthy();
        expect(rule.description!, rule.id).not.toContain('\n');
        expect(rule.description!.length, rule.id).toBeLessThanOrEqual(120);
      }
    }
  });
});

describe('where sources are shown', () => {
  it('--why prints titles and links', async () => {
    const r = await runMain(['--no-config', '--why'], { input: 'Pt is a known heroin addict.\n' });
    expect(r.stdout).toContain('NIDA-WM: Words Matter: Terms to Use and Avoid When Talking About Addiction');
    expect(r.stdout).toContain('https://nida.nih.gov/');
  });

  it('dignify explain prints the description, presets, titles and links', async () => {
    const r = await runMain(['explain', 'demeanor/angry']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('presets: all');
    expect(r.stdout).toContain('Sun22: Negative Patient Descriptors');
    expect(r.stdout).toContain('https://pmc.ncbi.nlm.nih.gov/articles/PMC8973827/');
  });

  it('SARIF rules carry the description, helpUri and help with source titles and links', async () => {
    const r = await runMain(['--no-config', '--format', 'sarif'], { input: 'Pt is a known heroin addict.\n' });
    const log = JSON.parse(r.stdout) as {
      runs: Array<{
        tool: { driver: { rules: Array<{ id: string; helpUri: string; shortDescription: { text: string }; help: { text: string; markdown: string } }> } };
      }>;
    };
    const rule = log.runs[0]!.tool.driver.rules.find((x) => x.id === 'substance-use/addict')!;
    expect(rule.shortDescription.text).toBe(builtinRules().byId.get('substance-use/addict')!.rule.description);
    expect(rule.helpUri).toMatch(/docs\/rules\.md#substance-useaddict$/);
    expect(rule.help.text).toContain('Kelly10: Does it matter how we refer to individuals with substance-related conditions?');
    expect(rule.help.markdown).toContain('[Kelly10](https://doi.org/10.1016/j.drugpo.2009.10.010');
  });

  it("docs/rules.md links each rule's sources to the bibliography", () => {
    const doc = readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8');
    expect(doc).toContain('[NIDA-WM](#source-nida-wm)');
    expect(doc).toMatch(/<a id="source-nida-wm"><\/a>\*\*NIDA-WM\*\*: National Institute on Drug Abuse/);
  });
});
