// lazyRegExp, nativeRegExp and cuedTest (src/core/lazy-regexp.ts): module-level regexes built on first use
// (start-up), compiled once.
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cuedTest, cuedTests, lazyRegExp, nativeRegExp } from '../src/core/lazy-regexp.js';

describe('lazyRegExp', () => {
  it('builds the regex of its source and flags once, at the first call, and gives the same object after', () => {
    const source = String.raw`(?<![\p{L}\p{N}])i(?![\p{L}\p{N}])`;
    const get = lazyRegExp(source, 'giu');
    const regex = get();
    expect(regex.source).toBe(new RegExp(source, 'giu').source);
    expect(regex.flags).toBe('giu');
    expect(get()).toBe(regex);
    // One object: a global regex's lastIndex is shared between calls, as a constant's was.
    expect(get().exec('so I said I')?.index).toBe(3);
    expect(get().lastIndex).toBe(4);
    expect(get().exec('so I said I')?.index).toBe(10);
  });

  it('throws a bad pattern at the first call, not when declared', () => {
    const get = lazyRegExp('(unclosed');
    expect(() => get()).toThrow(SyntaxError);
  });
});

describe('nativeRegExp', () => {
  it('is the regex of its source and flags, lastIndex 0, finding what the constructor finds', () => {
    for (const [source, flags] of [
      [String.raw`(?<![\p{L}\p{N}])i(?![\p{L}\p{N}])`, 'giu'],
      [String.raw`\0+`, 'g'], // matches the NUL subject it is compiled on: lastIndex is reset all the same
      [String.raw`\0`, 'y'],
      [String.raw`ab+c`, 'i'],
    ] as const) {
      const regex = nativeRegExp(source, flags);
      expect([regex.source, regex.flags, regex.lastIndex]).toEqual([new RegExp(source, flags).source, flags, 0]);
    }
    expect(nativeRegExp(String.raw`\0+`, 'g').exec('a\0\0b')?.index).toBe(1);
    expect(nativeRegExp('ab+c', 'i').test('xABBC')).toBe(true);
    expect(() => nativeRegExp('(unclosed')).toThrow(SyntaxError);
  });

  // What it is for, asked of V8 itself: its trace prints "bytecode size" for each compile to
  // bytecode (and names no regex). A regex made by the constructor is compiled to bytecode at its first execution on a
  // short subject; one from nativeRegExp is not compiled again, whatever it runs on.
  it('leaves V8 nothing to compile to bytecode when the regex then runs on short texts (--trace-regexp-tier-up)', () => {
    // The built module (vitest's global setup builds dist/): a child Node cannot import TypeScript.
    const module = new URL('../dist/core/lazy-regexp.js', import.meta.url).pathname;
    const run = (make: string) =>
      spawnSync(
        process.execPath,
        [
          '--trace-regexp-tier-up',
          '--input-type=module',
          '-e',
          `const { nativeRegExp } = await import(${JSON.stringify(module)}); const r = ${make}; for (const t of ['a cat', 'the dog', 'cats']) r.test(t);`,
        ],
        { encoding: 'utf8' },
      );
    const compiles = (make: string) => {
      const r = run(make);
      expect(r.status, r.stderr).toBe(0);
      return (r.stdout.match(/bytecode size/g) ?? []).length;
    };
    // Node's own start-up compiles a few regexes of its own: counted by a run of a regex that never runs.
    const node = compiles(String.raw`{ test() {} }`);
    expect(compiles(String.raw`new RegExp('\\b(?:cats?|dogs?)\\b', 'i')`) - node).toBe(1);
    expect(compiles(String.raw`nativeRegExp('\\b(?:cats?|dogs?)\\b', 'i')`) - node).toBe(0);
  });
});

