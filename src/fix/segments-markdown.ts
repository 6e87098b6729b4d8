// The editable runs of a Markdown document for fixes: the source range of each text node (prose,
// link text, emphasis, headings, table cells) and of an image's alt text where it is written out
// as is. Link and image targets, code, HTML, comments, front matter and addresses shown as links
// (autolinks, bare URLs, e-mails) are not text nodes, or are left out, so a fix never touches them;
// nor is the text of a collapsed or shortcut reference link, which is its label.
// The parser is set up as in src/parse/markdown.ts, which finds the phrases.
import type { Link, Nodes, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { Segment } from './refine.js';

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

function isAddress(link: Link): boolean {
  const text = link.children.map((c) => ('value' in c ? c.value : '')).join('');
  return link.url === text || link.url === `mailto:${text}` || link.url === `http://${text}`;
}

export function markdownSegments(source: string): Segment[] {
  const tree = parser.parse(source) as Root;
  const out: Segment[] = [];
  visit(tree, (node: Nodes) => {
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
