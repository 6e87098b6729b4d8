// A whole-text answer computed once per text. The rules of one text all ask about the same string, so
// a matcher's document-wide test (is the patient a child? a newborn?) is kept for the last text asked.

/**
 * `compute` behind a memo of one entry: the last text asked and its answer. Comparing the same string
 * object is one pointer check; a new object of equal content is compared by content once, then adopted
 * (see parse/lines.ts startsOf). Portable: no Node API.
 */
export function oncePerText<T>(compute: (text: string) => T): (text: string) => T {
  let last: string | undefined;
  let answer: T;
  return (text) => {
    if (last !== text) answer = compute(text);
    last = text; // adopt this string object (see parse/lines.ts startsOf)
    return answer;
  };
}
