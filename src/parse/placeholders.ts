// Template placeholders ({{patient_name}}, @NAME@, ***, {SmartList:123}, [[field]]) are not
// words. They are blanked out before tokenizing, with spaces of the same length so offsets do not
// move: their contents are never flagged, they never glue onto the words beside them, and a phrase
// around one still matches ("known @AGE@ y/o heroin addict").
const PLACEHOLDER = /\{\{[^{}\n]*\}\}|\[\[[^[\]\n]*\]\]|@[A-Za-z][\w.:-]*@|\*{3,}|\{[A-Za-z][^{}\n]*:[^{}\n]*\}/g;

// The last text masked, and its mask: the parser and retext-equality's gate both ask for the same
// document's mask, and a second copy of a huge document is a lot of memory.
let last: { text: string; masked: string } | undefined;

export function maskPlaceholders(text: string): string {
  if (last?.text !== text) last = { text, masked: text.replace(PLACEHOLDER, (m) => ' '.repeat(m.length)) };
  return last.masked;
}
