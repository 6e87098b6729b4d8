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
