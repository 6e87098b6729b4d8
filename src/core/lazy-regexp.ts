// Module-level regular expressions built on first use (start-up, issue 14). V8 parses a regex when
// it is created, and for `\p{…}` classes or the flags `iu` that means building Unicode sets through
// ICU: about 1.2 M instructions for one `[\p{L}\p{N}]`, a few million for the long case-insensitive
// alternations of the finding checks. Created at module level, every such regex was paid for by
// every start, the one-line check included, though it meets few of them.

/**
 * A function returning one RegExp of `source` and `flags`, created at its first call (by
 * nativeRegExp) and the same object after (so a `g` or `y` regex's lastIndex is shared, as a
 * module-level constant's was). Throws SyntaxError at the first call for a bad pattern.
 */
export function lazyRegExp(source: string, flags = ''): () => RegExp {
  let regex: RegExp | undefined;
  return () => (regex ??= nativeRegExp(source, flags));
}

// A subject of V8's tier-up length (JSRegExp::kTierUpForSubjectLengthValue, 1,000 UTF-16 code units in
// V8 11.3 and 12): NUL characters, which no pattern of this project matches past a character or two, so
// that the execution below costs microseconds (at most 40 µs for one of the 289 regexes an MTSamples
// run executes, 0.5 ms for all of them). A line condition of a user's rule file is run on it too (line-holds.ts
// asciiTwin): a pattern that backtracks without end on 1,000 NULs does so on most 1,000-character lines, since
// only what matches nearly any character matches NUL (".", a negated class, \W, \D, \S).
const TIER_UP_SUBJECT = '\0'.repeat(1000);

/**
 * `new RegExp(source, flags)`, compiled to native code at once: for a regex that runs more than once,
 * which is nearly every regex of a lint, the start of a run (a one-line check, an export's first notes)
 * then compiles it once instead of twice. Throws SyntaxError for a bad pattern, as the constructor does.
 *
 * V8 (Node 20's 11.3, and later) compiles a regex at its first execution to bytecode for its regex
 * interpreter, and at its second to native code (`--regexp-tier-up`, one tick), both times from the
 * source; a first execution on a subject of at least 1,000 code units compiles native code directly.
 * Executed once here on such a subject, the regex is compiled once: in an MTSamples run, 237 regexes
 * were compiled to bytecode and 226 of them again to native code (`--trace-regexp-tier-up`), and the
 * two compiles of the 289 regexes it executes took 170-270 ms where this took 110 ms
 * (BENCHMARKS.md, "regexes compiled once"). Call it where a regex is made just before its first use:
 * made ahead (at module level, or for every rule), it would compile regexes a run may never execute.
 * lastIndex is 0 after it, as after the constructor.
 */
export function nativeRegExp(source: string, flags = ''): RegExp {
  const regex = new RegExp(source, flags);
  regex.exec(TIER_UP_SUBJECT);
  regex.lastIndex = 0;
  return regex;
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
 * check of a phrase (reported speech, a mention, …) that its text cannot meet then costs one small
 * regex test of the cues instead of building the regex (up to ~30 M instructions for one of
 * them, a quarter of a one-line check's start-up). The caller's promise: every match of the regex,
 * in any case, holds one of the cues (lower-case ASCII letters). For the `u` flag, "ſ" (U+017F), which
 * matches "s" case-insensitively but is its own lower case, counts as "s".
 */
export function cuedTest(source: string, flags: string, cues: readonly string[]): (text: string) => boolean {
  if (/[gy]/.test(flags)) throw new Error(`cuedTest: flags ${flags}: a test of a g or y regex depends on lastIndex`);
  CUED.push({ source, flags, cues });
  const regex = lazyRegExp(source, flags);
  // The cues asked for by one case-insensitive regex, about 3 times quicker than lower-casing the
  // text and searching it once per cue (voiceOf asks 7 such tests of each finding's surroundings:
  // ~2% of a warm lint). It holds wherever the lower case holds a cue: an ASCII letter matches its
  // other case, and the only characters past ASCII whose lower case holds an ASCII character,
  // U+0130 ("i̇") and U+212A ("k"), match the class, as "ſ" does (above). Where it holds and no cue
  // does, the regex's own test answers as before: each of its matches holds a cue. The cues are
  // plain letters (test/lazy-regexp.test.ts), so they stand in the regex unescaped.
  const cued = lazyRegExp(`${cues.join('|')}|[\u0130\u212a\u017f]`, 'i');
  return (text) => cued().test(text) && regex().test(text);
}
