// The reading thread's gate (src/engine/gate.ts): a document it answers itself ("no place, nothing
// to find") must be one lintDocument finds nothing in, over the shared corpus and over generated
// text made of rule words, placeholders, hidden characters and every kind of break.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FULL_CORPUS, propertyRuns, sharedCorpusTexts } from './helpers.js';
import { corpusDir } from '../bench/corpus.js';
import { mayFind } from '../src/engine/gate.js';
import { lintDocument, preloadLint } from '../src/lint/lint-document.js';
import { resolveOptions } from '../src/lint/options.js';
import { builtinRules } from '../src/rules/builtin.js';

await preloadLint();
const resolved = resolveOptions();
const corpus = corpusDir();
// Every 8th corpus text in `npm test` (a fixed sample: a failure reproduces; every 4th was ~6 s of
// CPU, among the slowest tests), every text in `npm run test:corpus`.
const GATE_STRIDE = FULL_CORPUS ? 1 : 8;
const doc = (text: string) => ({ file: 'x.txt', syntax: 'text' as const, text });

describe('the gate on the reading thread', () => {
  it('answers only texts with no finding, and passes on the rest', () => {
    expect(mayFind(doc('No findings here. Wound healing well.'), resolved)).toBe(false);
    expect(mayFind(doc('Pt with hx of IVDU.'), resolved)).toBe(true);
    // A hidden character: lint reads the text again without it ("IVDU").
    expect(lintDocument(doc('Pt with hx of IV\u00adDU.'), resolved)).not.toEqual([]);
    expect(mayFind(doc('Pt with hx of IV\u00adDU.'), resolved)).toBe(true);
    // Markdown and HTML are never answered here.
    expect(mayFind({ file: 'x.md', syntax: 'markdown', text: 'No findings here.' }, resolved)).toBe(true);
  });

  it.skipIf(!corpus)(
    `never answers a corpus text that has a finding (every ${GATE_STRIDE === 1 ? '' : `${GATE_STRIDE}th `}text)`,
    () => {
      let answered = 0;
      // The corpus holds over 150,000 texts.
      const texts = (corpus ? sharedCorpusTexts(corpus) : []).filter((_, i) => i % GATE_STRIDE === 0).map((t) => t.text as string);
      // Texts the gate answered that have findings: collected, then asserted once (an expect per
      // answered text cost as much as the lint): a failure shows the first, its first 200 characters and findings.
      const wrong: { text: string; findings: unknown[] }[] = [];
      for (const text of texts) {
        if (mayFind(doc(text), resolved)) continue;
        answered++;
        const findings = lintDocument(doc(text), resolved);
        if (findings.length) wrong.push({ text: text.slice(0, 200), findings });
      }
      expect(wrong[0], `${wrong.length} texts answered by the gate have findings; the first`).toBeUndefined();
      expect(answered).toBeGreaterThan(100); // the gate does answer most notes
    },
    FULL_CORPUS ? 1_800_000 : 300_000,
  );

  it('never answers a generated text that has a finding (property)', () => {
    const rules = builtinRules();
    const words = new Set<string>(['Pt', 'the', 'x', 'IVDU', 'EtOH', '{{x}}', '***', '@AGE@', 'F10.20']);
    for (const entries of rules.index.values()) for (const { sequence } of entries) for (const t of sequence) t.words.slice(0, 3).forEach((w) => words.add(w));
    for (const seq of rules.equalityPhrases) for (const t of seq) t.words.slice(0, 2).forEach((w) => words.add(w));
    const list = [...words];
    const piece = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...list) },
      { weight: 1, arbitrary: fc.constantFrom(...list).map((w) => (w.length > 2 ? `${w.slice(0, 2)}\u00ad${w.slice(2)}` : w)) },
      { weight: 4, arbitrary: fc.constantFrom(' ', '\n', '\n\n', '\r\n', '-\n', '\u00a0', '&nbsp;', '&shy;', '\u200b', "'", '_', '.', ',', '"') },
      { weight: 1, arbitrary: fc.string({ maxLength: 3 }) },
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        if (!mayFind(doc(text), resolved)) expect({ text, findings: lintDocument(doc(text), resolved) }).toEqual({ text, findings: [] });
      }),
      { numRuns: propertyRuns(375, 1500) },
    );
  });
});
