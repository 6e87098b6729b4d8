// lintFiles: the Node API over paths (files, folders, globs). Unreadable paths come back as
// results with an error rather than a throw, so callers see every file's outcome.
import { expandPaths, readTextFile } from '../inputs/files.js';
import type { Finding, Options } from '../types.js';
import { lintResolved } from './lint-text.js';
import { resolveOptions } from './options.js';

export interface LintResult {
  file: string;
  findings: Finding[];
  /** Why the file was not linted although it exists (binary, not UTF-8). */
  skipped?: string;
  /** Why the file could not be read (missing, permission denied). */
  error?: string;
}

export async function lintFiles(paths: readonly string[], options?: Options & { extensions?: string[] }): Promise<LintResult[]> {
  const resolved = resolveOptions(options);
  const results: LintResult[] = [];
  for (const entry of await expandPaths(paths, options?.extensions)) {
    if ('error' in entry) {
      results.push({ file: entry.path, findings: [], error: entry.error });
      continue;
    }
    const read = await readTextFile(entry.path);
    if ('error' in read) results.push({ file: entry.path, findings: [], error: read.error });
    else if ('skipped' in read) results.push({ file: entry.path, findings: [], skipped: read.skipped });
    else results.push({ file: entry.path, findings: lintResolved(read.text, resolved).map((f) => ({ ...f, file: entry.path })) });
  }
  return results;
}
