// Text that hides a phrase from the matcher without changing what a reader sees: a soft hyphen
// ("non\u00adcompliant", or the entity "&shy;"), a zero-width space, joiner or non-joiner, a word
// joiner or byte-order mark inside a word, "&nbsp;" or "&#x20;" written out between words, and a
// word hyphenated at a line end ("noncom-" / "pliant"), the full stops of an abbreviation ("I.V.D.U."). The text is linted a second time with these
// undone (hiddenFree), and each finding's positions are mapped back to the original text, so
// `text.slice(start.offset, end.offset) === actual` still holds there.
import { countBelow } from '../match/count-below.js';
import type { Finding, Point } from '../types.js';
import { lazyRegExp } from '../core/lazy-regexp.js';

/** Characters that are invisible inside a word: removed. */
export const INVISIBLE = '\\u00ad\\u200b\\u200c\\u200d\\u2060\\ufeff';
// Entities written out in plain text (a note pasted from a web form): the invisible ones are
// removed, the spaces become one space.
export const INVISIBLE_ENTITY = '&(?:shy|#173|#x[aA][dD]|#8203|#x200[bBcCdD]|zwsp|zwj|zwnj);';
const SPACE_ENTITY = '&(?:nbsp|#160|#x[aA]0|#32|#x20|ensp|emsp|thinsp);';
// A word broken at a line end by a hyphen, continued in lower case on the next line, or in upper
// case after an upper-case letter (a template in capitals: "NONCOM-" / "PLIANCE"; two capitals, so
// "Alcohol-" / "Related" and a new sentence are not joined).
const LINE_END_HYPHEN = '(?<=\\p{L})-[ \\t]*(?:\\r\\n|\\r|\\n)[ \\t]*(?=\\p{Ll})|(?<=\\p{Lu})-[ \\t]*(?:\\r\\n|\\r|\\n)[ \\t]*(?=\\p{Lu}\\p{Lu})';
// The full stops of an abbreviation written with them, read without: "I.V.D.U." is "IVDU.", "E.t.O.H.
// abuse" is "EtOH abuse" (a stop inside a run of single letters, and the run's last stop when a
// lower-case word follows). Only looked for in a text with a run of four letters or more (ANY_HIDDEN):
// "p.o." and "b.i.d." alone do not make a text worth a second reading.
const ABBREVIATION_STOP =
  '(?<=(?<![\\p{L}\\p{N}.])(?:\\p{L}\\.)*\\p{L})\\.(?=\\p{L}(?![\\p{L}\\p{N}]))|(?<=(?<![\\p{L}\\p{N}.])(?:\\p{L}\\.){1,}\\p{L})\\.(?=[ \\t]+\\p{Ll})';
const DOTTED_ABBREVIATION = '(?<![\\p{L}\\p{N}.])(?:\\p{L}\\.){3,}\\p{L}';
const SPACE_ENTITY_ALONE = lazyRegExp(`^${SPACE_ENTITY}$`);
// White space on one line this long (UTF-16 code units) becomes one space: more than a piece holds.
// Tried only where a run starts (the lookbehind), so each run is read once: without it a text of
// runs just under the length would be read again from every position inside them (quadratic).
const GAP_MIN = 4000;
const LONG_GAP = `(?<![ \\t\\u00a0])[ \\t\\u00a0]{${GAP_MIN},}`;
const HIDDEN = lazyRegExp(`[${INVISIBLE}]+|${INVISIBLE_ENTITY}|${SPACE_ENTITY}|${LINE_END_HYPHEN}|${ABBREVIATION_STOP}|${LONG_GAP}`, 'gu');
const ANY_HIDDEN = lazyRegExp(
  `[${INVISIBLE}]|&(?:shy|nbsp|zw|ens|ems|thin|#)|\\p{L}-[ \\t]*[\\r\\n][ \\t\\n]*\\p{Ll}|\\p{Lu}-[ \\t]*[\\r\\n][ \\t\\n]*\\p{Lu}\\p{Lu}|${DOTTED_ABBREVIATION}|${LONG_GAP}`,
  'u',
);
// Half of GAP_MIN: a run of GAP_MIN holds a whole block of this length starting at a multiple of it.
const GAP_PROBE = GAP_MIN / 2;
// What every match of ANY_HIDDEN but a long gap must hold, with no \p{L}, no lookbehind and no
// long run: V8 tried ANY_HIDDEN's letter-hyphen and gap alternatives at every position of every
// text (about 70 ms over MTSamples' notes, more than the first-stage scan); this one starts only
// at its rare characters (about 10 ms). The few texts it passes get ANY_HIDDEN itself.
// A dotted abbreviation (DOTTED_ABBREVIATION: three stops between single letters and a letter after)
// holds a stop and a letter three times over. A letter is an ASCII letter or one or two code units
// outside ASCII (a letter outside the BMP is a surrogate pair): "b.i.d.," and "p.r.n.," no longer
// pass (with any character after a stop, 349 of MTSamples' 4,966 notes went on to ANY_HIDDEN,
// none holding anything it finds).
const LETTER = '(?:[A-Za-z]|[^\\x00-\\x7f]{1,2})';
const MAY_HIDE = new RegExp(`[${INVISIBLE}]|&(?:shy|nbsp|zw|ens|ems|thin|#)|-[ \\t]*[\\r\\n]|\\.${LETTER}\\.${LETTER}\\.${LETTER}`);

/**
 * Whether `text` may hold a hidden character (ANY_HIDDEN): false only when it cannot. A run of
 * GAP_MIN spaces, tabs or no-break spaces covers a whole block [k·GAP_PROBE, (k+1)·GAP_PROBE), so
 * looking at those blocks (each left at its first other character) finds every such run.
 */
