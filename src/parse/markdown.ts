// Markdown → NLCST (retext's tree) with positions in the Markdown file. remark parses the file
// (GFM, front matter); mdast-util-to-nlcst (what remark-retext runs) turns its prose into
// sentences. Code, inline code, HTML tags and comments, front matter, link targets and bare URLs
// never reach the tree; the text of an HTML block is read as HTML, and link, image and definition
// titles (tooltips) each as a paragraph of their own (markdownTrees). Each text node
// is given the exact source text it covers (placeholders blanked, block-quote markers and escapes
// turned into spaces) so that positions never drift from the file, even after an entity, an escape
// or a "> " at the start of a line.
import type { Definition, Image, Link, Nodes, Root as MdastRoot, Table, Text } from 'mdast';
import { toNlcst } from 'mdast-util-to-nlcst';
import type { Root } from 'nlcst';
import { ParseEnglish } from 'parse-english';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { VFile } from 'vfile';
// The editable run a fix works in, [start, end) and the characters it may not write there: refine.ts's type (no code of it is loaded).
import type { Segment } from '../fix/refine.js';
import { pointer } from './hidden.js';
import { lineBoundsOf, lineIndexAt } from './lines.js';
import { MARKDOWN_JOIN, joinMarkupSplitWords } from './markup-words.js';
import { maskPlaceholders } from './placeholders.js';
import { directiveTagSpans } from './tags.js';
import { rowTree } from './table-rows.js';

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();
const IGNORED = 'dignifyIgnored';

