// retext-english's parser with its positions starting where a piece of a longer text stands, so a
// block or sentence window parsed alone (parse-text.ts) comes out positioned in the whole text.
// Before, each window's tree was parsed at line 1, column 1, offset 0 and then walked to move every
// position (windows.ts shiftPositions), which made three new objects per node: about a tenth of a
// warm lint pass over MTSamples, and garbage. Here only the tokens' points move, in place, before
// parse-latin's plugins build the sentences and paragraphs from them (the plugins copy their
// children's points and never compute one), so the tree is the one shiftPositions made, without
// a walk (test/positioned.test.ts compares both over the corpus and generated text).
import type { Root } from 'nlcst';
import { ParseEnglish } from 'parse-english';
import type { Point } from '../types.js';

type Token = ReturnType<ParseEnglish['tokenize']>[number];
type Position = NonNullable<Token['position']>;

/** Moves a point parsed at line 1, column 1, offset 0 to where `at` stands. */
function move(p: Position['start'], at: Point): void {
  if (p.line === 1) p.column += at.column - 1;
  p.line += at.line - 1;
  p.offset = (p.offset ?? 0) + at.offset;
}

class PositionedEnglish extends ParseEnglish {
  /** Where the text being parsed starts (1-based line and column, UTF-16 offset). */
  at: Point = { line: 1, column: 1, offset: 0 };

  override tokenize(value: string | null | undefined): Token[] {
    const tokens = super.tokenize(value);
    const at = this.at;
    if (at.line === 1 && at.column === 1 && at.offset === 0) return tokens;
    for (const token of tokens) {
      const position = token.position;
      if (!position) continue;
      // parse-latin makes two points per token (a word's text node shares its start and has its
      // own end); a point shared within the token is moved once.
      move(position.start, at);
      if (position.end !== position.start) move(position.end, at);
      if (token.type !== 'WordNode') continue;
      for (const child of token.children) {
        const inner = child.position;
        if (!inner) continue;
        if (inner.start !== position.start && inner.start !== position.end) move(inner.start, at);
        if (inner.end !== position.start && inner.end !== position.end && inner.end !== inner.start) move(inner.end, at);
      }
    }
    return tokens;
  }
}

// One parser for every window: parse-english keeps no state between parses but the plugin lists
// its constructor copies.
const english = new PositionedEnglish();

/**
 * `text` parsed as retext-english parses it (unified().use(retextEnglish).parse), every position
 * moved to `at`: where `text` starts in a longer text (line and column counted as parse-latin
 * counts them; a column moves on the first line only). Throws what parse-latin throws (a
 * RangeError for a sentence of more than about 110,000 tokens; see windows.ts MAX_BLOCK).
 */
export function parseAt(text: string, at: Point): Root {
  english.at = at;
  try {
    return english.parse(text);
  } finally {
    english.at = ORIGIN;
  }
}

const ORIGIN: Point = { line: 1, column: 1, offset: 0 };
