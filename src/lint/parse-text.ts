// Plain text → NLCST (retext-english), template placeholders blanked with positions unchanged.
import type { Root } from 'nlcst';
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import { maskPlaceholders } from './placeholders.js';

const parser = unified().use(retextEnglish).freeze();

export function parseText(text: string): Root {
  return parser.parse(maskPlaceholders(text)) as Root;
}
