// The fifth evaluation set (fixtures/eval-unseen, labelled blind, held out whole): its integrity check
// (scripts/eval-unseen-verify.mjs), the shape its README promises, and `npm run eval` scoring it as one
// held-out block (no dev half) whose false positives and misses stay unlisted unless --show-held-out.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecords } from '../src/eval/score.js';
import { ROOT } from './helpers.js';

const SET = path.join(ROOT, 'fixtures', 'eval-unseen', 'labelled.jsonl');
const node = (script: string, args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'scripts', script), ...args], { cwd: ROOT, encoding: 'utf8' });

describe('fixtures/eval-unseen', () => {
  const records = parseRecords(readFileSync(SET, 'utf8'));

  it('passes its verify script (offsets, tiers, slice, no overlap with the other sets)', () => {
    const r = node('eval-unseen-verify.mjs', []);
    expect(r.stderr + r.stdout).toMatch(/records checked, 0 problems/);
    expect(r.status).toBe(0);
  });

  it('has the eight written genres and real text, a mix of labelled, clean and look-alike records, and enough core and tier-B spans', () => {
    expect([...new Set(records.map((r) => r.genre))].sort()).toEqual([
      'addiction-medicine',
      'case-management',
      'ems-triage',
      'inpatient',
      'peds-geri',
      'primary-care',
      'procedure-wound',
      'real',
      'sickle-cell-hematology',
    ]);
    const clean = records.filter((r) => r.spans.length === 0);
    expect(clean.length).toBeGreaterThanOrEqual(250);
    const lookalikes = clean.filter((r) => /look-alike/.test((r as { note?: string }).note ?? ''));
    expect(lookalikes.length * 2).toBeGreaterThanOrEqual(clean.length);
    const spans = records.flatMap((r) => r.spans).filter((s) => s.level !== 'info');
    expect(spans.filter((s) => s.tier === 'core').length).toBeGreaterThanOrEqual(90);
    expect(spans.filter((s) => s.tier === 'B').length).toBeGreaterThanOrEqual(110);
    expect(records.some((r) => r.spans.some((s) => s.level === 'info'))).toBe(true);
  });
});

describe('scripts/eval-unseen-verify.mjs', () => {
  it('names each bad record and exits 1', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-eval-unseen-'));
    const file = path.join(dir, 'bad.jsonl');
    const lines = [
      // offset off by one, and an id without its number
      {
        id: 'un-inpatient-1',
        source: 's',
        genre: 'inpatient',
        kind: 'handwritten',
        text: 'Pt is a junkie.',
        spans: [{ start: 9, end: 15, text: 'junkie', category: 'substance-use', tier: 'core' }],
      },
      // an id and a genre of the fourth set
      { id: 'fr-perinatal-001', source: 's', genre: 'perinatal', kind: 'handwritten', text: 'Fine today, thanks.', spans: [] },
    ];
    writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
    const r = node('eval-unseen-verify.mjs', [file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^un-inpatient-1: id does not have the form un-inpatient-<nnn>/m);
    expect(r.stderr).toMatch(/^un-inpatient-1: offset mismatch/m);
    expect(r.stderr).toMatch(/^fr-perinatal-001: id also used in one of eval, eval-genres, eval-new, eval-fresh/m);
    expect(r.stderr).toMatch(/^fr-perinatal-001: unknown genre "perinatal"/m);
  });
});

describe('the verify scripts on a file they cannot read', () => {
  it('print one line naming the file and line, and exit 2', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-eval-verify-'));
    const file = path.join(dir, 'broken.jsonl');
    // A blank line first: the line number still counts it.
    writeFileSync(file, '{"id":"x"}\n\nnot json\n');
    for (const script of ['eval-new-verify.mjs', 'eval-fresh-verify.mjs', 'eval-unseen-verify.mjs']) {
      const broken = node(script, [file]);
      expect(broken.status, script).toBe(2);
      expect(broken.stderr.trim().split('\n'), script).toEqual([expect.stringMatching(/broken\.jsonl:3: not JSON \(/)]);
      const missing = node(script, [path.join(dir, 'none.jsonl')]);
      expect(missing.status, script).toBe(2);
      expect(missing.stderr.trim(), script).toMatch(/none\.jsonl: cannot read \(ENOENT\)$/);
    }
  });
});

describe('npm run eval on the fifth set', () => {
  const ids = parseRecords(readFileSync(SET, 'utf8')).map((r) => r.id);

  // One run: listing with --show-held-out is the same code for every held-out set, and
  // test/eval-fresh.test.ts runs it; a second lint of this set would only cost time.
  it('scores it whole and counts its false positives and misses without listing them', () => {
    const json = node('eval.js', [SET, '--no-lexicon', '--json']);
    expect(json.status, json.stderr).toBe(0);
    const sets = JSON.parse(json.stdout).sets as Record<
      string,
      { falsePositives: unknown[]; misses: unknown[]; listsHidden?: { falsePositives: number; misses: number } }
    >;
    expect(Object.keys(sets)).toEqual(['fixtures/eval-unseen/labelled.jsonl']);
    const counts = Object.values(sets)[0]!;
    expect(counts.falsePositives).toEqual([]);
    expect(counts.misses).toEqual([]);
    expect(counts.listsHidden?.falsePositives).toBeGreaterThanOrEqual(0);
    expect(counts.listsHidden?.misses).toBeGreaterThanOrEqual(0);
    for (const id of ids) expect(json.stdout).not.toContain(`"${id}"`);
  });
});
