// The browser build's stand-in for inputs/markdown.ts, inputs/html.ts and the fix planners of those
// formats (fix/segments-markdown.ts, fix/segments-html.ts): the page lints plain
// text only (a pasted note), and leaving the Markdown and HTML parsers out halves the page.
import type { Root } from 'nlcst';

function unavailable(): never {
  throw new Error('the browser build lints plain text only (no Markdown or HTML parser)');
}

export function markdownTrees(_source: string): Root[] {
  return unavailable();
}

export function htmlTrees(_source: string): Root[] {
  return unavailable();
}

export function markdownSegments(_source: string): never {
  return unavailable();
}

export function htmlSegments(_source: string): never {
  return unavailable();
}
