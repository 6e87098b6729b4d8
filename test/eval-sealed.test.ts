// The sixth evaluation set (fixtures/eval-sealed, handwritten in eight new genres, labelled blind, held
// out whole): its integrity check (scripts/eval-sealed-verify.mjs) and the shape its README promises.
// `npm run eval` scores it like eval-unseen (one held-out block, lists hidden): test/eval-unseen.test.ts
// tests that code, so this file does not lint the set a second time.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecords } from '../src/eval/score.js';
import { ROOT } from './helpers.js';

const SET = path.join(ROOT, 'fixtures', 'eval-sealed', 'labelled.jsonl');
const node = (script: string, args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'scripts', script), ...args], { cwd: ROOT, encoding: 'utf8' });

describe('fixtures/eval-sealed', () => {
  const records = parseRecords(readFileSync(SET, 'utf8'));

  it('passes its verify script (offsets, tiers, pairs, no overlap with the other sets)', () => {
    const r = node('eval-sealed-verify.mjs', []);
    expect(r.stderr + r.stdout).toMatch(/records checked, 0 problems/);
    expect(r.status).toBe(0);
  });

  it('has the eight written genres, a mix of labelled, clean and look-alike records, and enough core and tier-B spans', () => {
    expect([...new Set(records.map((r) => r.genre))].sort()).toEqual([
      'correctional-health',
      'harm-reduction',
      'icu-critical',
      'nephrology-dialysis',
      'palliative-home',
      'telehealth-urgent',
      'transplant-hepatology',
      'trial-research',
    ]);
    const clean = records.filter((r) => r.spans.length === 0);
    expect(clean.length).toBeGreaterThanOrEqual(230);
    const lookalikes = clean.filter((r) => /look-alike/.test((r as { note?: string }).note ?? ''));
    expect(lookalikes.length * 2).toBeGreaterThanOrEqual(clean.length);
    const spans = records.flatMap((r) => r.spans).filter((s) => s.level !== 'info');
    expect(spans.filter((s) => s.tier === 'core').length).toBeGreaterThanOrEqual(90);
    expect(spans.filter((s) => s.tier === 'B').length).toBeGreaterThanOrEqual(110);
  });

  it('is one of the sets npm run eval scores by default, held out whole', () => {
    const script = readFileSync(path.join(ROOT, 'scripts', 'eval.js'), 'utf8');
    expect(script).toMatch(/path\.join\(root, 'fixtures', 'eval-sealed', 'labelled\.jsonl'\)/);
    expect(script).toMatch(/HELD_OUT = new Set\(\[[^\]]*'eval-sealed'/);
  });
});

describe('scripts/eval-sealed-verify.mjs', () => {
  it('names each bad record and exits 1, and exits 2 on a file it cannot read', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-eval-sealed-'));
    const file = path.join(dir, 'bad.jsonl');
    const lines = [
      {
        id: 'se-icu-critical-1',
        source: 'handwritten for this set (genre: icu-critical)',
        genre: 'icu-critical',
        kind: 'handwritten',
        text: 'Pt is a junkie.',
        spans: [{ start: 9, end: 15, text: 'junkie', category: 'substance-use', tier: 'core' }],
      },
      { id: 'un-inpatient-001', source: 's', genre: 'inpatient', kind: 'handwritten', text: 'Fine today, thanks.', spans: [] },
    ];
    writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
    const r = node('eval-sealed-verify.mjs', [file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^se-icu-critical-1: .*id/m);
    expect(r.stderr).toMatch(/^se-icu-critical-1: offset mismatch/m);
    expect(r.stderr).toMatch(/^un-inpatient-001: /m);
    const missing = node('eval-sealed-verify.mjs', [path.join(dir, 'none.jsonl')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim()).toMatch(/none\.jsonl: cannot read \(ENOENT\)$/);
  });
});
