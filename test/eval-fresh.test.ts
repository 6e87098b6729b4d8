// The fourth evaluation set (fixtures/eval-fresh, labelled blind, held out whole): its integrity check
// (scripts/eval-fresh-verify.mjs), the shape its README promises, and `npm run eval` scoring it as one
// held-out block (no dev half) whose false positives and misses stay unlisted unless --show-held-out.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecords } from '../src/eval/score.js';
import { type EvalRun, evalRuns } from './eval-run.js';
import { ROOT } from './helpers.js';

const SET = path.join(ROOT, 'fixtures', 'eval-fresh', 'labelled.jsonl');
const node = (script: string, args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'scripts', script), ...args], { cwd: ROOT, encoding: 'utf8' });

describe('fixtures/eval-fresh', () => {
  const records = parseRecords(readFileSync(SET, 'utf8'));

  it('passes its verify script (offsets, tiers, slices, no overlap with the other sets)', () => {
    const r = node('eval-fresh-verify.mjs', []);
    expect(r.stderr).toMatch(/records checked, 0 problems/);
    expect(r.status).toBe(0);
  });

  it('has the seven written genres and real text, a mix of labelled, clean and look-alike records, and enough core and tier-B spans', () => {
    const genres = new Set(records.map((r) => r.genre));
    expect([...genres].sort()).toEqual([
      'ed-physician',
      'handoff-problem-list',
      'hiv-diabetes-obesity',
      'pain-pharmacy',
      'perinatal',
      'portal-message',
      'psychiatry',
      'real',
    ]);
    for (const r of records) expect(r.genre === 'real' ? ['candidate', 'random'] : ['handwritten'], r.id).toContain(r.kind);
    const labelled = records.filter((r) => r.spans.length > 0).length / records.length;
    expect(labelled).toBeGreaterThan(0.35);
    expect(labelled).toBeLessThan(0.55);
    const clean = records.filter((r) => r.spans.length === 0);
    // The record-level note is not part of EvalRecord (the scorer ignores it).
    const lookalikes = clean.filter((r) => /look-alike/.test((r as { note?: string }).note ?? ''));
    expect(lookalikes.length * 2).toBeGreaterThanOrEqual(clean.length);
    const spans = records.flatMap((r) => r.spans).filter((s) => s.level !== 'info');
    expect(spans.filter((s) => s.tier === 'core').length).toBeGreaterThanOrEqual(80);
    expect(spans.filter((s) => s.tier === 'B').length).toBeGreaterThanOrEqual(80);
    expect(spans.some((s) => s.tier === 'C')).toBe(true);
    expect(records.some((r) => r.spans.some((s) => s.level === 'info'))).toBe(true);
  });
});

describe('scripts/eval-fresh-verify.mjs', () => {
  it('names each bad record and exits 1', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-eval-fresh-'));
    const file = path.join(dir, 'bad.jsonl');
    const lines = [
      // offset off by one, and an id that does not name its genre
      {
        id: 'fr-psychiatry-1',
        source: 's',
        genre: 'psychiatry',
        kind: 'handwritten',
        text: 'Pt is a junkie.',
        spans: [{ start: 9, end: 15, text: 'junkie', category: 'substance-use', tier: 'core' }],
      },
      // a MedQuAD line outside this set's slice (≡ 2 mod 5 belongs to the audits)
      { id: 'mq1-L2-s1', source: 's', genre: 'real', kind: 'candidate', text: 'Anything.', spans: [] },
      // an id the third set uses, and a genre this set does not have
      { id: 'en-tpl-001', source: 's', genre: 'template', kind: 'handwritten', text: 'Fine today, thanks.', spans: [] },
      // overlapping spans
      {
        id: 'fr-perinatal-999',
        source: 's',
        genre: 'perinatal',
        kind: 'handwritten',
        text: 'UDS dirty today.',
        spans: [
          { start: 4, end: 9, text: 'dirty', category: 'substance-use', tier: 'core' },
          { start: 4, end: 15, text: 'dirty today', category: 'substance-use', tier: 'core' },
        ],
      },
    ];
    writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
    const r = node('eval-fresh-verify.mjs', [file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^fr-psychiatry-1: id does not have the form fr-psychiatry-<nnn>/m);
    expect(r.stderr).toMatch(/^fr-psychiatry-1: offset mismatch/m);
    expect(r.stderr).toMatch(/^en-tpl-001: id also used in fixtures\/eval, eval-genres or eval-new/m);
    expect(r.stderr).toMatch(/^en-tpl-001: unknown genre "template"/m);
    expect(r.stderr).toMatch(/^fr-perinatal-999: overlapping spans at 4/m);
    // The slice check needs the corpus; where it is absent the script says so instead.
    expect(r.stderr).toMatch(/^mq1-L2-s1: MedQuAD line 2 is not ≡ 1 \(mod 5\)|corpus not found/m);
  });
});

describe('npm run eval on the fourth set', () => {
  const ids = readFileSync(SET, 'utf8')
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as { id: string }).id);

  // Two lints of the set, not three: the text report's "not listed" note is tested on eval-new's
  // test half (test/eval-new.test.ts) and on a set outside the repository (eval-held-out.test.ts),
  // the same code for every held-out set; here the JSON report's counts must match the lists.
  it('scores it whole (no dev half), counts its false positives and misses without listing them, and lists them with --show-held-out', () => {
    // Both command lines in one process: the set is linted once (test/eval-run.ts).
    const [json, shown] = evalRuns([
      [SET, '--no-lexicon', '--json'],
      [SET, '--no-lexicon', '--json', '--show-held-out'],
    ]) as [EvalRun, EvalRun];
    expect(json.status, json.stderr).toBe(0);
    const hiddenSets = JSON.parse(json.stdout).sets as Record<
      string,
      { falsePositives: unknown[]; misses: unknown[]; listsHidden?: { falsePositives: number; misses: number } }
    >;
    // The whole set only: no dev or test half.
    expect(Object.keys(hiddenSets)).toEqual(['fixtures/eval-fresh/labelled.jsonl']);
    const counts = Object.values(hiddenSets)[0]!;
    expect(counts.falsePositives).toEqual([]);
    expect(counts.misses).toEqual([]);
    expect(counts.listsHidden).toEqual({ falsePositives: expect.any(Number), misses: expect.any(Number) });
    // No record is quoted: ids appear only in the lists.
    for (const id of ids) expect(json.stdout).not.toContain(`"${id}"`);

    expect(shown.status, shown.stderr).toBe(0);
    const sets = JSON.parse(shown.stdout).sets as Record<string, { falsePositives: unknown[]; misses: unknown[]; listsHidden?: unknown }>;
    const whole = sets['fixtures/eval-fresh/labelled.jsonl'];
    expect(whole?.listsHidden).toBeUndefined();
    expect(whole?.falsePositives.length).toBe(counts.listsHidden!.falsePositives);
    expect(whole?.misses.length).toBe(counts.listsHidden!.misses);
  });
});
