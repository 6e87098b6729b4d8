// What a developer embedding dignify in their own service trips on (a newcomer's trial of the
// packed package): the type of lintText's result when `fix` is a flag known at run time, findings
// whose lists a caller changes, and an option error that showed a whole object as text.
import { Readable } from 'node:stream';
import retextEnglish from 'retext-english';
import retextStringify from 'retext-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { type Finding, type FixTextResult, lintOutcomes, lintText, OptionsError, retextDignify } from '../src/index.js';
import { lintTextSync } from '../src/core/portable.js';

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
