// One engine for lint and report (issue 15): `dignify report` honours .dignifyrc (rules off,
// severities, allow, extends, ignore files) exactly as `dignify` does, because both call
// lintOutcomes with one ConfigSet; and the engine's outcomes are one tagged union.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ConfigSet } from '../src/config/index.js';
import { walkLimits } from '../src/match/prefilter.js';
import { lintOutcomeBatches, lintOutcomes, type LintOutcome } from '../src/engine/lint-files.js';
import { runMain } from './helpers.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dignify-engine-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const HOUSE = `category: house-style
rules:
  - id: house-style/frequent-flyer
    severity: warning
    match: ["frequent flyer"]
    suggestions: ["person with frequent visits"]
    note: Labels a patient by their use of care.
    sources: [local]
    examples:
      flag: ["Known frequent flyer."]
      pass: ["Frequent visits this year."]
`;

const CSV = ['id,text', '1,Known heroin addict.', '2,Hx of drug abuse; used dirty needles.', '3,A frequent flyer in the ED.', '4,Hx of IVDU.', ''].join('\n');

/** rule id → count, from `dignify -f json`. */
async function lintCounts(args: string[], cwd: string): Promise<Record<string, number>> {
  const r = await runMain([...args, '-f', 'json'], { cwd });
  expect(r.code === 0 || r.code === 1, r.stderr).toBe(true);
  const counts: Record<string, number> = {};
  type Found = { findings?: Array<{ ruleId: string; severity: string }> };
  for (const result of JSON.parse(r.stdout) as Array<Found & { records?: Found[] }>) {
    for (const f of [result, ...(result.records ?? [])].flatMap((x) => x.findings ?? []))
      counts[`${f.ruleId}:${f.severity}`] = (counts[`${f.ruleId}:${f.severity}`] ?? 0) + 1;
  }
  return counts;
}

/** rule id → count, from `dignify report --format csv` (with the severity, as the page shows it). */
async function reportCounts(args: string[], cwd: string): Promise<Record<string, number>> {
  const r = await runMain(['report', ...args, '--format', 'csv'], { cwd });
  expect(r.code, r.stderr).toBe(0);
  const rows = parse(r.stdout, { columns: true }) as Array<Record<string, string>>;
  return Object.fromEntries(rows.filter((row) => row.section === 'rule').map((row) => [row.rule, Number(row.findings)]));
}

const withoutSeverity = (counts: Record<string, number>) => {
  const out: Record<string, number> = {};
  for (const [key, n] of Object.entries(counts)) out[key.replace(/:[a-z]+$/, '')] = (out[key.replace(/:[a-z]+$/, '')] ?? 0) + n;
  return out;
};

describe('report and lint agree on the configuration', () => {
  it('rules off, allow and extends apply to the report as to lint', async () => {
    const dir = project({
      '.dignifyrc.yaml': [
        'extends: house.yaml',
        'rules:',
        '  substance-use/addict: "off"',
        '  substance-use/dirty-needles: error',
        '  credibility/frequent-flyer: "off"',
        'allow: ["IVDU"]',
        '',
      ].join('\n'),
      'house.yaml': HOUSE,
      'notes.csv': CSV,
    });
    const file = path.join(dir, 'notes.csv');
    const lint = await lintCounts([file], dir);
    expect(lint).toEqual({ 'substance-use/substance-abuse:error': 1, 'substance-use/dirty-needles:error': 1, 'house-style/frequent-flyer:warning': 1 });
    expect(await reportCounts([file], dir)).toEqual(withoutSeverity(lint));
    // --no-config: both fall back to the built-in rules, and still agree.
    const plain = await lintCounts([file, '--no-config'], dir);
    expect(plain['substance-use/addict:error']).toBe(1);
    expect(await reportCounts([file, '--no-config'], dir)).toEqual(withoutSeverity(plain));
  });

  it('a folder report leaves out what .dignifyignore and the config ignore, as lint does', async () => {
    const dir = project({
      '.dignifyrc': 'ignore: ["drafts/**"]\n',
      '.dignifyignore': 'old.txt\n',
      'a.txt': 'Known heroin addict.\n',
      'old.txt': 'Hx of drug abuse.\n',
      'drafts/b.txt': 'Used dirty needles.\n',
    });
    const lint = await lintCounts([dir], dir);
    expect(Object.keys(lint)).toEqual(['substance-use/addict:error']);
    expect(await reportCounts([dir], dir)).toEqual(withoutSeverity(lint));
    // --no-ignore: both read every file.
    expect(Object.keys(withoutSeverity(await lintCounts([dir, '--no-ignore'], dir))).sort()).toEqual(
      Object.keys(await reportCounts([dir, '--no-ignore'], dir)).sort(),
    );
    expect(Object.keys(await reportCounts([dir, '--no-ignore'], dir))).toHaveLength(3);
  });

  it('a bad config stops the report with exit 2, naming the file', async () => {
    const dir = project({ '.dignifyrc': 'rules: { substance-use/addict: loud }\n', 'notes.csv': CSV });
    const r = await runMain(['report', path.join(dir, 'notes.csv'), '--format', 'csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^dignify: \.dignifyrc: rules\.substance-use\/addict: /);
    expect(r.stdout).toBe('');
  });
});

describe('lintOutcomes', () => {
  it('yields one tagged outcome per source, record and message, in input order', async () => {
    const dir = project({
      'a.txt': 'Known heroin addict.\n',
      'bin.txt': 'a\u0000\u0001b', // binary: more than one control byte (one stray NUL is read as text)
      'notes.csv': 'id,text\n1,Hx of IVDU.\n2,"unterminated\n',
    });
    const outcomes: LintOutcome[] = [];
    const configs = new ConfigSet({ cwd: dir, config: false });
    const names = ['a.txt', 'bin.txt', 'missing.txt', 'notes.csv'].map((f) => path.join(dir, f));
    for await (const o of lintOutcomes(names, { configs })) outcomes.push(o);
    expect(outcomes.map((o) => [o.kind, path.basename(o.file)])).toEqual([
      ['linted', 'a.txt'],
      // Named on the command line, a file that cannot be linted is an error (a hook must not pass
      // it unchecked); found in a folder it would be 'skipped'.
      ['error', 'bin.txt'],
      ['error', 'missing.txt'],
      ['notice', 'notes.csv'],
      ['linted', 'notes.csv'],
      ['bad-record', 'notes.csv'],
    ]);
    const first = outcomes[0]!;
    expect(first.kind === 'linted' && first.findings.map((f) => [f.ruleId, f.file])).toEqual([['substance-use/addict', names[0]]]);
    const record = outcomes[4]!;
    expect(record.kind === 'linted' && record.record?.row).toBe(1);
  });

  it("looks each folder's config up once, however many files and questions", async () => {
    const dir = project({ '.dignifyrc': 'rules: {}\n', 'a.txt': 'x\n', 'b.txt': 'y\n', 'c.txt': 'z\n' });
    const configs = new ConfigSet({ cwd: dir });
    let searches = 0;
    const explorer = (configs as unknown as { explorer: { search: (d: string) => unknown } }).explorer;
    const search = explorer.search.bind(explorer);
    explorer.search = (d: string) => (searches++, search(d));
    for await (const _ of lintOutcomes([dir], { configs, extensions: ['txt'] })) void _;
    expect(searches).toBe(1);
  });

  it('hands an export on in batches (lintOutcomeBatches): none empty, the same outcomes in the same order, with one or two threads', async () => {
    // 3,000 records of ~60 bytes (about three chunks read), a bad record and a finding among them, a text file after.
    const rows = Array.from({ length: 3000 }, (_, i) =>
      i === 1500 ? `${i},"unterminated` : `${i},Note ${i}: ${i % 500 === 7 ? 'hx of IVDU' : 'wound healing well'}.`,
    );
    const dir = project({ 'notes.csv': ['id,text', ...rows, ''].join('\n'), 'z.txt': 'Known heroin addict.\n' });
    const names = ['notes.csv', 'z.txt'].map((f) => path.join(dir, f));
    const key = (o: LintOutcome) => [o.kind, path.basename(o.file), o.kind === 'linted' ? `${o.record?.row} ${o.findings.map((f) => f.ruleId)}` : ''].join(' ');
    for (const threads of [1, 2]) {
      const one: string[] = [];
      for await (const o of lintOutcomes(names, { threads })) one.push(key(o));
      const sizes: number[] = [];
      const batched: string[] = [];
      for await (const batch of lintOutcomeBatches(names, { threads })) {
        sizes.push(batch.length);
        batched.push(...batch.map(key));
      }
      expect(batched).toEqual(one);
      expect(one.filter((k) => k.startsWith('linted notes.csv')).length).toBe(2999);
      expect(one.filter((k) => k.includes('substance-use/')).length).toBe(7); // 6 records, the text file
      expect(one.indexOf('bad-record notes.csv ')).toBeGreaterThan(1000);
      expect(Math.min(...sizes)).toBeGreaterThan(0);
      expect(sizes.length).toBeLessThan(20); // a batch per chunk read, not per record
      expect(sizes.length).toBeGreaterThan(2);
    }
  });

  it('scans an export larger than the walking budget with the regex from its first note, with the same findings', async () => {
    const saved = { ...walkLimits };
    try {
      // About 130 KB of notes, a finding in some (walked notes are short: under walkLimits.text).
      const rows = Array.from({ length: 2000 }, (_, i) => `${i},Note ${i}: ${i % 97 === 3 ? "she's an addict; hx of IVDU" : 'wound healing well'}.`);
      const file = path.join(project({ 'big.csv': ['id,text', ...rows, ''].join('\n') }), 'big.csv');
      const small = path.join(project({ 'small.csv': 'id,text\n1,Hx of IVDU.\n' }), 'small.csv');
      const findings = async (name: string) => {
        const out: string[] = [];
        for await (const o of lintOutcomes([name]))
          if (o.kind === 'linted') out.push(...o.findings.map((f) => `${o.record?.row} ${f.ruleId} ${f.start.offset}`));
        return out;
      };
      walkLimits.total = Number.POSITIVE_INFINITY; // every note walked: the reference
      const walked = await findings(file);
      walkLimits.total = saved.total;
      await findings(small);
      expect(walkLimits.total).toBe(saved.total); // a small export is walked as before
      const scanned = await findings(file);
      expect(walkLimits.total).toBe(0);
      expect(scanned).toEqual(walked);
      expect(scanned.length).toBeGreaterThan(20);
    } finally {
      Object.assign(walkLimits, saved);
    }
  });

  it('finds files of one extension in a folder (--ext txt)', async () => {
    const dir = project({ 'a.txt': 'Known heroin addict.\n', 'b.md': 'Known heroin addict.\n' });
    const files: string[] = [];
    for await (const o of lintOutcomes([dir], { extensions: ['txt'] })) files.push(path.basename(o.file));
    expect(files).toEqual(['a.txt']);
  });
});
