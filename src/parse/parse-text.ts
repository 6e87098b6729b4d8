// Plain text → NLCST (retext-english), template placeholders blanked with positions unchanged:
// the whole text (parseText), or only the blocks that may hold a finding (parseTextWindows).
import { lazyRegExp } from '../core/lazy-regexp.js';
import type { Paragraph, Root, Sentence } from 'nlcst';
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import type { Point } from '../types.js';
import { maskPlaceholders } from './placeholders.js';
import type { Scanner } from '../match/prefilter.js';
import { execAtMarks, isTerminal, MAX_BLOCK, TERMINAL_CLASS, windows, type Window } from './windows.js';
import { parseAt } from './positioned.js';
import { WHITE_SPACE_CLASS, isWhiteSpaceCode } from './white-space.js';

const parser = unified().use(retextEnglish).freeze();

/** The whole text as one tree: only for a text of at most MAX_BLOCK characters (see parseTextWhole). */
export function parseText(text: string): Root {
  return parser.parse(maskPlaceholders(text)) as Root;
}

// A scanner that names every block: parseTextWindows then parses the whole text, block by block.
const EVERY_BLOCK: Scanner = {
  next: (text, from) => (from < text.length ? from : -1),
  confirm: () => true,
  mayHold: () => true,
  mayHoldEquality: () => true,
};

/**
 * The reference the fast path is checked against: the whole text in one tree when it is at most
 * MAX_BLOCK characters long; a longer text block by block, each block (and each piece of a block
 * longer than MAX_BLOCK, cut where the fast path cuts it) parsed whole.
 */
export function* parseTextWhole(text: string): Generator<Root> {
  if (text.length <= MAX_BLOCK) {
    yield parseText(text);
    return;
  }
  const masked = maskPlaceholders(text);
  for (const window of windows(masked, EVERY_BLOCK)) yield parseRange(masked, window, window.start, window.end);
}

/**
 * Whether `text` holds a line break ("\n" or "\r"): the same answer as /[\r\n]/.test(text), by
 * two searches for one code unit, which V8 runs as memchr, where the regex read every code unit of
 * a block with none (about 10 instructions each; MTSamples' one-line notes made it 1% of a run).
 */
export function hasLineBreak(text: string): boolean {
  return text.includes('\n') || text.includes('\r');
}

/**
 * The fast path: trees for the blocks (text between blank lines) where the scanner finds a place a
 * finding may stand, each positioned in the whole text and made as it is needed (a huge text
 * never holds all its trees at once). Placeholders are masked before the scan, so a phrase around
 * one ("drug {{x}} abuse") is found as the whole-text parse finds it.
 */
export function* parseTextWindows(text: string, scanner: Scanner): Generator<Root> {
  const masked = maskPlaceholders(text);
  for (const window of windows(masked, scanner)) {
    if (window.end - window.start >= SENTENCE_WINDOWS_MIN && !hasLineBreak(masked.slice(window.start, window.end))) {
      yield* sentenceWindows(masked, window, scanner);
    } else yield parseRange(masked, window, window.start, window.end);
  }
}

/**
 * Parses [start, end) of a block, positioned in the whole text. When `end` is the block's end,
 * parses on past the blank line (see Window.parseEnd) and keeps the block's own nodes.
 */
function parseRange(masked: string, window: Window, start: number, end: number): Root {
  const atEnd = end === window.end;
  const range = masked.slice(start, end);
  const parseEnd = atEnd ? window.parseEnd : end;
  // The block has no line break before `start` when start > window.start (sentenceWindows).
  const at = { line: window.point.line, column: window.point.column + start - window.start, offset: start };
  let tree = parseAt(masked.slice(start, parseEnd), at);
  if (parseEnd > end) {
    // If parse-latin did not cut at the blank line, parse the range alone. (Offsets in the range.)
    const endIn = (node: Root['children'][number] | undefined) => (node?.position?.end.offset === undefined ? 0 : node.position.end.offset - start);
    tree.children = tree.children.filter((node) => endIn(node) <= range.length);
    if (endIn(tree.children.at(-1)) < range.trimEnd().length) tree = parseAt(range, at);
  }
  return tree;
}

