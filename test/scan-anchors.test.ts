// What the first-stage scanner looks for (src/match/prefilter.ts): a phrase is found through the
// rarest word a match must contain. A rule whose phrase is a very common word ("low", "bad" as a
// field's answer) and which requires a rarer word beside it ("compliance" before it) must be
// scanned for the rarer word: scanned for its own, it made every "low" and "bad" of MTSamples a
// place to check (about 3.5% of a run's instructions, BENCHMARKS.md). How common a word is comes
// from the corpus's word counts (scripts/word-frequency.mjs writes src/match/word-frequency.ts),
// not from a list of today's rules. The choice is made at build time (src/match/scan-choice.ts;
// scripts/build-rules.js writes src/match/builtin-scan.ts), so a start reads no frequency table.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCAN_CONTEXT, SCAN_FREQUENT } from '../src/match/builtin-scan.js';
import { scannerFor } from '../src/match/prefilter.js';
import {
  type ScannedPhrase,
  commonness,
  contextOf,
  frequentAnchorOf,
  scanChoices,
  scanChoicesSource,
  scannedPhrases,
  TOO_FREQUENT,
} from '../src/match/scan-choice.js';
import { FREQUENT_WORDS } from '../src/match/word-frequency.js';
import { builtinPresetRules } from '../src/rules/builtin-presets.js';
import { builtinRules } from '../src/rules/builtin.js';
import { compileRules } from '../src/rules/compile.js';
import type { TokenSequence } from '../src/rules/pattern.js';

const FREQUENT = FREQUENT_WORDS.split(' ');
// "Very common": among the 500 most frequent words of the notes (the whole list).
const VERY_COMMON = new Set(FREQUENT.slice(0, 500));
const rank = new Map(FREQUENT.map((w, k) => [w, k]));
/** How common a word is by the list alone: its rank's complement, 0 for a word not in it. */
const common = (w: string) => (w === '*' ? Number.POSITIVE_INFINITY : FREQUENT.length - (rank.get(w) ?? FREQUENT.length));

const key = (seq: TokenSequence) => JSON.stringify(seq.map((t) => [...t.words].sort()));

/**
 * A required condition of the phrase's rule, read in the phrase's own sentence, each of whose
 * phrases holds a token all of whose words are less common than `than`, if there is one.
 */
function rarerRequired(p: ScannedPhrase, than: number): string | undefined {
  for (const c of p.compiled.requires) {
    if ((c.kind !== 'before' && c.kind !== 'after' && c.kind !== 'sentence') || c.previous || c.sequences.length === 0) continue;
    if (c.forms && !c.forms.some((f) => key(f) === key(p.sequence))) continue;
    const rarer = c.sequences.map((seq) => seq.find((t) => t.words.every((w) => common(w) < than)));
    if (rarer.every((t) => t !== undefined)) return rarer.map((t) => t!.words.join('|')).join(', ');
  }
  return undefined;
}

/** Phrases scanned for a very common word although their rule requires a rarer one: "rule: scanned → rarer". */
function commonAnchors(phrases: readonly ScannedPhrase[]): string[] {
  const found: string[] = [];
  for (const p of phrases) {
    const worst = p.words.filter((w) => VERY_COMMON.has(w));
    if (worst.length === 0) continue;
    const rarer = rarerRequired(p, Math.max(...worst.map((w) => common(w))));
    if (rarer) found.push(`${p.compiled.rule.id}: ${worst.join('|')} -> ${rarer}`);
  }
  return found;
}

