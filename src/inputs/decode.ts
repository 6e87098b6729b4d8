// Byte streams → text, for exports read as streams: UTF-8 (BOM dropped) or UTF-16 with a BOM,
// decoded chunk by chunk so a large file is never held whole.
import readline from 'node:readline';
import { Readable } from 'node:stream';

export class DecodeError extends Error {}

function decoderFor(head: Uint8Array): TextDecoder {
  const utf16 = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : undefined;
  if (!utf16 && head.subarray(0, 8192).includes(0)) throw new DecodeError('binary file');
  // fatal: bad bytes throw; ignoreBOM false (the default): a leading byte-order mark is dropped.
  return new TextDecoder(utf16 ?? 'utf-8', { fatal: true });
}

async function* decodeChunks(stream: AsyncIterable<Buffer | string>, warn: (message: string) => void): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let head = Buffer.alloc(0);
  // A stray byte that is not UTF-8 must not cost the whole export: from there on bad bytes are
  // read as U+FFFD, and the user is told once.
  const decode = (bytes?: Buffer) => {
    try {
      return decoder!.decode(bytes, { stream: bytes !== undefined });
    } catch {
      warn(`warning: not valid UTF-8; the bad bytes are read as \uFFFD (save the file as UTF-8, or UTF-16 with a byte-order mark)`);
      decoder = new TextDecoder(decoder!.encoding, { fatal: false, ignoreBOM: true });
      return decoder.decode(bytes, { stream: bytes !== undefined });
    }
  };
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (decoder) {
      yield decode(bytes);
      continue;
    }
    head = Buffer.concat([head, bytes]);
    if (head.length < 3) continue; // enough to see a byte-order mark
    decoder = decoderFor(head);
    yield decode(head);
  }
  if (!decoder) {
    decoder = decoderFor(head);
    yield decode(head);
  }
  yield decode();
}

/**
 * The lines of a text stream (LF, CRLF or CR endings), decoded; throws DecodeError on a binary file.
 * Stopping early (a fatal error in the header) closes the source stream.
 */
export async function* textLines(stream: AsyncIterable<Buffer | string>, warn: (message: string) => void = () => {}): AsyncGenerator<string> {
  const input = Readable.from(decodeChunks(stream, warn));
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  try {
    yield* lines;
  } finally {
    lines.close();
    input.destroy();
  }
}

const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;

/**
 * The text as V8's one-byte string when all its characters fit in one byte. A field cut from a
 * chunk of the file that held any other character (one curly quote) is stored two bytes per
 * character, and the linter's regexes scan such strings about 3x slower (MTSamples: ~0.3 s of
 * ~1.4 s); copying through latin1 costs a few milliseconds.
 */
export function oneByte(text: string): string {
  return BEYOND_LATIN1.test(text) ? text : Buffer.from(text, 'latin1').toString('latin1');
}