// A long block with no line break (an export's note flattened to one line, as all of MTSamples)
// is one paragraph, and parsing all of it for a phrase in one sentence cost most of the lint time.
// Such a block is parsed a few sentences around each place instead. parse-latin splits sentences
// at terminal marks and then merges neighbours by what stands at their edges (a lower-case or digit
// start, an abbreviation before the full stop, a sentence without words), each decision reading
// only the two sentences beside it. So a window cut at white space yields the whole parse's
// sentences except its first and last, which may lack a neighbour: only the sentences between are
// trusted, and the window widens until the place's sentence is one of them. Within a line-free
// block the paragraph is the whole block, so quotation marks are read over the block as before.
const SENTENCE_WINDOWS_MIN = 500;
// parse-latin's terminal marks before white space: where a sentence may end.
// Sticky: searched by execAtMarks, linear in a run of marks (a global regex's exec is quadratic).
const TERMINAL = new RegExp(`${TERMINAL_CLASS}+(?=${WHITE_SPACE_CLASS})`, 'y');
// How far to look for terminal marks, per mark.
const CHARS_PER_MARK = 400;

/**
 * The end offsets of the terminal-mark runs TERMINAL finds in masked.slice(from, to), in order (as
 * matchAll over that slice finds them, without copying it or cloning the regex): a run and the white
 * space after it must lie before `to`. At most `limit` of them, and only those `keep` (when given) keeps.
 */
export function markEnds(masked: string, from: number, to: number, limit = Number.POSITIVE_INFINITY, keep?: (end: number) => boolean): number[] {
  const ends: number[] = [];
  // A match starting at or after `to` ends after it: none is looked for there.
  for (let m = execAtMarks(TERMINAL, masked, from, to); m && ends.length < limit; m = execAtMarks(TERMINAL, masked, m.index + m[0].length, to)) {
    const end = m.index + m[0].length;
    // In the slice, the white space the lookahead needs stands before `to`; a run reaching `to`
    // matched nowhere in it (no shorter run ends at white space).
    if (end >= to) break;
    if (!keep || keep(end)) ends.push(end);
  }
  return ends;
}

// A full stop after a number of up to three digits, a single letter or a common abbreviation, and
// a mark before a lower-case letter, a comma or a semicolon: parse-latin joins the sentences on
// either side of these (mergePrefixExceptions and parse-english's list, lower-case starts,
// mergeAffixExceptions), so a window counting them as sentence ends would be too short.
// Both built on first use (lazy-regexp.ts): a one-line check without a terminal mark inside never asks.
const JOINING_STOP = lazyRegExp(String.raw`(?:^|[^\p{L}\p{N}])(?:\d{1,3}|\p{L}|Dr|Mrs?|Ms|Pt|St|Jr|Sr|etc)\.$`, 'u');
const JOINING_START = lazyRegExp(String.raw`^[\p{Ll},;]`, 'u');

/**
 * Does the terminal-mark run ending at `end` (before white space) likely end a sentence to
 * parse-latin too? Only a guess, which decides how wide a window is tried first: a window is
 * checked by what parse-latin makes of it (sentenceWindows).
 */
function likelyEnd(masked: string, end: number): boolean {
  if (JOINING_STOP().test(masked.slice(Math.max(0, end - 5), end))) return false;
  let next = end;
  while (next < masked.length && isWhiteSpaceCode(masked.charCodeAt(next))) next++;
  return !JOINING_START().test(masked[next] ?? '');
}

/**
 * The last `count` ends of markEnds(masked, from, to) that likely end a sentence (likelyEnd), in
 * text order: read backwards from `to`, so only the text back to them is looked at.
 */
export function sentenceEndsBefore(masked: string, from: number, to: number, count: number): number[] {
  const ends: number[] = [];
  // An end: a terminal mark at or after `from` before it, white space before `to` at it.
  for (let end = to - 1; end > from && ends.length < count; end--) {
    if (isTerminal(masked.charCodeAt(end - 1)) && isWhiteSpaceCode(masked.charCodeAt(end)) && likelyEnd(masked, end)) ends.push(end);
  }
  return ends.reverse();
}

/** The first `count` ends of markEnds(masked, from, to) that likely end a sentence (likelyEnd). */
export function sentenceEndsAfter(masked: string, from: number, to: number, count: number): number[] {
  return markEnds(masked, from, to, count, (end) => likelyEnd(masked, end));
}

/**
 * Where a window starts that holds `marks - 1` whole sentences (by terminal marks) before `place`'s
 * and the tail of one more: the last chunk (text between white space) before those sentences,
 * which ends with a terminal mark. That chunk stands for the sentence it ends in the parse: the
 * decisions at the boundary after it read only its last two tokens (an abbreviation or a
 * one-letter word before a full stop, mergePrefixExceptions) and, as tokens never cross white
 * space, the chunk's tokens are those of the whole text. The sentence the chunk makes is
 * untrusted, like any first sentence of a window (sentenceWindows).
 */
function windowStart(masked: string, blockStart: number, place: number, marks: number): number {
  const from = Math.max(blockStart, place - marks * CHARS_PER_MARK);
  const found = sentenceEndsBefore(masked, from, place, marks - 1);
  let start: number;
  if (found.length >= marks - 1) start = found[0]!;
  else start = from;
  // Back to the white space before the chunk.
  while (start > blockStart && !isWhiteSpaceCode(masked.charCodeAt(start - 1))) start--;
  return start;
}