/** The source text under a node, as prose: container markers on later lines and escape backslashes become spaces. */
function proseSlice(masked: string, start: number, end: number): string {
  return masked
    .slice(start, end)
    .replace(/\n[ \t]*(?:>[ \t]?)*/g, (m) => `\n${' '.repeat(m.length - 1)}`)
    .replace(/\\(?=[!-/:-@[-`{-~])/g, ' ');
}

/** A link whose text is its own address (autolink, bare URL, e-mail): an address, not prose. */
function isAddress(link: Link): boolean {
  const text = link.children.map((c) => ('value' in c ? c.value : '')).join('');
  return link.url === text || link.url === `mailto:${text}` || link.url === `http://${text}`;
}

// A title's closing delimiter → the characters a fix may not write into it: the delimiter itself
// (it would end the title early), "(" too for a parenthesized title (CommonMark allows neither
// unescaped), and "\\" and "&", which would start an escape or a character reference.
const TITLE_CLOSE: Record<string, string> = { '"': '"\\&', "'": "'\\&", ')': '()\\&' };
const TITLE_OPEN: Record<string, string> = { '"': '"', "'": "'", ')': '(' };

/** A link, image or reference definition's title as written: [start, end) UTF-16 offsets of its text between its delimiters, and the characters a fix may not write there. */
export type TitleRun = readonly [start: number, end: number, forbidden: string];

/**
 * Where the title of `node` ("[text](url "title")", "![alt](x.png 'title')", "[id]: url (title)")
 * is written in `source`, or undefined when it has none, or its source text differs from
 * `node.title` (an escape "\"", an entity "&amp;", a title over block-quote lines): read from the
 * parsed value its words could not be placed on the file's characters, so it is left out rather
 * than misplaced. The title is the last thing in the node: before the link's ")" (a definition
 * ends with it), after white space.
 */
export function titleRun(node: Link | Image | Definition, source: string): TitleRun | undefined {
  const title = node.title;
  const start = node.position?.start.offset;
  let at = node.position?.end.offset;
  if (!title || start === undefined || at === undefined) return undefined;
  if (node.type !== 'definition') {
    if (source[at - 1] !== ')') return undefined;
    at--;
  }
  while (at > start && /\s/.test(source[at - 1]!)) at--;
  const close = source[at - 1]!;
  const forbidden = TITLE_CLOSE[close];
  const end = at - 1;
  const from = end - title.length;
  if (forbidden === undefined || from <= start || source[from - 1] !== TITLE_OPEN[close] || source.slice(from, end) !== title) return undefined;
  return [from, end, forbidden];
}

/** Does `node` have a title (a link, image or reference definition)? */
function titled(node: Nodes): node is Link | Image | Definition {
  return (node.type === 'link' || node.type === 'image' || node.type === 'definition') && Boolean(node.title);
}

type Positioned = { position?: { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } } };

/**
 * Gives positions back to nodes that lost them. remark-gfm's autolink-literal transform splits a
 * text node that holds a bare address after an unclosed "[" (`Known IVDU [see a@b.org here`) into
 * text and link nodes without positions, and mdast-util-to-nlcst drops nodes without positions: the
 * whole paragraph went unlinted (and its tree had no start). Each such node is found again in the
 * source after its previous sibling; a node that cannot be found keeps no position.
 */
function fillPositions(node: Nodes, source: string): void {
  if (!('children' in node) || !node.position) return;
  let cursor = node.position.start.offset ?? 0;
  const limit = node.position.end.offset ?? source.length;
  const point = (offset: number) => {
    const line = lineIndexAt(source, offset);
    return { line: line + 1, column: offset - lineBoundsOf(source, line)[0] + 1, offset };
  };
  const place = (child: Nodes): void => {
    const c = child as Nodes & Positioned;
    if (!c.position) {
      if ('value' in c && typeof c.value === 'string' && c.value !== '') {
        const at = source.indexOf(c.value, cursor);
        if (at !== -1 && at + c.value.length <= limit) c.position = { start: point(at), end: point(at + c.value.length) };
      } else if ('children' in c && c.children.length > 0) {
        for (const grandchild of c.children as Nodes[]) place(grandchild);
        const first = (c.children[0] as Positioned).position;
        const last = (c.children[c.children.length - 1] as Positioned).position;
        if (first && last) c.position = { start: first.start, end: last.end };
        return;
      }
    } else fillPositions(c, source);
    if (c.position?.end.offset !== undefined) cursor = c.position.end.offset;
  };
  for (const child of node.children as Nodes[]) place(child);
}

// What else lintDocument asks of the last text markdownTrees parsed: its code spans (for inline
// control) and, when a finding has a fix, its editable text runs. Parsing Markdown (micromark with
// GFM) is most of the cost of linting it; keeping these saves parsing the same text two more times.
let lastParse: { source: string; codeSpans: Array<[number, number]>; textRuns: Segment[] } | undefined;

/**
 * The editable runs of a Markdown text for fixes, [start, end) UTF-16 offsets in text order: the
 * source range of each text node (prose, link text, emphasis, headings, table cells) and of an
 * image's alt text where it is written out as is. Link and image targets, code, HTML, comments, front
 * matter and addresses shown as links (autolinks, bare URLs, e-mails) are not text nodes, or are left
 * out, so a fix never touches them; nor is the text of a collapsed or shortcut reference link, which
 * is its label. A link, image or definition's title is a run too, with the characters a fix may not
 * write there (its delimiters: see titleRun). `tree` must be the parser's tree as parsed (before
 * markdownTrees changes it).
 */
function textRunsOf(tree: MdastRoot, source: string): Segment[] {
  const out: Segment[] = [];
  visit(tree, (node: Nodes) => {
    // A title is text a reader meets (a tooltip), also on a link shown as its address.
    const title = titled(node) ? titleRun(node, source) : undefined;
    if (title) out.push(title);
    if (node.type === 'link' && isAddress(node)) return SKIP;
    // "[drug abuse][]" and "[drug abuse]" find their definition by their text: editing it would break the link.
    if (node.type === 'linkReference' && node.referenceType !== 'full') return SKIP;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return undefined;
    if (node.type === 'text') out.push([start, end]);
    else if (node.type === 'image' && node.alt && source.slice(start + 2, start + 2 + node.alt.length) === node.alt)
      out.push([start + 2, start + 2 + node.alt.length]);
    return undefined;
  });
  return out.sort((a, b) => a[0] - b[0]);
}

/** The editable runs of a Markdown text (see textRunsOf), from markdownTrees' parse of the same text when there was one. */
export function markdownTextRuns(source: string): Segment[] {
  if (lastParse?.source === source) return lastParse.textRuns.slice();
  return textRunsOf(parser.parse(source) as MdastRoot, source);
}

/** Code blocks, inline code and HTML code elements: what markdownCodeSpans returns for `node`'s text. */
function addCodeSpans(spans: Array<[number, number]>, node: Nodes, source: string, start: number, end: number): void {
  if (node.type === 'code' || node.type === 'inlineCode') spans.push([start, end]);
  else if (node.type === 'html') spans.push(...htmlCodeSpans(source.slice(start, end), start));
}

// Where an HTML block stands in Markdown (not HTML inline in a paragraph, whose text is Markdown's).
const BLOCK_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/**
 * Does an HTML block hold text to read (letters outside its tags, or an attribute read as text:
 * src/parse/html.ts READ_ATTRIBUTES)? A comment block, "<br>" or "</div>" does not.
 */
function holdsText(html: string): boolean {
  return !html.startsWith('<!--') && (/[A-Za-z]/.test(html.replace(/<[^>]*>/g, '')) || READ_ATTRIBUTE.test(html));
}

// A tag with an attribute whose value is read as text ("<img alt="…">", title, a meta description).
const READ_ATTRIBUTE = /<[A-Za-z][^>]*\s(?:alt|title|content)\s*=/i;

/** Is `node` an HTML block read as HTML (markdownTrees, markdownHtmlBlocks): one with text, where a block stands? */
function isReadHtmlBlock(node: Nodes, parent: { type: string } | undefined): boolean {
  return node.type === 'html' && parent !== undefined && BLOCK_PARENTS.has(parent.type) && holdsText(node.value);
}

/**
 * `source` with every character outside `blocks` (sorted [start, end) ranges) a space, line breaks
 * (CR and LF) kept: the HTML blocks parsed as HTML where they stand, so their positions are the file's.
 */
export function onlyBlocks(source: string, blocks: ReadonlyArray<readonly [number, number]>): string {
  const blank = (s: string) => s.replace(/[^\r\n]/g, ' ');
  let out = '';
  let at = 0;
  for (const [start, end] of blocks) {
    out += blank(source.slice(at, start)) + source.slice(start, end);
    at = end;
  }
  return out + blank(source.slice(at));
}

/**
 * The trees of a Markdown text. `htmlTrees` (src/parse/html.ts, loaded on first use by the caller)
 * reads its HTML blocks ("<div class="callout">Never share dirty needles.</div>", a "<details>"
 * summary) as HTML: their text is prose a reader sees. Without it they are left out.
 */
export function markdownTrees(source: string, htmlTrees?: (source: string) => Root[]): Root[] {
  const mdast = parser.parse(source) as MdastRoot;
  const textRuns = textRunsOf(mdast, source);
  fillPositions(mdast, source);
  const masked = maskPlaceholders(source);
  const tables: Table[] = [];
  const codeSpans: Array<[number, number]> = [];
  const htmlBlocks: Array<[number, number]> = [];
  const titles: TitleRun[] = [];
  visit(mdast, (node: Nodes, _index, parent) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (titled(node)) {
      const title = titleRun(node, source);
      if (title && /[A-Za-z]/.test(source.slice(title[0], title[1]))) titles.push(title);
    }
    if (start !== undefined && end !== undefined) addCodeSpans(codeSpans, node, source, start, end);
    if (start !== undefined && end !== undefined && isReadHtmlBlock(node, parent)) htmlBlocks.push([start, end]);
    // A tag in a paragraph ("see <img alt="…">") whose attribute is read as text: its attributes only
    // (the paragraph's text is Markdown's).
    else if (node.type === 'html' && start !== undefined && end !== undefined && !node.value.startsWith('<!--') && READ_ATTRIBUTE.test(node.value))
      htmlBlocks.push([start, end]);
    if (node.type === 'text' && start !== undefined && end !== undefined) (node as Text).value = proseSlice(masked, start, end);
    else if (node.type === 'link' && isAddress(node)) (node as { type: string }).type = IGNORED;
    else if (node.type === 'table') tables.push(node);
    else if (node.type === 'image' && node.alt && start !== undefined) {
      // The alt text is read from source offsets; keep it only where it is written out verbatim.
      const at = start + 2;
      node.alt = source.slice(at, at + node.alt.length) === node.alt ? masked.slice(at, at + node.alt.length) : '';
    }
  });
  lastParse = { source, codeSpans, textRuns };
  const file = new VFile(source);
  const english = new ParseEnglish();
  // "**IV**DU", "drug*s*": one word to the reader (markup-words.ts).
  joinMarkupSplitWords(english, source, MARKDOWN_JOIN);
  // Tables are left out of the document's tree (mdast-util-to-nlcst ignores them). Each cell is
  // parsed alone, so a phrase never runs from one cell into the next, and the cells of a row are
  // one statement for conditions ("| Urine tox | dirty |": table-rows.ts); rows stay apart.
  const trees = [toNlcst(mdast, file, english, { ignore: [IGNORED] })];
  if (htmlTrees && htmlBlocks.length > 0) trees.push(...htmlTrees(onlyBlocks(source, htmlBlocks)));
  // Each title (a tooltip: "[help](url "Help for addicts")") is a paragraph of its own at its place
  // in the file, as an HTML title attribute is (html.ts): a phrase never runs from the link's text
  // into it, and its quotes delimit it, they quote nothing (src/parse/tokens.ts SentenceTokens.sealed).
  if (titles.length > 0) {
    const pointAt = pointer(source);
    for (const [start, end] of titles) {
      const position = { start: pointAt(start), end: pointAt(end) };
      const text: Text = { type: 'text', value: masked.slice(start, end), position };
      const tree = toNlcst({ type: 'paragraph', children: [text], position }, file, english);
      for (const paragraph of tree.children)
        if (paragraph.type === 'ParagraphNode') paragraph.data = { ...paragraph.data, sealed: true } as typeof paragraph.data;
      trees.push(tree);
    }
  }
  for (const table of tables) {
    for (const row of table.children) {
      const cells: Root[] = [];
      for (const cell of row.children) {
        // As a paragraph: mdast-util-to-nlcst skips anything typed as a table cell.
        if (cell.position) cells.push(toNlcst({ type: 'paragraph', children: cell.children, position: cell.position }, file, english, { ignore: [IGNORED] }));
      }
      const tree = rowTree(cells, row.position);
      if (tree) trees.push(tree);
    }
  }
  return trees;
}

// Elements whose content is code in HTML (and in HTML inside Markdown).
const CODE_ELEMENTS = /<(pre|code|script|style|textarea|kbd|samp)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

/** [start, end) of the HTML code elements in a piece of HTML at `offset`, and of its tags that hold a directive (tags.ts). */
export function htmlCodeSpans(html: string, offset = 0): Array<[number, number]> {
  const spans = [...html.matchAll(CODE_ELEMENTS)].map((m): [number, number] => [offset + m.index, offset + m.index + m[0].length]);
  return [...spans, ...directiveTagSpans(html, offset)].sort((a, b) => a[0] - b[0]);
}

/**
 * The HTML blocks of a Markdown text that are read as HTML ([start, end) offsets, in order): see
 * markdownTrees. The language server's "disable for this line" places its comment in their text.
 */
export function markdownHtmlBlocks(source: string): Array<[number, number]> {
  const blocks: Array<[number, number]> = [];
  visit(parser.parse(source) as MdastRoot, (node: Nodes, _index, parent) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined && isReadHtmlBlock(node, parent)) blocks.push([start, end]);
  });
  return blocks;
}

/**
 * The code of a Markdown text ([start, end) offsets): code blocks, inline code, and pre, code,
 * script (and kin) elements in its HTML. Inline-control directives there are examples, not directives.
 */
export function markdownCodeSpans(source: string): Array<[number, number]> {
  if (lastParse?.source === source) return lastParse.codeSpans.slice();
  const spans: Array<[number, number]> = [];
  visit(parser.parse(source) as MdastRoot, (node: Nodes) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined) addCodeSpans(spans, node, source, start, end);
  });
  return spans;
}
