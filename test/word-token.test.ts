// A word token's Set is made at its first read (pattern.ts WordToken): compiling the built-in rules
// restores ~2,000 word tokens, and a one-line check matches against a few of them.
import { describe, expect, it } from 'vitest';
import type { Document } from '../src/inputs/document.js';
import { lintDocument } from '../src/lint/lint-document.js';
import { resolveOptions } from '../src/lint/options.js';
import { builtinRuleFiles } from '../src/rules/builtin.js';
import { compileRules, withExpansions } from '../src/rules/compile.js';
import { fromLeanForm, leanForm } from '../src/rules/lean.js';
import { expandPattern, WordToken, wordLookupsMade } from '../src/rules/pattern.js';

describe('word tokens', () => {
  it('make their lookup at the first read, once', () => {
    const [token] = expandPattern('junkie', new Map())[0]!;
    expect(token).toBeInstanceOf(WordToken);
    const before = wordLookupsMade();
    const lookup = token!.lookup;
    expect([...lookup]).toEqual(token!.words);
    expect(token!.lookup).toBe(lookup);
    expect(wordLookupsMade()).toBe(before + 1);
  });

  it("are not given a Set by compiling the built-in rules' lean form, nor by a one-line check but for the few it matches against", () => {
    // The lean form, as a start reads it (dist/rules/builtin-lean.json): its tokens are restored, not expanded.
    const form = leanForm(withExpansions(builtinRuleFiles()));
    const files = fromLeanForm(
      form.lean,
      () => JSON.parse(form.examples),
      (start, end) => form.expansions.slice(start, end),
    );
    const before = wordLookupsMade();
    const rules = compileRules(files);
    const tokens = [...rules.index.values()]
      .flat()
      .flatMap((e) => e.sequence)
      .filter((t) => t instanceof WordToken).length;
    expect(tokens).toBeGreaterThan(1000);
    expect(wordLookupsMade()).toBe(before);
    const doc: Document = { file: 'x.txt', syntax: 'text', text: 'Hx of IVDU.' };
    expect(lintDocument(doc, { ...resolveOptions(), rules }).map((f) => f.actual)).toEqual(['IVDU']);
    const made = wordLookupsMade() - before;
    expect(made).toBeGreaterThan(0);
    expect(made).toBeLessThan(20);
  });
});
