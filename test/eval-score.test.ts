// The scorer behind `npm run eval` (src/eval/score.ts) on small hand-made records and findings, the
// held-out set's integrity (fixtures/eval-genres), the eval script's options and the docs hook.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { genreOf, parseLexiconCases, parseRecords, scoreLexiconCases, scoreRecords, tierOf, type EvalRecord } from '../src/eval/score.js';
import { readMeasuredPrecision } from '../src/eval/precision.js';
import { renderRulesDoc } from '../src/rules/docs.js';
import type { Finding, Severity } from '../src/types.js';
import { type EvalRun, evalRuns } from './eval-run.js';
import { ROOT } from './helpers.js';

/** A finding on `text.slice(start, end)`, as the linter would report it. */
function finding(text: string, phrase: string, ruleId: string, severity: Severity = 'warning'): Finding {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" not in "${text}"`);
  const end = start + phrase.length;
  return {
    ruleId,
    category: ruleId.split('/')[0]!,
    severity,
    message: '',
    actual: phrase,
    suggestions: [],
    start: { line: 1, column: start + 1, offset: start },
    end: { line: 1, column: end + 1, offset: end },
    url: 'https://example.org/docs/rules.md#x',
  };
}

function span(text: string, phrase: string, category: string, extra: Partial<EvalRecord['spans'][number]> = {}) {
  const start = text.indexOf(phrase);
  return { start, end: start + phrase.length, text: phrase, category, ...extra };
}

/** A lint function that answers from a table keyed by the record text. */
const table = (answers: Record<string, Finding[]>) => (text: string) => answers[text] ?? [];

describe('scoreRecords: whose words, tiers, genres, rules', () => {
  const quote = '[patient] my dad was a drunk for years';
  const note = 'Hx of IVDU, smoker.';
  const clean = '[doctor] take a deep breath';
  const records: EvalRecord[] = [
    { id: 'q', genre: 'dialogue', kind: 'candidate', text: quote, spans: [span(quote, 'a drunk', 'substance-use', { tier: 'core', level: 'info' })] },
    {
      id: 'n',
      genre: 'notes',
      kind: 'candidate',
      text: note,
      spans: [span(note, 'IVDU', 'substance-use', { tier: 'core' }), span(note, 'smoker', 'identity', { tier: 'C' })],
    },
    { id: 'c', genre: 'dialogue', kind: 'random', text: clean, spans: [] },
  ];

  it('counts an info finding on own words as right and silence as accepted, not a miss', async () => {
    const r = await scoreRecords(records, table({ [quote]: [finding(quote, 'drunk', 'substance-use/drunk', 'info')] }));
    expect(r.quotes).toEqual({ info: 1, flagged: 0, silent: 0 });
    expect(r.falsePositives).toEqual([]);
    expect(r.byRule['substance-use/drunk']).toMatchObject({ truePositives: 1, falsePositives: 0 });
    const silent = await scoreRecords(records, table({}));
    expect(silent.quotes).toEqual({ info: 0, flagged: 0, silent: 1 });
    expect(silent.misses.map((m) => m.span)).toEqual(['IVDU']);
  });

  it('counts a warning on own words as a false positive', async () => {
    const r = await scoreRecords(records, table({ [quote]: [finding(quote, 'drunk', 'substance-use/drunk', 'warning')] }));
    expect(r.quotes.flagged).toBe(1);
    expect(r.falsePositives.map((f) => [f.id, f.reason, f.severity])).toEqual([['q', 'severity', 'warning']]);
    expect(r.byGenre.dialogue).toMatchObject({ truePositives: 0, falsePositives: 1 });
    expect(r.byRule['substance-use/drunk']!.precision).toBe(0);
  });

  it('leaves tier-C spans neutral unless the preset is all', async () => {
    const lint = table({ [note]: [finding(note, 'IVDU', 'substance-use/ivdu', 'error'), finding(note, 'smoker', 'identity/smoker', 'info')] });
    const byDefault = await scoreRecords(records, lint);
    expect(byDefault.neutralFindings).toBe(1);
    expect(byDefault.byRule['identity/smoker']).toBeUndefined();
    expect(Object.keys(byDefault.byTier)).toEqual(['core', 'B']);
    expect(byDefault.byTier.core).toMatchObject({ found: 1, misses: 0, recall: 1 });
    const all = await scoreRecords(records, lint, undefined, { preset: 'all' });
    expect(all.neutralFindings).toBe(0);
    expect(all.byRule['identity/smoker']).toMatchObject({ truePositives: 1 });
    expect(all.byTier.C).toMatchObject({ found: 1 });
    const missed = await scoreRecords(records, table({}), undefined, { preset: 'all' });
    expect(missed.misses.map((m) => [m.span, m.tier])).toEqual([
      ['IVDU', 'core'],
      ['smoker', 'C'],
    ]);
  });

  it('reports the clean sentences with a finding per genre and overall', async () => {
    const r = await scoreRecords(records, table({ [clean]: [finding(clean, 'deep', 'demeanor/x', 'info')] }));
    expect(r.cleanRecords).toBe(1);
    expect(r.cleanWithFinding).toBe(1);
    expect(r.byGenre.dialogue).toMatchObject({ records: 2, clean: 1, cleanWithFinding: 1 });
    expect(r.byGenre.notes).toMatchObject({ records: 1, clean: 0, cleanWithFinding: 0 });
    expect(r.randomFindings).toBe(1);
    expect(r.falsePositives[0]).toMatchObject({ id: 'c', reason: 'unlabelled', genre: 'dialogue' });
  });

  it('keeps hand-written records out of the corpus aggregate', async () => {
    const hand = 'Wound is clean and dry.';
    const withHand = [...records, { id: 'h', genre: 'handwritten', kind: 'handwritten' as const, text: hand, spans: [] }];
    const r = await scoreRecords(
      withHand,
      table({ [hand]: [finding(hand, 'clean', 'substance-use/clean')], [note]: [finding(note, 'IVDU', 'substance-use/ivdu')] }),
    );
    expect(r.corpus).toMatchObject({ records: 3, clean: 1, cleanWithFinding: 0, truePositives: 1, falsePositives: 0 });
    expect(r.byGenre.handwritten).toMatchObject({ records: 1, clean: 1, cleanWithFinding: 1, falsePositives: 1 });
    expect(r.overall).toMatchObject({ truePositives: 1, falsePositives: 1 });
  });

  it('derives genre and tier for records of the first set', () => {
    expect(genreOf({ id: 'mts-1791-s74', kind: 'candidate', text: '', spans: [] })).toBe('notes-mtsamples');
    expect(genreOf({ id: 'mq-L5-x-s1', kind: 'candidate', text: '', spans: [] })).toBe('patient-education');
    expect(genreOf({ id: 'zz', kind: 'candidate', text: '', spans: [] })).toBe('other');
    expect(genreOf({ id: 'mts-1', genre: 'dialogue', kind: 'candidate', text: '', spans: [] })).toBe('dialogue');
    expect(tierOf({ start: 0, end: 1, text: 'x', category: 'substance-use' })).toBe('core');
    expect(tierOf({ start: 0, end: 1, text: 'x', category: 'identity' })).toBe('B');
    expect(tierOf({ start: 0, end: 1, text: 'x', category: 'identity', tier: 'C' })).toBe('C');
  });

  it('names the line of a bad record', () => {
    expect(() => parseRecords('{"id":"a","kind":"random","text":"x","spans":[]}\n{oops\n')).toThrow(/line 2/);
  });
});

