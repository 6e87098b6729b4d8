// --format jsonl: one finding per line, each line a JSON object standing alone (file, record,
// rule, positions), written as each note is linted: dignify as a filter in a pipe.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../src/index.js';
import { jsonl } from '../src/output/jsonl.js';
import { ROOT, runMain } from './helpers.js';

const CSV = path.join(ROOT, 'fixtures', 'inputs', 'mtsamples-excerpt.csv');
type Line = {
  file: string;
  record?: { row: number; id?: string; line?: number };
  ruleId?: string;
  actual?: string;
  start?: { offset: number };
  error?: string;
};
const parseLines = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Line);

describe('--format jsonl', () => {
  it('gives one parseable line per finding of a piped export, with its file and record id', async () => {
    const csv = readFileSync(CSV, 'utf8');
    const run = await runMain(['-', '--stdin-filename', 'notes.csv', '--format', 'jsonl'], { input: csv });
    expect(run.code).toBe(1);
    expect(run.stdout.endsWith('\n')).toBe(true);
    const lines = parseLines(run.stdout);
    const expected = (await lintFiles([CSV])).flatMap((r) => r.findings.map((f) => [r.record!.id, f.ruleId, f.actual, f.start.offset]));
    expect(lines.map((l) => [l.record!.id, l.ruleId, l.actual, l.start!.offset])).toEqual(expected);
    expect(expected.length).toBeGreaterThan(2);
    for (const l of lines) expect(l.file).toBe('notes.csv');
    // The note's text is recoverable from its offsets: the same phrase.
    expect(lines.every((l) => typeof l.actual === 'string' && l.actual.length > 0)).toBe(true);
  });

  it('writes a line for a record that cannot be read, and nothing else around the findings', async () => {
    const run = await runMain(['-', '--stdin-filename', 'notes.csv', '--format', 'jsonl'], { input: 'note_id,note_text\n1,an addict\n2,"broken\n3,IVDU\n' });
    expect(run.code).toBe(2);
    expect(parseLines(run.stdout).map((l) => [l.record?.row, l.record?.id, l.ruleId ?? l.error])).toEqual([
      [1, '1', 'substance-use/addict'],
      [2, undefined, 'unterminated quoted field'],
      [3, '3', 'substance-use/injection-drug-abuse'],
    ]);
  });

  it('streams: each result is written when it is linted; end() adds nothing', () => {
    const reporter = jsonl({ why: false, color: false, cwd: ROOT });
    const finding = {
      ruleId: 'r/x',
      category: 'r',
      severity: 'error' as const,
      message: 'm',
      actual: 'x',
      suggestions: [],
      start: { line: 1, column: 1, offset: 0 },
      end: { line: 1, column: 2, offset: 1 },
      note: 'why',
      sources: ['s'],
      url: 'u',
    };
    const out = reporter.result({ file: 'a.txt', findings: [finding, finding] });
    expect(out.split('\n')).toHaveLength(3);
    expect(JSON.parse(out.split('\n')[0]!)).toEqual({
      file: 'a.txt',
      ruleId: 'r/x',
      category: 'r',
      severity: 'error',
      message: 'm',
      actual: 'x',
      suggestions: [],
      start: finding.start,
      end: finding.end,
      url: 'u',
    });
    expect(reporter.result({ file: 'b.txt', findings: [] })).toBe('');
    expect(reporter.result({ file: 'n.csv', record: { row: 2, id: 'a2', line: 3 }, findings: [] })).toBe('');
    // A record that could not be read has no finding and still gets its line.
    expect(JSON.parse(reporter.result({ file: 'n.csv', record: { row: 3, line: 4 }, findings: [], error: 'bad quote' }))).toEqual({
      file: 'n.csv',
      record: { row: 3, line: 4 },
      error: 'bad quote',
    });
    expect(JSON.parse(reporter.result({ file: 'n.csv', record: { row: 4, line: 5 }, findings: [], skipped: 'too long' }))).toMatchObject({
      skipped: 'too long',
    });
    expect(reporter.end()).toBe('');
    const why = jsonl({ why: true, color: false, cwd: ROOT }).result({ file: 'a.txt', findings: [finding] });
    expect(JSON.parse(why)).toMatchObject({ note: 'why', sources: ['s'] });
  });
});
