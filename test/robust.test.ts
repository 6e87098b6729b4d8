// Inputs that real exports and documents contain and that once crashed dignify, ran it out of
// memory, slowed it down quadratically or lost records without a word (issue 12): each with a
// small input. (Speed and memory are measured in bench/pathological.js, never asserted here.)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles, lintText } from '../src/index.js';
import { lintDocument, lintDocumentWhole, preloadLint } from '../src/lint/lint-document.js';
import { resolveOptions } from '../src/lint/options.js';
import { HEAD_BYTES, looksBinary } from '../src/inputs/files.js';
import { cutPoint, MAX_BLOCK } from '../src/parse/windows.js';
import { runMain } from './helpers.js';

const resolved = resolveOptions();
await preloadLint();

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'dignify-robust-'));
}

function tempFile(name: string, content: string | Buffer): string {
  const file = path.join(tempDir(), name);
  writeFileSync(file, content);
  return file;
}

const found = async (text: string) => (await lintText(text)).map((f) => f.actual);

describe('long text is linted in bounded pieces', () => {
  it('lints 400 kB with no sentence end (it overflowed the stack), in the fast path and the whole-text reference', () => {
    const text = `hx of drug abuse. ${'the patient was seen today '.repeat(15_000)}and heroin addict`;
    const doc = { file: 'x.txt', syntax: 'text' as const, text };
    const fast = lintDocument(doc, resolved);
    expect(fast.map((f) => f.actual)).toEqual(['drug abuse', 'heroin addict']);
    expect(lintDocumentWhole(doc, resolved)).toEqual(fast);
  });

  it('a 405 kB note with no sentence end as one CSV record costs nothing to the records around it, in lint and report', async () => {
    const long = `hx of drug abuse. ${'the patient was seen today '.repeat(15_000)}`;
    const file = tempFile('notes.csv', `note_id,note_text\n1,heroin addict\n2,"${long}"\n3,IVDU\n`);
    const r = await runMain([file, '--format', 'compact', '--no-config']);
    expect(r.stderr).not.toContain('internal error');
    expect(r.code).toBe(1);
    expect(
      r.stdout
        .split('\n')
        .filter(Boolean)
        .map((l: string) => l.replace(/^.*?:row (\d+).*\[(.*)\]$/, '$1 $2')),
    ).toEqual(['1 substance-use/addict', '2 substance-use/substance-abuse', '3 substance-use/injection-drug-abuse']);
    const report = await runMain(['report', file, '--format', 'csv', '--no-config']);
    expect(report.stderr).not.toContain('internal error');
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('total,,,,,,3,3,3,');
  });

  it('a Markdown or HTML paragraph of 400 kB (it overflowed the stack) is linted as plain text', async () => {
    const text = `hx of drug abuse. ${'the patient was seen today '.repeat(15_000)}`;
    for (const [name, content, column] of [
      ['long.md', text, 7],
      ['long.html', `<p>${text}</p>`, 10],
    ] as const) {
      const r = await runMain([tempFile(name, content), '--format', 'compact']);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(`${name}:1:${column}: error Avoid "drug abuse"`);
      expect(r.stderr).not.toContain('internal error');
    }
  });

  it('finds every phrase of a long line dense with them, at the right offsets', async () => {
    const unit = 'Pt seen today for follow up, no distress on exam. Hx of drug abuse. Plan to return in three months. ';
    const text = unit.repeat(400); // 40 kB: five pieces
    const findings = await lintText(text);
    expect(findings).toHaveLength(400);
    for (const f of findings) expect(text.slice(f.start.offset, f.end.offset)).toBe(f.actual);
    expect(findings[399]!.start.column).toBe(399 * unit.length + unit.indexOf('drug') + 1);
  });

  it('cuts a block after a full stop before a capital, else at white space, else inside a word (never inside a surrogate pair)', () => {
    const sentences = 'Pt was seen. He is well. '.repeat(1000);
    const at = cutPoint(sentences, 0);
    expect(at).toBeGreaterThan(MAX_BLOCK / 2);
    expect(at).toBeLessThanOrEqual(MAX_BLOCK);
    expect(sentences[at - 1]).toBe('.');
    const words = 'word '.repeat(4000);
    expect(words[cutPoint(words, 0)]).toBe(' ');
    const emoji = '🙂'.repeat(MAX_BLOCK);
    expect(cutPoint(emoji, 0) % 2).toBe(0);
  });

  it('cuts at the end of a run of full stops before white space, and skips one with none after it', async () => {
    // The run of marks was searched from every start inside it (quadratic in the run).
    const words = 'word '.repeat(1000);
    expect(cutPoint(`${words}${'.'.repeat(3000)} Next one.`, 0)).toBe(MAX_BLOCK);
    expect(cutPoint(`${words}${'.'.repeat(3000)} next one.`, 0)).toBe(MAX_BLOCK);
    expect(cutPoint(`${words}${'.'.repeat(3000)}x Next one.`, 0)).toBe(words.length - 1);
    // A mark one character after a refused run is still found ("x." before a capital, at 7002).
    expect(cutPoint(`${words}${'.'.repeat(2000)}x. Next ${'y'.repeat(2000)}`, 0)).toBe(words.length + 2002);
    // A finding before a long run of full stops is kept, with or without a blank after the run.
    expect(await found(`Hx of IVDU${'.'.repeat(20_000)}`)).toEqual(['IVDU']);
    expect(await found(`Hx of IVDU${'.'.repeat(20_000)} Seen today.`)).toEqual(['IVDU']);
  });

  it('reads "drug" + 160,000 spaces + "abuse" without trouble, and finds the phrase across the gap', async () => {
    const gap = ' '.repeat(160_000);
    const text = `drug${gap}abuse. Hx of IVDU.`;
    // The gap is longer than a piece (so it is cut), but a run of white space that long is read as
    // one space in a second pass (hidden.ts), positions mapped back to the text as written.
    expect(await found(text)).toEqual([`drug${gap}abuse`, 'IVDU']);
    // A short gap is found once, not twice (the second pass finds only what the first did not).
    expect(await found(`drug${' '.repeat(5000)}abuse.`)).toEqual([`drug${' '.repeat(5000)}abuse`]);
    // Runs just under the length are each read once, not from every position inside them.
    expect(await found(`${'x'.concat(' '.repeat(3999)).repeat(250)}hx of IVDU`)).toEqual(['IVDU']);
  });
});

