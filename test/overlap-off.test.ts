// A rule turned off must not hand its span to another rule: overlaps are resolved over every
// rule, then the findings of rules that are off are dropped (issue 15, item 11).
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';

describe('a rule turned off keeps its span', () => {
  it('"drug abuse" with substance-abuse off is not reported by abuse-verb', async () => {
    const text = 'Hx of drug abuse.';
    const on = await lintText(text);
    expect(on.map((f) => [f.ruleId, f.actual])).toEqual([['substance-use/substance-abuse', 'drug abuse']]);
    expect(await lintText(text, { rules: { 'substance-use/substance-abuse': 'off' } })).toEqual([]);
  });

  it('turning a whole category off reports nothing of it', async () => {
    expect(await lintText('Hx of drug abuse, a heroin addict.', { rules: { 'substance-use': 'off' } })).toEqual([]);
  });

  it('the other rules still report elsewhere in the sentence', async () => {
    const findings = await lintText('Hx of drug abuse; he abused opioids.', { rules: { 'substance-use/substance-abuse': 'off' } });
    expect(findings.every((f) => f.ruleId !== 'substance-use/substance-abuse')).toBe(true);
    expect(findings.some((f) => f.actual === 'drug abuse' || f.actual === 'abuse')).toBe(false);
  });
});

// A rule that is on for the very same words replaces one that is off: test/config.test.ts ("extends").
