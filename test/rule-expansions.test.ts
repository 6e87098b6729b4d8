// The build stores every built-in pattern already expanded (compile.ts, withExpansions), so a run
// does not expand them again: the rules compiled from the stored expansions must be exactly those
// compiled from the patterns.
import { describe, expect, it } from 'vitest';
import { builtinRuleFiles } from '../src/rules/builtin.js';
import { compileRules, withExpansions } from '../src/rules/compile.js';

describe('stored pattern expansions', () => {
  const files = builtinRuleFiles();
  const stored = withExpansions(files);

  it('compile to the same rules as the patterns themselves', () => {
    const plain = compileRules(files);
    const fromStored = compileRules(stored);
    expect(Object.keys(stored[0]!.expansions ?? {}).length).toBeGreaterThan(500);
    expect([...fromStored.index]).toEqual([...plain.index]);
    expect([...fromStored.byId]).toEqual([...plain.byId]);
    expect(fromStored.equalityPhrases).toEqual(plain.equalityPhrases);
    expect(fromStored.triggers).toEqual(plain.triggers);
  });

  it('survive JSON, as dist/rules/builtin.json holds them', () => {
    const reread = JSON.parse(JSON.stringify(stored));
    expect([...compileRules(reread).index]).toEqual([...compileRules(files).index]);
  });

  it('share the set words, as expanding does (the scanner caches by word list)', () => {
    const fromStored = compileRules(JSON.parse(JSON.stringify(stored)));
    const drug = fromStored.sets.get('drug')!.words;
    const tokens = [...fromStored.index.values()].flat().flatMap((e) => e.sequence.filter((t) => t.set === 'drug'));
    expect(tokens.length).toBeGreaterThan(0);
    for (const t of tokens) expect(t.words).toBe(drug);
  });

  it('are not used when a set no longer matches: the pattern is expanded again', () => {
    const [first, ...rest] = JSON.parse(JSON.stringify(stored));
    const renamed = {
      ...first,
      expansions: Object.fromEntries(
        Object.entries(first.expansions).map(([p, seqs]) => [p, JSON.parse(JSON.stringify(seqs).replaceAll('"set":"drug"', '"set":"no-such-set"'))]),
      ),
    };
    expect([...compileRules([renamed, ...rest]).index]).toEqual([...compileRules(files).index]);
  });

  it('build the trigger regex of the whole-text path on first use, once per rule set', () => {
    const rules = compileRules(stored);
    expect(Object.hasOwn(rules, 'triggerPattern')).toBe(false);
    expect(rules.triggerPattern.test('Pt with hx of IVDU.')).toBe(true);
    expect(rules.triggerPattern.test('12, 34.')).toBe(false);
    expect(rules.triggerPattern).toBe(rules.triggerPattern);
    expect(compileRules(stored).triggerPattern).not.toBe(rules.triggerPattern);
  });
});
