// lazyRegExp (src/core/lazy-regexp.ts): module-level regexes built on first use (start-up).
import { describe, expect, it } from 'vitest';
import { lazyRegExp } from '../src/core/lazy-regexp.js';

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
