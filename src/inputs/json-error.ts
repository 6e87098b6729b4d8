// The error of a JSON record or file that does not parse, without note text. V8's JSON.parse
// quotes the text it read ('Unexpected token 'J', "John Smith"... is not valid JSON'): in an
// export of notes that is a patient's name or the note itself, written to stderr, a report's
// `error` and a log, --redact or not. The excerpt is cut; what is left names the fault (and,
// where V8 gives it, the position), which with the line and row is enough to find the record.

/** `not valid JSON (<V8's reason, without the excerpt of the text>)`. */
export function jsonSyntaxError(e: unknown): string {
  return `not valid JSON (${jsonErrorReason(e)})`;
}

/** V8's reason a JSON text does not parse, without the excerpt of the text nor the character it quotes. */
export function jsonErrorReason(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  // The excerpt, as V8 writes it: `, "text"`, `, "text"...`, `, ..."text"...`, then ` is not valid JSON`.
  const cut = /, (?:\.\.\.)?".*? is not valid JSON$/s.exec(message);
  // "Unexpected token 'M'" quotes the record's own first letter where a value is not JSON (a name, a
  // note written bare): a character of note text under --redact too (newcomer trial of 2026-12-03).
  return (cut ? message.slice(0, cut.index) : message).replace(/^Unexpected token '.+?'/su, 'Unexpected token');
}
