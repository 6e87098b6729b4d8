// How reporters name the place of a finding: line:column in a file; the record (row and id) and
// line:column inside the note for an export; the paragraph for a .docx, which has no lines.
import type { LintResult } from '../engine/lint-files.js';
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

/**
 * Where CI formats (github, SARIF) point for a finding, in the file they name:
 * - a plain file: the finding's own lines and columns;
 * - an export record: the export's line where the record starts (no column: the note sits inside
 *   a field), with "row 12 (note_id 4417), 3:15: " before the message to find it in the note;
 * - a .docx (no lines): no region, with "paragraph 4: " before the message.
 */
export function ciPlace(
  result: LintResult,
  f: Finding,
): { region?: { startLine: number; endLine: number; startColumn?: number; endColumn?: number }; prefix: string } {
  if (result.record) return { region: { startLine: result.record.line, endLine: result.record.line }, prefix: `${recordLabel(result)}, ${position(f)}: ` };
  if (f.paragraph !== undefined) return { prefix: `${position(f)}: ` };
  return { region: { startLine: f.start.line, endLine: f.end.line, startColumn: f.start.column, endColumn: f.end.column }, prefix: '' };
}
