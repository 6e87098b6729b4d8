import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import retextEnglish from 'retext-english';
import retextStringify from 'retext-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { lintTextSync, warehouseFindings } from '../src/core/portable.js';
import { applyFixes, ConfigSet, formatAll, formatters, lintFiles, lintOutcomes, lintStream, lintText, OptionsError, retextDignify } from '../src/index.js';

const NOTE = 'Pt is a known heroin addict with hx of drug abuse who reports using dirty needles.';

describe('lintText', () => {
  it('reports the three defining phrases with suggestions and exact offsets', async () => {
    const findings = await lintText(NOTE);
    expect(findings.map((f) => [f.ruleId, f.actual, f.suggestions[0]])).toEqual([
      ['substance-use/addict', 'heroin addict', 'person with opioid use disorder'],
      ['substance-use/substance-abuse', 'drug abuse', 'drug use'],
      ['substance-use/dirty-needles', 'dirty needles', 'used or shared syringes'],
    ]);
    for (const f of findings) {
      expect(NOTE.slice(f.start.offset, f.end.offset)).toBe(f.actual);
      expect(f.start.line).toBe(1);
      expect(f.start.column).toBe(f.start.offset + 1);
      expect(f.end.column).toBe(f.end.offset + 1);
    }
  });

  it('returns nothing for a clean note', async () => {
    expect(await lintText('Wound is clean, dry and intact. History of sexual abuse. Person with opioid use disorder.')).toEqual([]);
  });

  it('counts lines and columns across line breaks, and matches a phrase broken over a line', async () => {
    const text = 'HPI: chest pain.\nSocial: IVDU, EtOH\nabuse.';
    const findings = await lintText(text);
    expect(findings.map((f) => [f.actual, f.start.line, f.start.column, f.end.line])).toEqual([
      ['IVDU', 2, 9, 2],
      ['EtOH\nabuse', 2, 15, 3],
    ]);
  });

  it('is case-insensitive, accepts hyphen and space variants, curly apostrophes and possessives', async () => {
    const actuals = async (t: string) => (await lintText(t)).map((f) => f.actual);
    expect(await actuals('DRUG ABUSE noted.')).toEqual(['DRUG ABUSE']);
    expect(await actuals('Drug-abuse noted.')).toEqual(['Drug-abuse']);
    expect(await actuals('The addict’s mother called.')).toEqual(['addict’s']);
    expect(await actuals('Hx IVDA’er.')).toEqual(['IVDA’er']);
  });

  it('finds words in lists, parentheses and after colons (where alex does not look)', async () => {
    const actuals = async (t: string) => (await lintText(t)).map((f) => f.actual);
    expect(await actuals('PMH: HTN, drug abuse, DM2.')).toEqual(['drug abuse']);
    expect(await actuals('Social: IVDU')).toEqual(['IVDU']);
    expect(await actuals('Hx (IVDA) noted.')).toEqual(['IVDA']);
  });

  it('reports quoted words at info level by default, and follows the quotes option', async () => {
    const text = 'Pt states "I was a junkie addict for years" and has a history of drug abuse.';
    const byDefault = await lintText(text);
    expect(byDefault.map((f) => [f.actual, f.severity, f.quoted ?? false])).toEqual([
      ['junkie', 'info', true],
      ['addict', 'info', true],
      ['drug abuse', 'error', false],
    ]);
    expect((await lintText(text, { quotes: 'flag' }))[0]!.severity).toBe('error');
    expect((await lintText(text, { quotes: 'ignore' })).map((f) => f.actual)).toEqual(['drug abuse']);
  });

  it('tells quoted from unquoted phrases among several quotations of one paragraph', async () => {
    const text = 'He said "I was an addict" and his chart said addict.\nLater: “a junkie,” he said, then “clean for a year”; a stray " then IVDU.';
    const findings = await lintText(text);
    expect(findings.map((f) => [f.actual, f.quoted ?? false])).toEqual([
      ['addict', true],
      ['addict', false],
      ['junkie', true],
      ['clean for', true],
      ['IVDU', false],
    ]);
  });

  it('does not treat a stray quotation mark as a quotation', async () => {
    const findings = await lintText('He is 5\'10" tall, a known drug abuser.');
    expect(findings.map((f) => [f.actual, f.quoted ?? false])).toEqual([['drug abuser', false]]);
  });

  it('applies severity overrides by rule id and category, and the allow list', async () => {
    expect((await lintText(NOTE, { rules: { 'substance-use/addict': 'off' } })).map((f) => f.ruleId)).not.toContain('substance-use/addict');
    expect((await lintText(NOTE, { rules: { 'substance-use': 'info' } })).every((f) => f.severity === 'info')).toBe(true);
    expect(await lintText('Referred to the Drug Abuse Recovery Program.', { allow: ['Drug Abuse Recovery Program'] })).toEqual([]);
  });

  it('offers a fix that keeps case and fixes the article', async () => {
    const [f] = await lintText('Hx of EtOH abuse.');
    expect(f!.fix).toEqual({ range: [6, 16], text: 'alcohol use' });
    const [g] = await lintText('Drug abuse in past.');
    // Only the words that change: "Drug" stays as written.
    expect(g!.fix).toEqual({ range: [5, 10], text: 'use' });
    expect(applyFixes('Drug abuse in past.', [g!]).output).toBe('Drug use in past.');
  });
});