describe('lexicon cases', () => {
  it('counts flagged positives and passing look-alikes', async () => {
    const cases = parseLexiconCases(
      [
        '{"term":"addict","sentence":"Pt is an addict.","expect_flag":true}',
        '{"term":"addict","sentence":"Vaping is addictive.","expect_flag":false}',
        '{"term":"clean","sentence":"Clean for a year.","expect_flag":true}',
      ].join('\n'),
    );
    const lint = table({
      'Pt is an addict.': [finding('Pt is an addict.', 'addict', 'substance-use/addict')],
      'Vaping is addictive.': [finding('Vaping is addictive.', 'addictive', 'substance-use/addict')],
    });
    const r = await scoreLexiconCases(cases, lint);
    expect(r).toMatchObject({ positives: 2, flagged: 1, lookalikes: 1, passed: 0 });
    expect(r.missed.map((c) => c.sentence)).toEqual(['Clean for a year.']);
    expect(r.wronglyFlagged[0]!.findings).toEqual(['substance-use/addict "addictive"']);
  });

  it('rejects a line without sentence or expect_flag, naming the line', () => {
    expect(() => parseLexiconCases('{"term":"x","sentence":"y","expect_flag":true}\n{"term":"x"}')).toThrow(/line 2/);
  });
});

describe('fixtures/eval-genres', () => {
  const records = parseRecords(readFileSync(path.join(ROOT, 'fixtures', 'eval-genres', 'labelled.jsonl'), 'utf8'));

  it('has every gold span where its text says, a tier on every span and unique ids', () => {
    expect(records.length).toBeGreaterThanOrEqual(480);
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    for (const r of records) {
      expect(r.genre, r.id).toBeTruthy();
      if (r.kind === 'random') expect(r.spans, r.id).toEqual([]);
      for (const s of r.spans) {
        expect(r.text.slice(s.start, s.end), r.id).toBe(s.text);
        expect(['core', 'B', 'C'], r.id).toContain(s.tier);
        if (s.level !== undefined) expect(s.level, r.id).toBe('info');
      }
    }
  });

  it('takes dialogue only from odd lines and patient education only from lines ≡ 0 mod 5', () => {
    for (const r of records) {
      const line = /^acid-L(\d+)-/.exec(r.id)?.[1] ?? /^mqe-L(\d+)-/.exec(r.id)?.[1];
      if (r.id.startsWith('acid-')) expect(Number(line) % 2, r.id).toBe(1);
      if (r.id.startsWith('mqe-')) expect(Number(line) % 5, r.id).toBe(0);
    }
  });
});

