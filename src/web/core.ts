// The lint core as the page (and any other JavaScript host without Node) runs it: the same
// lintDocument the CLI and the API run, bundled by scripts/web-bundle.js with the Node-only
// modules swapped for the stand-ins listed in WEB_STUBS there. No file, network or process access.
import { loadEquality } from '../match/equality.js';
import { lintResolved } from '../lint/lint-text.js';
import type { ResolvedOptions } from '../match/match.js';
import { resolveOptions } from '../lint/options.js';
import type { Finding, Options } from '../types.js';

export type { Finding } from '../types.js';

let defaults: ResolvedOptions | undefined;

/**
 * Loads the parts lint loads on first use (retext-equality). Await it once before calling lint();
 * in the bundle the "loading" is only running already-bundled module code.
 */
export async function ready(): Promise<void> {
  await loadEquality();
}

/**
 * Lints plain text synchronously (after ready()). Offsets are 0-based UTF-16 indexes into `text`:
 * text.slice(f.start.offset, f.end.offset) === f.actual. Throws OptionsError on bad options.
 */
export function lint(text: string, options?: Options): Finding[] {
  const resolved = options ? resolveOptions(options) : (defaults ??= resolveOptions());
  return lintResolved(String(text), resolved);
}

/** The rules the page has: id, category, severity and reason, for listing. */
export function rules(): Array<{ id: string; category: string; severity: string; note: string }> {
  return (defaults ??= resolveOptions()).rules.rules.map((r) => ({ id: r.id, category: r.category, severity: r.severity, note: r.note }));
}
