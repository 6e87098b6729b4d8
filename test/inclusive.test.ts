// The retext-equality bridge: only the curated equality rules report, clinical vocabulary never
// does, dignify's own findings win over overlapping equality messages, and the phrases listed in
// rules/inclusive.yaml are exactly the ones retext-equality reports for the enabled rules.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import retextEnglish from 'retext-english';
import retextStringify from 'retext-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { lintText, retextDignify } from '../src/index.js';
import { builtinRules } from '../src/rules/builtin.js';
import { ROOT } from './helpers.js';

describe('inclusive rules (curated retext-equality)', () => {
  it('reports an enabled equality rule as an ordinary finding with a stable dignify id', async () => {
    const text = 'Stroke victim, deaf and dumb since birth.';
    // inclusive/disease-victim is in the all preset only (like identity/suffers-from, clinical-language.md row 77).
    const findings = await lintText(text, { preset: 'all' });
    expect(findings.map((f) => [f.ruleId, f.category, f.severity, f.actual])).toEqual([
      ['inclusive/disease-victim', 'inclusive', 'warning', 'Stroke victim'],
      ['inclusive/deaf-and-dumb', 'inclusive', 'warning', 'deaf and dumb'],
    ]);
    for (const f of findings) expect(text.slice(f.start.offset, f.end.offset)).toBe(f.actual);
    expect((await lintText(text)).map((f) => f.ruleId)).toEqual(['inclusive/deaf-and-dumb']);
  });

  it('runs retext-equality only when an enabled phrase can occur, whatever its apostrophes or line breaks', async () => {
    const findings = await lintText('Brother with Down’s syndrome, deaf and\ndumb. Homozygous, idiopathic, esophagus.');
    expect(findings.map((f) => [f.ruleId, f.actual])).toEqual([
      ['inclusive/downs-syndrome', 'Down’s syndrome'],
      ['inclusive/deaf-and-dumb', 'deaf and\ndumb'],
    ]);
  });

  it('never reports clinical vocabulary that retext-equality flags', async () => {
    const text =
      'Insomnia and a panic attack last week. She is depressed, with psychotic features; history of bipolar disorder. ' +
      'Delirious overnight. Mentally ill per family. Hearing impaired, uses aids. Referred to detox unit. Dyslexic as a child. ' +
      'She is a housewife; her husband and mother were present. He just had a simple fall.';
    // No equality message; "detox unit" (withdrawal management as a place) is dignify's own
    // substance-use/detox-rehab, at info, since branch core4 (the guides' "detox" with its sense named).
    expect((await lintText(text)).map((f) => [f.ruleId, f.actual, f.severity])).toEqual([['substance-use/detox-rehab', 'detox', 'info']]);
  });

  it('reports a phrase once: a dignify rule wins over an overlapping equality message', async () => {
    const findings = await lintText('He called himself a junkie and an addict; his father was an alcoholic.');
    expect(findings.map((f) => f.ruleId)).toEqual(['substance-use/slang-label', 'substance-use/addict', 'substance-use/alcoholic']);
  });

  it('follows severity overrides, the allow list and the quote policy like any rule', async () => {
    // ("Crippled" is identity/handicapped's since the identity branch: a person label.)
    const text = 'Lifelong stutterer. She said "I walk with a gimp".';
    expect((await lintText(text, { rules: { inclusive: 'off' } })).length).toBe(0);
    expect((await lintText(text, { allow: ['stutterer'] })).map((f) => f.actual)).toEqual(['gimp']);
    const quoted = (await lintText(text)).find((f) => f.actual === 'gimp')!;
    expect([quoted.quoted, quoted.severity]).toEqual([true, 'info']);
  });

  it('reports the same through the retext plugin', async () => {
    const text = 'Oriental female with a harelip, known heroin addict.';
    const file = await unified().use(retextEnglish).use(retextDignify).use(retextStringify).process(text);
    expect(file.messages.map((m) => m.ruleId)).toEqual((await lintText(text)).map((f) => f.ruleId));
    expect(file.messages.map((m) => m.ruleId)).toContain('inclusive/outdated-ethnic-term');
  });

  it('lists, for each enabled equality rule, exactly the phrases retext-equality reports', async () => {
    // The pattern data is internal to retext-equality; read it by path (a test-only check).
    const data = path.join(ROOT, 'node_modules', 'retext-equality', 'lib', 'patterns-en.js');
    const { patterns } = (await import(pathToFileURL(data).href)) as { patterns: Array<{ id: string; inconsiderate: Record<string, string> }> };
    const byId = new Map(patterns.map((p) => [p.id, Object.keys(p.inconsiderate).map((w) => w.toLowerCase())]));
    for (const rule of builtinRules().rules.filter((r) => r.equality)) {
      const expected = rule.equality!.flatMap((id) => {
        expect(byId.has(id), `${rule.id}: unknown retext-equality rule "${id}"`).toBe(true);
        return byId.get(id)!;
      });
      expect([...rule.match].map((m) => m.toLowerCase()).sort(), rule.id).toEqual([...new Set(expected)].sort());
    }
  });
});
