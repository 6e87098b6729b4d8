// lintText: the Node API's entry point for one string. Goes through lintDocument → lintTree, the
// code the retext plugin runs too, so both report exactly the same findings.
import type { Finding, Options } from '../types.js';
import { withLoading } from './lazy.js';
import { lintDocument } from './lint-document.js';
import type { ResolvedOptions } from './match.js';
import { resolveOptions } from './options.js';

/** Lints text with options already resolved (the hot path for many documents); throws NotLoaded as lintDocument does. */
export function lintResolved(text: string, resolved: ResolvedOptions): Finding[] {
  return lintDocument({ file: '', syntax: 'text', text }, resolved);
}

/**
 * Finds stigmatizing language in `text`. Offsets are 0-based UTF-16 indexes into `text`, so
 * `text.slice(f.start.offset, f.end.offset) === f.actual` for every finding.
 */
export async function lintText(text: string, options?: Options): Promise<Finding[]> {
  const resolved = resolveOptions(options);
  return withLoading(() => lintResolved(String(text), resolved));
}
