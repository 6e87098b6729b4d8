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
 * The fast path: one tree per block (text between blank lines) where the scanner finds a place a
 * finding may start, each positioned in the whole text. Placeholders are masked before the scan,
 * so a phrase around one ("drug {{x}} abuse") is found as the whole-text parse finds it.
 */
export function parseTextWindows(text: string, scanner: Scanner): Root[] {
  const masked = maskPlaceholders(text);
  const trees: Root[] = [];
  for (const window of windows(masked, scanner)) {
    const tree = parser.parse(masked.slice(window.start, window.end)) as Root;
    if (window.start > 0) shiftPositions(tree, window);
    trees.push(tree);
  }
  return trees;
}
