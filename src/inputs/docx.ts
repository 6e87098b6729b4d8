// Word documents (.docx) through mammoth: the body's text, each paragraph (headings, list items
// and table cells too) followed by a blank line. A .docx has no lines, so the Document records
// where each paragraph starts: findings then name the paragraph and quote the sentence.
import mammoth from 'mammoth';
import type { Document } from './document.js';

// A .docx is a zip ("PK"); a Word 97-2003 .doc is an OLE compound file.
const ZIP = Buffer.from('PK');
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

export async function readDocx(file: string, bytes: Buffer): Promise<{ doc: Document } | { error: string }> {
  const unreadable = (why: string) => ({ error: `not a readable Word document (.docx): ${why}` });
  // Said plainly before mammoth is asked: its error for these ends in a link about JSZip.
  if (bytes.subarray(0, 4).equals(OLE)) return unreadable('an older Word 97-2003 file (.doc); save it as .docx');
  if (!bytes.subarray(0, 2).equals(ZIP)) return unreadable('not a zip file, as every .docx is');
  let text: string;
  try {
    text = (await mammoth.extractRawText({ buffer: bytes })).value;
  } catch (error) {
    return unreadable((error as Error).message.replace(/ If it is, see https?:\S+$/, ''));
  }
  const paragraphs = [0];
  for (const m of text.matchAll(/\n\n/g)) if (m.index + 2 < text.length) paragraphs.push(m.index + 2);
  return { doc: { file, syntax: 'text', text, paragraphs } };
}
