// Property tests over generated documents and exports (issue 12): whatever the bytes, the CLI ends
// with exit 0, 1 or 2 and never an internal error; and every well-formed record of an export gets
// exactly the findings of linting it alone, whatever bad records stand around it. Runs are few
// (each lints files), so `npm test` stays quick on a busy machine.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { lintFiles } from '../src/index.js';
import { lintDocument, preloadLint } from '../src/lint/lint-document.js';
import { resolveOptions } from '../src/lint/options.js';

await preloadLint();
const resolved = resolveOptions();
const dir = mkdtempSync(path.join(tmpdir(), 'dignify-robust-prop-'));
let n = 0;

function capture() {
  let text = '';
  return {
    write: (s: string) => ((text += s), true),
    get text() {
      return text;
    },
  };
}

async function cli(args: string[], stdin = ''): Promise<{ code: number; stderr: string }> {
  const stdout = capture();
  const stderr = capture();
  const code = await main(args, { stdin: Readable.from([Buffer.from(stdin)]), stdout, stderr, cwd: dir, env: { NO_COLOR: '1' } });
  return { code, stderr: stderr.text };
}

// Bytes that look like text, like binary data, and like both.
const words = [
  'hx',
  'of',
  'drug',
  'abuse',
  'IVDU',
  'heroin',
  'addict',
  'clean',
  'Pt',
  'the',
  '.',
  ',',
  '"',
  '\n',
  '\r\n',
  ' ',
  '\t',
  '\u00ad',
  '&nbsp;',
  '<!--',
  '-->',
  'dignify-disable',
  '`',
  '```',
  '<pre>',
  '#',
  '{',
  '}',
  ':',
  '[',
  ']',
];
const texty = fc.array(fc.constantFrom(...words), { maxLength: 120 }).map((parts) => Buffer.from(parts.join('')));
const bytes = fc.oneof(
  texty,
  fc.uint8Array({ maxLength: 3000 }).map((a) => Buffer.from(a)),
  fc.tuple(texty, fc.uint8Array({ maxLength: 40 })).map(([a, b]) => Buffer.concat([a, Buffer.from(b), a])),
);

describe('the CLI on any bytes', () => {
  it('ends with exit 0, 1 or 2 and never an internal error, in every input format', async () => {
    await fc.assert(
      fc.asyncProperty(bytes, fc.constantFrom('txt', 'md', 'html', 'csv', 'tsv', 'jsonl'), async (content, ext) => {
        const file = path.join(dir, `in-${n++}.${ext}`);
        writeFileSync(file, content);
        const { code, stderr } = await cli([file, '--format', 'json', '--threads', '1']);
        expect([0, 1, 2]).toContain(code);
        expect(stderr).not.toMatch(/internal error|\n\s+at /);
      }),
      { numRuns: 40 },
    );
  });

  it('the same on standard input', async () => {
    await fc.assert(
      fc.asyncProperty(bytes, async (content) => {
        const { code, stderr } = await cli(['--format', 'compact'], content.toString('latin1'));
        expect([0, 1, 2]).toContain(code);
        expect(stderr).not.toMatch(/internal error|\n\s+at /);
      }),
      { numRuns: 20 },
    );
  });
});

// An export: well-formed records (id "g<k>", a note without quotation marks) among bad ones that
// cannot join a good record into a quoted field: a quote opening a field with text after it, a
// wrong number of fields, a NUL byte.
const note = fc
  .array(fc.constantFrom('hx of', 'drug abuse', 'IVDU', 'heroin addict', 'clean', 'and', 'wound', 'Pt', 'is', 'noncompliant', '.'), {
    minLength: 1,
    maxLength: 12,
  })
  .map((w) => w.join(' '));
const record = fc.oneof(
  { weight: 3, arbitrary: note.map((text) => ({ good: true as const, text })) },
  { weight: 1, arbitrary: note.map((text) => ({ good: false as const, line: (id: string) => `${id},"${text.replace(/^\W*/, 'x')}` })) },
  { weight: 1, arbitrary: note.map((text) => ({ good: false as const, line: (id: string) => `${id},${text},extra` })) },
  { weight: 1, arbitrary: note.map((text) => ({ good: false as const, line: (id: string) => `${id},${text}\u0000` })) },
);

function expectAlone(results: Awaited<ReturnType<typeof lintFiles>>, good: Map<string, string>): void {
  const byId = new Map(results.filter((r) => r.record?.id?.startsWith('g')).map((r) => [r.record!.id!, r]));
  for (const [id, text] of good) {
    const result = byId.get(id);
    expect(result, `record ${id} was lost`).toBeDefined();
    expect(result!.error).toBeUndefined();
    const alone = lintDocument({ file: 'alone', syntax: 'text', text }, resolved);
    expect(result!.findings.map(({ file: _, ...f }) => f)).toEqual(alone);
  }
}

describe('exports: a bad record costs only itself', () => {
  it('CSV: every well-formed record gets the findings of linting it alone', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 25 }), async (records) => {
        const good = new Map<string, string>();
        const lines = ['id,text'];
        records.forEach((r, k) => {
          if (r.good) {
            good.set(`g${k}`, r.text);
            lines.push(`g${k},${r.text}`);
          } else lines.push(r.line(`b${k}`));
        });
        const file = path.join(dir, `export-${n++}.csv`);
        writeFileSync(file, `${lines.join('\n')}\n`);
        expectAlone(await lintFiles([file], { textColumn: 'text', idColumn: 'id' }), good);
      }),
      { numRuns: 60 },
    );
  });

  it('JSON Lines: the same, among lines that are not JSON, not objects, or hold a NUL byte', async () => {
    const bad = fc.constantFrom(
      '{"id": "b", "text": ',
      'not json',
      '[1, 2]',
      '{"id": "b", "text": 5}',
      '{"id": "b", "text": "x\u0000y"}',
      '\u0000\u0001',
      '"text"',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            note.map((text) => ({ text })),
            bad,
          ),
          { minLength: 1, maxLength: 25 },
        ),
        async (items) => {
          const good = new Map<string, string>();
          const lines = items.map((item, k) => {
            if (typeof item === 'string') return item;
            good.set(`g${k}`, item.text);
            return JSON.stringify({ id: `g${k}`, text: item.text });
          });
          const file = path.join(dir, `export-${n++}.jsonl`);
          writeFileSync(file, `${lines.join('\n')}\n`);
          expectAlone(await lintFiles([file], { textColumn: 'text', idColumn: 'id' }), good);
        },
      ),
      { numRuns: 40 },
    );
  });
});
