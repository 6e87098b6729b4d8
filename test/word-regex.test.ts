// The trie-shaped word regexes must find exactly what a plain alternation of the same words finds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeRegex, trieSource, wordsSource } from '../src/rules/word-regex.js';

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', "'", '.', '-', 'é'), minLength: 1, maxLength: 5 });

describe('wordsSource', () => {
  it('matches what an alternation of the words matches, at the same places', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { minLength: 1, maxLength: 12 }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', "'", '.', '-', 'é', 'A'), maxLength: 40 }),
        (words, text) => {
          // Longest first, as the alternations the tries replaced were built: of two words that both
          // match at a place (one is a prefix of the other) the longer is tried first.
          const longestFirst = [...words].sort((a, b) => b.length - a.length);
          const plain = new RegExp(`(?<![a-c])(?:${longestFirst.map(escapeRegex).join('|')})(?![a-c])`, 'giu');
          const trie = new RegExp(`(?<![a-c])${wordsSource(words)}(?![a-c])`, 'giu');
          const spans = (re: RegExp) => [...text.matchAll(re)].map((m) => [m.index, m[0]]);
          expect(spans(trie)).toEqual(spans(plain));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('matches nothing for no words, and shares prefixes', () => {
    expect(new RegExp(wordsSource([])).test('anything')).toBe(false);
    expect(wordsSource(['abuse', 'abuser', 'addict'])).toBe('a(?:buser?|ddict)');
  });

  it('keeps each word with its own tails', () => {
    const re = new RegExp(
      `^${trieSource(
        new Map([
          ['drug', [' abuse', ' misuse']],
          ['drugs', ['']],
        ]),
      )}$`,
    );
    expect(['drug abuse', 'drug misuse', 'drugs'].every((s) => re.test(s))).toBe(true);
    expect(['drug', 'drugs abuse', 'drug drugs'].some((s) => re.test(s))).toBe(false);
  });
});
