// Everything dignify reports for one parsed text: its own phrase rules, then the curated
// retext-equality rules. lintText and the retext plugin both call this, so they cannot disagree.
import type { Root } from 'nlcst';
import type { Finding } from '../types.js';
import { equalityFindings } from '../match/equality.js';
import { matchSentences, type ClaimedSpan, type ResolvedOptions } from '../match/match.js';
import { collectSentences, type SentenceTokens } from '../parse/tokens.js';

export function lintTree(tree: Root, text: string, options: ResolvedOptions, sentences: readonly SentenceTokens[] = collectSentences(tree)): Finding[] {
  const claimed: ClaimedSpan[] = [];
  const findings = matchSentences(sentences, text, options, claimed);
  const extra = equalityFindings(tree, text, sentences, claimed, options);
  if (extra.length === 0) return findings;
  return [...findings, ...extra].sort((a, b) => a.start.offset - b.start.offset || a.end.offset - b.end.offset);
}
