// A long document's findings stream out in batches (issue 12: a dense 100 MB note must not hold
// half a million findings at once): lintDocumentBatches gives lintDocument's findings, and every
// reporter writes a document given in batches as it writes the document whole. The CLI streams
// documents longer than 1 M characters; DIGNIFY_BATCHES="chars,findings" lowers that for tests.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintDocument, lintDocumentBatches, preloadLint } from '../src/lint/lint-document.js';
import { resolveOptions } from '../src/lint/options.js';
import type { Finding } from '../src/types.js';
import { runMain } from './helpers.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

await preloadLint();
const resolved = resolveOptions();
const doc = (text: string) => ({ file: 'n.txt', syntax: 'text' as const, text });

const FRAGMENTS = [
  'Hx of drug abuse. ',
  'The patient was seen today. ',
  'He is an addict. ',
  'Clean and dry wound. ',
  'Pt is noncompliant with meds. ',
  'IVDU hx. ',
  'history of sexual abuse ',
  '\n',
  '\n\n',
  '<!-- dignify-disable-next-line -->\n',
  '# dignify-disable substance-use\n',
  '# dignify-enable\n',
  'drug&nbsp;abuse ',
  'non\u00adcompliant ',
  'noncom-\npliant ',
  'the patient was seen today and tolerated the procedure well ',
];

describe('lintDocumentBatches', () => {
  it('gives, concatenated, the findings of lintDocument, in batches none empty but the last', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 120 }), fc.integer({ min: 1, max: 6 }), (parts, perBatch) => {
        const text = parts.join('');
        const batches = [...lintDocumentBatches(doc(text), resolved, perBatch)];
        expect(batches.length).toBeGreaterThan(0);
        // Only the last batch may be empty (directives and the hidden-text merge may leave fewer than perBatch).
        for (const b of batches.slice(0, -1)) expect(b.length).toBeGreaterThan(0);
        expect({ text, findings: batches.flat() }).toEqual({ text, findings: lintDocument(doc(text), resolved) });
      }),
      { numRuns: 150 },
    );
  });

  it('cuts a dense one-line note longer than a parsed piece into many batches, in text order', () => {
    const text = 'Pt seen in clinic today, no acute distress. Hx of drug abuse. Plan to return in three months. '.repeat(400);
    const batches = [...lintDocumentBatches(doc(text), resolved, 50)];
    const whole = lintDocument(doc(text), resolved);
    expect(whole.length).toBe(400);
    expect(batches.length).toBeGreaterThan(4);
    expect(batches.flat()).toEqual(whole);
    const starts = batches.flat().map((f: Finding) => f.start.offset);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('applies a disable directive at the top of a long text to the findings of every batch', () => {
    const text = `# dignify-disable substance-use\n${'Hx of drug abuse.\n'.repeat(300)}He is noncompliant.\n`;
    const batches = [...lintDocumentBatches(doc(text), resolved, 10)];
    expect(batches.flat().map((f) => f.ruleId)).toEqual(['compliance/noncompliant']);
  });

  it('reads quotation marks right on every line of a long block (the per-paragraph quote index is bounded)', () => {
    const lines = Array.from({ length: 2500 }, (_, i) => (i % 2 ? 'Pt said "I was an addict" today.' : 'He is an addict.'));
    const findings = [...lintDocumentBatches(doc(lines.join('\n')), resolved, 100)].flat();
    expect(findings).toHaveLength(2500);
    expect(findings.map((f) => Boolean(f.quoted))).toEqual(lines.map((_, i) => i % 2 === 1));
  });

  it('still sees an address on each of thousands of lines (the per-line span cache is bounded)', () => {
    const lines = Array.from({ length: 2500 }, (_, i) => (i % 2 ? 'See https://example.org/drug-abuse today.' : 'Hx of drug abuse.'));
    const findings = [...lintDocumentBatches(doc(lines.join('\n')), resolved, 100)].flat();
    // Only the prose lines: the phrase inside each address is not prose.
    expect(findings.map((f) => f.start.line)).toEqual(lines.flatMap((_, i) => (i % 2 ? [] : [i + 1])));
  });

  it('gives Markdown in one batch (it is parsed whole)', () => {
    const md = { file: 'a.md', syntax: 'markdown' as const, text: '# Hx\n\nHx of drug abuse. He is an addict.\n' };
    const batches = [...lintDocumentBatches(md, resolved, 1)];
    expect(batches).toHaveLength(1);
    expect(batches[0]).toEqual(lintDocument(md, resolved));
  });
});