describe('the words the scanner looks for', () => {
  for (const preset of ['recommended', 'all'] as const) {
    it(`are never a very common word where the rule requires a rarer one (${preset})`, () => {
      const phrases = scannedPhrases(scannerFor(builtinPresetRules(preset)));
      expect(phrases.length).toBeGreaterThan(100);
      expect(commonAnchors(phrases)).toEqual([]);
    });
  }

  it('scans a field answer "low" or "bad" for "compliance" or "adherence", the word its rule requires before it', () => {
    const phrases = scannedPhrases(scannerFor(builtinPresetRules('all')));
    const field = phrases.filter((p) => p.compiled.rule.id === 'compliance/poor-compliance-field');
    const low = field.find((p) => p.sequence.length === 1 && p.sequence[0]!.words.includes('low'));
    expect(low?.context).toBe(true);
    expect([...low!.words].sort()).toEqual(['adherence', 'compliance']);
    // No phrase of any rule is scanned for "low" itself.
    expect(phrases.filter((p) => p.words.includes('low')).map((p) => p.compiled.rule.id)).toEqual([]);
  });

  it('would catch a rule scanned for a very common word: a made-up rule whose phrase "low" requires "tolerance" before it', () => {
    const rules = compileRules([
      {
        file: 'made-up.yaml',
        rules: [
          {
            id: 'made-up/low-tolerance',
            description: 'A made-up rule.',
            severity: 'warning',
            match: ['low'],
            suggestions: ['x'],
            note: 'x',
            sources: [],
            conditions: { requires: [{ before: ['tolerance'], within: 1 }] },
          },
        ],
      },
    ] as never);
    // A rule of a user's own is scanned for its own word (anchorOf): the check reports it.
    const phrases = scannedPhrases(scannerFor(rules));
    expect(phrases.map((p) => [...p.words])).toEqual([['low']]);
    expect(commonAnchors(phrases)).toEqual(['made-up/low-tolerance: low -> tolerance']);
    // The build's choice for it, were it built in, is its required word.
    expect(scanChoices(rules).context).toEqual({ 'made-up/low-tolerance': { low: ['tolerance'] } });
    expect(commonness('low')).toBeGreaterThan(commonness('tolerance'));
  });

  it('reads how common a word is from the corpus word counts that scripts/word-frequency.mjs writes', () => {
    expect(FREQUENT.length).toBe(500);
    expect(VERY_COMMON.has('low')).toBe(true);
    expect(rank.has('compliance')).toBe(false);
    // The file is what the script writes from the shared corpus now.
    execFileSync(process.execPath, ['scripts/word-frequency.mjs', '--check'], { stdio: 'pipe' });
  });
});

describe('the anchor of a phrase of several words', () => {
  // "drug using" was scanned for "using" (the longer word), which stood 4,123 times in MTSamples.
  const TOP = new Set(FREQUENT.slice(0, TOO_FREQUENT));
  for (const preset of ['recommended', 'all'] as const) {
    it(`is none of the ${TOO_FREQUENT} most frequent words where another token of the phrase has none (${preset})`, () => {
      const phrases = scannedPhrases(scannerFor(builtinPresetRules(preset)));
      const frequent = phrases
        .filter((p) => !p.context && p.words.some((w) => TOP.has(w)))
        .filter((p) => p.sequence.some((t) => t.words.every((w) => !TOP.has(w) && commonness(w) !== Number.POSITIVE_INFINITY)))
        .map((p) => `${p.compiled.rule.id}: ${p.words.join('|')}`);
      expect(phrases.some((p) => p.sequence.length > 1)).toBe(true);
      expect(frequent).toEqual([]);
    });
  }
});

describe('the choice made at build time (src/match/builtin-scan.ts)', () => {
  it('is what scripts/build-rules.js writes for the built-in rules now (a stale file fails)', () => {
    expect(readFileSync(new URL('../src/match/builtin-scan.ts', import.meta.url), 'utf8')).toBe(scanChoicesSource(builtinRules()));
    expect(SCAN_FREQUENT.split(' ')).toContain('using');
    expect(Object.keys(SCAN_CONTEXT)).toContain('compliance/poor-compliance-field');
  });

  for (const preset of ['recommended', 'all'] as const) {
    it(`gives every built-in phrase the words the frequency table chooses (${preset})`, () => {
      const phrases = scannedPhrases(scannerFor(builtinPresetRules(preset)));
      expect(phrases.length).toBeGreaterThan(100);
      const wrong: string[] = [];
      for (const p of phrases) {
        const context = contextOf(p.compiled, p.sequence);
        const want = context ?? p.sequence[frequentAnchorOf(p.sequence)]!.words;
        if (p.context !== (context !== undefined) || JSON.stringify([...p.words].sort()) !== JSON.stringify([...want].sort()))
          wrong.push(`${p.compiled.rule.id}: ${p.words.join('|')} (want ${want.join('|')})`);
      }
      expect(wrong).toEqual([]);
      // Both kinds of choice are made: "drug using" for "drug", "low" for "compliance".
      expect(phrases.some((p) => p.context)).toBe(true);
      expect(phrases.some((p) => p.sequence.some((t) => t.words.includes('using')) && !p.words.includes('using'))).toBe(true);
    });
  }
});
