// Character classes of the scanner's regexes (prefilter.ts) as tests on UTF-16 code units, for the
// code that walks a text instead of running those regexes (word-walk.ts, phrase-check.ts). One
// place, so the walks and the regexes cannot drift apart class by class.

/** prefilter.ts's APOSTROPHE: ' ‘ ’ ʼ ` ´. */
export function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2018 || c === 0x2019 || c === 0x2bc || c === 0x60 || c === 0xb4;
}

/** [A-Za-z0-9]. */
export function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

// The phrase checks' comparisons (phrase-check.ts, phrase-check-one.ts): `folds` is whether the
// check's regex has flags 'iu' (see prefilter.ts caseFlags), so the Kelvin sign and the long s fold to ASCII.

/** JavaScript's \s. */
export function isSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** JOIN's characters: \s, U+0085 and the hyphens. */
export function isJoin(c: number): boolean {
  return c === 0x2d || c === 0x85 || c === 0x2010 || c === 0x2011 || isSpace(c);
}

/** Whether the text's "s" (TAIL's optional letter) stands at code `c`. */
export function isS(c: number, folds: boolean): boolean {
  return c === 0x73 || c === 0x53 || (folds && c === 0x17f);
}

/** What [a-z0-9] matches with the check's flags (NOT_AFTER_WORD, NOT_BEFORE_WORD). */
export function isAlnum(c: number, folds: boolean): boolean {
  return isAsciiAlnum(c) || (folds && (c === 0x17f || c === 0x212a));
}

/** Whether the text's code `c` matches the word's ASCII code `w` (a lower-case letter, or another character). */
export function same(c: number, w: number, folds: boolean): boolean {
  if (c === w) return true;
  if (w === 0x27) return isApostrophe(c);
  if (w >= 0x61 && w <= 0x7a) return c === w - 0x20 || (folds && ((w === 0x6b && c === 0x212a) || (w === 0x73 && c === 0x17f)));
  return false;
}

/** Whether `word` (lower case, ASCII) stands at `at` of `text`, its characters compared by same(). */
export function wordAt(text: string, at: number, word: string, folds: boolean): boolean {
  if (at < 0 || at + word.length > text.length) return false;
  for (let k = 0; k < word.length; k++) if (!same(text.charCodeAt(at + k), word.charCodeAt(k), folds)) return false;
  return true;
}
