// Plain text → NLCST (retext-english), template placeholders blanked with positions unchanged:
// the whole text (parseText), or only the blocks that may hold a finding (parseTextWindows).
import type { Root } from 'nlcst';
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import { maskPlaceholders } from './placeholders.js';
import type { Scanner } from './prefilter.js';
import { shiftPositions, windows } from './windows.js';

const parser = unified().use(retextEnglish).freeze();

export function parseText(text: string): Root {
  return parser.parse(maskPlaceholders(text)) as Root;
}

/**
 * The fast path: one tree per block, made as it is needed (a huge text never holds all its trees at once), (text between blank lines) where the scanner finds a place a
 * finding may start, each positioned in the whole text. Placeholders are masked before the scan,
 * so a phrase around one ("drug {{x}} abuse") is found as the whole-text parse finds it.
 */
export function* parseTextWindows(text: string, scanner: Scanner): Generator<Root> {
  const masked = maskPlaceholders(text);
  for (const window of windows(masked, scanner)) {
    const block = masked.slice(window.start, window.end);
    let tree = parser.parse(masked.slice(window.start, window.parseEnd)) as Root;
    if (window.parseEnd > window.end) {
      // Keep the block's own nodes (see Window.parseEnd); if parse-latin did not cut at the blank
      // line, parse the block alone.
      tree.children = tree.children.filter((node) => (node.position?.end.offset ?? 0) <= block.length);
      if ((tree.children.at(-1)?.position?.end.offset ?? 0) < block.trimEnd().length) tree = parser.parse(block) as Root;
    }
    if (window.start > 0) shiftPositions(tree, window);
    yield tree;
  }
}
