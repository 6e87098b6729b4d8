// Shared assertions of the detection tests (subjects-senses, credibility-compliance-genres,
// demeanor-identity-genres, tier-b-grid, clean-lookalikes, described): a text passes or is flagged,
// read as `rule:words` findings, and who a word of a sentence describes. Not a test file.
import { expect } from 'vitest';
import { lintText } from '../src/index.js';
import { type Described, describedPerson } from '../src/match/described.js';
import { parseText } from '../src/parse/parse-text.js';
import { collectSentences } from '../src/parse/tokens.js';

export interface Reading {
  /** Only findings above info (what a user sees as a problem); default: every finding. */
  strong?: boolean;
  preset?: 'recommended' | 'all';
}

/** The findings of `text` as `rule:words`. */
export async function findingsOf(text: string, { strong = false, preset }: Reading = {}): Promise<string[]> {
  const findings = await lintText(text, preset ? { preset } : {});
  return findings.filter((f) => !strong || f.severity !== 'info').map((f) => `${f.ruleId}:${f.actual}`);
}

type LintOptions = Parameters<typeof lintText>[1];

/** The rule ids of the findings of `text`, in order (an exact list: what was reported, and only that). */
export async function ruleIds(text: string, options?: LintOptions): Promise<string[]> {
  return (await lintText(text, options)).map((f) => f.ruleId);
}

/** The findings of `text` as [rule id, words, severity], in order. */
export async function briefOf(text: string, options?: LintOptions): Promise<string[][]> {
  return (await lintText(text, options)).map((f) => [f.ruleId, f.actual, f.severity]);
}

/** Each text has no finding (of `rule` when given). */
export async function expectPass(texts: string[], options: Reading & { rule?: string } = {}): Promise<void> {
  for (const text of texts)
    expect(
      (await findingsOf(text, options)).filter((f) => options.rule === undefined || f.startsWith(`${options.rule}:`)),
      text,
    ).toEqual([]);
}

/** Each text has a finding (of `rule` when given). */
export async function expectFlag(texts: string[], options: Reading & { rule?: string } = {}): Promise<void> {
  for (const text of texts)
    expect((await findingsOf(text, options)).filter((f) => options.rule === undefined || f.startsWith(`${options.rule}:`)).length, text).toBeGreaterThan(0);
}

/**
 * Who the first token `word` of `text` describes (src/match/described.ts), the sentences before
 * it read as context. A `word` the text does not hold throws: no test passes on a missing word.
 */
export function who(text: string, word: string): Described {
  const sentences = collectSentences(parseText(text));
  for (const sentence of sentences) {
    const at = sentence.tokens.findIndex((t) => t.norm === word);
    if (at === -1) continue;
    return describedPerson(text, sentence.tokens, at);
  }
  throw new Error(`no "${word}" in ${text}`);
}
