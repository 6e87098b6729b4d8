// The scanner walks a short text's words in JavaScript (src/match/word-walk.ts) instead of running
// its regex, which costs more to compile than a short check takes. Both ways must give the same
// findings: the walk finds a superset of the regex's hits, which the same checks then decide.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusDir } from '../bench/corpus.js';
import { lintDocument, preloadLint } from '../src/lint/lint-document.js';
import { resolveOptions } from '../src/lint/options.js';
import { firstStagePlaces } from '../src/match/places.js';
import { scannerFor, UNDERSCORE_COPY_LIMIT, walkLimits } from '../src/match/prefilter.js';
import { wordWalker } from '../src/match/word-walk.js';
import { builtinRules } from '../src/rules/builtin.js';
import type { Finding } from '../src/types.js';
import { expectEqual, sharedCorpusTexts } from './helpers.js';

await preloadLint();
const resolved = resolveOptions();
const saved = { ...walkLimits };
afterAll(() => Object.assign(walkLimits, saved));

function lintBoth(text: string, options = resolved): { walked: Finding[]; regex: Finding[] } {
  const scanner = scannerFor(options.rules);
  const run = (limit: number): Finding[] => {
    Object.assign(walkLimits, { text: limit, total: limit });
    scanner.next('\u0000', 0); // forget the place remembered for the last text
    return lintDocument({ file: 'x.txt', syntax: 'text', text }, options);
  };
  const walked = run(Number.POSITIVE_INFINITY);
  const regex = run(0);
  return { walked, regex };
}

function expectSame(text: string, options = resolved): Finding[] {
  const { walked, regex } = lintBoth(text, options);
  expectEqual({ text: text.length > 2000 ? undefined : text, walked }, { text: text.length > 2000 ? undefined : text, walked: regex });
  return walked;
}

