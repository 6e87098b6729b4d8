// The matcher's cheap steps before its work (src/match/match.ts): the bit set of the index's words
// checked before the index Map (indexFilter, wordHash), and the order conditions are asked in
// (cheapFirst). Both change how much work a sentence costs, never its findings; the corpus digest
// (scripts/corpus-digest.sh) holds the findings, these the properties the speed rests on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cheapFirst, indexFilter, wordHash } from '../src/match/match.js';
import { builtinPresetRules } from '../src/rules/builtin-presets.js';
import type { CompiledCondition } from '../src/rules/compile.js';
import { binaryUnit, propertyRuns } from './helpers.js';

/** Whether two Uint32Arrays hold the same words (same length, same values in order). */
const sameWords = (a: Uint32Array, b: Uint32Array) =>
  a.length === b.length && Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;

const has = (bits: Uint32Array, word: string) => {
  const h = wordHash(word);
  return (bits[h >>> 5]! & (1 << (h & 31))) !== 0;
};

describe('indexFilter', () => {
  for (const preset of ['recommended', 'all'] as const) {
    it(`passes every word of the ${preset} index (no word the Map holds is skipped)`, () => {
      const { index } = builtinPresetRules(preset);
      const bits = indexFilter(index);
      for (const word of index.keys()) expect(has(bits, word), word).toBe(true);
    });
  }

  it('sets exactly the bits of wordHash over the index words (indexFilter writes the hash out)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: binaryUnit, minLength: 1 }), { maxLength: 40 }), (words) => {
        const expected = new Uint32Array(1 << 11);
        for (const word of words) {
          const h = wordHash(word);
          expected[h >>> 5]! |= 1 << (h & 31);
        }
        // toEqual on two 2,048-word arrays costs ~33 ms (element by element through vitest's
        // equality): 10 s of the file's 300 runs. The bytes compared first; toEqual (its diff) on a difference.
        const bits = indexFilter(new Map(words.map((w) => [w, 0])));
        if (!sameWords(bits, expected)) expect(bits).toEqual(expected);
      }),
      { numRuns: propertyRuns(300, 3000) },
    );
  });

  it('skips most words the index lacks', () => {
    const { index } = builtinPresetRules('recommended');
    const bits = indexFilter(index);
    const words = 'the patient presents with pain in abdomen history of hypertension denies fever chills nausea vomiting blood pressure heart rate'.split(' ');
    const absent = words.filter((w) => !index.has(w));
    expect(absent.filter((w) => has(bits, w)).length).toBeLessThan(absent.length / 3);
  });

  it('gives a 16-bit hash for any string, the same each time', () => {
    fc.assert(
      fc.property(fc.string({ unit: binaryUnit }), (word) => {
        const h = wordHash(word);
        expect(h).toBe(wordHash(String(word)));
        expect(Number.isInteger(h) && h >= 0 && h < 1 << 16).toBe(true);
      }),
      { numRuns: propertyRuns(300, 3000) },
    );
  });
});

describe('cheapFirst', () => {
  const condition = (kind: CompiledCondition['kind'], patient?: CompiledCondition['patient']) => ({ kind, patient }) as unknown as CompiledCondition;

  it('asks looks at the words first, readings of the subject after, whole-note child tests last, in their order otherwise', () => {
    const subject = condition('subject');
    const sentence = condition('sentence');
    const child = condition('sentence', 'child');
    const before = condition('before');
    const described = condition('described');
    const list = [child, subject, sentence, described, before];
    const ordered = cheapFirst(list);
    expect(ordered).toEqual([sentence, before, subject, described, child]);
    expect(ordered.every((c, k) => c === [sentence, before, subject, described, child][k])).toBe(true);
    // Made once per list, the list itself left as it was.
    expect(cheapFirst(list)).toBe(ordered);
    expect(list).toEqual([child, subject, sentence, described, before]);
  });

  it('keeps the same conditions for every rule of both presets', () => {
    for (const preset of ['recommended', 'all'] as const) {
      for (const compiled of builtinPresetRules(preset).byId.values()) {
        for (const list of [compiled.requires, compiled.unless]) {
          const ordered = cheapFirst(list);
          expect(ordered.length).toBe(list.length);
          expect(new Set(ordered)).toEqual(new Set(list));
        }
      }
    }
  });
});
