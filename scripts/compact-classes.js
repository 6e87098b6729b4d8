// parse-latin's lib/expressions.js in fewer bytes, for the warehouse build (scripts/bundle-warehouse.js):
// its regular expressions are long explicit character classes (\u0101\u0103\u0105…, 19.5 KB of
// the bundle, 7 KB gzipped). Each class is written here as the ranges of UTF-16 code units it
// matches, found by testing every code unit against the class itself (no parsing of its spelling,
// no Unicode tables of this Node), and rebuilt at load time as the same class in \uXXXX ranges.
// The regular expressions have no flags (no `u`, no `i`), so a class matches one code unit and an
// astral character is two code units to them: a class that matches the same 65,536 code units is
// the same class. test/warehouse.test.ts checks every code unit of every class, and every regular
// expression against the original.

/** The source of `regex` cut at its character classes: the text between them and the classes. */
export function splitClasses(source) {
  const parts = [''];
  const classes = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '\\') {
      parts[parts.length - 1] += source.slice(i, i + 2);
      i += 2;
    } else if (ch === '[') {
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++; // a literal ] first in the class (not used by parse-latin)
      while (source[j] !== ']') {
        if (j >= source.length) throw new Error(`unclosed class in /${source}/`);
        j += source[j] === '\\' ? 2 : 1;
      }
      classes.push(source.slice(i, j + 1));
      parts.push('');
      i = j + 1;
    } else {
      parts[parts.length - 1] += ch;
      i++;
    }
  }
  return { parts, classes };
}

/** Every UTF-16 code unit, 0 to 0xFFFF, in order (lone surrogates included). */
const ALL_UNITS = String.fromCharCode(...Array.from({ length: 0x10000 }, (_, unit) => unit));

/**
 * The code units (0–0xFFFF) a class matches, as [first, last] ranges in order: the class run over a
 * string of every code unit (without the `u` flag a class matches one code unit where it stands).
 */
export function classRanges(cls, flags = '') {
  if (flags.includes('u')) throw new Error('only classes without the u flag are read a code unit at a time');
  const re = new RegExp(cls, `${flags}g`);
  const ranges = [];
  for (let m = re.exec(ALL_UNITS); m; m = re.exec(ALL_UNITS)) {
    if (m[0].length !== 1) throw new Error(`class ${cls} matched ${m[0].length} code units`);
    const last = ranges[ranges.length - 1];
    if (last && last[1] === m.index - 1) last[1] = m.index;
    else ranges.push([m.index, m.index]);
  }
  if (!ranges.length) throw new Error(`class ${cls} matches nothing`);
  return ranges;
}

/**
 * Ranges as numbers: the gap since the previous range's end, then the range's length less one. A number
 * is written in base 26, most significant digit first, its last digit a capital (A–Z) and the others
 * small letters (a–z): 0 → A, 25 → Z, 26 → bA. No separators, and the text stays plain ASCII letters.
 */
export function encodeRanges(ranges) {
  let next = 0;
  let out = '';
  const number = (n) => {
    let text = String.fromCharCode(65 + (n % 26));
    for (let rest = Math.floor(n / 26); rest; rest = Math.floor(rest / 26)) text = String.fromCharCode(97 + (rest % 26)) + text;
    return text;
  };
  for (const [first, last] of ranges) {
    out += number(first - next) + number(last - first);
    next = last + 1;
  }
  return out;
}

/**
 * The decoder, as source: `R(parts, codes)` is the regular expression whose text is `parts` with the
 * classes of `codes` between them. Kept in plain ES5 (the warehouse script's target is ES2020).
 */
export const DECODER = `function U(n){return '\\\\u'+('000'+n.toString(16)).slice(-4)}
function C(code){var n=[],v=0,s='',next=0,i,c;for(i=0;i<code.length;i++){c=code.charCodeAt(i);if(c>96)v=v*26+c-97;else{n.push(v*26+c-65);v=0}}
for(i=0;i<n.length;i+=2){var a=next+n[i],b=a+n[i+1];s+=U(a)+(b>a?'-'+U(b):'');next=b+1}return '['+s+']'}
function R(parts,codes){var s=parts[0];for(var i=0;i<codes.length;i++)s+=C(codes[i])+parts[i+1];return new RegExp(s)}`;

/** Classes up to this many characters of source are kept as written. */
const SHORT = 24;

/** The source of a module that exports the same regular expressions as `expressions` (name → RegExp). */
export function compactModule(expressions) {
  const lines = [DECODER];
  for (const [name, regex] of Object.entries(expressions)) {
    if (regex.flags) throw new Error(`/${regex.source}/${regex.flags}: only flag-less expressions are compacted`);
    // A short class ([ \t], [\uDCC0-\uDCF2]) stays as written: its code would be no shorter.
    const split = splitClasses(regex.source);
    const parts = [split.parts[0]];
    const codes = [];
    split.classes.forEach((cls, i) => {
      if (cls.length > SHORT) {
        codes.push(encodeRanges(classRanges(cls)));
        parts.push(split.parts[i + 1]);
      } else parts[parts.length - 1] += cls + split.parts[i + 1];
    });
    if (!codes.length) {
      lines.push(`export const ${name} = /${regex.source}/;`);
      continue;
    }
    lines.push(`export const ${name} = R(${JSON.stringify(parts)}, ${JSON.stringify(codes)});`);
  }
  return lines.join('\n');
}
