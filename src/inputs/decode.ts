// Byte streams → text, for exports read as streams: UTF-8 (BOM dropped) or UTF-16 with a BOM,
// decoded chunk by chunk so a large file is never held whole.
import { isAscii } from 'node:buffer';
import readline from 'node:readline';
// The default export, not `{ Readable }`: the CLI bundle loads node:stream on first use
// (scripts/bundle-cli.js LAZY_BUILTINS), and a one-line check never reads an export.
import nodeStream from 'node:stream';
import { HEAD_BYTES, looksBinary } from './files.js';

export class DecodeError extends Error {}

/** The longest line an export may hold (a record may span lines: MAX_RECORD_CHARS). Past it the source is taken for something else (/dev/zero, a binary file). */
export const MAX_LINE_CHARS = 128 * 1024 * 1024;

/** The share of control bytes in an export's first 8 KB past which it is binary data. */
const BINARY_EXPORT_SHARE = 0.3;

function decoderFor(head: Uint8Array): TextDecoder {
  const utf16 = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : undefined;
  // Binary data (/dev/zero) is refused at its first bytes. The bar is high: in an export, bytes
  // that are not text cost only their records (exports.ts), and a small export with a few bad
  // records must not be taken for binary; other binary data fails as an export soon enough.
  if (!utf16 && looksBinary(head.subarray(0, HEAD_BYTES), BINARY_EXPORT_SHARE))
    throw new DecodeError('binary file (control bytes in its first 8 KB); not read');
  // fatal: bad bytes throw; ignoreBOM false (the default): a leading byte-order mark is dropped.
  return new TextDecoder(utf16 ?? 'utf-8', { fatal: true });
}

/**
 * Whether `bytes` ends where a UTF-8 decoder holds nothing back: its last lead byte (within the
 * last 4) starts a sequence that is complete, or there is none (invalid bytes, already decoded as
 * such). A decoder holds bytes back only after a lead byte whose sequence is unfinished.
 */
export function endsWholeUtf8(bytes: Uint8Array): boolean {
  for (let back = 1; back <= 4 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back]!;
    if (b < 0x80) return true;
    if (b >= 0xc0) return back >= (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2);
  }
  return true;
}

/**
 * The most bytes decoded into one string. A stream's 64 KB chunk holding one character outside
 * Latin-1 (a curly apostrophe: a third of MTSamples' chunks) decodes to a two-byte string of 128
 * KB, which V8 allocates in its large-object space (a mapping of its own per string): decoding
 * those chunks cost about 58 ms of CPU per 17 MB, in 32 KB pieces 4 ms (15 runs, process.cpuUsage),
 * and the whole export reader on MTSamples 161-173 ms against 77-112 (7 runs each, minimum).
 */
const DECODE_BYTES = 32 * 1024;

async function* decodeChunks(stream: AsyncIterable<Buffer | string>, warn: (message: string) => void): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let head = Buffer.alloc(0);
  let started = false; // text has been handed on: a byte-order mark can only be at the start
  let whole = false; // UTF-8, and the decoder holds back no byte of the last chunk
  // A stray byte that is not UTF-8 must not cost the whole export: from there on bad bytes are
  // read as U+FFFD, and the user is told once.
  const decode = (bytes?: Buffer) => {
    // ASCII (most chunks of most exports) is its own UTF-8 and Latin-1 text: read as Latin-1 it
    // is copied byte for byte into a one-byte string (TextDecoder cost about 0.5 s of CPU per 150
    // MB), which oneByte (below) and the linter's regexes also prefer.
    if (bytes && whole && isAscii(bytes)) return bytes.toString('latin1');
    const text = decodeBytes(bytes);
    whole = decoder!.encoding === 'utf-8' && started && (bytes === undefined || endsWholeUtf8(bytes));
    return text;
  };
  const decodeBytes = (bytes?: Buffer) => {
    try {
      const text = decoder!.decode(bytes, { stream: bytes !== undefined });
      started = true;
      return text;
    } catch {
      warn(`warning: not valid UTF-8; the bad bytes are read as \uFFFD (save the file as UTF-8, or UTF-16 with a byte-order mark)`);
      // The new decoder starts afresh: when the bad byte is in the first chunk, that chunk is
      // decoded again from its start, and its byte-order mark must still be dropped (else it
      // stays in the CSV header's first column name). Later chunks have no mark to drop.
      decoder = new TextDecoder(decoder!.encoding, { fatal: false, ignoreBOM: started });
      started = true;
      return decoder.decode(bytes, { stream: bytes !== undefined });
    }
  };
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (decoder) {
      for (let at = 0; at < bytes.length; at += DECODE_BYTES) yield decode(bytes.subarray(at, at + DECODE_BYTES));
      continue;
    }
    head = Buffer.concat([head, bytes]);
    if (head.length < HEAD_BYTES) continue; // enough to see a byte-order mark and tell binary data
    decoder = decoderFor(head);
    for (let at = 0; at < head.length; at += DECODE_BYTES) yield decode(head.subarray(at, at + DECODE_BYTES));
  }
  if (!decoder) {
    decoder = decoderFor(head);
    yield decode(head);
  }
  yield decode();
}

/** Passes decoded text through, throwing DecodeError when a line runs past MAX_LINE_CHARS (readline would hold it whole). */
async function* boundedLines(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let run = 0;
  for await (const chunk of chunks) {
    const last = Math.max(chunk.lastIndexOf('\n'), chunk.lastIndexOf('\r'));
    run = last === -1 ? run + chunk.length : chunk.length - last - 1;
    if (run > MAX_LINE_CHARS) throw new DecodeError(`a line longer than ${MAX_LINE_CHARS / 1024 / 1024} M characters; not read as an export`);
    yield chunk;
  }
}

/**
 * The text of a byte stream as decoded chunks (UTF-8 or UTF-16 with a byte-order mark; chunk
 * boundaries are the stream's, any line ending); throws DecodeError on a binary file or a line
 * over MAX_LINE_CHARS. The export reader (exports.ts) splits these itself, quote-aware: no
 * readline, whose per-line string handling cost most of the reading time.
 */
export function textChunks(stream: AsyncIterable<Buffer | string>, warn: (message: string) => void = () => {}): AsyncGenerator<string> {
  return boundedLines(decodeChunks(stream, warn));
}

/**
 * The lines of a text stream (LF, CRLF or CR endings), decoded; throws DecodeError on a binary file.
 * Stopping early (a fatal error in the header) closes the source stream.
 */
export async function* textLines(stream: AsyncIterable<Buffer | string>, warn: (message: string) => void = () => {}): AsyncGenerator<string> {
  const input = nodeStream.Readable.from(boundedLines(decodeChunks(stream, warn)));
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
 * Whether `text` holds a character outside Latin-1 (above U+00FF). A one-byte string never does,
 * and V8 answers this for one at once, without reading it; a two-byte string is read up to the
 * first such character. (A decoded chunk is stored one byte per character whenever it can be,
 * and so is a slice or a join of one-byte strings; a slice of a two-byte string is not.) Throws
 * nothing.
 */
export function beyondLatin1(text: string): boolean {
  return BEYOND_LATIN1.test(text);
}

/**
 * The text as V8's one-byte string when all its characters fit in one byte. A field cut from a
 * chunk of the file that held any other character (one curly quote) is stored two bytes per
 * character, and the linter's regexes scan such strings about 3x slower (MTSamples: ~0.3 s of
 * ~1.4 s); copying through latin1 costs a few milliseconds.
 */
export function oneByte(text: string): string {
  return BEYOND_LATIN1.test(text) ? text : Buffer.from(text, 'latin1').toString('latin1');
}
