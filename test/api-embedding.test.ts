// What a developer embedding dignify in their own service trips on (a newcomer's trial of the
// packed package): the type of lintText's result when `fix` is a flag known at run time, findings
// whose lists a caller changes, and an option error that showed a whole object as text.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import retextEnglish from 'retext-english';
import retextStringify from 'retext-stringify';
import { unified } from 'unified';
import { describe, expect, it, vi } from 'vitest';
import {
  builtinRules,
  ConfigError,
  ConfigSet,
  compileRules,
  type Finding,
  type FixTextResult,
  lintFiles,
  lintOutcomes,
  type LintTextOptions,
  lintText,
  loadRuleFiles,
  type Options,
  OptionsError,
  type PresetName,
  parseRuleFile,
  type Rule,
  RuleFileError,
  retextDignify,
} from '../src/index.js';
import { lintTextSync } from '../src/core/portable.js';
import { PRESETS } from '../src/rules/presets.js';

describe('lintText with `fix` given as a boolean', () => {
  // `lintText(text, { fix: argv.fix })` was typed Promise<Finding[]> (the overload for options
  // without `fix: true`), so `.map` type-checked and threw at run time when the flag was set.
  it('is typed as either shape, and resolves to the fix result when the flag is set', async () => {
    const flag = process.env.NO_SUCH_VARIABLE_XYZ === undefined; // true, but a boolean to the type checker
    const result = await lintText('Hx of drug abuse.', { fix: flag });
    type Either = [Finding[], FixTextResult] extends [typeof result, typeof result] ? true : false;
    const either: Either = true; // typecheck fails where the type is Finding[] alone
    expect(either).toBe(true);
    expect(Array.isArray(result)).toBe(false);
    expect((result as FixTextResult).output).toBe('Hx of drug use.');
  });

  // A developer trial: options held in a variable typed LintTextOptions (`fix?: boolean`), with
  // `fix` set at run time, still matched the overload of options without `fix`: Finding[].
  it('is typed as either shape for options in a variable typed LintTextOptions', async () => {
    const flag = process.env.NO_SUCH_VARIABLE_XYZ === undefined; // true, but a boolean to the type checker
    const options: LintTextOptions = { preset: 'all' };
    if (flag) options.fix = true;
    const result = await lintText('Hx of drug abuse.', options);
    type Either = [Finding[], FixTextResult] extends [typeof result, typeof result] ? true : false;
    const either: Either = true; // typecheck fails where the type is Finding[] alone
    expect(either).toBe(true);
    expect(Array.isArray(result) ? undefined : result.output).toBe('Hx of drug use.');
    // Spread into a literal, with an optional flag (as argv gives one): either shape too.
    const argv: { fix?: boolean } = {};
    const spread = await lintText('Hx of drug abuse.', { ...options, fix: argv.fix });
    type SpreadEither = [Finding[], FixTextResult] extends [typeof spread, typeof spread] ? true : false;
    const spreadEither: SpreadEither = true;
    expect(spreadEither).toBe(true);
    expect(Array.isArray(spread) ? spread.map((f) => f.ruleId) : undefined).toEqual(['substance-use/substance-abuse']);
    // fix: false, fix: undefined and no options at all stay the findings.
    const [off, undef, none] = [await lintText('x', { fix: false }), await lintText('x', { fix: undefined }), await lintText('x')];
    type Findings = [typeof off, typeof undef, typeof none] extends [Finding[], Finding[], Finding[]] ? true : false;
    const findings: Findings = true;
    expect([findings, off, undef, none]).toEqual([true, [], [], []]);
  });

  it('keeps the literal forms exact, and ReturnType<typeof lintText> the findings', async () => {
    const fixed = await lintText('Hx of drug abuse.', { fix: true });
    const plain = await lintText('Hx of drug abuse.', { preset: 'all' });
    type Exact = [typeof fixed, typeof plain, Awaited<ReturnType<typeof lintText>>] extends [FixTextResult, Finding[], Finding[]] ? true : false;
    const exact: Exact = true;
    expect(exact).toBe(true);
    expect([fixed.output, plain.map((f) => f.ruleId)]).toEqual(['Hx of drug use.', ['substance-use/substance-abuse']]);
  });
});

