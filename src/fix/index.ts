// --fix and --fix-dry-run for one file: the API (lintStream with `fix`) has fixed the text; this
// writes it atomically (write.ts) or shows it as a diff. Loaded by the CLI only for --fix, with
// its diff library.
import path from 'node:path';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { writeFixed } from './write.js';

export { fixText } from './fix-text.js';
export { writeFixed } from './write.js';

export type FixMode = 'fix' | 'dry-run';

/** Diff headers as git writes them (a/…, b/…) for files under the working folder; absolute paths otherwise. */
function diffNames(file: string, cwd: string): [string, string] {
  const absolute = path.resolve(cwd, file);
  const rel = path.relative(cwd, absolute);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return [absolute, absolute];
  const posix = rel.split(path.sep).join('/');
  return [`a/${posix}`, `b/${posix}`];
}

/** The unified diff from `before` to `after` for `file`. */
export function fixDiff(file: string, before: string, after: string, cwd = process.cwd()): string {
  const [a, b] = diffNames(file, cwd);
  return createTwoFilesPatch(a, b, before, after, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY });
}

/** Writes the fixed text (mode 'fix') or returns its diff ('dry-run'). `error`: why it was not written. */
export async function commitFix(file: string, before: string, after: string, mode: FixMode, cwd = process.cwd()): Promise<{ diff?: string; error?: string }> {
  if (mode === 'dry-run') return { diff: fixDiff(file, before, after, cwd) };
  const error = await writeFixed(path.resolve(cwd, file), before, after);
  return error ? { error } : {};
}
