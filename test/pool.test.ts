// Many files and the records of a large export are linted on a worker pool; the output must be
// the one a single thread gives, in input order, with unreadable files and per-folder configs
// (which reach the workers as plain data) handled as on one thread. Small inputs never start it.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceEvent } from '../src/inputs/sources.js';
import { idleCoresSince, lintInParallel, poolHelps, WORKER_MAX_CHARS } from '../src/engine/lint-parallel.js';
import { resolveOptions } from '../src/lint/options.js';
import { ROOT, runMain } from './helpers.js';

// The pool starts sooner than in real use (500 documents and 16 M characters), so the inputs
// stay small and the test fits a busy 2-core machine; what it checks does not depend on the size.
const POOL_MIN_DOCUMENTS = 60;
const POOL_MIN_CHARS = 60_000;
const POOL_FROM = { documents: POOL_MIN_DOCUMENTS, chars: POOL_MIN_CHARS };
// The built CLI in this process, not spawned (4 start-ups of ~1 s of CPU each on a busy machine):
// what is tested is the pool's output, and its threads load the compiled dist/engine/pool-worker.js
// either way. test/cli.test.ts and test/stdio.test.ts test the spawned command.
const runCli = (args: string[]) => runMain(args, { built: true, env: { DIGNIFY_POOL_FROM: `${POOL_MIN_DOCUMENTS},${POOL_MIN_CHARS}` } });

const LINES = [
  'Pt with hx of drug abuse.',
  'Wound clean and dry.',
  'Known IVDU, "junkie" per pt.',
  'No findings here.',
  'EtOH abuse.\n\nAlcohol: none.',
  'Frequent flyer, addict.',
  'Pt is an alcoholic.',
];
const HOUSE_RULES = `category: house-style
rules:
  - id: house-style/frequent-flyer
    severity: error
    match: ["frequent flyer(s)"]
    suggestions: ["person with frequent visits"]
    note: Labels a patient by their use of care.
    sources: [local]
    examples:
      flag: ["Known frequent flyer."]
      pass: ["Frequent visits this year."]
`;

type Result = { file: string; record?: { row: number }; findings: Array<{ ruleId: string; severity: string }>; skipped?: string };

