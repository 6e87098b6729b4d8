// The text a file dropped on the page puts into the note: its own text, set apart from the note's
// text around the caret by a blank line, as a second note pasted below the first reads. Dropped
// with nothing between, "…seen today." and the file's "Known drug abuser" ran into one line
// ("seen today.Known drug abuser"), one sentence to the linter and to the reader.

/**
 * What to insert at the caret for a dropped file's `text`, given the note's text `before` and `after`
 * the caret (or the selection it replaces): `text` without its final line ends, after a blank line
 * when `before` holds text and before one when `after` does. Only the line ends needed are added
 * ("\n\n" after a line of text, "\n" after a line end, none after a blank line); an empty note
 * gets the text alone. Line ends are "\n", as a textarea's value has them.
 */
export function droppedText(before: string, text: string, after: string): string {
  const body = text.replace(/(?:\r?\n)+$/, '');
  const lead = /\S/.test(before) ? '\n'.repeat(Math.max(0, 2 - (/\n*$/.exec(before)?.[0].length ?? 0))) : '';
  const trail = /\S/.test(after) ? '\n'.repeat(Math.max(0, 2 - (/^\n*/.exec(after)?.[0].length ?? 0))) : '';
  return lead + body + trail;
}
