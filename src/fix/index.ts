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

/**
 * A unified diff as git writes it: a "diff --git" line, and hunk headers that leave out a count
 * of 1 ("@@ -3 +3 @@", not "@@ -3,1 +3,1 @@"), so tools that read git's diffs read it too.
 */
export function gitStyle(patch: string, before: string, after: string): string {
  const hunks = patch.replace(/^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/gm, (_m, a: string, b: string | undefined, c: string, d: string | undefined) => {
    const range = (start: string, count: string | undefined) => (count === undefined || count === '1' ? start : `${start},${count}`);
    return `@@ -${range(a, b)} +${range(c, d)} @@`;
  });
  return before.startsWith('a/') ? `diff --git ${before} ${after}\n${hunks}` : hunks;
}

/** The unified diff from `before` to `after` for `file`. */
export function fixDiff(file: string, before: string, after: string, cwd = process.cwd()): string {
  const [a, b] = diffNames(file, cwd);
  return gitStyle(createTwoFilesPatch(a, b, before, after, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY }), a, b);
}

/** Writes the fixed text (mode 'fix') or returns its diff ('dry-run'). `error`: why it was not written. */
export async function commitFix(file: string, before: string, after: string, mode: FixMode, cwd = process.cwd()): Promise<{ diff?: string; error?: string }> {
  if (mode === 'dry-run') return { diff: fixDiff(file, before, after, cwd) };
  const error = await writeFixed(path.resolve(cwd, file), before, after);
  return error ? { error } : {};
}