describe('measured precision in docs/rules.md', () => {
  it('adds a line per rule when figures are given, and nothing without them', () => {
    const files = [
      {
        category: 'substance-use',
        file: 'x.yaml',
        rules: [
          {
            id: 'substance-use/addict',
            severity: 'error',
            note: 'n',
            match: ['addict'],
            suggestions: ['s'],
            sources: ['X'],
            examples: { flag: ['an addict'], pass: ['addiction'] },
          },
        ],
      },
    ];
    // The rule-file shape is wider than this test needs; the renderer reads only these fields.
    const plain = renderRulesDoc(files as never);
    expect(plain).not.toContain('measured precision');
    const doc = renderRulesDoc(files as never, {
      'fixtures/eval-genres': { 'substance-use/addict': { truePositives: 3, falsePositives: 1 } },
      'fixtures/eval': {},
    });
    expect(doc).toContain('- measured precision: 0.75 (3/4) on `fixtures/eval-genres`');
    const none = renderRulesDoc(files as never, { 'fixtures/eval': {} });
    expect(none).toContain('- measured precision: no findings on the evaluation sets');
  });

  it('reads precision.json, treats a missing file as no figures and names a bad file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-precision-'));
    expect(readMeasuredPrecision(path.join(dir, 'absent.json'))).toBeUndefined();
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{"sets": 3}');
    expect(() => readMeasuredPrecision(bad)).toThrow(/bad\.json/);
    const good = path.join(dir, 'good.json');
    writeFileSync(good, '{"preset":"default","sets":{"fixtures/eval":{"a/b":{"truePositives":1,"falsePositives":0,"precision":1}}}}');
    expect(readMeasuredPrecision(good)!.sets['fixtures/eval']!['a/b']!.truePositives).toBe(1);
  });
});

describe('scripts/eval.js', () => {
  const run = (args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'eval.js'), ...args], { cwd: ROOT, encoding: 'utf8' });

  // The other test files run eval.js's command lines in one process (evalMain, test/eval-run.ts): it must
  // answer as the command does, on a usage error and on a scored set (the JSON test below).
  const dir = mkdtempSync(path.join(tmpdir(), 'dignify-eval-'));
  const set = path.join(dir, 'set.jsonl');
  const lexicon = path.join(dir, 'cases.jsonl');
  writeFileSync(
    set,
    `${JSON.stringify({ id: 'a', genre: 'dialogue', kind: 'candidate', text: 'History of IV drug abuse.', spans: [{ start: 11, end: 24, text: 'IV drug abuse', category: 'substance-use', tier: 'core' }] })}\n`,
  );
  writeFileSync(lexicon, '{"term":"clean","sentence":"Wound is clean and dry.","expect_flag":false}\n');
  const jsonArgs = [set, '--json', '--lexicon', lexicon, '--preset', 'recommended'];
  let inProcess: EvalRun[] | undefined;
  const inProcessRuns = () => (inProcess ??= evalRuns([['--bogus'], ['no/such/set.jsonl', '--no-lexicon'], jsonArgs]));
  const asRun = (r: ReturnType<typeof run>): EvalRun => ({ status: r.status!, stdout: r.stdout, stderr: r.stderr });

  it('exits 2 with a one-line message on an unknown option or a missing file', () => {
    const unknown = run(['--bogus']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^dignify eval: unknown option --bogus/);
    expect(inProcessRuns()[0]).toEqual(asRun(unknown));
    const missing = inProcessRuns()[1]!;
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^dignify eval: cannot read .*no\/such\/set\.jsonl: ENOENT\n$/);
  });

  it('prints JSON per set with genre, rule and tier tables and the lexicon coverage', () => {
    const r = run(jsonArgs);
    expect(r.status, r.stderr).toBe(0);
    expect(inProcessRuns()[2]).toEqual(asRun(r));
    const out = JSON.parse(r.stdout);
    const report = Object.values(out.sets)[0] as {
      byGenre: Record<string, unknown>;
      byTier: Record<string, { recall: number }>;
      byRule: Record<string, unknown>;
    };
    expect(Object.keys(report.byGenre)).toEqual(['dialogue']);
    expect(report.byTier.core!.recall).toBe(1);
    expect(Object.keys(report.byRule).length).toBeGreaterThan(0);
    expect(out.lexicon).toMatchObject({ preset: 'recommended', lookalikes: 1, passed: 1 });
  });
});
