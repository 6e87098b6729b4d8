// The trie-shaped word regexes must find exactly what a plain alternation of the same words finds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeRegex, trieSource, wordsSource } from '../src/rules/word-regex.js';
import { expectEqual } from './helpers.js';

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
          expectEqual(spans(trie), spans(plain));
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

  // The trie as it was built before a word and the same word plus one character with the same tail
  // were written `cT?` for `(?:cT|T)` (su3: 1,824 characters off the `all` preset's scan regex).
  const longTrie = (tails: ReadonlyMap<string, readonly string[]>, escapeChar: (ch: string) => string): string => {
    type Node = { children: Map<string, Node>; tails: string[] };
    const root: Node = { children: new Map(), tails: [] };
    for (const [w, wordTails] of tails) {
      let node = root;
      for (const ch of w) {
        let child = node.children.get(ch);
        if (!child) node.children.set(ch, (child = { children: new Map(), tails: [] }));
        node = child;
      }
      for (const tail of wordTails) if (!node.tails.includes(tail)) node.tails.push(tail);
    }
    const emit = (node: Node): string => {
      const parts = [...node.children].map(([ch, child]) => escapeChar(ch) + emit(child));
      if (node.tails.length) parts.push(node.tails.length === 1 ? node.tails[0]! : `(?:${node.tails.join('|')})`);
      return parts.length === 1 ? parts[0]! : `(?:${parts.join('|')})`;
    };
    return emit(root);
  };

  it('writes a word and its one-character extension with one tail as an optional character, with the same matches', () => {
    const escapes = [escapeRegex, (ch: string) => `${escapeRegex(ch)}[-']*`, (ch: string) => (ch === "'" ? "['’]" : escapeRegex(ch))];
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { minLength: 1, maxLength: 12 }),
        fc.array(fc.constantFrom('', '(?![a-c])', ' b', '(?=c)'), { minLength: 1, maxLength: 12 }),
        fc.constantFrom(0, 1, 2),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', "'", '’', '.', '-', 'é', 'A'), maxLength: 40 }),
        (words, tailList, e, text) => {
          const tails = new Map(words.map((w, k) => [w, [tailList[k % tailList.length]!]]));
          const before = new RegExp(`(?<![a-c])${longTrie(tails, escapes[e]!)}`, 'giu');
          const after = new RegExp(`(?<![a-c])${trieSource(tails, escapes[e]!)}`, 'giu');
          const spans = (re: RegExp) => [...text.matchAll(re)].map((m) => [m.index, m[0]]);
          expectEqual(spans(after), spans(before));
        },
      ),
      { numRuns: 2000 },
    );
    expect(
      trieSource(
        new Map([
          ['user', ['(?![a-z])']],
          ['users', ['(?![a-z])']],
        ]),
      ),
    ).toBe('users?(?![a-z])');
    expect(
      trieSource(
        new Map([
          ['ab', ['']],
          ['abc', ['']],
        ]),
        (ch) => `${ch}-*`,
      ),
    ).toBe('a-*b-*(?:c-*)?');
  });
});
