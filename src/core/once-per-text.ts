// A whole-text answer computed once per text. The rules of one text all ask about the same string, so
// a matcher's document-wide test (is the patient a child? a newborn?) is kept for the last text asked;
// the line starts, blank lines and table rows (parse/lines.ts, match/table-header.ts) are kept for the
// last two, as a long document is linted in batches alternating with its hidden-free reading
// (lint-document.ts).

/**
 * `compute` behind a memo of one entry: the last text asked and its answer. Comparing the same string
 * object is one pointer check; a new object of equal content is compared by content once, then adopted
 * (see recentPerText). Portable: no Node API.
 */
export function oncePerText<T>(compute: (text: string) => T): (text: string) => T {
  let last: string | undefined;
  let answer: T;
  return (text) => {
    if (last !== text) answer = compute(text);
    last = text; // adopt this string object (see recentPerText)
    return answer;
  };
}

/**
 * `compute` behind a memo of two entries: the answers for the two texts last computed, the newer
 * first. A text equal to one of them (the same string object, or one of equal content) gets its answer
 * and takes its place, so that the next lookup is one pointer check: an equal text held in another
 * string object was compared in full by every lookup until the memo held the caller's own (one second
 * lint of a 2 MB note took 400 s). A third text's answer replaces the older. Portable: no Node API.
 */
export function recentPerText<T>(compute: (text: string) => T): (text: string) => T {
  let newer: { text: string; answer: T } | undefined;
  let older: { text: string; answer: T } | undefined;
  return (text) => {
    const known = newer?.text === text ? newer : older?.text === text ? older : undefined;
    if (known) {
      known.text = text; // adopt this string object
      return known.answer;
    }
    const answer = compute(text);
    older = newer;
    newer = { text, answer };
    return answer;
  };
}
