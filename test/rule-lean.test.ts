// The built-in rules' lean form (src/rules/lean.ts, dist/rules/builtin-lean.json): examples in a
// file of their own, read on first use, and the stored expansions as JSON text. It must compile to
// exactly the rules the rule files give when compiled at run time, and read the examples only when
// asked for them.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRuleFiles, rangeReader, wholeRange } from '../src/rules/builtin.js';
import { compileRules, withExpansions } from '../src/rules/compile.js';
import { fromLeanForm, leanForm } from '../src/rules/lean.js';
import { normalizeWord } from '../src/rules/pattern.js';
import { normalizedSet, setValuesOf, setWordsOf } from '../src/rules/sets.js';
import type { SetDefinition } from '../src/types.js';
import { expectEqual, ROOT } from './helpers.js';

function compiledParts(rules: ReturnType<typeof compileRules>) {
  return {
    index: [...rules.index].map(([word, entries]) => [word, entries.map((e) => [e.compiled.rule.id, e.sequence])]),
    // examples: an accessor of the lean form's rules (not enumerable), so named here, last on both
    // sides: key order is not compared (toEqual), and with it the same, expectEqual's cheap
    // comparison can say "equal" (else toEqual compared all of it again, ~3 s of CPU).
    byId: [...rules.byId].map(([id, c]) => {
      const { examples, ...rule } = c.rule;
      return [id, { ...rule, examples: c.rule.examples }, c.requires, c.unless, c.exceptions];
    }),
    equalityPhrases: rules.equalityPhrases,
    triggers: rules.triggers,
    sets: [...rules.sets],
  };
}

