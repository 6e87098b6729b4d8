// Every rule's examples run as tests: each "flag" sentence must be reported by that rule (with the
// exact phrase, first suggestion and fix when the example gives them), each "pass" look-alike must not be.
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { applyFixes } from '../src/lint/fix.js';
import { builtinRules } from '../src/rules/builtin.js';

const rules = builtinRules();

describe.each(rules.rules.map((r) => [r.id, r] as const))('%s', (id, rule) => {
  // Quotes are flagged as usual here so that examples test the rule, not the quote policy. Each
  // rule is tested in the smallest preset that holds it: the default one for recommended rules.
  const options = { quotes: 'flag' as const, preset: rule.presets.includes('recommended') ? ('recommended' as const) : ('all' as const) };
  it.each(rule.examples.flag.map((e) => [typeof e === 'string' ? e : e.text, e] as const))('flags: %s', async (text, example) => {
    const findings = (await lintText(text, options)).filter((f) => f.ruleId === id);
    expect(findings.length, `expected ${id} to flag this`).toBeGreaterThan(0);
    if (typeof example !== 'string') {
      if (example.actual !== undefined) expect(findings.map((f) => f.actual)).toContain(example.actual);
      // The first suggestion of the finding on that phrase (of the first finding without `actual`).
      if (example.suggestion !== undefined) {
        const finding = example.actual === undefined ? findings[0] : findings.find((f) => f.actual === example.actual);
        expect(finding?.suggestions[0]).toBe(example.suggestion);
      }
      if (example.fixed !== undefined) {
        expect(rule.fixable, 'an example with "fixed" needs fixable: true').toBe(true);
        expect(applyFixes(text, findings).output).toBe(example.fixed);
      }
    }
  });
  it.each(rule.examples.pass.map((t) => [t]))('passes: %s', async (text) => {
    const findings = (await lintText(text, options)).filter((f) => f.ruleId === id);
    expect(findings.map((f) => f.actual)).toEqual([]);
  });
});

describe('rule data', () => {
  it('has stable, unique, category-prefixed ids', () => {
    const ids = rules.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of rules.rules) expect(r.id.startsWith(`${r.category}/`)).toBe(true);
  });
  it('gives every rule a note, sources, suggestions and both kinds of example', () => {
    for (const r of rules.rules) {
      expect(r.note.length, r.id).toBeGreaterThan(20);
      expect(r.sources.length, r.id).toBeGreaterThan(0);
      expect(r.suggestions.length, r.id).toBeGreaterThan(0);
      expect(r.examples.flag.length, r.id).toBeGreaterThan(0);
      expect(r.examples.pass.length, r.id).toBeGreaterThan(0);
    }
  });
});
