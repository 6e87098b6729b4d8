// --fix and --fix-dry-run for one file: fix the text, then write it atomically or show a diff.
// Exports (CSV, TSV, JSONL, JSON) and Word files are never rewritten: their findings are reported
// as they are.
import path from 'node:path';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import type { Finding } from '../types.js';
import { fixText } from './fix-text.js';
import { writeFixed } from './write.js';

export { fixText } from './fix-text.js';
export { writeFixed } from './write.js';

export type FixMode = 'fix' | 'dry-run';

const NEVER_REWRITTEN = new Set(['csv', 'tsv', 'jsonl', 'ndjson', 'json', 'docx', 'doc', 'xlsx']);

/** Whether --fix may rewrite this file (by extension). */
export function rewritable(file: string): boolean {
  return !NEVER_REWRITTEN.has(path.extname(file).slice(1).toLowerCase());
}

export interface FileFixOutcome {
  /** The findings that remain (all of them when nothing was fixed), positions in the fixed text. */
  findings: Finding[];
  fixed: number;
  /** --fix-dry-run: the unified diff, when anything would change. */
  diff?: string;
  /** Why the fix could not be written. */
  error?: string;
}

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

/** `canRewrite`: the caller's word, from the format the file was read as (default: by extension). */
export async function fixFile(file: string, text: string, lint: (text: string) => Finding[], mode: FixMode, cwd = process.cwd(), canRewrite = rewritable(file)): Promise<FileFixOutcome> {
  if (!canRewrite) return { findings: lint(text), fixed: 0 };
  const result = fixText(text, lint);
  if (result.text === text) return { findings: result.findings, fixed: 0 };
  if (mode === 'dry-run') {
    const [before, after] = diffNames(file, cwd);
    const patch = createTwoFilesPatch(before, after, text, result.text, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY });
    return { findings: result.findings, fixed: result.fixed, diff: gitStyle(patch, before, after) };
  }
  const error = await writeFixed(file, text, result.text);
  // A failed write leaves the file as it was, so its findings are the original ones.
  return error ? { findings: lint(text), fixed: 0, error } : { findings: result.findings, fixed: result.fixed };
}
