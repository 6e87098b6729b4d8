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
import { directiveTagSpans } from './tags.js';

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
  visit(hast, (node) => {
    if (node.type === 'element' && NOT_PROSE.has((node as Element).tagName)) {
      (node as Element).properties.dataNlcst = 'ignore';
      return 'skip';
    }
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
