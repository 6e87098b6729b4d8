// Windows cut at a fixed reach are read in whole words (match/word-edges.ts): the cut moves out of
// the word it falls in, and a fragment of a word is never read as a word of its own.
import { describe, expect, it } from 'vitest';
import { LINE_REACH, readLine } from '../src/match/line-window.js';
import { wordEnd, wordStart } from '../src/match/word-edges.js';
import type { SentenceTokens } from '../src/parse/tokens.js';

describe('word edges of a cut window', () => {
  it('moves a start inside a word to its end, and leaves a start between words', () => {
    const text = 'no predetox today';
    expect(wordEnd(text, text.indexOf('tox'), text.length)).toBe(text.indexOf(' today'));
    expect(wordEnd(text, text.indexOf('predetox'), text.length)).toBe(text.indexOf('predetox'));
    expect(wordEnd(text, text.indexOf(' today'), text.length)).toBe(text.indexOf(' today'));
    expect(wordEnd(text, 0, text.length)).toBe(0);
    // Never past its limit, and digits are word characters too.
    expect(wordEnd(text, text.indexOf('tox'), text.indexOf('ox'))).toBe(text.indexOf('ox'));
    expect(wordEnd('A1234 b', 2, 7)).toBe(5);
  });

  it('moves an end inside a word back to its start, and leaves an end between words', () => {
    const text = 'went to the drugstore now';
    expect(wordStart(text, text.indexOf('store'), 0)).toBe(text.indexOf('drugstore'));
    expect(wordStart(text, text.indexOf(' now'), 0)).toBe(text.indexOf(' now'));
    expect(wordStart(text, text.length, 0)).toBe(text.length);
    expect(wordStart(text, text.indexOf('store'), text.indexOf('ugstore'))).toBe(text.indexOf('ugstore'));
    // Letters outside ASCII are word characters: "café" is not cut to "caf".
    expect(wordStart('au café noir', 6, 0)).toBe(3);
  });

  it("reads a long line's reach in whole words (a cut 'dietary' is not 'diet')", () => {
    const offset = 10;
    const tail = ' '.repeat(LINE_REACH - 4);
    // The reach ends inside "dietary": read whole, the line holds no "diet".
    const text = `Pt is on a${tail}dietary plan ${'x '.repeat(400)}`;
    expect(text.indexOf('dietary') + 4).toBe(offset + LINE_REACH);
    expect(text.indexOf('dietary') + 7).toBeGreaterThan(offset + LINE_REACH);
    const sentence: SentenceTokens = { tokens: [], paragraphStart: 0, paragraphEnd: text.length, start: 0, end: text.length };
    expect(readLine(/\bdiet\b/, text, 0, text.length, offset, sentence)).toBe(false);
    expect(readLine(/\bdietary\b/, text, 0, text.length, offset, sentence)).toBe(false);
    expect(readLine(/\bon\b/, text, 0, text.length, offset, sentence)).toBe(true);
    // A whole word ending at the reach is still read.
    const whole = `Pt is on a${' '.repeat(LINE_REACH - 4)}diet plan ${'x '.repeat(400)}`;
    expect(readLine(/\bdiet\b/, whole, 0, whole.length, offset, sentence)).toBe(true);
  });
});
