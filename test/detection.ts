// Shared assertions of the detection tests (subjects-senses, credibility-compliance-genres,
// demeanor-identity-genres, tier-b-grid, clean-lookalikes): a text passes or is flagged, read as
// `rule:words` findings, and who a word of a sentence describes. Not a test file.
import { expect } from 'vitest';
import { lintText } from '../src/index.js';
import { describedPerson } from '../src/match/described.js';
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

/** Who the token `word` of a one-sentence `text` describes (src/match/described.ts). */
export function who(text: string, word: string) {
  const [sentence] = collectSentences(parseText(text));
  const at = sentence!.tokens.findIndex((t) => t.norm === word);
  return describedPerson(text, sentence!.tokens, at);
}