describe('cuedTest', () => {
  it('gives the regex test when a cue is in the text, false without building it otherwise', () => {
    const test = cuedTest(String.raw`\bcalls?\s+(?:me|him)\b`, 'i', ['call']);
    expect(test('He CALLS me names')).toBe(true);
    expect(test('a call to him')).toBe(false); // cue there, regex says no
    expect(test('phoned me')).toBe(false);
    // "ſ" matches "s" case-insensitively with the u flag, and is its own lower case.
    const unicode = cuedTest(String.raw`\bslurs\b`, 'iu', ['slur']);
    expect(unicode('ſlurs')).toBe(/\bslurs\b/iu.test('ſlurs'));
    expect(unicode('ſlurs')).toBe(true);
    expect(() => cuedTest('a', 'g', ['a'])).toThrow(/lastIndex/);
    // The Kelvin sign's lower case is "k", and the regex matches it with the u flag: the cues'
    // quick test (case-insensitive, without u) must not turn such a text away.
    const kelvin = cuedTest(String.raw`\bkid\b`, 'iu', ['kid']);
    expect(/\bkid\b/iu.test('\u212aid')).toBe(true);
    expect(kelvin('\u212aid')).toBe(true);
    // U+0130's lower case is "i" and a combining dot: "hİ" holds the cue "hi" lower-cased.
    expect(cuedTest('h\u0130', 'i', ['hi'])('h\u0130')).toBe(true);
  });

  it('answers as a lower-cased search for the cues followed by the regex would (fast-check, texts of cue pieces, other cases, and characters past ASCII)', async () => {
    await import('../src/match/speakers.js');
    await import('../src/match/relative-speech.js');
    // A copy: each cuedTest call below adds to the list.
    for (const { source, flags, cues } of [...cuedTests()]) {
      // The cues stand in the quick test's regex as they are: plain letters, no regex syntax.
      for (const cue of cues) expect(cue).toMatch(/^[a-z]+$/);
      const test = cuedTest(source, flags, cues);
      const regex = new RegExp(source, flags);
      const reference = (text: string) => {
        let lower = text.toLowerCase();
        if (flags.includes('u')) lower = lower.replaceAll('\u017f', 's');
        return cues.some((cue) => lower.includes(cue)) && regex.test(text);
      };
      const piece = fc.oneof(
        fc.constantFrom(...cues, ' ', 'my ', ' said ', ' he ', ' is a ', '"', 'terms like ', 'wife says she '),
        fc.constantFrom('\u0130', '\u212a', '\u017f', 'K', 'S', 'I', '\u2019'),
        fc.string({ unit: 'grapheme', maxLength: 3 }),
      );
      const text = fc
        .tuple(fc.array(piece, { maxLength: 12 }), fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }))
        .map(([parts, upper]) => [...parts.join('')].map((c, i) => (upper[i % 8] ? c.toUpperCase() : c)).join(''));
      fc.assert(
        fc.property(text, (t) => test(t) === reference(t)),
        { numRuns: 300 },
      );
    }
  });

  it("holds its promise for the context checks: every match of each regex holds one of its cues (fast-check, the regexes' own matches in any case)", async () => {
    await import('../src/match/speakers.js');
    await import('../src/match/relative-speech.js');
    const tests = cuedTests();
    expect(tests.length).toBeGreaterThanOrEqual(7);
    for (const { source, flags, cues } of tests) {
      const regex = new RegExp(source, flags);
      // fast-check makes strings matching a regex without the i flag and \b: ask for the source's
      // lower-case matches, then change the case of their letters at random, and keep what the regex matches.
      const matching = fc
        .tuple(
          fc.stringMatching(new RegExp(source.replaceAll(String.raw`\b`, ''), flags.replace('i', ''))),
          fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        )
        .map(([text, upper]) => [...text].map((c, i) => (upper[i % 8] ? c.toUpperCase() : c)).join(''))
        .filter((text) => regex.test(text));
      fc.assert(
        fc.property(matching, (text) => cues.some((cue) => text.toLowerCase().replaceAll('\u017f', 's').includes(cue))),
        { numRuns: 300 },
      );
    }
  });
});
