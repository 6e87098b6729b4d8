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

/** A regex test behind its cues, as cuedTest made it (listed for test/lazy-regexp.test.ts). */
export interface CuedTest {
  readonly source: string;
  readonly flags: string;
  readonly cues: readonly string[];
}

const CUED: CuedTest[] = [];

/** Every test cuedTest has made so far (in the modules loaded so far). */
export function cuedTests(): readonly CuedTest[] {
  return CUED;
}

/**
 * A test of a regex of `source` and `flags` (no `g` or `y`) that runs the regex only when the text,
 * lower-cased, holds one of `cues`: the regex is built at the first text that holds one. A context
 * check of a phrase (reported speech, a mention, …) that its text cannot meet then costs a
 * lower-casing and a few indexOf instead of building the regex (up to ~30 M instructions for one of
 * them, a quarter of a one-line check's start-up). The caller's promise: every match of the regex,
 * in any case, holds one of the cues (lower-case ASCII). For the `u` flag, "ſ" (U+017F), which
 * matches "s" case-insensitively but is its own lower case, counts as "s".
 */
export function cuedTest(source: string, flags: string, cues: readonly string[]): (text: string) => boolean {
  if (/[gy]/.test(flags)) throw new Error(`cuedTest: flags ${flags}: a test of a g or y regex depends on lastIndex`);
  CUED.push({ source, flags, cues });
  const regex = lazyRegExp(source, flags);
  const unicode = flags.includes('u');
  return (text) => {
    let lower = text.toLowerCase();
    if (unicode && lower.includes('\u017f')) lower = lower.replaceAll('\u017f', 's');
    return cues.some((cue) => lower.includes(cue)) && regex().test(text);
  };
}