export function mayHide(text: string): boolean {
  if (MAY_HIDE.test(text)) return true;
  for (let at = 0; at + GAP_PROBE <= text.length; at += GAP_PROBE) {
    let i = at;
    for (let c = text.charCodeAt(i); i < at + GAP_PROBE && (c === 32 || c === 9 || c === 0xa0); c = text.charCodeAt(++i));
    if (i === at + GAP_PROBE) return true;
  }
  return false;
}

/** The text with hidden characters undone, and where each of its offsets stands in the original. */
export interface HiddenFree {
  text: string;
  /** Original offset of a character of `text` (UTF-16 code units). */
  toOriginal(offset: number): number;
}

/**
 * The text with hidden characters undone, or undefined when it holds none (the common case: one
 * quick test). A zero-width space marks a word boundary by definition but also stands inside
 * words (line-break hints pasted from a web page): with `zeroWidthSpaceAsSpace` it becomes a
 * space, else it is removed like the others.
 */
export function hiddenFree(text: string, zeroWidthSpaceAsSpace = false): HiddenFree | undefined {
  if (!mayHide(text) || !ANY_HIDDEN().test(text)) return undefined;
  // Segments: [start in the new text, start in the original], in order.
  const newStarts: number[] = [0];
  const oldStarts: number[] = [0];
  let out = '';
  let last = 0;
  for (const m of text.matchAll(HIDDEN())) {
    out += text.slice(last, m.index);
    const space = m[0].startsWith('&') ? SPACE_ENTITY_ALONE().test(m[0]) : /^[ \t\u00a0]/.test(m[0]) || (zeroWidthSpaceAsSpace && m[0].includes('\u200b'));
    if (space) {
      // The space stands for the whole match.
      newStarts.push(out.length);
      oldStarts.push(m.index);
      out += ' ';
    }
    last = m.index + m[0].length;
    newStarts.push(out.length);
    oldStarts.push(last);
  }
  if (newStarts.length === 1) return undefined;
  out += text.slice(last);
  const toOriginal = (offset: number): number => {
    const k = countBelow(newStarts, offset + 1) - 1; // the last segment starting at or before offset
    return oldStarts[k]! + offset - newStarts[k]!;
  };
  return { text: out, toOriginal };
}

/** The hidden-free readings of a text worth linting (none, one, or two when it holds a zero-width space). */
export function hiddenFreeVariants(text: string): HiddenFree[] {
  const removed = hiddenFree(text);
  if (!removed) return [];
  const spaced = text.includes('\u200b') ? hiddenFree(text, true) : undefined;
  return spaced ? [removed, spaced] : [removed];
}

/** Line and column (1-based, parse-latin's counting: "\r", "\n", "\r\n" each end a line) of offsets in one text. */
export function pointer(text: string): (offset: number) => Point {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return (offset) => {
    const k = countBelow(starts, offset + 1) - 1; // the line holding offset
    return { line: k + 1, column: offset - starts[k]! + 1, offset };
  };
}

/**
 * The findings of a text and of its hidden-free readings, positioned in the original text. Where
 * a reading finds something, it wins over what the text as written gave at an overlapping place
 * ("drug&nbsp;abuse" is "drug abuse", not the verb "abuse"); elsewhere the text as written
 * counts (a hyphenated compound at a line end, "drug-" / "seeking", matches as written).
 */
export function mergeHidden(
  text: string,
  original: readonly Finding[],
  readings: ReadonlyArray<{ free: HiddenFree; findings: readonly Finding[] }>,
  /** Line and column of an offset in `text` (default: made here; a caller merging batches of one text passes textPointer's once). */
  pointAt: (offset: number) => Point = pointer(text),
): Finding[] {
  const seen = new Set<string>();
  const found: Finding[] = [];
  // `among` is sorted by start and its findings do not overlap, so their ends are sorted too: the
  // last one starting before f ends is the only one that can overlap it (a binary search keeps
  // a text with many findings linear).
  const overlaps = (f: Finding, among: readonly Finding[]) => {
    let lo = 0;
    let hi = among.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (among[mid]!.start.offset < f.end.offset) lo = mid + 1;
      else hi = mid;
    }
    const g = among[lo - 1];
    return g !== undefined && g.end.offset > f.start.offset;
  };
  for (const { free, findings } of readings) {
    // A later reading adds only where the earlier ones found nothing.
    const before = [...found].sort((a, b) => a.start.offset - b.start.offset);
    for (const f of findings) {
      const start = free.toOriginal(f.start.offset);
      // The end is exclusive: map the last character, so removed characters after it stay out.
      const end = f.end.offset > f.start.offset ? free.toOriginal(f.end.offset - 1) + 1 : start;
      const key = `${f.ruleId}:${start}:${end}`;
      if (seen.has(key)) continue;
      const moved: Finding = { ...f, actual: text.slice(start, end), start: pointAt(start), end: pointAt(end) };
      if (f.fix) {
        const [from, to] = f.fix.range;
        moved.fix = { ...f.fix, range: [free.toOriginal(from), to > from ? free.toOriginal(to - 1) + 1 : free.toOriginal(from)] };
      }
      if (overlaps(moved, before)) continue;
      seen.add(key);
      found.push(moved);
    }
  }
  const readingsFound = [...found].sort((a, b) => a.start.offset - b.start.offset);
  for (const f of original) if (!seen.has(`${f.ruleId}:${f.start.offset}:${f.end.offset}`) && !overlaps(f, readingsFound)) found.push(f);
  return found.sort((a, b) => a.start.offset - b.start.offset || a.end.offset - b.end.offset);
}
