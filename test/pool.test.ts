// Many files are linted on a worker pool; the output must be the one a single thread gives, in
// input order, with unreadable files reported in their place.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { POOL_MIN_FILES } from '../src/cli/lint-command.js';
import { runCli } from './helpers.js';

const LINES = ['Pt with hx of drug abuse.', 'Wound clean and dry.', 'Known IVDU, "junkie" per pt.', 'No findings here.', 'EtOH abuse.\n\nAlcohol: none.'];

describe('worker pool', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dignify-pool-'));
  const notes = path.join(dir, 'notes');
  mkdirSync(notes);
  const count = POOL_MIN_FILES + 37;
  for (let i = 0; i < count; i++) {
    const name = path.join(notes, `${String(i).padStart(4, '0')}.txt`);
    if (i === 123) writeFileSync(name, Buffer.from([0xff, 0x00, 0x01])); // binary: skipped
    else writeFileSync(name, `Note ${i}.\n${LINES[i % LINES.length]}\n`);
  }

  it('gives the same output in the same order as one thread', () => {
    const one = runCli([notes, '--format', 'json', '--threads', '1']);
    const pooled = runCli([notes, '--format', 'json', '--threads', '2']);
    expect(pooled.code).toBe(1);
    expect(pooled.stdout).toBe(one.stdout);
    expect(pooled.stderr).toBe(one.stderr);
    const results = JSON.parse(pooled.stdout) as Array<{ file: string; findings: unknown[]; skipped?: string }>;
    // The JSON report lists the skipped file too, in its place.
    expect(results.length).toBe(count);
    expect(results[123]!.skipped).toBe('binary file');
    expect(results.map((r) => r.file)).toEqual([...results.map((r) => r.file)].sort());
    expect(results.filter((r) => r.findings.length > 0).length).toBeGreaterThan(count / 2);
    expect(pooled.stderr).toContain('0123.txt: skipped: binary file');
  });
});
