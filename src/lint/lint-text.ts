// lintText: the Node API's entry point for one string. Shares collectSentences and
// matchSentences with the retext plugin, so both report exactly the same findings.
import type { Root } from 'nlcst';
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import type { Finding, Options } from '../types.js';
import { lintTree } from './lint-tree.js';
import type { MatchOptions } from './match.js';
import { resolveOptions } from './options.js';

const parser = unified().use(retextEnglish).freeze();

/** Lints text with options already resolved (the hot path for many documents). */
export function lintResolved(text: string, resolved: MatchOptions): Finding[] {
  // Fast path: a text without any word a rule can start with cannot produce a finding.
  if (!resolved.rules.triggerPattern.test(text)) return [];
  const tree = parser.parse(text) as Root;
  return lintTree(tree, text, resolved);
}

/**
 * Finds stigmatizing language in `text`. Offsets are 0-based UTF-16 indexes into `text`, so
 * `text.slice(f.start.offset, f.end.offset) === f.actual` for every finding.
 */
export async function lintText(text: string, options?: Options): Promise<Finding[]> {
  return lintResolved(String(text), resolveOptions(options));
}
