// The tier-B coverage probes (scripts/tier-b-coverage.mjs, issue 11): every guide term the table
// wants in `recommended` is flagged by the default preset, every look-alike passes both presets, and
// the committed table is the script's current output.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const run = (args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'tier-b-coverage.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' });

describe('scripts/tier-b-coverage.mjs', () => {
  const r = run(['--check']);

  it('flags every recommended probe under recommended and no look-alike under all', () => {
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/\d+ probes, (\d+) as wanted, 0 not\./);
    expect(r.stdout).not.toMatch(/\*\*no\*\*/);
    expect(r.status).toBe(0);
  });

  it('lists the tier-B terms of the brief with the rule that flags them', () => {
    const row = (term: string) => r.stdout.split('\n').find((l) => l.includes(`| ${term} |`)) ?? '';
    expect(row('a borderline')).toMatch(/identity\/borderline-person \| all \|/);
    expect(row('malingerer')).toMatch(/credibility\/malingering \| recommended/);
    expect(row('high on (a drug)')).toMatch(/substance-use\/withdrawal-slang \| recommended/);
    expect(row('borderline BP')).toMatch(/\| pass \| – \|/);
  });

  it('matches the committed fixtures/audit/tier-b-coverage.md', () => {
    const committed = readFileSync(path.join(ROOT, 'fixtures', 'audit', 'tier-b-coverage.md'), 'utf8');
    expect(`${r.stdout.trimEnd()}\n`).toBe(`${committed.trimEnd()}\n`);
  });

  it('rejects an unknown option with exit 2 and a one-line error', () => {
    const bad = run(['--nope']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^dignify tier-b-coverage: unknown option --nope/);
  });
});