describe('retextDignify', () => {
  it('emits vfile messages with rule id, source, actual, expected, note, url and the whole phrase position', async () => {
    const file = await unified().use(retextEnglish).use(retextDignify).use(retextStringify).process(NOTE);
    expect(file.messages).toHaveLength(3);
    const m = file.messages[0]!;
    expect(m.ruleId).toBe('substance-use/addict');
    expect(m.source).toBe('dignify');
    expect(m.actual).toBe('heroin addict');
    expect(m.expected).toEqual(['person with opioid use disorder', 'person who uses drugs']);
    expect(m.note).toMatch(/reduces a person/);
    expect(m.url).toMatch(/docs\/rules\.md#substance-useaddict$/);
    expect(m.place).toEqual({ start: { line: 1, column: 15, offset: 14 }, end: { line: 1, column: 28, offset: 27 } });
    expect(m.fatal).toBe(true);
  });

  it('runs synchronously (processSync), retext-equality rules included', () => {
    const file = unified().use(retextEnglish).use(retextDignify).use(retextStringify).processSync('Brother is deaf and dumb. Known heroin addict.');
    expect(file.messages.map((m) => m.ruleId)).toEqual(['inclusive/deaf-and-dumb', 'substance-use/addict']);
  });

  it('reports exactly what lintText reports', async () => {
    const text = 'Known drug abuser. UDS clean. Been clean for 3 years. Wound clean and dry.';
    const file = await unified().use(retextEnglish).use(retextDignify).use(retextStringify).process(text);
    const findings = await lintText(text);
    expect(file.messages.map((m) => [m.ruleId, m.actual, m.place])).toEqual(findings.map((f) => [f.ruleId, f.actual, { start: f.start, end: f.end }]));
  });
});

describe('lintFiles', () => {
  it('lints files and folders, reports a missing file as an error result, and goes on', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-api-'));
    writeFileSync(path.join(dir, 'a.txt'), 'Hx of IVDU.');
    writeFileSync(path.join(dir, 'b.md'), 'Nothing to see.');
    writeFileSync(path.join(dir, 'c.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
    const missing = path.join(dir, 'missing.txt');
    const results = await lintFiles([missing, dir, path.join(dir, 'c.png')]);
    expect(results.map((r) => [path.basename(r.file), r.findings.map((f) => f.actual), r.error ?? r.skipped ?? null])).toEqual([
      ['missing.txt', [], 'no such file or directory'],
      ['a.txt', ['IVDU'], null],
      ['b.md', [], null],
      // Named on its own: an error, not a quiet skip (a hook must not pass what was never read).
      ['c.png', [], 'binary file; not linted'],
    ]);
    expect(results[3]!.error).toBe('binary file; not linted');
    expect(results[1]!.findings[0]!.file).toBe(path.join(dir, 'a.txt'));
  });
});

// A string was iterated as its characters, each linted as a path: 'a.txt' gave 'a', 't' and 'x' as
// missing files and '.' the whole working folder (the repository, when run from it).
describe('lintFiles with one path as a string', () => {
  it('lints that path alone, as ESLint takes it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-api-'));
    writeFileSync(path.join(dir, 'a.txt'), 'Hx of IVDU.');
    writeFileSync(path.join(dir, 'b.txt'), 'Known addict.');
    const was = process.cwd();
    process.chdir(dir); // so '.' would be this folder, not the repository
    try {
      const results = await lintFiles('a.txt');
      expect(results.map((r) => [r.file, r.findings.map((f) => f.actual), r.error ?? null])).toEqual([['a.txt', ['IVDU'], null]]);
      const outcomes = [];
      for await (const o of lintOutcomes('b.txt')) outcomes.push(o.kind === 'linted' ? o.findings.map((f) => f.actual) : o.kind);
      expect(outcomes).toEqual([['addict']]);
    } finally {
      process.chdir(was);
    }
    await expect(lintFiles(42 as never)).rejects.toThrow(/^paths: expected a path or a list of paths .*, got 42$/);
  });
});

