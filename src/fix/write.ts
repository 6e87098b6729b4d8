// Writes a fixed file atomically: a temporary file in the same folder (same filesystem), with the
// original's mode and encoding (UTF-8 with or without BOM, UTF-16 with BOM), then a rename, so a
// reader never sees half a file and an interrupted run leaves the original whole.
import { readFile, realpath, stat } from 'node:fs/promises';
import { decodeText, describeIoError } from '../inputs/files.js';
import { writeFileAtomic } from '../output/write-atomic.js';

function encodeLike(original: Uint8Array, text: string): Buffer {
  if (original[0] === 0xef && original[1] === 0xbb && original[2] === 0xbf) return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  if (original[0] === 0xff && original[1] === 0xfe) return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  if (original[0] === 0xfe && original[1] === 0xff) return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  return Buffer.from(text, 'utf8');
}

/**
 * Replaces `file`'s content `before` with `after`. Returns an error message instead of throwing;
 * refuses when the file changed since it was read.
 */
export async function writeFixed(file: string, before: string, after: string): Promise<string | undefined> {
  try {
    const target = await realpath(file); // write through a symlink, not over it
    const original = await readFile(target);
    const decoded = decodeText(original);
    if (!('text' in decoded) || decoded.text !== before) return 'changed while being linted; not fixed';
    const { mode } = await stat(target);
    await writeFileAtomic(target, encodeLike(original, after), { mode });
    return undefined;
  } catch (error) {
    return `could not write the fix: ${describeIoError(error)}`;
  }
}