// A note with findings spread over 60 lines in blocks of four (a batch ends where a parsed block
// ends): many batches of 3 with DIGNIFY_BATCHES=10,3.
const dir = mkdtempSync(path.join(os.tmpdir(), 'dignify-batches-'));
const note = Array.from({ length: 60 }, (_, i) =>
  i % 7 === 0 ? 'He is an addict and noncompliant.' : i % 3 === 0 ? 'Hx of drug abuse, IVDU.' : i % 5 === 0 ? 'Pt is noncompliant.' : 'Seen today.',
)
  .map((line, i) => (i % 4 === 3 ? `${line}\n` : line))
  .join('\n');
writeFileSync(path.join(dir, 'note.txt'), `${note}\n`);
writeFileSync(
  path.join(dir, 'notes.csv'),
  `note_id,note_text\n1,"${note}"\n2,heroin addict\n3,clean and dry wound\n4,"${note.replace(/drug abuse|addict/g, 'x').replace(/IVDU/g, 'y')}"\n`,
);
const BATCHED = { DIGNIFY_BATCHES: '10,3' };

describe('the CLI with a document in batches', () => {
  it('is given a note that makes many batches', () => {
    expect([...lintDocumentBatches(doc(note), resolved, 3)].length).toBeGreaterThan(8);
  });

  for (const format of ['json', 'jsonl', 'compact', 'sarif', 'github']) {
    for (const file of ['note.txt', 'notes.csv']) {
      it(`writes ${file} in --format ${format} as it does unbatched`, async () => {
        const whole = await runMain([file, '-f', format, '--no-config'], { cwd: dir });
        const batched = await runMain([file, '-f', format, '--no-config'], { cwd: dir, env: BATCHED });
        expect(whole.code).toBe(1);
        expect(whole.stdout.split('\n').length).toBeGreaterThan(20);
        expect(batched).toEqual(whole);
        if (format === 'json' || format === 'sarif') JSON.parse(batched.stdout);
      });
    }
  }

  it('keeps --quiet, the exit code and the JSON shape when the first batches hold only warnings', async () => {
    // Warnings first, errors at the end: with --quiet the first batches are emptied.
    const text = `${'Pt is noncompliant.\n\n'.repeat(12)}He is an addict.\n`;
    expect([...lintDocumentBatches(doc(text), resolved, 3)].length).toBeGreaterThan(3);
    writeFileSync(path.join(dir, 'late.csv'), `id,text\n1,"${text}"\n2,"${'Pt is noncompliant.\n\n'.repeat(12)}"\n`);
    for (const args of [
      ['late.csv', '-f', 'json', '--quiet'],
      ['late.csv', '-f', 'json'],
    ]) {
      const whole = await runMain([...args, '--no-config'], { cwd: dir });
      const batched = await runMain([...args, '--no-config'], { cwd: dir, env: BATCHED });
      expect(batched).toEqual(whole);
      JSON.parse(batched.stdout);
    }
    const quiet = JSON.parse((await runMain(['late.csv', '-f', 'json', '--quiet', '--no-config'], { cwd: dir, env: BATCHED })).stdout);
    expect(quiet[0].records).toHaveLength(1);
    expect(quiet[0].records[0].findings.map((f: Finding) => f.ruleId)).toEqual(['substance-use/addict']);
  });

  it('prints stylish with the same rows and summary; columns only widen within the document', async () => {
    const whole = await runMain(['note.txt', '--no-config'], { cwd: dir });
    const batched = await runMain(['note.txt', '--no-config'], { cwd: dir, env: BATCHED });
    expect(batched.code).toBe(whole.code);
    const squeeze = (s: string) => s.replace(/ {2,}/g, '  ');
    expect(squeeze(batched.stdout)).toBe(squeeze(whole.stdout));
    expect(batched.stdout).toMatch(/✖ \d+ problems \(\d+ errors, \d+ warnings, 0 info\)/);
    // Where a batch's rows are narrower than an earlier batch's, they are padded to the earlier
    // width: the severity column (after the line:column) never moves left.
    const rows = batched.stdout.split('\n').filter((l) => /^ {2} *\d+:\d+/.test(l));
    const severityColumn = rows.map((l) => l.search(/ (error|warning) /));
    expect(new Set(severityColumn).size).toBeGreaterThan(1); // the 2-digit lines came in a later batch
    for (let i = 1; i < severityColumn.length; i++) expect(severityColumn[i]).toBeGreaterThanOrEqual(severityColumn[i - 1]!);
  });

  it('counts warnings across batches for --max-warnings', async () => {
    const text = 'Pt is noncompliant.\n\n'.repeat(20);
    writeFileSync(path.join(dir, 'warn.txt'), text);
    const r = await runMain(['warn.txt', '--max-warnings', '19', '--no-config', '-f', 'compact'], { cwd: dir, env: BATCHED });
    expect(r.stdout.trim().split('\n')).toHaveLength(20);
    expect(r.stderr).toContain('too many warnings: 20');
    expect(r.code).toBe(1);
  });
});
