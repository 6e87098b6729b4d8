// Writes a fixed file. Atomic (a temporary file beside it, then a rename: a reader never sees half
// a file and an interrupted run leaves the original whole), with the original's mode, owner and
// group, and its encoding (UTF-8 with or without BOM, UTF-16 with BOM). Refused, with a message:
// - a read-only file (no write bit for anyone): the user marked it as not to be changed;
// - a file with more than one hard link: a rename would split it from its other names, and an
//   in-place write would not be atomic; fix it through a copy, or break the link first;
// - a file whose owner or group cannot be kept (another user's file, when not root);
// - a file that changed since it was read.
// A symbolic link is followed: the file it points to is rewritten, the link stays.
// A default import: the bundle loads fs/promises at its first use (scripts/bundle-cli.js LAZY_BUILTINS).
import fsPromises from 'node:fs/promises';
import { decodeText, describeIoError } from '../inputs/files.js';
import { writeFileAtomic } from '../output/write-atomic.js';

function encodeLike(original: Uint8Array, text: string): Buffer {
  if (original[0] === 0xef && original[1] === 0xbb && original[2] === 0xbf) return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  if (original[0] === 0xff && original[1] === 0xfe) return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  if (original[0] === 0xfe && original[1] === 0xff) return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  return Buffer.from(text, 'utf8');
}

/**
 * Replaces `file`'s content `before` with `after`. Returns an error message (one line, without
 * the file name) instead of throwing.
 */
export async function writeFixed(file: string, before: string, after: string): Promise<string | undefined> {
  try {
    const target = await fsPromises.realpath(file); // write through a symlink, not over it
    const info = await fsPromises.stat(target);
    if ((info.mode & 0o222) === 0) return 'read-only; not fixed (make it writable to fix it)';
    await fsPromises.access(target, fsPromises.constants.W_OK).catch(() => {
      throw new Error('not writable; not fixed');
    });
    if (info.nlink > 1) return `has ${info.nlink} hard links; not fixed (rewriting it would split them: fix a copy, or use --fix-dry-run)`;
    const uid = process.getuid?.();
    const gid = process.getgid?.();
    const groups = process.getgroups?.() ?? [];
    if (uid !== undefined && uid !== 0) {
      // A rename gives the file our owner and group; chown can only give it a group of ours.
      if (info.uid !== uid) return 'owned by another user; not fixed (its owner would change): run as its owner';
      if (info.gid !== gid && !groups.includes(info.gid)) return 'its group would change; not fixed: run as a member of its group';
    }
    const original = await fsPromises.readFile(target);
    const decoded = decodeText(original);
    if (!('text' in decoded) || decoded.text !== before) return 'changed while being linted; not fixed';
    await writeFileAtomic(target, encodeLike(original, after), { mode: info.mode, uid: info.uid, gid: info.gid });
    return undefined;
  } catch (error) {
    return error instanceof Error && error.message.endsWith('not fixed') ? error.message : `could not write the fix: ${describeIoError(error)}`;
  }
}