describe("a finding's lists", () => {
  // Findings of one phrase share their suggestion list (memory: a dense note holds 500,000
  // findings), across every call in the process: a service that sorted or extended one finding's
  // suggestions changed those of every later finding of that phrase, for every later request.
  it('cannot be changed by a caller, so no call changes what a later call returns', async () => {
    const text = 'He is an addict.';
    const first = (await lintText(text))[0]!;
    const before = [...first.suggestions];
    expect(() => (first.suggestions as string[]).push('changed')).toThrow(TypeError);
    expect(() => (first.sources as string[]).push('changed')).toThrow(TypeError);
    expect(() => (lintTextSync(text)[0]!.suggestions as string[]).reverse()).toThrow(TypeError);
    expect((await lintText(text))[0]!.suggestions).toEqual(before);
    expect(lintTextSync(text)[0]!.suggestions).toEqual(before);
  });

  it("gives the retext plugin's vfile messages lists of their own, as vfile's type says (string[])", () => {
    const file = unified().use(retextEnglish).use(retextDignify).use(retextStringify).processSync('He is an addict.');
    const expected = file.messages[0]!.expected!;
    expected.push('my own suggestion');
    const again = unified().use(retextEnglish).use(retextDignify).use(retextStringify).processSync('He is an addict.');
    expect(again.messages[0]!.expected).toEqual(expected.slice(0, -1));
  });
});

describe('an option error', () => {
  // Passing a ConfigSet's resolved options (whose `rules` is the compiled rule set) to lintText
  // gave "rules.rules: expected one of off, info, warning, error, got "[object Object],[object
  // Object],…" (150 times); values are shown by kind, as the shape checks show them.
  it('shows a value that is not a string by its kind, not as its text', async () => {
    const messageOf = (options: object) => lintText('x', options as never).catch((e: unknown) => [e instanceof OptionsError, (e as Error).message]);
    expect(await messageOf({ rules: { 'substance-use/addict': ['off'] } })).toEqual([
      true,
      'rules.substance-use/addict: expected one of off, info, warning, error, got a list',
    ]);
    expect(await messageOf({ rules: { addict: { level: 'off' } } })).toEqual([true, 'rules.addict: expected one of off, info, warning, error, got an object']);
    expect(await messageOf({ preset: { name: 'all' } })).toEqual([true, 'preset: unknown preset an object (expected recommended or all)']);
    expect(await messageOf({ quotes: 1 })).toEqual([true, 'quotes: expected info, flag or ignore, got 1']);
    expect(await messageOf({ syntax: ['markdown'] })).toEqual([true, 'syntax: expected text, markdown, html, got a list']);
    // A string is quoted as before.
    expect(await messageOf({ rules: { 'substance-use/addict': 'err' } })).toEqual([
      true,
      'rules.substance-use/addict: expected one of off, info, warning, error, got "err"',
    ]);
  });
});

describe('a config for text that is not a file (README: Node API)', () => {
  // The documented way to lint a string with a .dignifyrc: lintOutcomes with no paths and the text
  // as its standard input, named as a file would be (the config is found from that name).
  it('lints a string with a config through lintOutcomes and a named stream', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-text-config-'));
    writeFileSync(path.join(dir, '.dignifyrc'), 'rules:\n  substance-use/addict: "off"\n');
    const text = 'He is an addict. Hx of drug abuse.';
    const ids: string[] = [];
    for await (const o of lintOutcomes([], { config: path.join(dir, '.dignifyrc') }, { stream: Readable.from([text]), name: 'template.txt' }))
      if (o.kind === 'linted') ids.push(o.file, ...o.findings.map((f) => f.ruleId));
    expect(ids).toEqual(['template.txt', 'substance-use/substance-abuse']);
    expect((await lintText(text)).map((f) => f.ruleId)).toEqual(['substance-use/addict', 'substance-use/substance-abuse']);
  });
});

describe('Options.preset', () => {
  // A developer trial: it was typed `string`, so `{ preset: 'recomended' }` type-checked and
  // failed at run time. Typed as the preset names, which are every name the run time accepts.
  it('is typed as the union of the built-in preset names, each of which runs', async () => {
    type Exact = [NonNullable<Options['preset']>, PresetName] extends [PresetName, NonNullable<Options['preset']>] ? true : false;
    const exact: Exact = true;
    expect(exact).toBe(true);
    const names: Record<PresetName, true> = { recommended: true, all: true }; // typecheck fails on a name missing or extra
    expect(Object.keys(names)).toEqual([...PRESETS]);
    for (const preset of PRESETS) expect((await lintText('Known heroin addict.', { preset })).map((f) => f.ruleId)).toEqual(['substance-use/addict']);
    const given: string = 'strict';
    // @ts-expect-error a string is not a preset name until checked
    const unchecked: Options = { preset: given };
    await expect(lintText('x', unchecked)).rejects.toThrow(OptionsError);
  });
});

