// The third evaluation set (fixtures/eval-new, labelled blind): its integrity check
// (scripts/eval-new-verify.mjs), the shape its README promises, and `npm run eval` keeping its false
// positives and misses unlisted unless --show-held-out.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecords } from '../src/eval/score.js';
import { type EvalRun, evalRuns } from './eval-run.js';
import { ROOT } from './helpers.js';

const SET = path.join(ROOT, 'fixtures', 'eval-new', 'labelled.jsonl');
const node = (script: string, args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'scripts', script), ...args], { cwd: ROOT, encoding: 'utf8' });

describe('fixtures/eval-new', () => {
  const records = parseRecords(readFileSync(SET, 'utf8'));

  it('passes its verify script (offsets, tiers, provenance, no overlap with the other sets)', () => {
    const r = node('eval-new-verify.mjs', []);
    expect(r.stderr).toMatch(/records checked, 0 problems/);
    expect(r.status).toBe(0);
  });

  it('has the six genres, written records as handwritten and a mix of labelled, clean and look-alike records', () => {
    const genres = new Set(records.map((r) => r.genre));
    expect([...genres].sort()).toEqual(['discharge-letter', 'nursing-social-work', 'real', 'reference-card', 'speech', 'template']);
    for (const r of records) expect(r.genre === 'real' ? ['candidate', 'random'] : ['handwritten'], r.id).toContain(r.kind);
    const labelled = records.filter((r) => r.spans.length > 0).length / records.length;
    expect(labelled).toBeGreaterThan(0.35);
    expect(labelled).toBeLessThan(0.55);
    const clean = records.filter((r) => r.spans.length === 0);
    // The record-level note is not part of EvalRecord (the scorer ignores it).
    const lookalikes = clean.filter((r) => /look-alike/.test((r as { note?: string }).note ?? ''));
    expect(lookalikes.length * 2).toBeGreaterThanOrEqual(clean.length);
    // Every tier and the info level occur, so each figure of the report has something to measure.
    const spans = records.flatMap((r) => r.spans);
    for (const tier of ['core', 'B', 'C'])
      expect(
        spans.some((s) => s.tier === tier),
        tier,
      ).toBe(true);
    expect(spans.some((s) => s.level === 'info')).toBe(true);
  });
});

describe('scripts/eval-new-verify.mjs', () => {
  it('names each bad record and exits 1', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-eval-new-'));
    const file = path.join(dir, 'bad.jsonl');
    const lines = [
      // offset off by one
      {
        id: 'x-1',
        source: 's',
        genre: 'speech',
        kind: 'handwritten',
        text: 'PT: I was an addict.',
        spans: [{ start: 12, end: 18, text: 'addict', category: 'substance-use', tier: 'core' }],
      },
      // a random record with a span, and a tier that does not exist
      {
        id: 'x-2',
        source: 's',
        genre: 'real',
        kind: 'random',
        text: 'acin-less',
        spans: [{ start: 0, end: 4, text: 'acin', category: 'identity', tier: 'D' }],
      },
      // an id the second set uses, and a genre the set does not have
      { id: 'hg-001', source: 's', genre: 'dialogue', kind: 'handwritten', text: 'Fine today.', spans: [] },
    ];
    writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
    const r = node('eval-new-verify.mjs', [file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^x-1: offset mismatch/m);
    expect(r.stderr).toMatch(/^x-2: random record with spans/m);
    expect(r.stderr).toMatch(/^x-2: bad tier D/m);
    expect(r.stderr).toMatch(/^hg-001: id also used in fixtures\/eval or fixtures\/eval-genres/m);
    expect(r.stderr).toMatch(/^hg-001: unknown genre "dialogue"/m);
  });
});

describe('npm run eval on the held-out set', () => {
  // The test's own FNV-1a of the id, as the README documents the split (even → dev half).
  const half = (id: string) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
    return h % 2 === 0 ? 'dev' : 'test';
  };
  const ids = readFileSync(SET, 'utf8')
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as { id: string }).id);

  it('lists the dev half, counts the test half and the whole set without listing them, and lists all with --show-held-out', () => {
    // Both command lines in one process: the set is linted once (test/eval-run.ts).
    const [hidden, shown] = evalRuns([
      [SET, '--no-lexicon'],
      [SET, '--no-lexicon', '--json', '--show-held-out'],
    ]) as [EvalRun, EvalRun];
    expect(hidden.status, hidden.stderr).toBe(0);
    const note = /false positives \((\d+)\) and misses \((\d+)\) not listed: a held-out set/.exec(hidden.stdout);
    expect(note, hidden.stdout.slice(-400)).not.toBeNull();
    expect(hidden.stdout).toContain('(dev half)');
    expect(hidden.stdout).toContain('(test half)');
    // No record of the test half is quoted: ids appear only in the lists.
    const testIds = ids.filter((id) => half(id) === 'test');
    expect(testIds.length).toBeGreaterThan(150);
    for (const id of testIds) expect(hidden.stdout).not.toContain(`${id} `);

    expect(shown.status, shown.stderr).toBe(0);
    const sets = JSON.parse(shown.stdout).sets as Record<string, { falsePositives: unknown[]; misses: unknown[]; listsHidden?: unknown }>;
    expect(Object.keys(sets)).toHaveLength(3);
    const [whole, dev, test] = Object.values(sets) as [(typeof sets)[string], (typeof sets)[string], (typeof sets)[string]];
    expect(whole.listsHidden).toBeUndefined();
    expect(whole.falsePositives.length).toBe(Number(note![1]));
    expect(whole.misses.length).toBe(Number(note![2]));
    // The halves partition the whole set's lists.
    expect(dev.falsePositives.length + test.falsePositives.length).toBe(whole.falsePositives.length);
    expect(dev.misses.length + test.misses.length).toBe(whole.misses.length);
  });
});
