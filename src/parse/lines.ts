// Where the line holding an offset starts and ends ("\n" ends a line), for code that asks once per
// finding. Searching back and forth for "\n" from each finding costs the line's length, and a note
// flattened to one line (an export's) can be megabytes long: with a finding every few hundred
// characters that was quadratic. The line starts are found once per text (the last two texts asked
// about are remembered: a long document is linted in batches alternating with its hidden-free
// reading, lint-document.ts) and each question is a binary search.
import { countBelow } from '../match/count-below.js';

let recent: Array<{ text: string; starts: number[] }> = [];

function startsOf(text: string): number[] {
  const known = recent.find((r) => r.text === text);
  if (known) return known.starts;
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  recent = [{ text, starts }, ...recent.slice(0, 1)];
  return starts;
}

/** The 0-based index of the line holding `offset` (UTF-16 code units) in `text`. */
export function lineIndexAt(text: string, offset: number): number {
  return countBelow(startsOf(text), offset + 1) - 1;
}

/** [start, end) of the line with index `line`: end is the offset of its "\n", or the text's length. */
export function lineBoundsOf(text: string, line: number): [number, number] {
  const s = startsOf(text);
  return [s[line]!, line + 1 < s.length ? s[line + 1]! - 1 : text.length];
}

/** [start, end) of the line holding `offset`, as lineBoundsOf. */
export function lineAround(text: string, offset: number): [number, number] {
  return lineBoundsOf(text, lineIndexAt(text, offset));
}