/**
 * Where a window ends that holds `marks - 1` whole sentences (by terminal marks) from `place`'s
 * on and the head of one more: the white space after the mark and the chunk after it (what the
 * decisions at that boundary read: the next sentence's first word, or a comma, a semicolon or a
 * closing mark before it). The sentence the head makes is untrusted, like any last sentence of a
 * window; a head without words merges into the sentence before it, which is then untrusted too.
 */
function windowEnd(masked: string, blockEnd: number, place: number, marks: number): number {
  const to = Math.min(blockEnd, place + marks * CHARS_PER_MARK);
  const found = sentenceEndsAfter(masked, place, to, marks - 1);
  let end = found.length >= marks - 1 ? found[marks - 2]! : to;
  if (found.length >= marks - 1) while (end < blockEnd && isWhiteSpaceCode(masked.charCodeAt(end))) end++;
  while (end < blockEnd && !isWhiteSpaceCode(masked.charCodeAt(end))) end++;
  return end;
}

/**
 * The window [start, end) (UTF-16 offsets in the block's text) parsed around `place` in a line-free
 * block [blockStart, blockEnd): `before - 1` whole sentences (counted by terminal marks) before
 * the place's with the tail of one more, and `after - 1` from the place's on with the head of one
 * more (see windowStart, windowEnd).
 */
export function windowAround(masked: string, blockStart: number, blockEnd: number, place: number, before: number, after: number): [number, number] {
  return [windowStart(masked, blockStart, place, before), windowEnd(masked, blockEnd, place, after)];
}

function* sentenceWindows(masked: string, window: Window, scanner: Scanner): Generator<Root> {
  const { start: blockStart, end: blockEnd } = window;
  const places: number[] = [];
  for (let p = scanner.next(masked, blockStart); p !== -1 && p < blockEnd; p = scanner.next(masked, p + 1)) places.push(p);
  const pointAt = (offset: number): Point => ({ line: window.point.line, column: window.point.column + offset - blockStart, offset });
  // The paragraph spans the block (quotation marks are read over it); the root only the sentences,
  // which is all the text retext-equality's gate (equality.ts) need look at.
  const paragraphOf = (sentences: Sentence[]): Root => {
    const paragraph: Paragraph = { type: 'ParagraphNode', children: sentences, position: { start: pointAt(blockStart), end: pointAt(blockEnd) } };
    const first = sentences[0]?.position?.start.offset ?? blockStart;
    const last = sentences.at(-1)?.position?.end.offset ?? blockStart;
    return { type: 'RootNode', children: [paragraph], position: { start: pointAt(first), end: pointAt(last) } };
  };
  let done = blockStart; // sentences ending at or before this were yielded
  let parsed = 0;
  for (const place of places) {
    if (place < done) continue;
    let sentences: Sentence[] | undefined;
    // From the place's sentence with the edges of its neighbours (the chunks before and after
    // the terminal marks around it), wider on the side where the place's sentence was joined to
    // the window's first or last until it is trusted.
    for (let before = 2, after = 2; !sentences; ) {
      const [start, end] = windowAround(masked, blockStart, blockEnd, place, before, after);
      // Windows that cost more than the block: parse the rest of the block whole.
      if ((start === blockStart && end === blockEnd) || parsed + (end - start) > blockEnd - blockStart) {
        const all = sentencesOf(parseRange(masked, window, blockStart, blockEnd));
        yield paragraphOf(all.filter((s) => s.position!.start.offset! >= done));
        return;
      }
      parsed += end - start;
      const all = sentencesOf(parseRange(masked, window, start, end));
      const first = start === blockStart ? 0 : 1;
      const last = end === blockEnd ? all.length - 1 : all.length - 2;
      const at = all.findIndex((s) => s.position!.start.offset! <= place && place < s.position!.end.offset!);
      if (at >= first && at <= last) sentences = all.slice(first, last + 1);
      else {
        // Only a side whose edge sentence holds the place can be at fault (or both, if none does).
        if (at === -1 || at < first) before *= 2;
        if (at === -1 || at > last) after *= 2;
      }
    }
    const fresh = sentences.filter((s) => s.position!.start.offset! >= done);
    done = sentences.at(-1)!.position!.end.offset!;
    yield paragraphOf(fresh);
  }
}

function sentencesOf(tree: Root): Sentence[] {
  return tree.children.flatMap((node) => (node.type === 'ParagraphNode' ? node.children.filter((s): s is Sentence => s.type === 'SentenceNode') : []));
}
