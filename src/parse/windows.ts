// Which parts of a text need parsing: the blocks (runs of text between blank lines) that hold a
// place where a rule phrase may stand, with the context words its rule requires (Scanner.confirm).
// parse-latin always ends a sentence and a paragraph at white space holding two line breaks, and
// rules look no further than their sentence, its paragraph (quotation marks) and its line, so a
// block parsed alone yields the same sentences as the whole text. Blocks are found in one forward
// pass, so the work grows linearly with the text.
import type { Nodes, Root } from 'nlcst';
import type { Point } from '../types.js';
import type { Scanner } from '../match/prefilter.js';
import { BLANK_LINE, WHITE_SPACE_CLASS } from './white-space.js';
import { lazyRegExp } from '../core/lazy-regexp.js';

/**
 * The longest block handed to the parser at once, in UTF-16 code units. parse-latin's work grows
 * with the square of a paragraph's sentences in the worst case ("a. a. a. …": 4.5 s for 64,000
 * characters, 0.3 s for 8,000), and it spreads a sentence's tokens into one call's arguments, which
 * overflows the stack at about 110,000 tokens (a 400 kB line without a full stop). A longer block
 * is cut into pieces of at most this length, each parsed as a block of its own (see cutPoint), so
 * time grows linearly with the text and memory with this length. Findings change only where a
 * sentence or a quotation runs across a cut.
 */
export const MAX_BLOCK = 8_000;

// parse-latin's terminal marks, as a regex class (parse-text.ts's TERMINAL too) and as UTF-16 code
// units (isTerminal).
export const TERMINAL_CLASS = '[.!?\\u2026\\u203d]';
// Where a piece of a long block may end: after a sentence's terminal marks and white space, best
// before a capital letter (a sentence parse-latin will not merge with the one before), else after
// terminal marks, else before white space.
// The two regexes of terminal marks are sticky: lastEnd searches them with execAtMarks.
const CUT_BEFORE_CAPITAL = lazyRegExp(`${TERMINAL_CLASS}+(?=${WHITE_SPACE_CLASS}+["'(\\u201c\\u2018]?[A-Z])`, 'y');
const CUT_AFTER_MARK = lazyRegExp(`${TERMINAL_CLASS}+(?=${WHITE_SPACE_CLASS})`, 'y');
const CUT_WHITE_SPACE = lazyRegExp(`(?<!${WHITE_SPACE_CLASS})${WHITE_SPACE_CLASS}`, 'g');

// TERMINAL_CLASS's marks as UTF-16 code units, and a global regex finding the next one.
export const isTerminal = (code: number) => code === 46 || code === 33 || code === 63 || code === 0x2026 || code === 0x203d;
const NEXT_MARK = new RegExp(TERMINAL_CLASS, 'g');

/**
 * The first match at or after `from` (and starting before `stop`) of `sticky`: a sticky regex of the
 * shape `[terminal marks]+(?=…)` whose lookahead reads only what follows the marks. It is the match
 * the same regex made global finds by exec from `from`, in time linear in the text: exec tries every
 * start inside a run of marks that the lookahead refuses, and each try takes the rest of the run
 * (quadratic in a run of 40,000 full stops). From any start inside a run, the marks taken and the
 * lookahead's place are the same (its end), so a run refused at its first start is skipped whole.
 */
export function execAtMarks(sticky: RegExp, text: string, from: number, stop = text.length): RegExpExecArray | null {
  NEXT_MARK.lastIndex = from;
  for (let next = NEXT_MARK.exec(text); next && next.index < stop; next = NEXT_MARK.exec(text)) {
    sticky.lastIndex = next.index;
    const m = sticky.exec(text);
    if (m) return m;
    let end = next.index + 1;
    while (end < text.length && isTerminal(text.charCodeAt(end))) end++;
    NEXT_MARK.lastIndex = end;
  }
  return null;
}

function lastEnd(regex: RegExp, text: string, from: number, to: number, ofMatch: boolean): number {
  // The lookaheads need the characters after `to`: search a little past it, keep what ends by `to`.
  const slice = text.slice(from, to + 64);
  let best = -1;
  // A sticky regex of terminal marks is searched by execAtMarks, linear in a run of marks.
  const sticky = regex.sticky;
  const exec = (at: number) => (sticky ? execAtMarks(regex, slice, at) : regex.exec(slice));
  regex.lastIndex = 0;
  for (let m = exec(0); m; m = exec(regex.lastIndex)) {
    const at = from + m.index + (ofMatch ? m[0].length : 0);
    if (at > to) break;
    best = at;
  }
  return best;
}

