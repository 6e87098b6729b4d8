// The lint core as the page (and any other JavaScript host without Node) runs it: the same
// lintDocument the CLI and the API run, bundled by scripts/web-bundle.js with the Node-only
// modules swapped for the stand-ins listed in WEB_STUBS there. No file, network or process access.
import { lintTextSync } from '../core/portable.js';
import { resolveOptions } from '../lint/options.js';
import type { Finding, Options } from '../types.js';

export type { Finding } from '../types.js';

/**
 * Kept for the page's callers: the portable core brings retext-equality with it, so nothing is left
 * to load. Resolves at once.
 */
export async function ready(): Promise<void> {}

/**
 * Lints plain text synchronously: the portable core's lintTextSync (what the warehouse script
 * runs). Offsets are 0-based UTF-16 indexes into `text`: text.slice(f.start.offset, f.end.offset)
 * === f.actual. Throws OptionsError on bad options.
 */
export function lint(text: string, options?: Options): Finding[] {
  return lintTextSync(text, options);
}

let rulesShown: ReturnType<typeof resolveOptions>['rules'] | undefined;

/** The rules the page has: id, category, severity and reason, for listing. */
export function rules(): Array<{ id: string; category: string; severity: string; note: string }> {
  return (rulesShown ??= resolveOptions().rules).rules.map((r) => ({ id: r.id, category: r.category, severity: r.severity, note: r.note }));
}
