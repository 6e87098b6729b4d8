// Template placeholders ({{patient_name}}, @NAME@, ***, {SmartList:123}, [[field]]) are not
// words. They are blanked out before tokenizing, with spaces of the same length so offsets do not
// move: their contents are never flagged, they never glue onto the words beside them, and a phrase
// around one still matches ("known @AGE@ y/o heroin addict").
const PLACEHOLDER = /\{\{[^{}\n]*\}\}|\[\[[^[\]\n]*\]\]|@[A-Za-z][\w.:-]*@|\*{3,}|\{[A-Za-z][^{}\n]*:[^{}\n]*\}/g;

export function maskPlaceholders(text: string): string {
  return text.replace(PLACEHOLDER, (m) => ' '.repeat(m.length));
}
