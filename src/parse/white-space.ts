// parse-latin's white space (its `whiteSpace` expression), as regex character classes: what the
// fast path must agree with when it cuts text where the parser would.

/** Every character parse-latin reads as white space. */
export const WHITE_SPACE_CLASS = '[\\t-\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';

/**
 * Is the UTF-16 code unit `code` one of WHITE_SPACE_CLASS's (NaN, past a string's end: no)? The
 * sentence windows test one character at a time while they widen to white space (parse-text.ts):
 * about 85,000 one-character regex tests a pass over MTSamples, where this comparison is cheaper.
 */
export function isWhiteSpaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0x85) return false;
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** The white space other than spaces, tabs and line breaks. */
export const OTHER_WHITE_SPACE_CLASS = '[\\v\\f\\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';

// Two line breaks with only spaces or tabs between them, plus the white space that follows.
// parse-latin reads a whole run of white space as one token and starts a paragraph there only when
// the run holds nothing but spaces, tabs and line breaks: a run that also holds another white-space
// character ("\u0085\n\n", "\n\n\u00a0") is not a boundary. "\r" is a break of its own only when no
// "\n" follows. The lookahead before the lookbehind is what the match starts with anyway: without it
// V8 tried the lookbehind at every position, walking back over a run of tabs from each (quadratic:
// 10,000 tabs 1.4 s).
export const BLANK_LINE = new RegExp(
  `(?=[\\r\\n])(?<!${OTHER_WHITE_SPACE_CLASS}[ \\t\\r\\n]*)(?:\\r\\n|\\r(?!\\n)|\\n)[ \\t]*(?:\\r\\n|\\r(?!\\n)|\\n)[ \\t\\r\\n]*(?![ \\t\\r\\n]*${OTHER_WHITE_SPACE_CLASS})`,
  'g',
);
