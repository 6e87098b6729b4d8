// The seventh evaluation set (fixtures/eval-blind, handwritten in eight new genres, labelled blind, held out
// whole): its integrity check (scripts/eval-blind-verify.mjs) and the shape its README promises. The set is not
// wired into scripts/eval.js yet (the lead adds it when running it once); this file does not lint the set.
// It parses the JSON Lines itself so that it imports no dignify code.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

interface Span {
  start: number;
  end: number;
  text: string;
  category: string;
  tier: string;
  level?: string;
}
interface BlindRecord {
  id: string;
  genre: string;
  text: string;
  spans: Span[];
  note?: string;
}

const SET = path.join(ROOT, 'fixtures', 'eval-blind', 'labelled.jsonl');
const node = (script: string, args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'scripts', script), ...args], { cwd: ROOT, encoding: 'utf8' });

describe('fixtures/eval-blind', () => {
  const records: BlindRecord[] = readFileSync(SET, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));

  it('passes its verify script (offsets, tiers, pairs, no overlap with the other sets)', () => {
    const r = node('eval-blind-verify.mjs', []);
    expect(r.stderr + r.stdout).toMatch(/records checked, 0 problems/);
    expect(r.status).toBe(0);
  });

  it('has the eight written genres, a mix of labelled, clean and look-alike records, and enough core and tier-B spans', () => {
    expect([...new Set(records.map((r) => r.genre))].sort()).toEqual([
      'dental-oral-surgery',
      'infectious-disease-opat',
      'neurology-epilepsy',
      'oncology-survivorship',
      'ortho-trauma',
      'rehab-therapy',
      'sexual-health-clinic',
      'veterans-ptsd',
    ]);
    expect(records.length).toBeGreaterThanOrEqual(480);
    const clean = records.filter((r) => r.spans.length === 0);
    expect(clean.length).toBeGreaterThanOrEqual(250);
    const lookalikes = clean.filter((r) => /look-alike/.test(r.note ?? ''));
    expect(lookalikes.length * 2).toBeGreaterThanOrEqual(clean.length);
    const spans = records.flatMap((r) => r.spans).filter((s) => s.level !== 'info');
    expect(spans.filter((s) => s.tier === 'core').length).toBeGreaterThanOrEqual(95);
    expect(spans.filter((s) => s.tier === 'B').length).toBeGreaterThanOrEqual(140);
    expect(spans.filter((s) => s.tier === 'C').length).toBeGreaterThanOrEqual(25);
    // Every genre carries substance-use, tier-B and look-alike records, so no genre's figures rest on one kind.
    for (const g of new Set(records.map((r) => r.genre))) {
      const inGenre = records.filter((r) => r.genre === g);
      expect(
        inGenre.flatMap((r) => r.spans).some((s) => s.tier === 'core'),
        g,
      ).toBe(true);
      expect(
        inGenre.flatMap((r) => r.spans).some((s) => s.tier === 'B'),
        g,
      ).toBe(true);
      expect(
        inGenre.some((r) => /look-alike/.test(r.note ?? '')),
        g,
      ).toBe(true);
    }
  });

  it('prints the counts table of its README', () => {
    const r = node('eval-blind-verify.mjs', ['--counts']);
    expect(r.status).toBe(0);
    const readme = readFileSync(path.join(ROOT, 'fixtures', 'eval-blind', 'README.md'), 'utf8');
    expect(readme).toContain(r.stdout.trim());
  });

  it('is one of the sets npm run eval scores by default, held out whole', () => {
    const script = readFileSync(path.join(ROOT, 'scripts', 'eval.js'), 'utf8');
    expect(script).toMatch(/path\.join\(root, 'fixtures', 'eval-blind', 'labelled\.jsonl'\)/);
    expect(script).toMatch(/HELD_OUT = new Set\(\[[^\]]*'fixtures\/eval-blind'/);
  });
});

describe('scripts/eval-blind-verify.mjs', () => {
  it('names each bad record and exits 1, and exits 2 on a file it cannot read', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-eval-blind-'));
    const file = path.join(dir, 'bad.jsonl');
    const lines = [
      {
        id: 'bl-ortho-trauma-1',
        source: 'handwritten for this set (genre: ortho-trauma)',
        genre: 'ortho-trauma',
        kind: 'handwritten',
        text: 'Pt is a junkie.',
        spans: [{ start: 9, end: 15, text: 'junkie', category: 'substance-use', tier: 'core' }],
      },
      {
        id: 'bl-ortho-trauma-002',
        source: 'handwritten for this set (genre: ortho-trauma)',
        genre: 'ortho-trauma',
        kind: 'handwritten',
        text: 'Pin sites clean and dry.',
        spans: [],
      },
      { id: 'se-icu-critical-001', source: 's', genre: 'icu-critical', kind: 'handwritten', text: 'Fine today, thanks.', spans: [] },
    ];
    writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
    const r = node('eval-blind-verify.mjs', [file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^bl-ortho-trauma-1: id does not have the form bl-ortho-trauma-<nnn>/m);
    expect(r.stderr).toMatch(/^bl-ortho-trauma-1: offset mismatch/m);
    expect(r.stderr).toMatch(/^bl-ortho-trauma-002: clean record without a "clean:" or "look-alike:" note/m);
    expect(r.stderr).toMatch(/^se-icu-critical-001: id also used in one of .*eval-sealed/m);
    expect(r.stderr).toMatch(/^se-icu-critical-001: unknown genre "icu-critical"/m);
    const missing = node('eval-blind-verify.mjs', [path.join(dir, 'none.jsonl')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim()).toMatch(/none\.jsonl: cannot read \(ENOENT\)$/);
  });
});