describe('the errors the API throws', () => {
  // A developer trial: OptionsError, ConfigError and RuleFileError had a `name` but no `code`, as
  // Node's errors carry (ERR_INVALID_ARG_TYPE), so a caller with two copies of the package (where
  // instanceof fails) or a log pipeline had only the message to go by.
  const caught = async (run: () => unknown) => {
    try {
      await run();
    } catch (error) {
      return error as Error & { code?: unknown };
    }
    throw new Error('expected a throw');
  };

  it('carry a stable code beside their class and name', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-codes-'));
    writeFileSync(path.join(dir, 'bad.yaml'), 'category: house\nrules: [\n');
    writeFileSync(path.join(dir, '.dignifyrc'), '{ "preset": "strict" }');
    writeFileSync(path.join(dir, 'note.txt'), 'Known addict.');
    const options = [
      await caught(() => lintText('x', { preset: 'strict' as 'all' })),
      await caught(() => lintFiles([dir], { threads: 0 })),
      await caught(() =>
        unified()
          .use(retextEnglish)
          .use(retextDignify, { quotes: 'x' as 'flag' })
          .use(retextStringify)
          .processSync('x'),
      ),
      await caught(() => lintTextSync('x', { rules: 'off' as never })),
    ];
    for (const error of options) {
      expect(error).toBeInstanceOf(OptionsError);
      expect([error.name, error.code]).toEqual(['OptionsError', 'DIGNIFY_OPTIONS']);
    }
    const configs = [
      await caught(() => lintFiles([dir], { config: path.join(dir, 'missing.json') })),
      await caught(() => lintFiles([dir], { config: true })),
      await caught(() => new ConfigSet({ cwd: dir, config: '' })),
    ];
    for (const error of configs) {
      expect(error).toBeInstanceOf(ConfigError);
      expect([error.name, error.code]).toEqual(['ConfigError', 'DIGNIFY_CONFIG']);
    }
    const house =
      'category: house\nrules:\n  - id: house/x\n    severity: warning\n    match: ["zorp"]\n    suggestions: ["y"]\n    note: n\n    sources: [s]\n    examples: { flag: ["A zorp."], pass: ["No."] }\n';
    const ruleFiles = [
      await caught(() => loadRuleFiles([path.join(dir, 'bad.yaml')])),
      await caught(() => loadRuleFiles([path.join(dir, 'missing.yaml')])),
      await caught(() => parseRuleFile('category: house\nrules: []\nextra: 1\n', 'h.yaml')),
      await caught(() => compileRules([parseRuleFile(house, 'a.yaml'), parseRuleFile(house, 'b.yaml')])),
    ];
    for (const error of ruleFiles) {
      expect(error).toBeInstanceOf(RuleFileError);
      expect([error.name, error.code]).toEqual(['RuleFileError', 'DIGNIFY_RULE_FILE']);
    }
  });
});

