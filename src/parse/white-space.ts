// parse-latin's white space (its `whiteSpace` expression), as regex character classes: what the
// fast path must agree with when it cuts text where the parser would.

/** Every character parse-latin reads as white space. */
export const WHITE_SPACE_CLASS = '[\\t-\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';

/** The white space other than spaces, tabs and line breaks. */
export const OTHER_WHITE_SPACE_CLASS = '[\\v\\f\\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
