// retext-english's parser with its positions starting where a piece of a longer text stands, so a
// block or sentence window parsed alone (parse-text.ts) comes out positioned in the whole text.
// Before, each window's tree was parsed at line 1, column 1, offset 0 and then walked to move every
// position (windows.ts shiftPositions), which made three new objects per node: about a tenth of a
// warm lint pass over MTSamples, and garbage. Here the tokenizer starts its points at the window's
// point; parse-latin's plugins then build sentences and paragraphs from the tokens (they copy their
// children's points and never compute one), so the tree is the one shiftPositions made, without a
// walk. The tokenizer is parse-latin's, with each character's type read from a table instead of up
// to three regex tests per character (test/positioned.test.ts compares the trees with the old
// parse and shift over the corpus, every UTF-16 code unit and generated text).
import type { Root } from 'nlcst';
import { ParseEnglish } from 'parse-english';
import type { Point } from '../types.js';

type Token = ReturnType<ParseEnglish['tokenize']>[number];

// parse-latin's token types, by what its tokenizer tests each UTF-16 code unit against (its
// whiteSpace, punctuation and word expressions, in that order): one code unit at a time, so a
// code unit's type is the type parse-latin gives the text of that code unit alone.
const TYPES = ['WhiteSpaceNode', 'PunctuationNode', 'WordNode', 'SymbolNode'] as const;
type TokenType = (typeof TYPES)[number];

class PositionedEnglish extends ParseEnglish {
  /** Where the text being parsed starts (1-based line and column, UTF-16 offset). */
  at: Point = { line: 1, column: 1, offset: 0 };
  // The type of each code unit (an index into TYPES, plus one; 0: not asked yet), read from
  // parse-latin's own tokenizer on first sight: its tokenizer tests up to three regexes per
  // character, the largest part of parsing a window.
  private readonly types = new Uint8Array(0x10000);

  private typeOf(code: number): TokenType {
    let type = this.types[code]!;
    if (type === 0) {
      const token = super.tokenize(String.fromCharCode(code))[0]!;
      type = TYPES.indexOf(token.type as TokenType) + 1;
      this.types[code] = type;
    }
    return TYPES[type - 1]!;
  }

  /**
   * parse-latin's tokenize (version 7), the same tokens and points, its points starting at `at`
   * instead of line 1, column 1, offset 0, and each code unit's type read from a table.
   */
  override tokenize(value: string | null | undefined): Token[] {
    const children: Token[] = [];
    if (!value) return children;
    // The point after the last character read (parse-latin's currentPoint), as three numbers.
    let line = this.at.line;
    let column = this.at.column;
    let offset = this.at.offset;
    let from = 0;
    let index = 0;
    let start = { line, column, offset };
    let previousType: TokenType | undefined;
    let previous = -1;
    const createNode = (type: TokenType, text: string): Token =>
      type === 'WordNode'
        ? {
            type: 'WordNode',
            children: [{ type: 'TextNode', value: text, position: { start, end: { line, column, offset } } }],
            position: { start, end: { line, column, offset } },
          }
        : { type, value: text, position: { start, end: { line, column, offset } } };
    while (index < value.length) {
      const current = value.charCodeAt(index);
      const currentType = this.typeOf(current);
      if (
        from < index &&
        previousType &&
        !(
          previousType === currentType &&
          // Words or white space continue; so does the same punctuation or symbol character, and
          // a surrogate after punctuation or a symbol.
          (previousType === 'WordNode' || previousType === 'WhiteSpaceNode' || current === previous || (current >= 0xd800 && current <= 0xdfff))
        )
      ) {
        children.push(createNode(previousType, value.slice(from, index)));
        from = index;
        start = { line, column, offset };
      }
      // "\r" starts a line, and so does "\n" unless it follows "\r".
      if (current === 13 || (current === 10 && previous !== 13)) {
        line++;
        column = 1;
      } else if (current !== 10) {
        column++;
      }
      offset++;
      previousType = currentType;
      previous = current;
      index++;
    }
    if (previousType && from < index) children.push(createNode(previousType, value.slice(from, index)));
    return children;
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