describe('warnings about a directive that names no rule', () => {
  // A developer trial: the CLI warns on stderr about `dignify-disable substance-use/adict` (a typo
  // that disables nothing), but lintText and lintFiles dropped the warning: a caller linting
  // templates could not tell the author. They are given as data, and the library writes nothing.
  const text = 'He is an addict. <!-- dignify-disable-line substance-use/adict -->\nHx of IVDU.\n';
  const expected = {
    kind: 'unknown-directive',
    line: 1,
    name: 'substance-use/adict',
    message: 'line 1: a dignify directive names "substance-use/adict", which is no rule id or category; did you mean "substance-use/addict"?',
  };

  it('are on the results of lintText, lintFiles and lintOutcomes, and nothing is written', async () => {
    const written: unknown[] = [];
    const spies = [
      vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => written.push(chunk) > 0),
      vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => written.push(chunk) > 0),
      ...(['log', 'warn', 'error', 'info'] as const).map((name) => vi.spyOn(console, name).mockImplementation((...args) => void written.push(args))),
    ];
    try {
      const findings = await lintText(text, { syntax: 'markdown' });
      expect(findings.map((f) => f.actual)).toEqual(['addict', 'IVDU']); // the directive disables nothing
      expect(findings.warnings).toEqual([expected]);
      expect(Object.keys(findings)).toEqual(['0', '1']); // not enumerable: the array compares and serializes as before
      expect((await lintText(text, { fix: true })).warnings).toEqual([expected]);
      const dir = mkdtempSync(path.join(tmpdir(), 'dignify-warnings-'));
      writeFileSync(path.join(dir, 'a.md'), text);
      writeFileSync(path.join(dir, 'b.md'), 'He is an addict. <!-- dignify-disable-line substance-use/addict -->\n');
      const results = await lintFiles([dir]);
      expect(results.map((r) => [path.basename(r.file), r.warnings])).toEqual([
        ['a.md', [expected]],
        ['b.md', undefined],
      ]);
      expect((await lintFiles([dir], { fix: true }))[0]!.warnings).toEqual([expected]);
      const outcomes = [];
      for await (const o of lintOutcomes([path.join(dir, 'a.md')])) outcomes.push(o);
      expect(outcomes.map((o) => [o.kind, o.kind === 'linted' ? o.warnings : o.kind === 'notice' ? o.message : undefined])).toEqual([
        ['notice', `warning: ${expected.message}`], // what the CLI prints, as before
        ['linted', [expected]],
      ]);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(written).toEqual([]);
  });

  // README: the plugin applies no inline directive (lintText does), so it has no directive warnings.
  it("are not the plugin's: it applies no directive, as README says", async () => {
    const text = 'Hx of IVDU. # dignify-disable-line\nHe is an addict.';
    const file = unified().use(retextEnglish).use(retextDignify).use(retextStringify).processSync(text);
    expect([(await lintText(text)).map((f) => f.actual), file.messages.map((m) => m.actual)]).toEqual([['addict'], ['IVDU', 'addict']]);
  });

  it('are not set for a text without such a directive, nor for one inside code', async () => {
    expect((await lintText('He is an addict.')).warnings).toBeUndefined();
    expect((await lintText('Use `<!-- dignify-disable-line substance-use/adict -->` to …', { syntax: 'markdown' })).warnings).toBeUndefined();
    expect((await lintText('He is an addict. <!-- dignify-disable-line substance-use -->', { fix: true })).warnings).toBeUndefined();
  });
});

describe('compiled rules', () => {
  // A developer trial: builtinRules()'s Rule objects could be changed, and a caller that set a
  // rule's severity or added a suggestion changed every later lint in the process, of every preset
  // (the rule shared its lists with the rule files it came from).
  it('cannot be changed, so no caller changes what a later lint reports', async () => {
    const text = 'Known heroin addict, on the IVDU ward, mostly noncompliant.';
    const shape = (findings: Finding[]) => findings.map((f) => [f.ruleId, f.severity, f.suggestions[0], f.note]);
    const before = [shape(await lintText(text)), shape(await lintText(text, { preset: 'all' }))];
    const { rules } = builtinRules();
    const addict = rules.find((r) => r.id === 'substance-use/addict')!;
    const edits: Array<() => unknown> = [
      () => Object.assign(addict, { severity: 'info' }),
      () => Object.assign(addict, { note: 'changed', fixable: false, url: 'x' }),
      () => (addict.suggestions as string[]).unshift('changed'),
      () => (addict.match as string[]).push('heroin'),
      () => (addict.sources as string[]).pop(),
      () => (addict.presets as string[]).pop(),
      () => (rules as Rule[]).pop(),
    ];
    for (const rule of rules) {
      if (rule.formSuggestions) edits.push(() => (rule.formSuggestions![0]!.suggestions as string[]).push('changed'));
      const requires = rule.conditions?.requires?.[0]?.before ?? rule.conditions?.unless?.[0]?.before;
      if (requires) edits.push(() => requires.push('changed'));
    }
    edits.push(() => (addict.examples.flag as unknown[]).push('changed'));
    expect(edits.length).toBeGreaterThan(10);
    for (const edit of edits) expect(edit).toThrow(TypeError);
    expect([shape(await lintText(text)), shape(await lintText(text, { preset: 'all' }))]).toEqual(before);
  });

  it('leave the rule files they were compiled from to the caller', () => {
    const file = parseRuleFile(
      'category: house\nrules:\n  - id: house/x\n    severity: warning\n    match: ["zorp"]\n    suggestions: ["y"]\n    note: n\n    sources: [s]\n    examples: { flag: ["A zorp."], pass: ["No."] }\n',
      'house.yaml',
    );
    const [rule] = compileRules([file]).rules;
    expect(Object.isFrozen(rule) && Object.isFrozen(rule!.suggestions)).toBe(true);
    file.rules[0]!.suggestions.push('z'); // the caller's own file: not frozen by the compile
    expect([file.rules[0]!.suggestions, rule!.suggestions]).toEqual([['y', 'z'], ['y']]);
  });
});
