// HTML → NLCST with positions in the HTML file: rehype-parse, then hast-util-to-nlcst (what
// rehype-retext runs). script, style, code, pre (and their kin) are not prose and are skipped.
// Text nodes get their exact source text (entities left as written, placeholders blanked), so
// positions never drift after an entity.
import type { Element, Root as HastRoot, Text } from 'hast';
import { toNlcst } from 'hast-util-to-nlcst';
import type { Root } from 'nlcst';
import { ParseEnglish } from 'parse-english';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { HTML_JOIN, joinMarkupSplitWords } from './markup-words.js';
import { maskPlaceholders } from './placeholders.js';
import { rowTree } from './table-rows.js';
import { directiveTagSpans, START_TAG_SOURCE } from './tags.js';
import { pointer } from './hidden.js';

const parser = unified().use(rehypeParse).freeze();
const NOT_PROSE = new Set(['script', 'style', 'code', 'pre', 'kbd', 'samp', 'textarea', 'noscript', 'template']);
// Elements whose own text hast-util-to-nlcst drops: it reads text in paragraphs (p, h1–h6), in
// elements that take flow content (div, li, td, details…) and in phrasing elements among them, and
// only digs into any other element for those. A page's "<title>" (its tab, its search result), a
// FAQ's "<summary>Drug abuse</summary>", a form's "<legend>", and an old handout's "<center>" or
// "<font>" at the top level lost their text. Each is read as the element it stands for (positions
// are the file's whatever the name).
const READ_AS: Record<string, string> = {
  title: 'p',
  summary: 'p',
  legend: 'p',
  center: 'div',
  marquee: 'div',
  search: 'div',
  hgroup: 'div',
  font: 'span',
};

export function htmlTrees(source: string): Root[] {
  const hast = parser.parse(source) as HastRoot;
  const masked = maskPlaceholders(source);
  const rows: Element[] = [];
  const attributes: Array<[number, number]> = [];
  visit(hast, (node) => {
    if (node.type === 'element' && NOT_PROSE.has((node as Element).tagName)) {
      (node as Element).properties.dataNlcst = 'ignore';
      return 'skip';
    }
    if (node.type === 'element') attributes.push(...readAttributes(node as Element, source));
    if (node.type === 'element' && Object.hasOwn(READ_AS, (node as Element).tagName)) (node as Element).tagName = READ_AS[(node as Element).tagName]!;
    // "ad<wbr>dict" reads "addict": no space where a line may break (markup-words.ts joins the pieces).
    if (node.type === 'element' && (node as Element).tagName === 'wbr') (node as Element).properties.dataNlcst = 'ignore';
    // A table row is left out of the document's tree and read as one statement (below); a table
    // nested in one of its cells is a row of its own, left out of that cell.
    if (node.type === 'element' && (node as Element).tagName === 'tr' && node.position) {
      rows.push(node as Element);
      (node as Element).properties.dataNlcst = 'ignore';
    }
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (node.type === 'text' && start !== undefined && end !== undefined) (node as Text).value = masked.slice(start, end);
    return undefined;
  });
  const file = new VFile(source);
  const english = new ParseEnglish();
  // "<b>IV</b>DU", "ad<i>dict</i>": one word to the reader (markup-words.ts).
  joinMarkupSplitWords(english, source, HTML_JOIN);
  const trees = [toNlcst(hast, file, english)];
  // Each attribute value read (alt, title, a meta description) is a paragraph of its own, at its
  // place in the file: a phrase never runs from the page's text into it.
  if (attributes.length > 0) {
    // Each value's line and column (LF, CRLF or CR ends).
    const pointAt = pointer(source);
    for (const [start, end] of attributes) {
      const position = { start: pointAt(start), end: pointAt(end) };
      const text: Text = { type: 'text', value: masked.slice(start, end), position };
      const tree = toNlcst({ type: 'element', tagName: 'p', properties: {}, children: [text], position }, file, english);
      // Its quotes delimit the value: no quotation (src/parse/tokens.ts SentenceTokens.sealed).
      for (const paragraph of tree.children)
        if (paragraph.type === 'ParagraphNode') paragraph.data = { ...paragraph.data, sealed: true } as typeof paragraph.data;
      trees.push(tree);
    }
  }
  // Each cell is parsed alone (a phrase never runs from one cell into the next) and the cells of
  // a row are one statement for conditions ("<td>Urine tox</td><td>dirty</td>": table-rows.ts).
  for (const row of rows) {
    const cells = row.children.filter(
      (cell): cell is Element => cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th') && cell.position !== undefined,
    );
    const tree = rowTree(
      cells.map((cell) => toNlcst(cell, file, english)),
      row.position,
    );
    if (tree) trees.push(tree);
  }
  return trees;
}

// Attributes whose value a reader meets as text: an image's description ("alt", read aloud by a
// screen reader, shown when the image is not), a tooltip ("title", on any element), and a page's
// description ("<meta name="description" content="…">", its search result). A newcomer's trial of
// patient-education pages found them unread while Markdown's image alt text was read.
const READ_ATTRIBUTES = new Set(['alt', 'title']);
// One attribute of a start tag: its name, then an optional value, quoted or bare.
const ATTRIBUTE = /\s([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
// A start tag (tags.ts), read where the element starts.
const START_TAG = new RegExp(START_TAG_SOURCE, 'y');

/**
 * [start, end) offsets in `source` of the values of `element`'s attributes that are read as text
 * (see READ_ATTRIBUTES), found in its start tag as written. None for an element without a place
 * in the source (one the parser made up) or whose start tag cannot be read.
 */
function readAttributes(element: Element, source: string): Array<[number, number]> {
  const props = element.properties;
  const description =
    element.tagName === 'meta' && typeof props.name === 'string' && props.name.toLowerCase() === 'description' && typeof props.content === 'string';
  if (!description && props.alt === undefined && props.title === undefined) return [];
  const start = element.position?.start.offset;
  if (start === undefined || source[start] !== '<') return [];
  // Read in place (sticky at the tag's start), not from a copy of the rest of the page.
  START_TAG.lastIndex = start;
  const tag = START_TAG.exec(source);
  if (!tag) return [];
  const out: Array<[number, number]> = [];
  for (const m of tag[0].matchAll(ATTRIBUTE)) {
    const name = m[1]!.toLowerCase();
    if (!(READ_ATTRIBUTES.has(name) || (description && name === 'content'))) continue;
    const value = m[2] ?? m[3] ?? m[4];
    if (value === undefined || !/[A-Za-z]/.test(value)) continue;
    const at = start + m.index + m[0].length - value.length - (m[4] === undefined ? 1 : 0);
    out.push([at, at + value.length]);
  }
  return out;
}

/** [start, end) offsets of the elements that are not prose (script, style, code, pre, …) and of the tags holding "dignify-": inline-control directives there are examples, or no comments. */
export function htmlCodeSpans(source: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  visit(parser.parse(source) as HastRoot, (node) => {
    if (node.type === 'element' && NOT_PROSE.has((node as Element).tagName)) {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start !== undefined && end !== undefined) spans.push([start, end]);
      return 'skip';
    }
    return undefined;
  });
  // A directive inside a tag (an attribute) is no comment.
  return [...spans, ...directiveTagSpans(source)].sort((a, b) => a[0] - b[0]);
}