describe('wordWalker', () => {
  const walker = wordWalker(
    new Map([
      ['abuse', ['end']],
      ['abuser', ['end']],
      ["addict's", ['end']],
      ['down', ['apostrophe']],
    ] as const),
  )!;
  const hits = (text: string) => {
    const out: Array<[number, string]> = [];
    walker.walk(text, 0, text.length, (at, matched) => {
      out.push([at, matched]);
      return false;
    });
    return out;
  };

  it('reports every word standing at a word start, longest first, case and apostrophes folded', () => {
    expect(hits('ABUSER abusex xabuse')).toEqual([
      [0, 'ABUSER'],
      [0, 'ABUSE'],
      [7, 'abuse'],
    ]);
    expect(hits('an addict\u2019s, addict`s')).toEqual([
      [3, 'addict\u2019s'],
      [13, 'addict`s'],
    ]);
    // The long s and the Kelvin sign fold to ASCII letters under flags 'iu'; before a word only an
    // ASCII letter or digit stops it (more hits than the regex, never fewer).
    expect(hits('\u017fabuse abu\u017fe \u212abuse')).toEqual([
      [1, 'abuse'],
      [7, 'abu\u017fe'],
    ]);
  });

  it("takes an 'apostrophe' tail only with one of retext-equality's apostrophes after the word", () => {
    expect(hits("Down's down\u2019s downs down`s")).toEqual([
      [0, "Down'"],
      [7, 'down\u2019'],
    ]);
  });

  it('stops when the visitor says so, and only looks at starts in [from, end)', () => {
    const seen: number[] = [];
    expect(walker.walk('abuse abuse abuse', 1, 12, (at) => (seen.push(at), at === 6))).toBe(true);
    expect(seen).toEqual([6]);
  });

  // The trie's nodes are made on first visit (word-walk.ts childrenOf): whatever order texts visit
  // them in, the hits are those of every word tried at every word start, longest first.
  it('builds its nodes on demand and finds what trying every word at every start finds', () => {
    const wordArb = fc.stringMatching(/^[abc'-]{1,5}$/);
    const tailsArb = fc.uniqueArray(fc.constantFrom('end' as const, 'apostrophe' as const), { minLength: 1, maxLength: 2 });
    const textsArb = fc.array(fc.stringMatching(/^[abcAB'`\- 1]{0,24}$/), { minLength: 1, maxLength: 4 });
    const reference = (words: Map<string, ('end' | 'apostrophe')[]>, text: string): Array<[number, string]> => {
      const fold = (s: string) => s.toLowerCase().replace(/`/g, "'");
      const byLength = [...words].sort((a, b) => b[0].length - a[0].length);
      const out: Array<[number, string]> = [];
      for (let at = 0; at < text.length; at++) {
        if (at > 0 && /[A-Za-z0-9]/.test(text[at - 1]!)) continue;
        for (const [word, tails] of byLength) {
          if (fold(text.slice(at, at + word.length)) !== word) continue;
          for (const tail of tails) {
            if (tail === 'end') out.push([at, text.slice(at, at + word.length)]);
            else if ("'-".includes(text[at + word.length] ?? 'x')) out.push([at, text.slice(at, at + word.length + 1)]);
          }
        }
      }
      return out;
    };
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(wordArb, tailsArb), { selector: ([w]) => w, minLength: 1, maxLength: 12 }), textsArb, (entries, texts) => {
        const words = new Map(entries);
        const lazy = wordWalker(words)!;
        for (const text of texts) {
          const out: Array<[number, string]> = [];
          lazy.walk(text, 0, text.length, (at, matched) => (out.push([at, matched]), false));
          expectEqual(out, reference(words, text));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('declines words outside ASCII, whose case folding it does not model', () => {
    expect(wordWalker(new Map([['caf\u00e9', ['end']]]))).toBeUndefined();
  });
});

describe('the scanner walking words instead of its regex', () => {
  it('gives the same findings on cases at the edges of both', () => {
    const cases = [
      'hx of IVDU',
      'Pt with hx of_drug abuse_.',
      'Hx of drug abuse.\u212a',
      '\u212anown addict.',
      'Born with d\u2019own\u2019s syndrome.',
      "Born with 'downs syndrome. She is an id'iot_.",
      'She is an \u017fhemale. Shell fish allergy, reduced redness.',
      'Pseudoaddiction was discussed. addicts\u2019 and abuser`s',
      'multiple sclerosis victim; stroke @AGE@ victim; non-compliant, noncompliant',
    ];
    let findings = 0;
    for (const text of cases) findings += expectSame(text).length;
    expect(findings).toBeGreaterThan(cases.length);
  });

  it('gives the same findings on random text made of rule words', () => {
    const rules = builtinRules();
    const words = new Set<string>(['the', 'Pt', 'was', '_', "'", '\u2019', '\u017f', '\u212a', '-', '. ', '\n\n', ' ']);
    for (const entries of rules.index.values()) for (const { sequence } of entries) for (const t of sequence) t.words.slice(0, 4).forEach((w) => words.add(w));
    for (const seq of rules.equalityPhrases) for (const t of seq) t.words.slice(0, 3).forEach((w) => words.add(w));
    const text = fc
      .array(fc.oneof(fc.constantFrom(...words), fc.constantFrom(' ', ' ', '\n'), fc.string({ maxLength: 3 })), { maxLength: 60 })
      .map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expectSame(t);
      }),
      { numRuns: 500 },
    );
  });

  const corpus = corpusDir();
  it.skipIf(!corpus)(
    'gives the same findings on every 20th text of the shared corpus',
    () => {
      const texts = sharedCorpusTexts(corpus).filter((t, i) => i % 20 === 0 && t.text.length <= 50_000);
      let findings = 0;
      for (const { text } of texts) findings += expectSame(text).length;
      expect(findings).toBeGreaterThan(10);
    },
    300_000,
  );
});

// A text with "_" is scanned by the `\b` trie regex in a copy with each "_" a space
// (prefilter.ts underscoreFree): the places it names are the places the word walk names.
describe('the scan of a text with "_"', () => {
  const places = (text: string, limit: number): number[] => {
    Object.assign(walkLimits, { text: limit, total: limit });
    scannerFor(resolved.rules).next('\u0000', 0); // forget the place remembered for the last text
    return [...firstStagePlaces(text, resolved.rules)];
  };

  it('names the places the walk names, next to "_" on either side', () => {
    const cases = [
      '_addict addict_ _addict_ x_addict addict_x',
      'hx of_IVDU_, pt_id noncompliant__',
      "Down_'s, down'_s, _downs_syndrome",
      'addict1_ 1addict _1addict',
    ];
    for (const text of cases) expect({ text, places: places(text, 0) }).toEqual({ text, places: places(text, Number.POSITIVE_INFINITY) });
    expect(places(cases[0]!, 0)).toEqual([1, 8, 17, 27, 34]);
  });

  it('names the same places in a text too long to copy (scanned with the lookarounds instead)', () => {
    // Past UNDERSCORE_COPY_LIMIT the scanner does not copy the text (a 50 MB document's copy cost
    // 120 MB at its peak): the places must be those of the copied scan of the same pieces.
    const piece = '_addict addict_ x_addict hx of_IVDU_, pt_id noncompliant__ drug abuse. ';
    const long = piece.repeat(Math.ceil((UNDERSCORE_COPY_LIMIT + 1) / piece.length));
    expect(long.length).toBeGreaterThan(UNDERSCORE_COPY_LIMIT);
    const short = places(piece, 0);
    expect(short.length).toBeGreaterThan(4);
    const found = places(long, 0);
    const n = long.length / piece.length;
    expect(found).toEqual(Array.from({ length: n }, (_, k) => short.map((p) => p + k * piece.length)).flat());
  });

  it('names the places the walk names in random text of rule words and "_"', () => {
    const words = new Set<string>(['_', '__', 'x_', '_1', "'", '\u2019', '-', '. ', ' ', '\n']);
    const rules = builtinRules();
    for (const entries of rules.index.values()) for (const { sequence } of entries) for (const t of sequence) t.words.slice(0, 3).forEach((w) => words.add(w));
    for (const seq of rules.equalityPhrases) for (const t of seq) t.words.slice(0, 2).forEach((w) => words.add(w));
    const text = fc.array(fc.oneof(fc.constantFrom(...words), fc.constantFrom(' ', '_', 'a', '1')), { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expectEqual(places(t, 0), places(t, Number.POSITIVE_INFINITY));
      }),
      { numRuns: 400 },
    );
  });
});
