// fileChunks (src/inputs/file-chunks.ts): an export's bytes read into one reused buffer. The
// reader must copy each chunk before the next overwrites it, so a character cut by a chunk's end
// and a record over several chunks read as they do from a stream.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { textChunks } from '../src/inputs/decode.js';
import { CHUNK_BYTES, fileChunks } from '../src/inputs/file-chunks.js';
import { readSources } from '../src/inputs/sources.js';

const dir = mkdtempSync(path.join(tmpdir(), 'dignify-chunks-'));

async function copies(file: string): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const chunk of fileChunks(file)) out.push(Buffer.from(chunk));
  return out;
}

async function notes(file: string, inputFormat?: 'csv'): Promise<string[]> {
  const texts: string[] = [];
  for await (const event of readSources([file], { textColumn: 'note', ...(inputFormat && { inputFormat }) })) {
    expect(event.kind === 'document' || event.kind === 'notice', JSON.stringify(event)).toBe(true);
    if (event.kind === 'document') texts.push(event.doc.text);
  }
  return texts;
}

describe('fileChunks', () => {
  it('gives every byte of a file over several chunks, in order, none longer than CHUNK_BYTES', async () => {
    const bytes = Buffer.alloc(3 * CHUNK_BYTES + 5);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7 + (i >> 9)) & 0xff;
    const file = path.join(dir, 'bytes.bin');
    writeFileSync(file, bytes);
    const chunks = await copies(file);
    expect(chunks.map((c) => c.length)).toEqual([CHUNK_BYTES, CHUNK_BYTES, CHUNK_BYTES, 5]);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
  });

  it('throws the open error when iterated (a missing file)', async () => {
    await expect(copies(path.join(dir, 'missing.csv'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('reads a CSV whose characters and records run across chunk ends as written', async () => {
    // A curly apostrophe (3 bytes in UTF-8) cut by the first chunk's end, an "é" (2 bytes) by the
    // second's, in a quoted note over two lines that spans both.
    const head = 'id,note\n1,"';
    const fill = (n: number) => 'x'.repeat(n);
    const first = `${fill(CHUNK_BYTES - Buffer.byteLength(head) - 1)}\u2019s hx of IVDU\n${fill(CHUNK_BYTES - 40)}caf\u00e9 and more`;
    const file = path.join(dir, 'cut.csv');
    writeFileSync(file, `${head}${first}"\n2,pt is a drug abuser\n`);
    const text = Buffer.from(`${head}${first}`);
    expect(text[CHUNK_BYTES - 1]).toBe(0xe2); // the apostrophe's first byte ends the first chunk
    expect(await notes(file)).toEqual([first, 'pt is a drug abuser']);
  });

  it('reads a named pipe (no regular file) as a stream', async () => {
    const fifo = path.join(dir, 'notes.pipe');
    execFileSync('mkfifo', [fifo]);
    const writer = new Promise<void>((resolve, reject) => {
      import('node:fs').then(({ createWriteStream }) => {
        const out = createWriteStream(fifo);
        out.on('error', reject);
        out.end('id,note\n1,hx of IVDU\n2,"clean and dry wound"\n', () => resolve());
      }, reject);
    });
    const [texts] = await Promise.all([notes(fifo, 'csv'), writer]);
    expect(texts).toEqual(['hx of IVDU', 'clean and dry wound']);
  });
});

describe('textChunks', () => {
  // A chunk is decoded in pieces of at most 32 KB (decode.ts, DECODE_BYTES): a character cut
  // between two pieces of one chunk must come out whole, in UTF-8 and in UTF-16.
  async function decoded(bytes: Buffer): Promise<string> {
    let text = '';
    const one = async function* () {
      yield bytes;
    };
    for await (const piece of textChunks(one())) text += piece;
    return text;
  }
  const PIECE = 32 * 1024;

  it('decodes a 70 KB UTF-8 chunk whose apostrophe straddles a piece boundary', async () => {
    const text = `${'a'.repeat(PIECE - 1)}\u2019s note, pt is an addict${'b'.repeat(38_000)}`;
    const bytes = Buffer.from(text);
    expect(bytes[PIECE - 1]).toBe(0xe2);
    expect(await decoded(bytes)).toBe(text);
  });

  it('decodes a UTF-16 chunk (with its byte-order mark) whose surrogate pair straddles a piece boundary', async () => {
    // The mark is 2 bytes: the pair's high half ends the first piece, its low half starts the next.
    const text = `${'c'.repeat(PIECE / 2 - 2)}\u{1F600} hx of IVDU${'d'.repeat(20_000)}`;
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(bytes.readUInt16LE(PIECE - 2)).toBe(0xd83d);
    expect(await decoded(bytes)).toBe(text);
  });
});