/**
 * Where the piece of a long block that starts at `start` ends: a deterministic function of the
 * text, so the fast path and the whole-text parse cut at the same places. Looked for in the second
 * half of the longest piece; with no terminal mark and no white space there (100 kB of one
 * "word"), the cut falls inside it, never between a surrogate pair or "\r\n".
 */
export function cutPoint(text: string, start: number): number {
  const lo = start + MAX_BLOCK / 2;
  const hi = start + MAX_BLOCK;
  let at = lastEnd(CUT_BEFORE_CAPITAL(), text, lo, hi, true);
  if (at === -1) at = lastEnd(CUT_AFTER_MARK(), text, lo, hi, true);
  if (at === -1) at = lastEnd(CUT_WHITE_SPACE(), text, lo, hi, false);
  if (at === -1) {
    at = hi;
    const code = text.charCodeAt(at - 1);
    if ((code >= 0xd800 && code <= 0xdbff) || (code === 13 && text.charCodeAt(at) === 10)) at--;
  }
  return at;
}

export interface Window {
  /** Offset of the block's first character in the text. */
  start: number;
  end: number;
  /** Where the block starts, counted as parse-latin counts lines and columns. */
  point: Point;
  /**
   * Where to stop parsing: past the blank line and the next block's first character when a block
   * follows. parse-latin shapes a paragraph's last word by whether anything follows it ("sodomite."
   * before a blank line and more text is one word node with its full stop; at the very end they are
   * two nodes), and retext-equality compares whole word nodes. The extra paragraph is dropped.
   */
  parseEnd: number;
}

// Global, for nextBoundary, which sets lastIndex before each search (so windows of two texts,
// read in turn, can share it): one regex, not a copy per text.
const BLANK = new RegExp(BLANK_LINE.source, 'g');

/** The blocks of `text` that may hold a finding, in order. */
export function* windows(text: string, scanner: Scanner): Generator<Window> {
  const blank = BLANK;
  let blockStart = 0;
  // The next blank line, found once however many pieces of a long block come before it.
  // A text without a line break (an export's note) has no blank line: no regex pass over it.
  let blankLine = text.includes('\n') || text.includes('\r') ? nextBoundary(blank, text, 0) : undefined;
  const nextBoundary_ = (from: number): Boundary | undefined => {
    if (blankLine && blankLine.start < from) blankLine = nextBoundary(blank, text, from);
    const blockEnd = blankLine ? blankLine.start : text.length;
    if (blockEnd - from <= MAX_BLOCK) return blankLine;
    const cut = cutPoint(text, from);
    return { start: cut, end: cut, cut: true };
  };
  let boundary = nextBoundary_(0);
  // Line counting state: the line of `counted`, and where that line starts.
  let counted = 0;
  let line = 1;
  let lineStart = 0;
  for (let hit = scanner.next(text, 0); hit !== -1; ) {
    // Move to the block holding the hit.
    while (boundary && boundary.start <= hit) {
      blockStart = boundary.end;
      boundary = nextBoundary_(boundary.end);
    }
    const end = boundary ? boundary.start : text.length;
    if (!scanner.confirm(text, blockStart, end)) {
      if (!boundary) return;
      hit = scanner.next(text, boundary.end);
      continue;
    }
    for (; counted < blockStart; counted++) {
      const ch = text.charCodeAt(counted);
      // parse-latin: "\r" starts a line, and so does "\n" unless it follows "\r".
      if (ch === 13 || (ch === 10 && text.charCodeAt(counted - 1) !== 13)) {
        line++;
        lineStart = counted + 1;
      } else if (ch === 10) lineStart = counted + 1;
    }
    const parseEnd = boundary && !boundary.cut && boundary.end < text.length ? boundary.end + 1 : end;
    yield { start: blockStart, end, parseEnd, point: { line, column: blockStart - lineStart + 1, offset: blockStart } };
    if (!boundary) return;
    hit = scanner.next(text, boundary.end);
  }
}

interface Boundary {
  start: number;
  end: number;
  /** A cut in a long block (MAX_BLOCK), not a blank line. */
  cut?: boolean;
}

function nextBoundary(blank: RegExp, text: string, from: number): Boundary | undefined {
  blank.lastIndex = from;
  const m = blank.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}

/** Moves every position of a block's tree to where the block stands in the whole text. */
export function shiftPositions(tree: Root, window: Window): void {
  const { line, column, offset } = window.point;
  const shift = (p: { line: number; column: number; offset?: number | undefined }): Point => ({
    line: p.line + line - 1,
    column: p.line === 1 ? p.column + column - 1 : p.column,
    offset: (p.offset ?? 0) + offset,
  });
  const walk = (node: Nodes) => {
    // parse-latin shares point objects between nodes, so each node gets new ones.
    if (node.position) node.position = { start: shift(node.position.start), end: shift(node.position.end) };
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(tree);
}
