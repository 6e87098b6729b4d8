// How reporters name the place of a finding: line:column in a file; the record (row and id) and
// line:column inside the note for an export; the paragraph for a .docx, which has no lines.
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { LintResult } from '../engine/lint-files.js';
import type { Finding } from '../types.js';

/**
 * What breaks a line or hides in one: C0 and C1 control characters, DEL, U+2028 and U+2029; and the
 * bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which make a
 * terminal show the rest of the line reordered (the "Trojan Source" characters, CVE-2021-42574).
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/**
 * A name from the input (a file's, a record id, an id column's, a FHIR part) for a one-line format
 * (compact, stylish): as it is, or, when it holds a control character, as a JSON string
 * (`A,1\nX` → `"A,1\nX"`, DEL, C1, U+2028, U+2029 and the bidi controls as \uXXXX too), so a finding stays on its
 * line and an escape sequence in an id is shown, not run by the terminal. A name without one is
 * left alone (a Windows path keeps its backslashes).
 */
export function oneLine(name: string): string {
  if (!CONTROL.test(name)) return name;
  return JSON.stringify(name).replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * "row 112 (note_id 4417)", or "" outside exports; `name` shows the id, the id column's name and
 * the FHIR part (oneLine in the one-line formats; as they are by default).
 */
export function recordLabel(result: LintResult, name: (s: string) => string = (s) => s): string {
  const r = result.record;
  if (!r) return '';
  if (r.part !== undefined) return `${name(r.id ?? '')} ${name(r.part)}`; // FHIR: the resource and the part
  return `row ${r.row}${r.id !== undefined ? ` (${name(r.idName ?? 'id')} ${name(r.id)})` : ''}`;
}

/** "3:15", or "paragraph 4" for a .docx. */
export function position(f: Finding): string {
  return f.paragraph !== undefined ? `paragraph ${f.paragraph}` : `${f.start.line}:${f.start.column}`;
}

/**
 * Where CI formats (github, SARIF) point for a finding, in the file they name:
 * - a plain file: the finding's own lines and columns;
 * - an export record: the export's line where the record starts (no column: the note sits inside
 *   a field), with "row 12 (note_id 4417), 3:15: " before the message to find it in the note; a
 *   Parquet record (line 0: the format has no lines) gets no region, only that prefix, as its
 *   malformed records do (SARIF's startLine is at least 1, and GitHub has no line 0);
 * - a .docx (no lines): no region, with "paragraph 4: " before the message.
 */
export function ciPlace(
  result: LintResult,
  f: Finding,
): { region?: { startLine: number; endLine: number; startColumn?: number; endColumn?: number }; prefix: string } {
  if (result.record) {
    const { line } = result.record;
    return { ...(line > 0 && { region: { startLine: line, endLine: line } }), prefix: `${recordLabel(result)}, ${position(f)}: ` };
  }
  if (f.paragraph !== undefined) return { prefix: `${position(f)}: ` };
  return { region: { startLine: f.start.line, endLine: f.end.line, startColumn: f.start.column, endColumn: f.end.column }, prefix: '' };
}

/**
 * The root of the git work tree that holds `cwd` (the nearest folder, `cwd` included, with a `.git`
 * folder or file: a worktree's or submodule's is a file), else `cwd` itself. SARIF and github
 * annotations name files from there: GitHub places a code scanning alert (upload-sarif does not
 * read originalUriBaseIds) and a workflow annotation by a path from the repository's root, which
 * a step run in a subfolder (working-directory, a monorepo's content folder) would not give.
 */
export function sourceRoot(cwd: string): string {
  for (let dir = path.resolve(cwd); ; ) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(cwd);
    dir = parent;
  }
}

/**
 * `file` (absolute, or relative to `cwd`) from `root` (sourceRoot) with forward slashes, or
 * undefined when it lies outside `root`. A path that reaches the repository through a symbolic
 * link is compared by its real path too: the working folder is a real path (process.cwd()), and
 * a file named through a link to it (macOS's /var for /private/var, a linked checkout) was
 * "../../link/a.md" on an annotation and a file: URI in SARIF.
 */
export function fromRoot(file: string, cwd: string, root: string): string | undefined {
  const absolute = path.resolve(cwd, file);
  return below(root, absolute) ?? below(realPath(root), realPath(absolute));
}

/** `file` from `root` with forward slashes, or undefined when it is not below `root`. */
function below(root: string, file: string): string | undefined {
  const rel = path.relative(root, file);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

/** `file` with its symbolic links resolved, or as it is when it does not exist. */
function realPath(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return file;
  }
}
