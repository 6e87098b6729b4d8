// core/once-per-text.ts: the memo of the two texts last asked about that parse/lines.ts (line starts,
// blank lines) and match/table-header.ts (each line's delimiter) share.
import { describe, expect, it } from 'vitest';
import { oncePerText, recentPerText } from '../src/core/once-per-text.js';

/** `compute` wrapped to count its calls, per text. */
function counted<T>(compute: (text: string) => T) {
  const calls: string[] = [];
  return { calls, compute: (text: string) => (calls.push(text), compute(text)) };
}

describe('recentPerText', () => {
  it('computes each of two alternating texts once', () => {
    const { calls, compute } = counted((text) => text.length);
    const memo = recentPerText(compute);
    const answers = ['a note', 'its hidden-free reading', 'a note', 'its hidden-free reading', 'a note'].map(memo);
    expect(answers).toEqual([6, 23, 6, 23, 6]);
    expect(calls).toEqual(['a note', 'its hidden-free reading']);
  });

  it('forgets the older of two texts when a third comes', () => {
    const { calls, compute } = counted((text) => text.toUpperCase());
    const memo = recentPerText(compute);
    for (const text of ['one', 'two', 'three', 'two', 'one']) memo(text);
    expect(calls).toEqual(['one', 'two', 'three', 'one']);
  });

  it('gives a text of equal content in another string object the same answer, computed once', () => {
    const memo = recentPerText((text) => ({ length: text.length }));
    const first = `${'x'.repeat(50)}y`;
    const again = ['x'.repeat(50), 'y'].join('');
    expect(again).toBe(first);
    expect(memo(again)).toBe(memo(first));
  });
});

describe('oncePerText', () => {
  it('keeps the answer for the last text only', () => {
    const { calls, compute } = counted((text) => text.length);
    const memo = oncePerText(compute);
    for (const text of ['a', 'a', 'bb', 'a']) memo(text);
    expect(calls).toEqual(['a', 'bb', 'a']);
  });
});
