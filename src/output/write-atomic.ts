// Writes a file so that a reader never sees half of it: the content goes to a temporary file in
// the same folder (same file system), which is then renamed over the target in one step. Used by
// --fix and by `dignify report -o`, the only two places dignify writes files.
import { chmod, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function writeFileAtomic(file: string, content: string | Uint8Array, options: { mode?: number } = {}): Promise<void> {
  const { randomBytes } = await import('node:crypto'); // here, not at start-up: loading it costs a run that writes nothing ~4 ms
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.dignify-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, content, { flag: 'wx', ...(options.mode !== undefined && { mode: options.mode & 0o777 }) });
    if (options.mode !== undefined) await chmod(temp, options.mode & 0o7777); // writeFile's mode is filtered by the umask
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
