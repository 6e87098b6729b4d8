// Where the line holding an offset starts and ends ("\n" ends a line), for code that asks once per
// finding. Searching back and forth for "\n" from each finding costs the line's length, and a note
// flattened to one line (an export's) can be megabytes long: with a finding every few hundred
// characters that was quadratic. The line starts are found once per text (the last two texts asked
// about are remembered, core/once-per-text.ts recentPerText: a long document is linted in batches
// alternating with its hidden-free reading, lint-document.ts) and each question is a binary search.
import { recentPerText } from '../core/once-per-text.js';
import { countBelow } from '../match/count-below.js';
import { BLANK_LINE } from './white-space.js';

// The starts of the lines of a text: 0, then one past each "\n".
const startsOf = recentPerText((text): number[] => {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
});

/** The 0-based index of the line holding `offset` (UTF-16 code units) in `text`. */
export function lineIndexAt(text: string, offset: number): number {
  return countBelow(startsOf(text), offset + 1) - 1;
}

/** [start, end) of the line with index `line`: end is the offset of its "\n", or the text's length. */
export function lineBoundsOf(text: string, line: number): [number, number] {
  const s = startsOf(text);
  return [s[line]!, line + 1 < s.length ? s[line + 1]! - 1 : text.length];
}

// A line longer than this (UTF-16 code units) is a note or an answer flattened to one line (an
// export's record, a MedQuAD answer): a line condition reads only the match's sentence there
// (match.ts lineHolds), and the fast path's scanner does not rule a place out by it (prefilter.ts).
export const LONG_LINE = 500;

/** [start, end) of the line holding `offset`, as lineBoundsOf. */
export function lineAround(text: string, offset: number): [number, number] {
  return lineBoundsOf(text, lineIndexAt(text, offset));
}

// Blank lines bound paragraphs, as parse-english's paragraph split does (BLANK_LINE, shared with
// the windows the parser is given). Found once per text, like the line starts.
const blankLinesOf = recentPerText((text): { ends: number[]; starts: number[] } => {
  // ends[k]: where the k-th blank-line run starts (a paragraph ends); starts[k]: where it ends.
  const ends: number[] = [];
  const starts: number[] = [];
  // A blank line holds two line breaks: a text without one (an export's note) is not read.
  if (text.includes('\n') || text.includes('\r'))
    for (const m of text.matchAll(BLANK_LINE)) {
      ends.push(m.index);
      starts.push(m.index + m[0].length);
    }
  return { ends, starts };
});

/**
 * [start, end) of the paragraph holding `offset` (UTF-16 code units): the text between the blank
 * lines around it. It depends on the text alone, not on how the text was cut into pieces for
 * parsing, so a check over the paragraph (is this inside a quotation?) answers the same whether a
 * long note was parsed whole or window by window.
 */
export function paragraphAround(text: string, offset: number): [number, number] {
  const { ends, starts } = blankLinesOf(text);
  const k = countBelow(starts, offset + 1); // blank-line runs that end at or before offset
  return [k === 0 ? 0 : starts[k - 1]!, k < ends.length ? ends[k]! : text.length];
}
