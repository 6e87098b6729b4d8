// The browser build's stand-in for src/match/given-names-file.ts: no list of given names (455 KB).
// A capitalised word opening a sentence is then read as before the list (src/match/names.ts): a
// name only when the note also writes it inside a sentence.
export function givenNamesText(): string | undefined {
  return undefined;
}
