// An export's byte chunks that are all ASCII skip TextDecoder (read as Latin-1, which is the same
// text) when the decoder holds no byte back from the chunk before (decode.ts). The text must be
// what decoding every chunk gives, wherever the chunks are cut: multi-byte characters split
// between chunks, a byte-order mark, bytes that are not UTF-8 (read as U+FFFD after one warning).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endsWholeUtf8, textChunks } from '../src/inputs/decode.js';

/** The decoding before the ASCII path: every chunk through one TextDecoder, fatal until the first bad byte. */
function reference(chunks: Buffer[]): { text: string; warnings: number } {
  const head = 8192; // HEAD_BYTES: the first chunk handed to the decoder holds at least this much
  const first: Buffer[] = [];
  let rest = [...chunks];
  let size = 0;
  while (rest.length && size < head) {
    size += rest[0]!.length;
    first.push(rest.shift()!);
  }
  rest = [Buffer.concat(first), ...rest];
  let decoder = new TextDecoder('utf-8', { fatal: true });
  let warnings = 0;
  let started = false;
  let text = '';
  const decode = (bytes?: Buffer) => {
    try {
      text += decoder.decode(bytes, { stream: bytes !== undefined });
    } catch {
      warnings++;
      decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: started });
      text += decoder.decode(bytes, { stream: bytes !== undefined });
    }
    started = true;
  };
  for (const bytes of rest) decode(bytes);
  decode();
  return { text, warnings: Math.min(warnings, 1) };
}

async function viaTextChunks(chunks: Buffer[]): Promise<{ text: string; warnings: number }> {
  let warnings = 0;
  async function* stream() {
    yield* chunks;
  }
  let text = '';
  for await (const piece of textChunks(stream(), () => warnings++)) text += piece;
  return { text, warnings: Math.min(warnings, 1) };
}

/** `bytes` cut at `cuts` (positions, any order). */
const cut = (bytes: Buffer, cuts: number[]): Buffer[] => {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let from = 0;
  for (const c of [...at, bytes.length]) {
    if (c > from) out.push(bytes.subarray(from, c));
    from = Math.max(from, c);
  }
  return out;
};

// Pieces of an export: long ASCII runs (whole chunks of ASCII), accented and curly-quoted words
// (2 and 3 bytes), an emoji (4 bytes), and bytes that are no UTF-8 (a lone lead byte, a stray
// continuation byte, an overlong lead).
const pieces = fc.oneof(
  fc.constant(Buffer.from('Pt seen in clinic, wound clean and dry.\n'.repeat(300))),
  fc.constant(Buffer.from('note,"caf\u00e9 \u201cquoted\u201d"\r\n')),
  fc.constant(Buffer.from('\u{1F600} ok\n')),
  fc.constant(Buffer.from([0xe2, 0x41])),
  fc.constant(Buffer.from([0x82])),
  fc.constant(Buffer.from([0xf0, 0x82, 0x82, 0x82])),
  fc.constant(Buffer.from('plain ascii line\n')),
);

describe('decoding an export, ASCII chunks read as Latin-1', () => {
  it('says where a decoder holds bytes back', () => {
    expect(endsWholeUtf8(Buffer.from('abc'))).toBe(true);
    expect(endsWholeUtf8(Buffer.from('caf\u00e9'))).toBe(true);
    expect(endsWholeUtf8(Buffer.from('caf\u00e9').subarray(0, 4))).toBe(false); // 0xc3 alone
    expect(endsWholeUtf8(Buffer.from('\u201c').subarray(0, 2))).toBe(false);
    expect(endsWholeUtf8(Buffer.from('\u{1F600}').subarray(0, 3))).toBe(false);
    expect(endsWholeUtf8(Buffer.from('\u{1F600}'))).toBe(true);
    expect(endsWholeUtf8(Buffer.from([0x82, 0x82, 0x82, 0x82]))).toBe(true); // no lead byte: nothing held
    expect(endsWholeUtf8(Buffer.alloc(0))).toBe(true);
  });

  it('gives the text and warning of decoding every chunk, cut anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.array(pieces, { minLength: 1, maxLength: 12 }), fc.array(fc.nat(), { maxLength: 40 }), async (bom, parts, cuts) => {
        const bytes = Buffer.concat([...(bom ? [Buffer.from([0xef, 0xbb, 0xbf])] : []), ...parts]);
        const chunks = cut(bytes, cuts);
        expect(await viaTextChunks(chunks)).toEqual(reference(chunks));
      }),
      { numRuns: 300 },
    );
  });

  it('reads a large ASCII export as the decoder does, with a multi-byte character cut between chunks', async () => {
    const ascii = Buffer.from('id,note\n' + '1,Pt with hx of IVDU.\n'.repeat(2000));
    const curly = Buffer.from('2,\u201cfrequent flyer\u201d\n');
    const bytes = Buffer.concat([ascii, curly, ascii]);
    const chunks = cut(bytes, [9000, ascii.length + 4, ascii.length + 20, ascii.length + 30000]);
    expect(chunks.some((c) => !endsWholeUtf8(c))).toBe(true);
    const got = await viaTextChunks(chunks);
    expect(got).toEqual({ text: bytes.toString('utf8'), warnings: 0 });
  });

  it('does not skip the decoder while it holds the start of a character (a lead byte, then ASCII: not UTF-8)', async () => {
    const ascii = Buffer.from('1,wound clean and dry\n'.repeat(500));
    // The character's other bytes come after the ASCII chunk: they must not complete it.
    for (const [held, after] of [
      [[0xe2], [0x80, 0x9c]],
      [[0xe2, 0x80], [0x9c]],
      [[0xf0, 0x9f, 0x98], [0x80]],
    ]) {
      const chunks = [ascii, Buffer.from([0x32, 0x2c, ...held!]), Buffer.from('plain ascii after it\n'), Buffer.from([...after!, 0x41, 0x0a])];
      const got = await viaTextChunks(chunks);
      expect(got).toEqual(reference(chunks));
      expect(got.warnings).toBe(1);
      expect(got.text).not.toMatch(/[\u201c\u{1F600}]/u);
    }
  });
});
