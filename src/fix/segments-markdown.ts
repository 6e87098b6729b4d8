// The editable runs of a Markdown document for fixes: the source range of each text node (prose,
// link text, emphasis, headings, table cells) and of an image's alt text where it is written out
// as is (src/parse/markdown.ts markdownTextRuns, which keeps them from the parse that found the
// phrases, so a document with a fix is not parsed again).
import { markdownTextRuns } from '../parse/markdown.js';
import type { Segment } from './refine.js';

export function markdownSegments(source: string): Segment[] {
  return markdownTextRuns(source);
}
