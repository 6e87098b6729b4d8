// The built-in rules' `match` phrases stored by their heads (lean.ts StoredPhrases, compile.ts
// PhraseEntry): a start indexes each phrase under its stored first words and scans for its stored
// anchor, and restores the phrase's tokens only at their first read. The stored heads must be what
// computing them at run time gives, for every phrase of every built-in rule, in the form built here
// and in the one the build wrote to dist/ (which goes stale when the rules or the scanner's anchor
// choice change without a rebuild).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Document } from '../src/inputs/document.js';
import { lintDocument } from '../src/lint/lint-document.js';
import { resolveOptions } from '../src/lint/options.js';
import { anchorOf } from '../src/match/anchor.js';
import { SCAN_CONTEXT } from '../src/match/builtin-scan.js';
import { phrasesOf, scannerFor } from '../src/match/prefilter.js';
import { builtinRuleFiles } from '../src/rules/builtin.js';
import { type CompiledRules, compileRules, withExpansions } from '../src/rules/compile.js';
import { fromLeanForm, headsOf, leanForm } from '../src/rules/lean.js';
import { ROOT } from './helpers.js';

/** The lean form's files read from `form`, counting the reads of the stored phrases' ranges (their starts in `phraseStarts`). */
function leanFiles(form: { lean: string; examples: string; expansions: string }) {
  const parsed = JSON.parse(form.lean) as { phraseHeads?: Record<string, string> }[];
  const phraseStarts = new Set(Object.values(parsed[0]!.phraseHeads ?? {}).map((head) => Number(head.split(' ')[0])));
  const reads = { phrases: 0 };
  const files = fromLeanForm(
    form.lean,
    () => JSON.parse(form.examples),
    (start, end) => {
      if (phraseStarts.has(start)) reads.phrases++;
      return form.expansions.slice(start, end);
    },
  );
  return { files, reads, phraseStarts };
}

/** Each index entry's stored head against what the run time computes from its restored tokens. */
function expectHeadsAsComputed(rules: CompiledRules): number {
  let stored = 0;
  for (const [word, entries] of rules.index) {
    for (const entry of entries) {
      const id = `${entry.compiled.rule.id} under "${word}"`;
      expect(entry.sequence[0]!.words, id).toContain(word);
      expect(entry.anchor, id).toBe(anchorOf(entry.sequence));
      expect(entry.anchorWords, id).toEqual(entry.sequence[entry.anchor!]!.words);
      stored++;
    }
  }
  return stored;
}

describe("the built-in rules' stored phrases", () => {
  const files = builtinRuleFiles();
  const form = leanForm(withExpansions(files));

  it('are indexed under the first words and anchored on the token the run time computes, for every phrase of every built-in rule', () => {
    const { files: lean } = leanFiles(form);
    const rules = compileRules(lean);
    expect(expectHeadsAsComputed(rules)).toBeGreaterThan(4000);
    // The same index as the rule files compiled at run time (no stored heads), word for word, entry for entry.
    const plain = compileRules(files);
    expect([...rules.index.keys()]).toEqual([...plain.index.keys()]);
    for (const [word, entries] of plain.index) {
      const stored = rules.index.get(word)!;
      expect(
        stored.map((e) => [e.compiled.rule.id, e.sequence]),
        word,
      ).toEqual(entries.map((e) => [e.compiled.rule.id, e.sequence]));
      // A run-time phrase has no stored anchor: the scanner computes it.
      for (const e of entries) expect(e.anchor).toBeUndefined();
    }
    // Each phrase of a rule is one entry, under every first word, so the scanner meets it once.
    expect(phrasesOf(rules).length).toBe(phrasesOf(plain).length);
    expect(
      scannerFor(rules)
        .phrasesByWord()
        .map((m) => [...m.keys()]),
    ).toEqual(
      scannerFor(plain)
        .phrasesByWord()
        .map((m) => [...m.keys()]),
    );
  });

  it("are restored only when read: compiling restores none, the scanner those of SCAN_CONTEXT's rules, a one-line check the few it meets", () => {
    const { files: lean, reads } = leanFiles(form);
    const rules = compileRules(lean);
    expect(reads.phrases).toBe(0);
    // The scanner reads the tokens of a phrase whose rule may be scanned for its context words (scanKey): one rule's.
    const contextPatterns = Object.keys(SCAN_CONTEXT).flatMap((id) => rules.byId.get(id)?.rule.match ?? []);
    expect(contextPatterns.length).toBeGreaterThan(0);
    scannerFor(rules).next('nothing to see here', 0);
    expect(reads.phrases).toBe(contextPatterns.length);
    const doc: Document = { file: 'x.txt', syntax: 'text', text: 'Hx of IVDU.' };
    expect(lintDocument(doc, { ...resolveOptions(), rules }).map((f) => f.actual)).toEqual(['IVDU']);
    expect(reads.phrases).toBeGreaterThan(contextPatterns.length);
    expect(reads.phrases).toBeLessThan(contextPatterns.length + 10);
    // A restored phrase is the same array as the pattern's expansion wherever the rule set reads it.
    const [entry] = rules.index.get('ivdu')!;
    expect(entry!.sequence).toBe(rules.index.get('ivdu')![0]!.sequence);
  });

  it('write each head as the tokens say: first token, else first, anchor index and anchor token', () => {
    const sets = new Map([['drug', ['heroin', 'cocaine']]]);
    expect(headsOf([[['hx']], [['iv', 'intravenous'], { set: 'drug' }, ['use']]], sets)).toBe('hx iv|intravenous:1:@drug');
    expect(() => headsOf([[['a b']]], sets)).toThrow(/cannot be stored/);
    expect(() => headsOf([[{ set: 'nope' }]], sets)).toThrow(/no file defines/);
  });

  // The build's own output: fails when the rules or the anchor choice (src/match/builtin-scan.ts) changed since the last `npm run build`.
  const dist = path.join(ROOT, 'dist', 'rules');
  it.skipIf(!existsSync(path.join(dist, 'builtin-lean.json')))('in dist/rules are what computing them at run time gives (rebuild when this fails)', () => {
    const built = {
      lean: readFileSync(path.join(dist, 'builtin-lean.json'), 'utf8'),
      examples: readFileSync(path.join(dist, 'builtin-examples.json'), 'utf8'),
      expansions: readFileSync(path.join(dist, 'builtin-expansions.txt'), 'latin1'),
    };
    const { files: lean, phraseStarts } = leanFiles(built);
    expect(phraseStarts.size).toBeGreaterThan(500);
    expect(expectHeadsAsComputed(compileRules(lean))).toBeGreaterThan(4000);
  });
});
