// Module-level regular expressions built on first use (start-up, issue 14). V8 parses a regex when
// it is created, and for `\p{…}` classes or the flags `iu` that means building Unicode sets through
// ICU: about 1.2 M instructions for one `[\p{L}\p{N}]`, a few million for the long case-insensitive
// alternations of the finding checks. Created at module level, every such regex was paid for by
// every start, the one-line check included, though it meets few of them.

/**
 * A function returning one RegExp of `source` and `flags`, created at its first call and the same
 * object after (so a `g` or `y` regex's lastIndex is shared, as a module-level constant's was).
 * Throws SyntaxError at the first call for a bad pattern.
 */
export function lazyRegExp(source: string, flags = ''): () => RegExp {
  let regex: RegExp | undefined;
  return () => (regex ??= new RegExp(source, flags));
}
