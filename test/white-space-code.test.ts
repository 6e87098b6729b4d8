// isWhiteSpaceCode (src/parse/white-space.ts) answers what the one-character test of
// WHITE_SPACE_CLASS it replaced answered (parse-text.ts's sentence windows), for every UTF-16 code unit.
import { describe, expect, it } from 'vitest';
import { WHITE_SPACE_CLASS, isWhiteSpaceCode } from '../src/parse/white-space.js';

describe('isWhiteSpaceCode', () => {
  it('agrees with WHITE_SPACE_CLASS on every code unit, and says no past the end of a string', () => {
    const regex = new RegExp(WHITE_SPACE_CLASS);
    const differ: number[] = [];
    let spaces = 0;
    for (let code = 0; code <= 0xffff; code++) {
      const want = regex.test(String.fromCharCode(code));
      if (want) spaces++;
      if (isWhiteSpaceCode(code) !== want) differ.push(code);
    }
    expect(differ).toEqual([]);
    expect(spaces).toBe(25);
    expect(isWhiteSpaceCode(''.charCodeAt(0))).toBe(false);
  });
});
