// What a rule's `line` condition reads around a match (match.ts holds, line-holds.ts): the match's
// line, or on a line longer than LONG_LINE (parse/lines.ts) only the match's sentence, no more than
// LINE_REACH either side of the match, so a cited title or a code at one end of the line does not
// silence a phrase at the other ("What Are the Possible Consequences of Opioid Use and Abuse?" in the
// middle of a patient-education answer hid every "abused" in it).
import type { SentenceTokens } from '../parse/tokens.js';
import { LONG_LINE } from '../parse/lines.js';
import { wordEnd, wordStart } from './word-edges.js';

export const LINE_REACH = 250;

/** Where the window of a match at `offset` on a long line starting at `lineStart` starts: its sentence's start, within the line. */
export function lineWindowFrom(lineStart: number, offset: number, sentence: SentenceTokens): number {
  return Math.max(lineStart, Math.min(sentence.start, offset));
}

/** Where that window ends (exclusive): its sentence's end, within the line ending at `lineEnd`. */
export function lineWindowTo(lineEnd: number, offset: number, sentence: SentenceTokens): number {
  return Math.min(lineEnd, Math.max(sentence.end, offset + 1));
}

/**
 * Does `regex` match what a line condition reads for a match at `offset` on the line [start, end)
 * (UTF-16 offsets, end at its "\n" or the text's end)? Read afresh at each call: line-holds.ts keeps
 * the answers; the warehouse build, which leaves those caches out, calls this.
 */
export function readLine(regex: RegExp, text: string, start: number, end: number, offset: number, sentence: SentenceTokens): boolean {
  if (end - start <= LONG_LINE) return regex.test(text.slice(start, end));
  const from = lineWindowFrom(start, offset, sentence);
  const to = lineWindowTo(end, offset, sentence);
  // An unpunctuated transcript's "sentence" is read only around the match.
  if (to - from <= 2 * LINE_REACH) return regex.test(text.slice(from, to));
  return regex.test(text.slice(wordEnd(text, Math.max(from, offset - LINE_REACH), offset), wordStart(text, Math.min(to, offset + LINE_REACH), offset + 1)));
}
