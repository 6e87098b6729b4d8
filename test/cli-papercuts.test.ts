// Papercuts a newcomer met in the lint CLI (branch fixcli), each with its small input.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from './helpers.js';

function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dignify-cli-papercuts-'));
  for (const [name, body] of Object.entries(files)) writeFileSync(path.join(dir, name), body);
  return dir;
}

describe('a UTF-8 byte-order mark before a bad byte', () => {
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);

  it('is dropped before a document is read as Windows-1252: positions start at 1:1', async () => {
    const dir = folder({ 'b.txt': Buffer.concat([bom, Buffer.from('IVDU caf'), Buffer.from([0xe9]), Buffer.from('\n')]) });
    const r = await runMain(['b.txt', '--format', 'json'], { cwd: dir });
    const [result] = JSON.parse(r.stdout) as Array<{ findings: Array<{ actual: string; start: { line: number; column: number } }> }>;
    expect(result!.findings.map((f) => [f.actual, f.start.line, f.start.column])).toEqual([['IVDU', 1, 1]]);
    expect(r.stderr).toMatch(/b\.txt: warning: not valid UTF-8: read as Windows-1252/);
    expect(r.stderr).not.toContain('ï»¿');
  });

  it('is not left in the first column name of a CSV header', async () => {
    const csv = Buffer.concat([bom, Buffer.from('note_id,note\nn1,IVDU caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const r = await runMain(['b.csv', '--format', 'json'], { cwd: folder({ 'b.csv': csv }) });
    expect(r.stderr).toContain('(record id: "note_id")');
    expect(r.stderr).not.toContain('\uFEFF');
    const [result] = JSON.parse(r.stdout) as Array<{ records: Array<{ id: string }> }>;
    expect(result!.records.map((record) => record.id)).toEqual(['n1']);
  });
});