describe('export records are never lost silently', () => {
  it('an unterminated quote costs only its own line: the lines after it are read again as records', async () => {
    const file = tempFile('unterminated.csv', 'note_id,note_text\n2,"IVDU and\n3,heroin addict\n5,ab"c drug abuse\n7,IVDU\n');
    const results = await lintFiles([file]);
    expect(results.map((r) => [r.record!.line, r.error ?? r.findings.map((f) => f.actual).join()])).toEqual([
      [2, 'unterminated quoted field'],
      [3, 'heroin addict'],
      [4, 'a quotation mark inside an unquoted field (quote the field and double the mark)'],
      [5, 'IVDU'],
    ]);
  });

  it('a NUL byte costs only its record, near the start or after thousands of rows', async () => {
    const rows = ['id,text', '1,hx of IVDU', '2,bad\u0000byte drug abuse', '3,heroin addict'];
    for (let i = 4; i < 6000; i++) rows.push(`${i},nothing here`);
    rows.push('6000,also\u0000bad', '6001,IVDA');
    const results = await lintFiles([tempFile('nul.csv', `${rows.join('\n')}\n`)]);
    const errors = results.filter((r) => r.error).map((r) => [r.record!.row, r.error]);
    expect(errors).toEqual([
      [2, 'holds a NUL byte (binary data, not text)'],
      [6000, 'holds a NUL byte (binary data, not text)'],
    ]);
    expect(results.flatMap((r) => r.findings.map((f) => f.actual))).toEqual(['IVDU', 'heroin addict', 'IVDA']);
  });

  it('two columns with the chosen name stop the run with a message naming them', async () => {
    const r = await runMain([tempFile('dup.csv', 'id,text,text\n1,hello,IVDU\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the header names 2 columns "text" (columns 2 and 3)');
  });

  it('JSON Lines: null is an empty note; a number or an array is a malformed record', async () => {
    const file = tempFile('null.jsonl', '{"text": null}\n{"text": 5}\n{"text": ["IVDU"]}\n{"text": "IVDU"}\n');
    const results = await lintFiles([file]);
    expect(results.map((r) => r.error ?? r.findings.map((f) => f.actual).join())).toEqual([
      '',
      'the field "text" is not a string',
      'the field "text" is not a string',
      'IVDU',
    ]);
  });

  it('/dev/zero as an export is refused at its first bytes', async () => {
    const r = await runMain(['--input-format', 'csv', '/dev/zero']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/dev/zero: binary file');
  });
});

describe('files are never skipped silently', () => {
  it('reads a Windows-1252 (Latin-1) note with a warning, and finds what it says', async () => {
    const file = tempFile('legacy.txt', Buffer.from('Caf\xe9 visit. Pt with hx of drug abuse.\n', 'latin1'));
    const r = await runMain([file, '--format', 'compact']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not valid UTF-8: read as Windows-1252');
    expect(r.stdout).toContain(`:1:${'Café visit. Pt with hx of '.length + 1}: error Avoid "drug abuse"`);
    // --fix writes UTF-8 only: it leaves the file as it is, and the finding decides the exit code.
    const before = readFileSync(file);
    const fixed = await runMain([file, '--fix']);
    expect(fixed.code).toBe(1);
    expect(fixed.stderr).not.toContain('not fixed');
    expect(readFileSync(file)).toEqual(before);
  });

  it('a text file with a stray NUL byte is linted with a warning; a binary file named on its own is an error', async () => {
    const nul = tempFile('nul.txt', `hx of IVDU\u0000 ${'and more text '.repeat(20)}\n`);
    const r = await runMain([nul, '--format', 'compact']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('holds 1 NUL byte');
    const bin = await runMain([tempFile('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]))]);
    expect(bin.code).toBe(2);
    expect(bin.stderr).toContain('image.txt: binary file; not linted');
  });

  // The rule (README, "Inputs"; looksBinary): binary when the first 8 KB hold more than one
  // control byte that text never holds and those are more than 1% of them. A single NUL once made a
  // short note binary (skipped, exit 2 when named) while a long note with the same byte was read.
  it('tells binary from text by the first 8 KB: empty, one NUL, a stray NUL in a short note, two NULs, a NUL late in a big file', async () => {
    expect(looksBinary(new Uint8Array(0))).toBe(false);
    expect(looksBinary(new Uint8Array([0]))).toBe(false);
    expect(looksBinary(new Uint8Array([0, 0]))).toBe(true);
    expect(looksBinary(Buffer.from('hx of IVDU\u0000\u0001'))).toBe(true);
    expect(looksBinary(Buffer.from(`${'a'.repeat(300)}\u0000\u0000`))).toBe(false); // under 1%
    const empty = await runMain([tempFile('empty.txt', '')]);
    expect([empty.code, empty.stdout, empty.stderr]).toEqual([0, '', '']);
    const one = await runMain([tempFile('nul.txt', Buffer.from([0]))]);
    expect([one.code, one.stdout]).toEqual([0, '']);
    expect(one.stderr).toMatch(/nul\.txt: warning: holds 1 NUL byte/);
    const short = await runMain([tempFile('short.txt', 'hx of IVDU\u0000'), '--format', 'compact']);
    expect(short.code).toBe(1);
    expect(short.stdout).toMatch(/short\.txt:1:7: error .*\[substance-use\/injection-drug-abuse\]/);
    expect(short.stderr).toContain('holds 1 NUL byte');
    const two = await runMain([tempFile('two.txt', 'hx of IVDU\u0000\u0000')]);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('two.txt: binary file; not linted');
    const late = await runMain([tempFile('late.txt', `${'Plain text. '.repeat(HEAD_BYTES / 8)}\u0000\u0000\u0000 hx of IVDU\n`), '--format', 'compact']);
    expect(late.code).toBe(1);
    expect(late.stdout).toContain('[substance-use/injection-drug-abuse]');
    expect(late.stderr).toContain('holds 3 NUL bytes');
  });

  it('refuses /dev/zero, /dev/urandom and /dev/zero on standard input at their first bytes', async () => {
    for (const args of [['/dev/zero'], ['/dev/urandom']]) {
      const r = await runMain(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/binary file; not linted\n$/);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    const stdin = await runMain([], { input: Buffer.alloc(100_000).toString() });
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toContain('<stdin>: binary file; not linted');
  });

  it('refuses a document larger than --max-file-size, naming the flag', async () => {
    const file = tempFile('big.txt', `hx of IVDU ${'x'.repeat(2 * 1024 * 1024)}`);
    const r = await runMain([file, '--max-file-size', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('larger than 1 MB; not read (raise the limit with --max-file-size <MB>)');
    expect((await runMain([file, '--max-file-size', '3'])).code).toBe(1);
  });

  it('--ext with one extension, extensions of any case, and a folder with nothing to lint said', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.note'), 'hx IVDU');
    writeFileSync(path.join(dir, 'B.TXT'), 'heroin addict');
    const note = await runMain([dir, '--ext', 'note', '--format', 'compact']);
    expect(note.code).toBe(1);
    expect(note.stdout).toContain('a.note:1:4');
    expect(note.stdout).not.toContain('B.TXT');
    const upper = await runMain([dir, '--format', 'compact']);
    expect(upper.stdout).toContain('B.TXT:1:1');
    const empty = path.join(dir, 'empty');
    mkdirSync(empty);
    const none = await runMain([empty]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('empty: no file in this folder has an extension linted (.txt, .md, .html, .docx; --ext chooses)');
  });

  it('lists a file once however many symlinked folders reach it (a loop)', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'sub', 'note.txt'), 'hx IVDU');
    symlinkSync('..', path.join(dir, 'sub', 'loop'));
    const results = await lintFiles([dir]);
    expect(results.filter((r) => r.findings.length)).toHaveLength(1);
  });

  it('a path longer than the system allows is named', async () => {
    const r = await runMain([`${'x'.repeat(5000)}.txt`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/longer than the system allows|no such file/);
  });

  // A newcomer trial: a path through a file ("notes.csv/x") gave Node's raw message, with the path
  // again: "ENOTDIR: not a directory, stat '…'", for a note and for a --config alike.
  it('a path through a file is named in words, as a missing file is, and the rest is linted', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.txt'), 'hx IVDU\n');
    const r = await runMain(['a.txt/x.txt', 'a.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('dignify: a.txt/x.txt: a part of the path is a file, not a folder\n');
    expect(r.stdout).toContain('substance-use/injection-drug-abuse');
    const config = await runMain(['a.txt', '--config', 'a.txt/.dignifyrc'], { cwd: dir });
    expect(config.code).toBe(2);
    expect(config.stderr).toBe('dignify: a.txt/.dignifyrc: a part of the path is a file, not a folder\n');
  });

  it('exits 1 when the reader closes the pipe after a finding (dignify export.csv | head -1)', () => {
    // 2,000 records (20,000 until 2026-12): ~190 kB of findings, three times a pipe's 64 kB, so the writer
    // still meets the closed pipe, and more than POOL_MIN_DOCUMENTS, so the worker pool still runs.
    const rows = ['id,text', ...Array.from({ length: 2_000 }, (_, i) => `${i},hx of drug abuse and some more words to fill the line`)];
    const file = tempFile('many.csv', `${rows.join('\n')}\n`);
    const r = spawnSync(
      'bash',
      ['-c', `node "${path.join(process.cwd(), 'bin', 'dignify.cjs')}" "${file}" 2>/dev/null | head -1 >/dev/null; echo "\${PIPESTATUS[0]}"`],
      { encoding: 'utf8' },
    );
    expect(r.stdout.trim()).toBe('1');
  });

  it('rejects --threads 0', async () => {
    const r = await runMain(['--threads', '0', 'x.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('expected a whole number, 1 or more');
  });
});

describe('text that hides from the matcher', () => {
  it.each([
    ['a soft hyphen', 'Pt non\u00adcompliant with meds.', 'non\u00adcompliant'],
    ['&shy;', 'Pt non&shy;compliant with meds.', 'non&shy;compliant'],
    ['a zero-width space inside a word', 'Known heroin ad\u200bdict.', 'heroin ad\u200bdict'],
    ['a zero-width space between words', 'Hx of drug\u200babuse.', 'drug\u200babuse'],
    ['a zero-width joiner', 'Hx of dr\u200dug abuse.', 'dr\u200dug abuse'],
    ['&nbsp; between words', 'Hx of drug&nbsp;abuse.', 'drug&nbsp;abuse'],
    ['&#x20; between words', 'Hx of drug&#x20;abuse.', 'drug&#x20;abuse'],
    ['a word hyphenated at a line end', 'Pt is noncom-\npliant with meds.', 'noncom-\npliant'],
  ])('finds a phrase behind %s, positioned in the original text', async (_, text, actual) => {
    const findings = await lintText(text);
    expect(findings.map((f) => f.actual)).toEqual([actual]);
    const [f] = findings;
    expect(text.slice(f!.start.offset, f!.end.offset)).toBe(actual);
    expect(f!.start.column).toBe(text.indexOf(actual) + 1);
  });

  it('keeps a compound hyphenated at a line end as written', async () => {
    expect(await found('Known drug-\nseeking behavior.')).toEqual(['drug-\nseeking']);
  });

  it('finds the plurals IVDUs and IVDAs', async () => {
    const findings = await lintText('Needle exchange for IVDUs and IVDAs.');
    expect(findings.map((f) => [f.actual, f.ruleId])).toEqual([
      ['IVDUs', 'substance-use/injection-drug-users'],
      ['IVDAs', 'substance-use/injection-drug-users'],
    ]);
  });
});

describe('inline-control directives count only outside code', () => {
  it.each([
    ['inline code (Markdown)', 'x.md', 'Use `<!-- dignify-disable -->` to turn it off.\n\nHx of drug abuse.\n'],
    ['a fenced block (Markdown)', 'x.md', '```\n<!-- dignify-disable -->\n```\n\nHx of drug abuse.\n'],
    ['<pre> (Markdown)', 'x.md', '<pre>\n<!-- dignify-disable -->\n</pre>\n\nHx of drug abuse.\n'],
    ['<pre> (HTML)', 'x.html', '<pre><!-- dignify-disable --></pre>\n<p>Hx of drug abuse.</p>\n'],
    ['<code> (HTML)', 'x.html', '<p><code><!-- dignify-disable --></code></p>\n<p>Hx of drug abuse.</p>\n'],
    ['<script> (HTML)', 'x.html', '<script>// dignify-disable\n</script>\n<p>Hx of drug abuse.</p>\n'],
  ])('a directive shown in %s disables nothing', async (_, name, text) => {
    const r = await runMain([tempFile(name, text), '--format', 'compact']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('"drug abuse"');
  });

  it('a real comment still works, and a directive naming no rule is warned about', async () => {
    expect((await runMain([tempFile('ok.md', '<!-- dignify-disable -->\n\nHx of drug abuse.\n')])).code).toBe(0);
    const typo = await runMain([tempFile('typo.md', '<!-- dignify-disable-next-line substance-use/adict -->\nHx of drug abuse.\n')]);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain('typo.md: warning: line 1: a dignify directive names "substance-use/adict", which is no rule id or category');
  });
});
