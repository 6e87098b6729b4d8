// The eighth evaluation set (fixtures/eval-final, handwritten in eight new genres, labelled blind, held out
// whole): its integrity check (scripts/eval-final-verify.mjs) and the shape its README promises. The set is not
// wired into scripts/eval.js (the lead adds it when running it once, at the end of the session); this file does
// not lint the set. It parses the JSON Lines itself so that it imports no dignify code.
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
interface FinalRecord {
  id: string;
  genre: string;
  text: string;
  spans: Span[];
  note?: string;
}

const SET = path.join(ROOT, 'fixtures', 'eval-final', 'labelled.jsonl');
const node = (script: string, args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'scripts', script), ...args], { cwd: ROOT, encoding: 'utf8' });

describe('fixtures/eval-final', () => {
  const records: FinalRecord[] = readFileSync(SET, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));

  it('passes its verify script (offsets, tiers, pairs, no overlap with the seven earlier sets)', () => {
    const r = node('eval-final-verify.mjs', []);
    expect(r.stderr + r.stdout).toMatch(/records checked, 0 problems/);
    expect(r.status).toBe(0);
  });

  it('has the eight written genres, a mix of labelled, clean and look-alike records, and enough core and tier-B spans', () => {
    expect([...new Set(records.map((r) => r.genre))].sort()).toEqual([
      'bariatric-surgery',
      'cardiology-clinic',
      'dermatology',
      'gastroenterology-endoscopy',
      'ob-gyn-outpatient',
      'pulmonology-sleep',
      'radiology-pathology',
      'utilization-review',
    ]);
    expect(records.length).toBeGreaterThanOrEqual(440);
    const clean = records.filter((r) => r.spans.length === 0);
    expect(clean.length).toBeGreaterThanOrEqual(250);
    const lookalikes = clean.filter((r) => /look-alike/.test(r.note ?? ''));
    expect(lookalikes.length * 2).toBeGreaterThanOrEqual(clean.length);
    const spans = records.flatMap((r) => r.spans).filter((s) => s.level !== 'info');
    expect(spans.filter((s) => s.tier === 'core').length).toBeGreaterThanOrEqual(95);
    expect(spans.filter((s) => s.tier === 'B').length).toBeGreaterThanOrEqual(140);
    expect(spans.filter((s) => s.tier === 'C').length).toBeGreaterThanOrEqual(25);
    // Every core span is a substance-use term (the tier's definition), so core recall measures only those.
    expect(spans.filter((s) => s.tier === 'core' && s.category !== 'substance-use')).toEqual([]);
    // Every genre carries core, tier-B and look-alike records, so no genre's figures rest on one kind.
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
    const r = node('eval-final-verify.mjs', ['--counts']);
    expect(r.status).toBe(0);
    const readme = readFileSync(path.join(ROOT, 'fixtures', 'eval-final', 'README.md'), 'utf8');
    expect(readme).toContain(r.stdout.trim());
  });

  it('is one of the sets npm run eval scores by default, held out whole', () => {
    const script = readFileSync(path.join(ROOT, 'scripts', 'eval.js'), 'utf8');
    expect(script).toMatch(/path\.join\(root, 'fixtures', 'eval-final', 'labelled\.jsonl'\)/);
    expect(script).toMatch(/HELD_OUT = new Set\(\[[^\]]*'eval-final'/);
  });
});

describe('scripts/eval-final-verify.mjs', () => {
  it('names each bad record and exits 1, and exits 2 on a file it cannot read', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-eval-final-'));
    const file = path.join(dir, 'bad.jsonl');
    const lines = [
      {
        id: 'fi-dermatology-1',
        source: 'handwritten for this set (genre: dermatology)',
        genre: 'dermatology',
        kind: 'handwritten',
        text: 'Pt is an addict.',
        spans: [{ start: 8, end: 14, text: 'addict', category: 'substance-use', tier: 'core' }],
      },
      {
        id: 'fi-dermatology-002',
        source: 'handwritten for this set (genre: dermatology)',
        genre: 'dermatology',
        kind: 'handwritten',
        text: 'Biopsy site clean and dry.',
        spans: [],
      },
      {
        id: 'fi-dermatology-003',
        source: 'handwritten for this set (genre: dermatology)',
        genre: 'dermatology',
        kind: 'handwritten',
        text: 'Pt refused the biopsy and is hostile.',
        spans: [
          { start: 3, end: 10, text: 'refused', category: 'compliance', tier: 'B' },
          { start: 5, end: 12, text: 'fused t', category: 'compliance', tier: 'B' },
        ],
      },
      { id: 'bl-ortho-trauma-001', source: 's', genre: 'ortho-trauma', kind: 'handwritten', text: 'Fine today, thanks.', spans: [] },
    ];
    writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
    const r = node('eval-final-verify.mjs', [file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^fi-dermatology-1: id does not have the form fi-dermatology-<nnn>/m);
    expect(r.stderr).toMatch(/^fi-dermatology-1: offset mismatch/m);
    expect(r.stderr).toMatch(/^fi-dermatology-002: clean record without a "clean:" or "look-alike:" note/m);
    expect(r.stderr).toMatch(/^fi-dermatology-003: .*overlap/m);
    expect(r.stderr).toMatch(/^bl-ortho-trauma-001: id also used in one of .*eval-blind/m);
    expect(r.stderr).toMatch(/^bl-ortho-trauma-001: unknown genre "ortho-trauma"/m);
    const missing = node('eval-final-verify.mjs', [path.join(dir, 'none.jsonl')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim()).toMatch(/none\.jsonl: cannot read \(ENOENT\)$/);
  });
});