// Options of the wrong shape, as a JavaScript caller can give them, were a bare TypeError from deep
// inside ("flatMap is not a function"), a message about "rules.0", or (threads 0, -1, 'x') taken
// without a word. Each is now an OptionsError that names the option. `as never`: the types forbid them.
describe('bad options', () => {
  const rejects = (call: () => Promise<unknown>, message: RegExp) =>
    expect(call().catch((e: unknown) => [e instanceof OptionsError, (e as Error).message])).resolves.toEqual([true, expect.stringMatching(message)]);

  it('lintText: options, rules, allow and ruleSet of the wrong shape', async () => {
    await rejects(() => lintText(NOTE, null as never), /^options: expected an object, got null$/);
    await rejects(() => lintText(NOTE, { allow: 'addict' as never }), /^allow: expected a list of phrases .*, got "addict"$/);
    await rejects(() => lintText(NOTE, { allow: [42 as never] }), /^allow\[0\]: expected a phrase \(a string\), got 42$/);
    await rejects(() => lintText(NOTE, { ruleSet: {} as never }), /^ruleSet: expected a rule set from compileRules or builtinRules, got an object$/);
    await rejects(() => lintText(NOTE, { rules: 'off' as never }), /^rules: expected an object of rule ids or categories .*, got "off"$/);
  });

  // A developer's trial (newc3): a text that was not a string was run through String(), so a row
  // object passed for its note column linted "[object Object]" and undefined linted "undefined":
  // [] (a clean note) without a word. A Buffer was decoded, its offsets then not the Buffer's.
  it('lintText and lintTextSync: a text that is not a string', async () => {
    const row = { note_text: 'Known heroin addict.' };
    for (const [text, got] of [
      [row, 'an object'],
      [undefined, 'undefined'],
      [null, 'null'],
      [42, '42'],
      [['heroin addict'], 'a list'],
      [Buffer.from('heroin addict'), "bytes \\(decode them first: buffer\\.toString\\('utf8'\\)\\)"],
    ] as const) {
      await rejects(() => lintText(text as never), new RegExp(`^text: expected a string, got ${got}$`));
      expect(() => lintTextSync(text as never)).toThrow(new RegExp(`^text: expected a string, got ${got}$`));
    }
    // The note itself still lints, and the warehouse's null and '' are still no findings.
    expect((await lintText(row.note_text)).map((f) => f.actual)).toEqual(['heroin addict']);
    expect(lintTextSync(row.note_text).map((f) => f.actual)).toEqual(['heroin addict']);
    expect([warehouseFindings(null), warehouseFindings(undefined), warehouseFindings('')]).toEqual([[], [], []]);
  });

  // An option lintText does not read was ignored: a misspelt one, or lintFiles' `config`, whose
  // caller then believed the .dignifyrc applied. `fix: 'yes'` fixed, and so did `fix: 'false'`.
  it('lintText and lintTextSync: an option they do not read, and fix not a boolean', async () => {
    await rejects(() => lintText(NOTE, { presett: 'all' } as never), /^presett: not an option of lintText \(expected preset, .*\); did you mean "preset"\?$/);
    await rejects(
      () => lintText(NOTE, { config: '.dignifyrc' } as never),
      /^config: an option of lintFiles, lintOutcomes and lintStream, not of lintText \(to apply a config .*\)$/,
    );
    await rejects(
      () => lintText(NOTE, { textColumn: 'note_text' } as never),
      /^textColumn: an option of lintFiles, lintOutcomes and lintStream, not of lintText$/,
    );
    // Every option of lintFiles gets that hint, from the one list lintFiles checks its keys by:
    // `include` and `maxFileBytes` were "not an option of lintText (expected preset, …)".
    for (const key of ['include', 'maxFileBytes', 'adaptiveThreads', 'findingBatches']) {
      await rejects(() => lintText(NOTE, { [key]: 1 } as never), new RegExp(`^${key}: an option of lintFiles, lintOutcomes and lintStream, not of lintText$`));
    }
    expect(() => lintTextSync(NOTE, { threads: 2 } as never)).toThrow(/^threads: an option of lintFiles, lintOutcomes and lintStream, not of lintTextSync$/);
    await rejects(() => lintText(NOTE, { fix: 'false' } as never), /^fix: expected true or false, got "false"$/);
    expect(() => lintTextSync(NOTE, { syntax: 'markdown' } as never)).toThrow(/^syntax: not an option of lintTextSync \(it reads plain text only; .*\)$/);
    expect(() => lintTextSync(NOTE, { fix: true } as never)).toThrow(/^fix: not an option of lintTextSync/);
    expect(() => lintTextSync(NOTE, { quote: 'flag' } as never)).toThrow(/^quote: not an option of lintTextSync .*; did you mean "quotes"\?$/);
    // The plugin too, when the processor is frozen.
    const process = async (options: object) => unified().use(retextEnglish).use(retextDignify, options).use(retextStringify).process(NOTE);
    await rejects(() => process({ preest: 'all' }), /^preest: not an option of retextDignify .*; did you mean "preset"\?$/);
    await rejects(() => process({ syntax: 'markdown' }), /^syntax: not an option of retextDignify \(the pipeline's parser decides/);
    expect((await process({ quotes: 'flag', config: undefined })).messages.length).toBe(3);
    // An option left undefined (a spread of optional settings) is not one given; the known ones run.
    const findings = await lintText(NOTE, { preset: 'all', config: undefined, syntax: 'text', fix: false } as never);
    expect(findings).toEqual(await lintText(NOTE, { preset: 'all' }));
    expect(lintTextSync(NOTE, { quotes: 'flag', rules: { 'substance-use': 'warning' } }).every((f) => f.severity === 'warning')).toBe(true);
  });

  it('lintFiles: inputFormat, extensions and threads, and the shapes lintText checks', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-api-'));
    const file = path.join(dir, 'a.txt');
    writeFileSync(file, NOTE);
    await rejects(() => lintFiles([file], { inputFormat: 'rtf' as never }), /^inputFormat: expected one of text, markdown, .*, got "rtf"$/);
    await rejects(() => lintFiles([file], { extensions: 'csv,jsonl' as never }), /^extensions: expected a list of extensions .*, got "csv,jsonl"$/);
    for (const [threads, got] of [
      [0, '0'],
      [-1, '-1'],
      [1.5, '1.5'],
      ['x', '"x"'],
    ] as const)
      await rejects(() => lintFiles([file], { threads: threads as never }), new RegExp(`^threads: expected a whole number, 1 or more .*, got ${got}$`));
    await rejects(() => lintFiles([file], null as never), /^options: expected an object/);
    // Beside a config too, where `allow` was spread into its letters.
    await rejects(() => lintFiles([file], { config: true, allow: 'addict' as never }), /^allow: expected a list of phrases/);
    expect(() => new ConfigSet({ cwd: dir, config: false, base: { rules: 'off' as never } })).toThrow(OptionsError);
    // The ConfigSet's own settings (developer's trial, newc3): these were TypeErrors from inside
    // ("reading 'cwd'", Node's ERR_INVALID_ARG_TYPE about a "path" argument).
    for (const [settings, message] of [
      [undefined, /^ConfigSet: expected its settings, an object .*, got undefined$/],
      [{ config: '.dignifyrc' }, /^cwd: expected the folder .*, got undefined$/],
      [{ cwd: 42 }, /^cwd: expected the folder .*, got 42$/],
      [{ cwd: dir, config: true }, /^config: expected a config file's path, .*, got true \(true is lintFiles' spelling of the last\)$/],
    ] as const)
      expect(() => new ConfigSet(settings as never)).toThrow(expect.objectContaining({ name: 'OptionsError', message: expect.stringMatching(message) }));
    expect(new ConfigSet({ cwd: dir }).forFile(file).options.preset).toBe('recommended');
    // Good values still run.
    expect((await lintFiles([file], { threads: 2, extensions: ['txt'], inputFormat: 'text' }))[0]!.findings.length).toBe(3);
  });

  // The last session's note: lintText rejected an option it does not read, but lintFiles,
  // lintOutcomes and lintStream ignored it ({ preset: 'all', thread: 2 } linted on one thread).
  it('lintFiles, lintOutcomes and lintStream: an option they do not read', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-api-'));
    const file = path.join(dir, 'a.txt');
    writeFileSync(file, NOTE);
    const drain = async (events: AsyncIterable<unknown>) => {
      for await (const _ of events);
    };
    const callers = 'lintFiles, lintOutcomes or lintStream';
    await rejects(
      () => lintFiles([file], { preset: 'all', thread: 2 } as never),
      new RegExp(`^thread: not an option of ${callers} \\(expected preset, rules, allow, quotes, ruleSet, inputFormat, .*\\); did you mean "threads"`),
    );
    await rejects(
      () => drain(lintOutcomes([file], { presett: 'all' } as never)),
      new RegExp(`^presett: not an option of ${callers} .*; did you mean "preset"\\?$`),
    );
    await rejects(() => drain(lintStream([file], { quote: 'flag' } as never)), new RegExp(`^quote: not an option of ${callers} .*; did you mean "quotes"\\?$`));
    // lintText's own option, with where lintFiles takes a file's syntax from.
    await rejects(
      () => lintFiles([file], { syntax: 'markdown' } as never),
      new RegExp(`^syntax: not an option of ${callers} \\(a file's syntax comes from its extension, .*\\)$`),
    );
    // An option left undefined is not one given; every option the CLI and the report pass still runs.
    expect((await lintFiles([file], { preset: 'all', thread: undefined } as never))[0]!.findings.length).toBe(3);
    const linted = await lintFiles(file, {
      preset: 'recommended',
      rules: {},
      allow: [],
      quotes: 'info',
      inputFormat: 'text',
      extensions: ['txt'],
      include: () => true,
      onBytes: () => {},
      maxFileBytes: 1_000_000,
      hideNames: true,
      threads: 1,
      adaptiveThreads: false,
      fix: false,
      onPool: () => {},
      onFiles: () => {},
      findingBatches: {},
    });
    expect(linted.map((r) => r.findings.length)).toEqual([3]);
  });
});

