// A window of text cut at a fixed reach (previous and next sentence, a pronoun's antecedents, a long
// line's reach) is read by regexes that take the window's edge for a word boundary, so a word cut in
// two was read as its fragment: "predetox" cut to "tox" (a drug-test word before "He was dirty"),
// "drugstore" to "drugs". These move such a cut out of the word it falls in, dropping the fragment,
// so a window is read in whole words only (test/fast-path.test.ts, test/word-edges.test.ts).
// Letters and digits are word characters, as the condition regexes' `[\p{L}\p{N}]` lookarounds read
// them; a cut between the two halves of a surrogate pair is left where it is.

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * A window's start `at` (a UTF-16 offset into `text`) moved forward past the rest of the word it
 * falls in, no further than `limit`; `at` itself when it falls between words.
 */
export function wordEnd(text: string, at: number, limit: number): number {
  if (at === 0 || !WORD_CHAR.test(text[at - 1] ?? '')) return at;
  while (at < limit && WORD_CHAR.test(text[at]!)) at++;
  return at;
}

/**
 * A window's end `at` (exclusive, a UTF-16 offset into `text`) moved back to the start of the word
 * it falls in, no further back than `limit`; `at` itself when it falls between words.
 */
export function wordStart(text: string, at: number, limit: number): number {
  if (at >= text.length || !WORD_CHAR.test(text[at]!)) return at;
  while (at > limit && WORD_CHAR.test(text[at - 1]!)) at--;
  return at;
}
