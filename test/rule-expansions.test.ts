// The build stores every built-in pattern already expanded (compile.ts, withExpansions), so a run
// does not expand them again: the rules compiled from the stored expansions must be exactly those
// compiled from the patterns.
import { describe, expect, it } from 'vitest';
import { builtinRuleFiles } from '../src/rules/builtin.js';
import { compileRules, withExpansions } from '../src/rules/compile.js';
import { expectEqual } from './helpers.js';

describe('stored pattern expansions', () => {
  const files = builtinRuleFiles();
  const stored = withExpansions(files);

  it('compile to the same rules as the patterns themselves', () => {
    const plain = compileRules(files);
    const fromStored = compileRules(stored);
    expect(Object.keys(stored[0]!.expansions ?? {}).length).toBeGreaterThan(500);
    expectEqual([...fromStored.index], [...plain.index]);
    expectEqual([...fromStored.byId], [...plain.byId]);
    expectEqual(fromStored.equalityPhrases, plain.equalityPhrases);
    expectEqual(fromStored.triggers, plain.triggers);
  });

  it('survive JSON, as dist/rules/builtin.json holds them', () => {
    const reread = JSON.parse(JSON.stringify(stored));
    expectEqual([...compileRules(reread).index], [...compileRules(files).index]);
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
    expectEqual([...compileRules([renamed, ...rest]).index], [...compileRules(files).index]);
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

// A rule whose patterns are all stored compiles its conditions and exceptions on first use
// (compile.ts, LateRule): a one-line check meets few rules, and compiling every rule's conditions
// was most of compiling the rules at start-up.
describe('conditions compiled on first use', () => {
  const files = builtinRuleFiles();
  const stored = JSON.parse(JSON.stringify(withExpansions(files))) as ReturnType<typeof withExpansions>;

  it('are the same as compiled from the patterns, for every rule', () => {
    const plain = compileRules(files);
    const fromStored = compileRules(stored);
    expect(fromStored.byId.size).toBe(plain.byId.size);
    let withConditions = 0;
    for (const [id, rule] of plain.byId) {
      const late = fromStored.byId.get(id)!;
      expectEqual(late.requires, rule.requires, id);
      expectEqual(late.unless, rule.unless, id);
      expectEqual(late.exceptions, rule.exceptions, id);
      if (rule.requires.length || rule.unless.length) withConditions++;
    }
    expect(withConditions).toBeGreaterThan(20);
  });

  it('are read from the stored expansions only when a rule is first asked for them', () => {
    const read = new Set<string>();
    const expansions = new Proxy(stored[0]!.expansions!, {
      get(target, key) {
        if (typeof key === 'string') read.add(key);
        return Reflect.get(target, key);
      },
    });
    const rules = compileRules([{ ...stored[0]!, expansions }, ...stored.slice(1)]);
    const rule = rules.byId.get('substance-use/detox-rehab')!;
    const sentenceWords = rule.rule.conditions!.requires![0]!.sentence!;
    expect(sentenceWords.length).toBeGreaterThan(2);
    for (const pattern of sentenceWords) expect(read.has(pattern), pattern).toBe(false);
    expect(rule.requires[0]!.sequences.length).toBeGreaterThanOrEqual(sentenceWords.length);
    for (const pattern of sentenceWords) expect(read.has(pattern), pattern).toBe(true);
  });

  it('are compiled at once, errors and all, for a rule the build did not expand (a user rule file)', () => {
    const user = {
      file: 'house.yaml',
      category: 'house',
      rules: [
        {
          id: 'house/thing',
          severity: 'warning' as const,
          note: 'A house rule.',
          match: ['zorp'],
          suggestions: [],
          conditions: { requires: [{ before: ['{no-such-set}'] }] },
          examples: { flag: [], pass: [] },
          sources: [],
        },
      ],
    };
    expect(() => compileRules([...stored, user] as Parameters<typeof compileRules>[0])).toThrow(
      /house\.yaml: rule "house\/thing": conditions\.requires: unknown set/,
    );
  });

  it('are compiled at once when the sets the build expanded with are not all there', () => {
    const sets = { ...stored[0]!, expansionSets: [...stored[0]!.expansionSets!, 'no-such-set'] };
    const rules = compileRules([sets, ...stored.slice(1)]);
    expect(rules.byId.get('substance-use/detox-rehab')!.requires[0]!.sequences.length).toBeGreaterThan(2);
  });
});
