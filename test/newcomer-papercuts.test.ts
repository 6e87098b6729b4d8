// Papercuts met trying dignify as a new user (branch newcomer), each with its small input.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from './helpers.js';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dignify-newcomer-'));
  for (const [name, body] of Object.entries(files)) writeFileSync(path.join(dir, name), body);
  return dir;
}

describe('an export with no record', () => {
  const dir = folder({
    'empty.csv': '',
    'header.csv': 'note_id,note_text\n',
    'empty.jsonl': '\n\n',
    'one.csv': 'note_id,note_text\nn1,seen today\n',
  });

  it.each(['empty.csv', 'header.csv', 'empty.jsonl'])('%s is said on stderr (not silent, as a clean export is); exit 0', async (file) => {
    const r = await runMain([file], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`dignify: ${file}: no records: the export is empty, nothing was linted\n`);
  });

  it('an export with a clean record says nothing of the kind', async () => {
    const r = await runMain(['one.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('no records');
  });
});