// A developer's trial (newc3): README's `formatAll(formatters.sarif, results, …)` did not compile
// under noUncheckedIndexedAccess (formatters was a Record<string, Formatter>), and formatAll
// without its context threw "Cannot destructure property 'why' of 'undefined'".
describe('formatters and formatAll', () => {
  it('names every format in its type, and formatAll defaults its context', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-api-'));
    writeFileSync(path.join(dir, 'a.txt'), 'Hx of IVDU.');
    const was = process.cwd();
    process.chdir(dir);
    try {
      const results = await lintFiles(['a.txt']);
      const sarif: string = formatAll(formatters.sarif, results); // a Formatter, not Formatter | undefined
      expect(JSON.parse(sarif).runs[0].results[0].ruleId).toBe('substance-use/injection-drug-abuse');
      expect(formatAll(formatters.compact, results)).toBe(
        'a.txt:1:7: error Avoid "IVDU"; prefer "injection drug use" or "person who injects drugs" [substance-use/injection-drug-abuse]\n',
      );
      // No colour by default; a field given overrides its default.
      expect(formatAll(formatters.stylish, results)).not.toContain('\u001b[');
      expect(formatAll(formatters.stylish, results, { color: true })).toContain('\u001b[');
      // @ts-expect-error a name formatters does not have
      expect(formatters.sarfi).toBeUndefined();
    } finally {
      process.chdir(was);
    }
  });
});
