// How reporters name the place of a finding: line:column in a file; the record (row and id) and
// line:column inside the note for an export; the paragraph for a .docx, which has no lines.
import type { LintResult } from '../lint/lint-files.js';
import type { Finding } from '../types.js';

/** "row 112 (note_id 4417)", or "" outside exports. */
export function recordLabel(result: LintResult): string {
  const r = result.record;
  if (!r) return '';
  if (r.part !== undefined) return `${r.id} ${r.part}`; // FHIR: the resource and the part
  return `row ${r.row}${r.id !== undefined ? ` (${r.idName ?? 'id'} ${r.id})` : ''}`;
}

/** "3:15", or "paragraph 4" for a .docx. */
export function position(f: Finding): string {
  return f.paragraph !== undefined ? `paragraph ${f.paragraph}` : `${f.start.line}:${f.start.column}`;
}
