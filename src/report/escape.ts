// Text into HTML and SVG: every value from an export (terms, ids, group names, sentences) goes
// through here, so a note can never inject markup into the report.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
