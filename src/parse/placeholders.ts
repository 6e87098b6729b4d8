// Template placeholders ({{patient_name}}, @NAME@, ***, {SmartList:123}, [[field]]) are not
// words. They are blanked out before tokenizing, with spaces of the same length so offsets do not
// move: their contents are never flagged, they never glue onto the words beside them, and a phrase
// around one still matches ("known @AGE@ y/o heroin addict").
// A template language's code is no prose either: the tags and comments of Jinja, Liquid, Django and
// Nunjucks ("{% if ivdu %}", "{%- endif -%}", "{# … #}"), "${…}" (FreeMarker, Velocity, JavaScript)
// and "<%= … %>" (ERB, EJS, JSP). A variable there ("ivdu") is no word of the note, and --fix must
// never write into one ("{% if injection drug use %}" no longer parses). A tag may run over several
// lines ("{% if ivdu\n   or drug_abuse %}", "{{ name\n }}"), but never over a blank line (an unclosed
// "{%" must not swallow the paragraphs after it), and a tag over lines within 2,000 characters.
// A tag ends before the next opener of its kind (tags do not nest): without that, each unclosed
// "{%", "{#" or "<%" of a long line was read to the line's end, time growing with the square of the
// line (400,000 characters of "{# " took 21 s; "{{" and "${" stop at the next brace already).
// Blanked with its line breaks kept, so lines do not move.
export const TEMPLATE_TAG =
  /\{\{(?:[^{}\n]|\n(?![ \t\r]*\n))*\}\}|\{%(?:(?!\{%)[^\n])*?%\}|\{%(?:(?!\{%)(?:[^\n]|\n(?![ \t\r]*\n))){0,2000}?%\}|\{#(?:(?!\{#)[^\n])*?#\}|\{#(?:(?!\{#)(?:[^\n]|\n(?![ \t\r]*\n))){0,2000}?#\}|\$\{(?:[^{}\n]|\n(?![ \t\r]*\n))*\}|<%(?:(?!<%)[^\n])*?%>|<%(?:(?!<%)(?:[^\n]|\n(?![ \t\r]*\n))){0,2000}?%>/g;
const PLACEHOLDER = new RegExp(`${TEMPLATE_TAG.source}|\\[\\[[^[\\]\\n]*\\]\\]|@[A-Za-z][\\w.:-]*@|\\*{3,}|\\{[A-Za-z][^{}\\n]*:[^{}\\n]*\\}`, 'g');
const blank = (m: string) => m.replace(/[^\r\n]/g, ' ');

// A drop-down list of a template ("Urine tox: {clean/dirty}", "{Patient/Family} refused", Epic's
// "{Yes/No:19197}"): each option is text the note will hold, so only the braces, the slashes that
// separate the options and a list id (":19197") are blanked, and "Urine tox: {clean/dirty}" reads
// as "Urine tox:  clean dirty " (each option beside the words around the list). Innermost lists
// first, so a nested list ("{severe/{mild/moderate}}") is opened from the inside out. "{{name}}"
// (a field) and a list without a slash ("{SmartList:123}") stay placeholders.
// Fields ("{{name}}") are blanked before, so a doubled brace left here closes nested lists
// ("{clean/{dirty/soiled}}"), which must open too.
const DROP_DOWN = /\{([^{}\n]*\/[^{}\n]*)\}/g;
const LIST_ID = /:\s*\d+\s*$/;
// A check box of a form ("[x] declined", "[ ] combative"): the box is no word.
const CHECK_BOX = /\[[ xX\u2713\u2714]?\]/g;

function openDropDowns(text: string): string {
  if (!text.includes('/') || !text.includes('{')) return text;
  let out = text;
  for (let pass = 0; pass < 8; pass++) {
    const next = out.replace(DROP_DOWN, (_m, inner: string) => {
      const id = LIST_ID.exec(inner);
      const options = id ? inner.slice(0, id.index) + ' '.repeat(id[0].length) : inner;
      return ` ${options.replace(/\//g, ' ')} `;
    });
    if (next === out) break;
    out = next;
  }
  return out;
}

// The last text masked, and its mask: the parser and retext-equality's gate both ask for the same
// document's mask, and a second copy of a huge document is a lot of memory.
let last: { text: string; masked: string; unchanged: boolean } | undefined;

/**
 * `text` with template placeholders and check boxes blanked and drop-down lists opened (see above),
 * as a string of the same length (UTF-16 code units): every offset of the result is the offset of
 * the same character in `text`.
 */
export function maskPlaceholders(text: string): string {
  if (last?.text !== text) {
    // Each regex needs a character most notes lack (every placeholder starts with "{", "[", "@",
    // "*", "$" before "{" or "<%", a check box with "["): looking for it first (indexOf, far quicker
    // than the regex tried at every position) spares most notes all three passes.
    const box = text.includes('[');
    const blanked =
      box || text.includes('{') || text.includes('@') || text.includes('*') || text.includes('<%')
        ? text.replace(PLACEHOLDER, (m) => (DROP_DOWN_WHOLE.test(m) ? m : blank(m)))
        : text;
    const opened = openDropDowns(blanked);
    const masked = box ? opened.replace(CHECK_BOX, (m) => ' '.repeat(m.length)) : opened;
    last = { text, masked, unchanged: masked === text };
  } else {
    // Adopt this string object (an equal text in another object is compared in full by every
    // lookup: see core/once-per-text.ts recentPerText), and hand it back when masking changed nothing.
    last.text = text;
    if (last.unchanged) last.masked = text;
  }
  return last.masked;
}

// A SmartList with options ("{Yes/No:19197}") is a drop-down, not a blank.
// A template tag holding a slash ("{% if a/b %}") is no list.
const DROP_DOWN_WHOLE = /^\{(?![{%#])[^{}\n]*\/[^{}\n]*\}$/;

// How far either side of a place a drop-down list is looked for (UTF-16 code units).
const DROP_DOWN_REACH = 300;

/**
 * Does the source of `masked` (the text maskPlaceholders last returned) hold a drop-down list
 * within 300 code units of `at`? A phrase may then stand in one reading of the list and not in the
 * masked text ("dirty needles" in "{clean/{dirty/soiled}} needles"), so the fast path's scanner,
 * which reads the masked text, must not rule the place out. False when `masked` is not the last
 * masked text (then the scanner decides as for any text).
 */
export function dropDownNear(masked: string, at: number): boolean {
  if (last === undefined || last.unchanged || last.masked !== masked) return false;
  const from = Math.max(0, at - DROP_DOWN_REACH);
  return /\{[^{}\n]*\/|\/[^{}\n]*\}/.test(last.text.slice(from, Math.min(masked.length, at + DROP_DOWN_REACH)));
}

/**
 * The source of `masked` (the text maskPlaceholders last returned), or undefined when `masked` is
 * not the last masked text or masking changed nothing. The matcher reads line conditions in the
 * source, the fast path's scanner reads the masked text: the scanner asks both (prefilter.ts).
 */
export function sourceOfMasked(masked: string): string | undefined {
  return last === undefined || last.unchanged || last.masked !== masked ? undefined : last.text;
}
