// Where the start tags of a piece of HTML stand, for inline control: a directive written inside a
// tag ("<a title="<!-- dignify-disable-line -->">", or "<a <!-- dignify-disable-line -->" where a
// comment was put inside a tag that runs on to the next line) is no comment, and disables nothing
// (README "Inline control": a directive counts only in a real comment). Comments are skipped first,
// so a tag shown inside a comment is not taken for one; quoted attribute values may hold ">".
/** A start tag, its attributes' quoted values free to hold ">" (also read by html.ts for the attributes read as text). */
export const START_TAG_SOURCE = String.raw`<[A-Za-z][\w:.-]*(?:\s+(?:"[^"]*"|'[^']*'|[^\s"'>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?|\s*\/)*\s*>`;
const COMMENT_OR_TAG = new RegExp(String.raw`<!--[\s\S]*?(?:-->|$)|${START_TAG_SOURCE}`, 'g');

/** [start, end) of each start tag of `html` (at `offset`) that holds "dignify-", in order. */
export function directiveTagSpans(html: string, offset = 0): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  if (!html.includes('dignify-')) return spans;
  for (const m of html.matchAll(COMMENT_OR_TAG)) {
    if (m[0].startsWith('<!--') || !m[0].includes('dignify-')) continue;
    spans.push([offset + m.index, offset + m.index + m[0].length]);
  }
  return spans;
}
