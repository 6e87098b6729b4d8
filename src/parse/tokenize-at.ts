// parse-latin 7's tokenizer with its points starting where a window stands in a longer text, and
// each UTF-16 code unit's type read from a table: the tokens of positioned.ts (for latin-tree.ts)
// and of positioned-english.ts (for parse-english's own plugins, the warehouse build) alike.
import { ParseEnglish } from 'parse-english';
import type { Point } from '../types.js';

export type Token = ReturnType<ParseEnglish['tokenize']>[number];

// Token types by code unit, as numbers: 0, not asked yet; else an index into TYPES (1 white space,
// 2 punctuation, 3 word, 4 symbol).
const WHITE_SPACE = 1;
const WORD = 3;
const TYPES = ['', 'WhiteSpaceNode', 'PunctuationNode', 'WordNode', 'SymbolNode'] as const;
const types = new Uint8Array(0x10000);
// parse-latin's own tokenizer, asked once per code unit (its whiteSpace, punctuation and word
// expressions, in that order): a code unit's type is the type it gives the code unit alone.
const latin = new ParseEnglish();

function learn(code: number): number {
  const type = TYPES.indexOf(latin.tokenize(String.fromCharCode(code))[0]!.type as (typeof TYPES)[number]);
  types[code] = type;
  return type;
}

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

/**
 * parse-latin 7's tokenize of `value` (the same tokens, in order, with the same text), its points
 * starting at `at` (1-based line and column, UTF-16 offset) instead of line 1, column 1, offset 0.
 * A token's end point is the same object as the next token's start, and a word's text node shares
 * the word's points (positioned-english.ts does the same; nothing changes a point in place).
 *
 * A token is read as a run: a word (no line break
 * can be in one) by its length, white space code unit by code unit for lines, punctuation and
 * symbols while the same code unit repeats or a surrogate follows (parse-latin's rule).
 */
export function tokenizeAt(value: string, at: Point): Token[] {
  const children: Token[] = [];
  const length = value.length;
  let line = at.line;
  let column = at.column;
  let offset = at.offset;
  let start: Point = { line, column, offset };
  let index = 0;
  while (index < length) {
    const from = index;
    let code = value.charCodeAt(index);
    const type = types[code] || learn(code);
    index++;
    if (type === WHITE_SPACE) {
      // "\r" starts a line, and so does "\n" unless it follows "\r" (the code unit before a white
      // space token is not white space, so not "\r").
      let previous = -1;
      for (;;) {
        if (code === 13 || (code === 10 && previous !== 13)) {
          line++;
          column = 1;
        } else if (code !== 10) column++;
        if (index >= length) break;
        previous = code;
        code = value.charCodeAt(index);
        if ((types[code] || learn(code)) !== WHITE_SPACE) break;
        index++;
      }
    } else if (type === WORD) {
      while (index < length) {
        const next = value.charCodeAt(index);
        if ((types[next] || learn(next)) !== WORD) break;
        index++;
      }
      column += index - from;
    } else {
      // Punctuation or a symbol goes on with the same code unit, or a surrogate, of its type.
      let previous = code;
      while (index < length) {
        const next = value.charCodeAt(index);
        if ((next !== previous && !isSurrogate(next)) || (types[next] || learn(next)) !== type) break;
        previous = next;
        index++;
      }
      column += index - from;
    }
    offset += index - from;
    const end: Point = { line, column, offset };
    const text = value.slice(from, index);
    children.push(
      type === WORD
        ? { type: 'WordNode', children: [{ type: 'TextNode', value: text, position: { start, end } }], position: { start, end } }
        : { type: TYPES[type] as 'WhiteSpaceNode' | 'PunctuationNode' | 'SymbolNode', value: text, position: { start, end } },
    );
    start = end;
  }
  return children;
}
