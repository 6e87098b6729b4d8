// Word documents (.docx) through mammoth: the body's text, each paragraph (headings, list items
// and table cells too) followed by a blank line. A .docx has no lines, so the Document records
// where each paragraph starts: findings then name the paragraph and quote the sentence.
import mammoth from 'mammoth';
import type { Document } from './document.js';

export async function readDocx(file: string, bytes: Buffer): Promise<{ doc: Document } | { error: string }> {
  let text: string;
  try {
    text = (await mammoth.extractRawText({ buffer: bytes })).value;
  } catch (error) {
    return { error: `not a readable Word document (.docx): ${(error as Error).message}` };
  }
  const paragraphs = [0];
  for (const m of text.matchAll(/\n\n/g)) if (m.index + 2 < text.length) paragraphs.push(m.index + 2);
  return { doc: { file, syntax: 'text', text, paragraphs } };
}
