// One registry of input formats (issue 15, item 3): the reader, the folder search, --fix and the
// CLI's choices all follow it, so `--input-format text` on a .csv reads, lints and fixes it as
// the text document the user said it is.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXTENSIONS, formatEntry, formatOf, FORMATS, INPUT_FORMATS } from '../src/inputs/formats.js';
import { lintOutcomes } from '../src/engine/lint-files.js';
import { runMain } from './helpers.js';

describe('the format registry', () => {
  it('has one entry per --input-format name, and no extension claimed twice', () => {
    expect(FORMATS.map((f) => f.name)).toEqual([...INPUT_FORMATS]);
    const extensions = FORMATS.flatMap((f) => f.extensions);
    expect(new Set(extensions).size).toBe(extensions.length);
  });

  it('chooses by extension, case-insensitively; plain text otherwise; the override wins', () => {
    expect(formatOf('a.MD')).toBe('markdown');
    expect(formatOf('a.ndjson')).toBe('jsonl');
    expect(formatOf('a.note')).toBe('text');
    expect(formatOf('a.csv', 'text')).toBe('text');
    expect(DEFAULT_EXTENSIONS).toEqual(['txt', 'md', 'html', 'docx']);
    expect(FORMATS.filter((f) => f.rewritable).map((f) => f.name)).toEqual(['text', 'markdown', 'html']);
    expect(formatEntry('csv').read).toBe('export');
  });

  it('tags each document with the format it was read as', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-formats-'));
    writeFileSync(path.join(dir, 'a.csv'), 'id,text\n1,Known heroin addict.\n');
    const formats: Array<string | undefined> = [];
    for await (const o of lintOutcomes([path.join(dir, 'a.csv')], { inputFormat: 'text' })) if (o.kind === 'linted') formats.push(o.doc.format);
    for await (const o of lintOutcomes([path.join(dir, 'a.csv')])) if (o.kind === 'linted') formats.push(o.doc.format);
    expect(formats).toEqual(['text', 'csv']);
  });

  it('--input-format text --fix-dry-run on a .csv shows the diff of its fixable finding', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-formats-'));
    const file = path.join(dir, 'plain.csv');
    writeFileSync(file, 'Pt has hx of drug abuse.\n');
    const r = await runMain([file, '--input-format', 'text', '--fix-dry-run'], { cwd: dir });
    expect(r.stdout).toContain('-Pt has hx of drug abuse.');
    expect(r.stdout).toContain('+Pt has hx of drug use.');
    expect(readFileSync(file, 'utf8')).toBe('Pt has hx of drug abuse.\n'); // a dry run writes nothing
    // Read as an export (by its extension) it is never rewritten, and no diff is shown.
    writeFileSync(file, 'id,text\n1,Pt has hx of drug abuse.\n');
    const asExport = await runMain([file, '--fix-dry-run'], { cwd: dir });
    expect(asExport.stdout).not.toContain('+++');
  });
});