describe('the lean form of the built-in rules', () => {
  const files = builtinRuleFiles();
  const form = leanForm(withExpansions(files));
  // builtin-expansions.txt's ranges, as builtin.ts reads them from the file.
  const read = (start: number, end: number) => form.expansions.slice(start, end);

  it('compiles to the same rules, examples included, as the rule files compiled at run time', () => {
    let reads = 0;
    const lean = fromLeanForm(
      form.lean,
      () => {
        reads++;
        return JSON.parse(form.examples);
      },
      read,
    );
    const fromLean = compileRules(lean);
    expect(reads).toBe(0);
    const plain = compileRules(files);
    expectEqual(compiledParts(fromLean), compiledParts(plain));
    expect(reads).toBe(1); // comparing the rules read every rule's examples, from one read of the file
    for (const rule of plain.rules) expectEqual(fromLean.byId.get(rule.id)!.rule.examples, rule.examples, rule.id);
    expect(fromLean.rules.map((r) => r.examples.flag.length).reduce((a, b) => a + b)).toBeGreaterThan(100);
  });

  it('stores every expansion as JSON text, the match phrases by their heads (test/stored-entries.test.ts), and no examples with the rules', () => {
    const parsed = JSON.parse(form.lean) as (ReturnType<typeof withExpansions>[number] & { phraseHeads: Record<string, string> })[];
    const expansions = Object.values(parsed[0]!.expansions!);
    const heads = Object.entries(parsed[0]!.phraseHeads);
    expect(expansions.length + heads.length).toBeGreaterThan(500);
    for (const e of expansions) expect(typeof e).toBe('string');
    const all = withExpansions(files)[0]!.expansions!;
    for (const [pattern, head] of heads) {
      const [start, end] = head.split(' ').map(Number);
      expect(JSON.parse(read(start!, end!)), pattern).toEqual(all[pattern]);
    }
    for (const file of parsed) for (const rule of file.rules) expect(Object.hasOwn(rule, 'examples'), rule.id).toBe(false);
  });

  it("keeps on the first file only the expansions every start restores, each rule's others in the expansions text, read when the rule is compiled", () => {
    const parsed = JSON.parse(form.lean) as (ReturnType<typeof withExpansions>[number] & { ruleExpansionsAt: Record<string, [number, number]> })[];
    const atStart = new Set(parsed.flatMap((f) => [...(f.exceptions ?? []), ...f.rules.flatMap((r) => r.match)]));
    for (const pattern of Object.keys(parsed[0]!.expansions!)) expect(atStart.has(pattern), pattern).toBe(true);
    const ownText = (f: (typeof parsed)[number], id: string) => read(...f.ruleExpansionsAt[id]!);
    const withOwn = parsed.flatMap((f) => f.rules.filter((r) => Object.keys(JSON.parse(ownText(f, r.id))).length > 0));
    expect(withOwn.length).toBeGreaterThan(50);
    // A rule's text is read only when the rule is first compiled, not by compileRules: a damaged one
    // fails then, and the others are not read for it.
    const rule = withOwn[0]!;
    const [start, end] = parsed.find((f) => Object.hasOwn(f.ruleExpansionsAt, rule.id))!.ruleExpansionsAt[rule.id]!;
    // The own expansions' reads only (a rule's conditions are read from their own ranges: see below).
    const ownStarts = new Set(parsed.flatMap((f) => Object.values(f.ruleExpansionsAt).map(([from]) => from)));
    const ranges: number[] = [];
    const damagedRead = (from: number, to: number) => {
      if (ownStarts.has(from)) ranges.push(from);
      return from === start && to === end ? '{' : read(from, to);
    };
    const rules = compileRules(fromLeanForm(form.lean, () => JSON.parse(form.examples), damagedRead));
    expect(ranges).toEqual([]);
    expect(() => rules.byId.get(rule.id)!.requires).toThrow(SyntaxError);
    expect(ranges).toEqual([start]);
    expectEqual(rules.byId.get(withOwn[1]!.id)!.requires, compileRules(files).byId.get(withOwn[1]!.id)!.requires);
    expect(ranges.length).toBe(2);
  });

  // A rule's own expansions are read by byte range when it is first compiled: if the file changed since the start
  // (a package upgraded in place under a running serve or lsp), the range is a clear error, not a SyntaxError.
  it("takes a rule's expansions range only when it is one whole JSON object, else says the rule data changed", () => {
    expect(wholeRange('{"a":1}', 7, 'x.txt')).toBe('{"a":1}');
    expect(() => wholeRange('"a":1},{"b"', 11, 'x.txt')).toThrow(/^x\.txt: the rule data changed on disk since dignify started/);
    expect(() => wholeRange('{"a":1}', 9, 'x.txt')).toThrow(/restart dignify/);
  });

  it('reads the first ranges each by itself, then the whole file once, giving the same ranges and the same error', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-ranges-'));
    try {
      const file = path.join(dir, 'expansions.txt');
      const texts = ['{"a":1}', '[["b"]]', '{"c":[2,3]}', '[]', '{"d":"e"}'];
      writeFileSync(file, texts.join(''));
      const ranges = texts.map((t, i) => {
        const start = texts.slice(0, i).join('').length;
        return [start, start + t.length] as const;
      });
      const read = rangeReader(file, 2);
      // Two alone, read from the file as it is now.
      expect(read(...ranges[1]!)).toBe(texts[1]);
      expect(read(...ranges[0]!)).toBe(texts[0]);
      // The third reads the whole file: changed since (a byte more in front), its ranges are not whole JSON.
      writeFileSync(file, ` ${texts.join('')}`);
      expect(() => read(...ranges[2]!)).toThrow(/the rule data changed on disk/);
      // A reader whose whole read came before the change serves every range from its copy.
      writeFileSync(file, texts.join(''));
      const early = rangeReader(file, 0);
      expect(early(...ranges[4]!)).toBe(texts[4]);
      writeFileSync(file, ` ${texts.join('')}`);
      expect(ranges.map((r) => early(...r))).toEqual(texts);
      expect(() => early(ranges[4]![0], ranges[4]![1] + 5)).toThrow(/restart dignify/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('compiles a clone of the lean files (what a worker gets) to the same rules', () => {
    // A clone has no examples (see below): the rules' matching parts are compared.
    const parts = (rules: ReturnType<typeof compileRules>) => {
      const { byId: _, ...rest } = compiledParts(rules);
      return { ...rest, byId: [...rules.byId].map(([id, c]) => [id, c.requires, c.unless, c.exceptions]) };
    };
    // Against the lean files themselves: the test above compares those with the rule files.
    const lean = fromLeanForm(form.lean, () => JSON.parse(form.examples), read);
    expectEqual(parts(compileRules(structuredClone(lean))), parts(compileRules(lean)));
  });

  it('keeps examples out of spreads and clones (a worker gets the rule files without them) but gives them on request', () => {
    const lean = fromLeanForm(form.lean, () => JSON.parse(form.examples), read);
    const rule = lean[0]!.rules[0]!;
    expect(Object.hasOwn({ ...rule }, 'examples')).toBe(false);
    expect(Object.hasOwn(structuredClone(rule), 'examples')).toBe(false);
    expect(rule.examples.flag.length).toBeGreaterThan(0);
    rule.examples = { flag: [], pass: ['x'] };
    expect(rule.examples).toEqual({ flag: [], pass: ['x'] });
  });

  it("keeps each rule's conditions in the expansions text, read once at the first read, which spreads and clones make but compileRules does not", () => {
    const parsed = JSON.parse(form.lean) as (ReturnType<typeof withExpansions>[number] & { conditionsAt: Record<string, [number, number]> })[];
    for (const file of parsed) for (const rule of file.rules) expect(Object.hasOwn(rule, 'conditions'), rule.id).toBe(false);
    const withConditions = files.flatMap((f) => f.rules.filter((r) => r.conditions !== undefined));
    expect(withConditions.length).toBeGreaterThan(50);
    for (const rule of withConditions) {
      const file = parsed.find((f) => Object.hasOwn(f.conditionsAt, rule.id))!;
      expect(JSON.parse(read(...file.conditionsAt[rule.id]!)), rule.id).toEqual(rule.conditions);
    }
    const conditionStarts = new Set(parsed.flatMap((f) => Object.values(f.conditionsAt).map(([from]) => from)));
    let reads = 0;
    const counted = (from: number, to: number) => {
      if (conditionStarts.has(from)) reads++;
      return read(from, to);
    };
    const lean = fromLeanForm(form.lean, () => JSON.parse(form.examples), counted);
    const compiled = compileRules(lean);
    expect(reads).toBe(0); // compileRules copies the rules without reading their conditions
    const id = withConditions[0]!.id;
    const def = lean.flatMap((f) => f.rules).find((r) => r.id === id)!;
    const rule = compiled.byId.get(id)!.rule;
    expect(rule.conditions).toEqual(withConditions[0]!.conditions);
    expect(def.conditions).toBe(rule.conditions); // one object, read once
    expect(reads).toBe(1);
    expect({ ...def }.conditions).toBe(def.conditions);
    expect(structuredClone(def).conditions).toEqual(def.conditions); // a worker's copy holds them
    // A rule with no conditions reads nothing and gives none.
    const none = lean.flatMap((f) => f.rules).find((r) => !withConditions.some((w) => w.id === r.id))!;
    expect(none.conditions).toBeUndefined();
    def.conditions = { requires: [] };
    expect(def.conditions).toEqual({ requires: [] });
  });

  // A developer trial: a compiled rule could be changed by a caller (compile.ts freezeRule). The lean
  // form's examples and conditions are accessors, not frozen by the compile (that would read them
  // at every start): they are frozen when read.
  it('compiles to frozen rules whose examples and conditions are frozen when read, and read no later than before', () => {
    let reads = 0;
    const lean = fromLeanForm(
      form.lean,
      () => JSON.parse(form.examples),
      (from, to) => (reads++, read(from, to)),
    );
    const compiled = compileRules(lean);
    const before = reads;
    const id = files.flatMap((f) => f.rules).find((r) => r.conditions?.requires?.[0]?.before)!.id;
    const rule = compiled.byId.get(id)!.rule;
    expect(Object.isFrozen(rule) && Object.isFrozen(compiled.rules)).toBe(true);
    expect(reads).toBe(before); // freezing read no conditions
    const conditions = rule.conditions!;
    expect(() => conditions.requires![0]!.before!.push('changed')).toThrow(TypeError);
    expect(() => (rule.examples.flag as unknown[]).push('changed')).toThrow(TypeError);
    expect(() => Object.assign(rule, { conditions: { requires: [] } })).toThrow(TypeError);
  });

  it('says which rule has no examples when the examples file does not match the rules', () => {
    const lean = fromLeanForm(form.lean, () => ({}), read);
    const rule = lean[0]!.rules[0]!;
    expect(() => rule.examples).toThrow(`no examples for rule ${rule.id}`);
  });

  it('compiles a user rule file beside it at run time, as beside the rule files, its own examples kept', () => {
    const user = {
      file: 'house.yaml',
      category: 'house',
      rules: [
        {
          id: 'house/zorp',
          severity: 'warning' as const,
          note: 'A house rule.',
          match: ['zorp(s)'],
          suggestions: ['{drug} use'],
          conditions: { unless: [{ before: ['{negation}'], within: 2 }] },
          examples: { flag: ['Zorps at night.'], pass: ['No zorp.'] },
          sources: [],
        },
      ],
    };
    const lean = fromLeanForm(form.lean, () => JSON.parse(form.examples), read);
    const withUser = compileRules([...lean, user] as Parameters<typeof compileRules>[0]);
    const plain = compileRules([...files, user] as Parameters<typeof compileRules>[0]);
    expectEqual(compiledParts(withUser), compiledParts(plain));
    expect(withUser.byId.get('house/zorp')!.unless[0]!.sequences[0]![0]!.set).toBe('negation');
    expect(withUser.byId.get('house/zorp')!.rule.examples).toEqual(user.rules[0]!.examples);
    // A rule turned off (presets.ts keeps the others): the rest compile as before.
    const without = (fs: typeof files) => fs.map((f) => ({ ...f, rules: f.rules.filter((r) => r.id !== 'substance-use/addict') }));
    expectEqual(compiledParts(compileRules(without(lean))), compiledParts(compileRules(without(files))));
  });

  it("stores each set's words as normalizeWord gives them, without repeats, marked so that a start does not normalize them again", () => {
    const parsed = JSON.parse(form.lean) as ReturnType<typeof withExpansions>;
    let words = 0;
    for (const [k, file] of parsed.entries()) {
      for (const [name, stored] of Object.entries(file.sets ?? {})) {
        const source = files[k]!.sets![name]!;
        expect((stored as { normalized?: boolean }).normalized, name).toBe(true);
        const sourceWords = Array.isArray(source.words) ? source.words : Object.keys(source.words);
        const storedWords = Array.isArray(stored.words) ? stored.words : Object.keys(stored.words);
        expect(storedWords, name).toEqual([...new Set(sourceWords.map(normalizeWord))]);
        if (!Array.isArray(source.words)) {
          const values = new Map<string, unknown>();
          for (const [word, value] of Object.entries(source.words)) values.set(normalizeWord(word), value);
          expect(Object.entries(stored.words), name).toEqual([...values]);
        }
        words += storedWords.length;
      }
    }
    expect(words).toBeGreaterThan(1000);
  });

  it('stores a set unmarked when its stored form would not read back the same, and normalizes an unmarked set at run time', () => {
    const curly: SetDefinition = { words: ['Addict\u2019s', 'addict', 'IVDU'] };
    expect(normalizedSet(curly)).toEqual({ words: ['addict', 'ivdu'], normalized: true });
    expect(setWordsOf(curly)).toEqual(['addict', 'ivdu']);
    const mapped: SetDefinition = { default: 'x', words: { Heroin: 'h', 'heroin\u2019s': 'h2', meth: 'm' } };
    const stored = normalizedSet(mapped);
    expect(stored).toEqual({ default: 'x', words: { heroin: 'h2', meth: 'm' }, normalized: true });
    expect([...setValuesOf(stored)]).toEqual([...setValuesOf(mapped)]);
    // "2's" normalizes to "2", an array index, which an object puts before "b": not stored normalized.
    const numeric: SetDefinition = { words: { b: 'b', "2's": 'two' } };
    expect(normalizedSet(numeric)).toBe(numeric);
    expect(setWordsOf(numeric)).toEqual(['b', '2']);
  });

  const built = path.join(ROOT, 'dist', 'rules');
  it.skipIf(!existsSync(path.join(built, 'builtin-lean.json')))('is what the build wrote to dist/rules', () => {
    expect(readFileSync(path.join(built, 'builtin-lean.json'), 'utf8')).toBe(form.lean);
    expect(readFileSync(path.join(built, 'builtin-examples.json'), 'utf8')).toBe(form.examples);
    expect(readFileSync(path.join(built, 'builtin-expansions.txt'), 'latin1')).toBe(form.expansions);
  });
});
