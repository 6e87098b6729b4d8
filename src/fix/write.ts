// Writes a fixed file atomically: a temporary file in the same folder (same filesystem), with the
// original's mode and encoding (UTF-8 with or without BOM, UTF-16 with BOM), then a rename, so a
// reader never sees half a file and an interrupted run leaves the original whole.
import { randomBytes } from 'node:crypto';
import { chmod, readFile, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeText, describeIoError } from '../inputs/files.js';

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
  let target: string;
  let tmp: string | undefined;
  try {
    target = await realpath(file); // write through a symlink, not over it
    const original = await readFile(target);
    const decoded = decodeText(original);
    if (!('text' in decoded) || decoded.text !== before) return 'changed while being linted; not fixed';
    const { mode } = await stat(target);
    tmp = path.join(path.dirname(target), `.${path.basename(target)}.dignify-${randomBytes(6).toString('hex')}.tmp`);
    await writeFile(tmp, encodeLike(original, after), { flag: 'wx', mode: mode & 0o777 });
    await chmod(tmp, mode & 0o7777); // writeFile's mode is filtered by the umask
    await rename(tmp, target);
    return undefined;
  } catch (error) {
    if (tmp) await unlink(tmp).catch(() => undefined);
    return `could not write the fix: ${describeIoError(error)}`;
  }
}