describe('worker pool', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dignify-pool-'));
  const notes = path.join(dir, 'notes');
  // Two folders with configs of their own: one turns a rule off and allows a phrase, the other
  // adds a rule file of its own (rule files cross to the workers as data).
  const folders = { plain: path.join(notes, 'a'), quiet: path.join(notes, 'b'), house: path.join(notes, 'c') };
  for (const f of Object.values(folders)) mkdirSync(f, { recursive: true });
  writeFileSync(path.join(folders.quiet, '.dignifyrc'), 'rules:\n  substance-use/addict: "off"\nallow: [drug abuse]\n');
  writeFileSync(path.join(folders.house, 'house.yaml'), HOUSE_RULES);
  writeFileSync(path.join(folders.house, '.dignifyrc'), 'extends: house.yaml\nrules: { credibility/frequent-flyer: "off" }\n');
  const count = POOL_MIN_DOCUMENTS + 137;
  const BINARY = 61;
  const LARGE = 63;
  // Text enough for the pool to start (POOL_MIN_CHARS) well before the last document.
  const FILLER = 'No findings here. '.repeat(Math.ceil(POOL_MIN_CHARS / POOL_MIN_DOCUMENTS / 18));
  const folderList = Object.values(folders);
  for (let i = 0; i < count; i++) {
    const name = path.join(folderList[i % 3]!, `${String(i).padStart(4, '0')}.txt`);
    if (i === BINARY)
      writeFileSync(name, Buffer.from([0xff, 0x00, 0x01])); // binary: skipped
    // Larger than a worker takes (its heap is small): linted on the main thread, in its place.
    else if (i === LARGE) writeFileSync(name, `${'No findings here.\n\n'.repeat(WORKER_MAX_CHARS / 16)}Pt with hx of drug abuse.\n`);
    else writeFileSync(name, `Note ${i}.\n${LINES[i % LINES.length]}\n${FILLER}`);
  }
  const csv = path.join(dir, 'export.csv');
  const rows = Array.from({ length: POOL_MIN_DOCUMENTS * 3 }, (_, i) => `${i},"Note ${i}. ${LINES[i % LINES.length]!.replace(/"/g, '""')} ${FILLER}"`);
  writeFileSync(csv, `note_id,note_text\n${rows.join('\n')}\n`);

  it('gives many files the same output in the same order as one thread, configs included', async () => {
    const one = await runCli([notes, '--format', 'json', '--threads', '1']);
    const pooled = await runCli([notes, '--format', 'json', '--threads', '2']);
    expect(pooled.code).toBe(1);
    expect(pooled.stdout).toBe(one.stdout);
    expect(pooled.stderr).toBe(one.stderr);
    const results = JSON.parse(pooled.stdout) as Result[];
    // The JSON report lists the skipped file too, in its place.
    expect(results.length).toBe(count);
    expect(results.find((r) => r.file.endsWith('0061.txt'))!.skipped).toBe('binary file');
    expect(results.find((r) => r.file.endsWith('0063.txt'))!.findings.map((f) => f.ruleId)).toEqual(['substance-use/substance-abuse']);
    const ids = (folder: string) =>
      new Set(
        results
          .filter((r) => r.file.includes(`${path.sep}notes${path.sep}${path.basename(folder)}${path.sep}`))
          .flatMap((r) => r.findings.map((f) => f.ruleId)),
      );
    expect(ids(folders.plain)).toContain('substance-use/addict');
    expect(ids(folders.quiet)).not.toContain('substance-use/addict');
    expect(ids(folders.house)).toContain('house-style/frequent-flyer');
    expect(ids(folders.house)).not.toContain('credibility/frequent-flyer');
    expect(pooled.stderr).toContain('0061.txt: warning: skipped: binary file');
  });

  it('gives the records of a large export the same output in the same order as one thread', async () => {
    const one = await runCli([csv, '--format', 'compact', '--threads', '1']);
    const pooled = await runCli([csv, '--format', 'compact', '--threads', '2']);
    expect(pooled.code).toBe(1);
    expect(pooled.stdout).toBe(one.stdout);
    // One line per finding, "export.csv:row N (note_id …)": rows in input order.
    const rowsSeen = [...pooled.stdout.matchAll(/export\.csv:row (\d+) /g)].map((m) => Number(m[1]));
    expect(rowsSeen).toEqual([...rowsSeen].sort((a, b) => a - b));
    expect(new Set(rowsSeen).size).toBeGreaterThan(rows.length / 2);
    expect(rowsSeen.at(-1)).toBeGreaterThan(rows.length - 10);
  });

  it('starts the pool for a large input only (lintStream)', async () => {
    // The built API: workers load the compiled pool-worker.js.
    const { lintStream } = (await import(path.join(ROOT, 'dist', 'engine', 'lint-files.js'))) as typeof import('../src/engine/lint-files.js');
    const run = async (paths: string[]) => {
      const started: number[] = [];
      const files: string[] = [];
      for await (const e of lintStream(paths, { threads: 2, poolFrom: POOL_FROM, onPool: (n) => started.push(n) }))
        if ('result' in e) files.push(`${e.result.file}#${e.result.record?.row ?? ''}`);
      return { started, files };
    };
    const large = await run([csv]);
    expect(large.started).toEqual([2]);
    expect(large.files.length).toBe(rows.length);
    const small = await run([path.join(folders.plain, '0000.txt'), path.join(folders.plain, '0003.txt')]);
    expect(small.started).toEqual([]);
    expect(small.files.length).toBe(2);
  });

  it('does not start the pool by default when no core is free or linting is not the bottleneck', () => {
    expect(poolHelps({ cores: 2, idle: 0.95, lintShare: 0.8 })).toBe(true);
    expect(poolHelps({ cores: 2, idle: 0.2, lintShare: 0.8 })).toBe(false); // the other core is busy
    expect(poolHelps({ cores: 8, idle: 1.5, lintShare: 0.8 })).toBe(true);
    expect(poolHelps({ cores: 1, idle: 1, lintShare: 1 })).toBe(false);
    expect(poolHelps({ cores: 2, idle: 1, lintShare: 0.3 })).toBe(false); // reading dominates
  });

  it('measures idle cores, and the cores this process used, from the CPU times since the last call', () => {
    const signals = idleCoresSince();
    const spin = performance.now() + 60;
    while (performance.now() < spin); // this thread busy: at most cores - 1 idle
    const { cores, idle, used } = signals();
    expect(cores).toBe(availableParallelism());
    expect(idle).toBeGreaterThanOrEqual(0);
    expect(idle).toBeLessThanOrEqual(cores);
    // This process's CPU time over the 60 ms: some, and (with a margin for its other threads) no more than every core.
    expect(used).toBeGreaterThan(0);
    expect(used).toBeLessThanOrEqual(cores + 0.5);
  });

  it('keeps a large input on this thread with adaptive threads on a busy machine, same output', async () => {
    const options = resolveOptions();
    const text = `Pt with hx of drug abuse. ${FILLER}`;
    const count = POOL_MIN_DOCUMENTS + 10;
    async function* sources(): AsyncGenerator<SourceEvent> {
      for (let i = 0; i < count; i++) yield { kind: 'document', doc: { file: `${i}.txt`, syntax: 'text', text } };
    }
    const started: number[] = [];
    let findings = 0;
    let documents = 0;
    for await (const linted of lintInParallel(
      sources(),
      () => options,
      2,
      (n) => started.push(n),
      POOL_FROM,
      true,
      () => ({ cores: 2, idle: 0 }),
    )) {
      documents++;
      findings += linted.findings!.length;
    }
    expect(started).toEqual([]);
    expect(documents).toBe(count);
    expect(findings).toBe(count);
  });
});
