// Is a string ASCII? Code that reads ASCII text with ASCII character classes (cheaper to build
// than the Unicode ones, the same answers there) asks this first. Portable: no Node API.

const ASCII = /^[\x00-\x7f]*$/;

/** Does `text` hold only ASCII (UTF-16 code units 0x00–0x7f)? */
export function isAsciiText(text: string): boolean {
  return ASCII.test(text);
}
