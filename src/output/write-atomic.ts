// Writes a file so that a reader never sees half of it: the content goes to a temporary file in
// the same folder (same file system), which is then renamed over the target in one step. Used by
// --fix (fix/write.ts) and by `dignify report -o` (replaceFile), the only two places dignify writes
// files.
//
// The temporary file is named `<name>.dignify-tmp-<pid>-<random>` (visible, not a dot file, and
// plainly dignify's), and is removed if the write fails or the process gets SIGINT, SIGTERM or
// SIGHUP while it exists: a temporary copy holds note text and must not be left behind.
import { rmSync } from 'node:fs';
// A default import: the bundle loads fs/promises at its first use (scripts/bundle-cli.js LAZY_BUILTINS).
import fsPromises from 'node:fs/promises';
import path from 'node:path';

const pending = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function onSignal(signal: NodeJS.Signals): void {
  for (const temp of pending) rmSync(temp, { force: true });
  pending.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  // Die of the same signal, as the default handler would have (exit status 128 + n).
  process.kill(process.pid, signal);
}

function track(temp: string): void {
  if (pending.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  pending.add(temp);
}

function untrack(temp: string): void {
  pending.delete(temp);
  if (pending.size === 0) for (const s of SIGNALS) process.removeListener(s, onSignal);
}

/** The temporary name for `file`: beside it, so that the rename stays on one file system. */
export function tempNameFor(file: string, random: string): string {
  return path.join(path.dirname(file), `${path.basename(file)}.dignify-tmp-${process.pid}-${random}`);
}

export interface WriteAtomicOptions {
  /** Permission bits (and setuid/setgid/sticky) for the new file; the umask does not apply. */
  mode?: number;
  /** Owner and group for the new file (chown: needs root, or a group the user is in). */
  uid?: number;
  gid?: number;
}

/** Replaces `file` with `content` in one rename. Throws the file system's error; leaves no temporary file. */
export async function writeFileAtomic(file: string, content: string | Uint8Array, options: WriteAtomicOptions = {}): Promise<void> {
  const { randomBytes } = await import('node:crypto'); // here, not at start-up: loading it costs a run that writes nothing ~4 ms
  const temp = tempNameFor(file, randomBytes(4).toString('hex'));
  track(temp);
  try {
    // Readable by the owner alone until its mode and owner are set: it holds the note's text.
    await fsPromises.writeFile(temp, content, { flag: 'wx', mode: 0o600 });
    if (options.uid !== undefined && options.gid !== undefined) await fsPromises.chown(temp, options.uid, options.gid);
    // After chown, which clears setuid/setgid bits. A new file gets what writeFile would give it.
    await fsPromises.chmod(temp, options.mode !== undefined ? options.mode & 0o7777 : 0o666 & ~process.umask());
    await fsPromises.rename(temp, file);
  } catch (error) {
    await fsPromises.rm(temp, { force: true });
    throw error;
  } finally {
    untrack(temp);
  }
}

/**
 * Replaces `file` with `content` (writeFileAtomic) as writing to it in place would: through a symbolic
 * link (the file it points to is replaced, the link stays) and with an existing file's permissions (a
 * report with note text that its user made 0600 stays 0600). A new file gets the umask's. Owner and
 * group are the process's (as for a file written anew). Throws the file system's error.
 */
export async function replaceFile(file: string, content: string | Uint8Array): Promise<void> {
  let target = file;
  let mode: number | undefined;
  try {
    target = await fsPromises.realpath(file);
    mode = (await fsPromises.stat(target)).mode;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    target = file; // a new file (or a link to none): written as named
  }
  await writeFileAtomic(target, content, { mode });
}
