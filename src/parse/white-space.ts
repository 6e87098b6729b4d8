// parse-latin's white space (its `whiteSpace` expression), as regex character classes: what the
// fast path must agree with when it cuts text where the parser would.

/** Every character parse-latin reads as white space. */
export const WHITE_SPACE_CLASS = '[\\t-\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';

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
