// The editable runs of an HTML document for fixes: the source range of each text node outside
// script, style, code, pre and their kin (as in src/parse/html.ts, which finds the phrases), and
// outside links whose text is their own address. Tags, attributes (href, src, alt) and comments
// are not text nodes, so a fix never touches them; entities inside a text node stay as written.
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { Segment } from './refine.js';

const parser = unified().use(rehypeParse).freeze();
const NOT_PROSE = new Set(['script', 'style', 'code', 'pre', 'kbd', 'samp', 'textarea', 'noscript', 'template', 'var', 'tt']);

function textOf(node: Element): string {
  return node.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? textOf(c) : '')).join('');
}

function isAddressLink(node: Element): boolean {
  if (node.tagName !== 'a') return false;
  const href = String(node.properties.href ?? '');
  const text = textOf(node).trim();
  return text !== '' && (href === text || href === `mailto:${text}` || href.replace(/^https?:\/\//, '') === text);
}

export function htmlSegments(source: string): Segment[] {
  const tree = parser.parse(source) as Root;
  const out: Segment[] = [];
  visit(tree, (node) => {
    if (node.type === 'element' && (NOT_PROSE.has(node.tagName) || isAddressLink(node))) return SKIP;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (node.type === 'text' && start !== undefined && end !== undefined) out.push([start, end]);
    return undefined;
  });
  return out.sort((a, b) => a[0] - b[0]);
}
