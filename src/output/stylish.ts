// The default, human reporter (after ESLint's "stylish"): findings grouped by file (and, in an
// export, by record), aligned columns, the phrase and its suggestion, the rule id, and a summary.
import path from 'node:path';
import type { Severity } from '../types.js';
import { paint } from './color.js';
import type { Formatter } from './types.js';
import { oneLine, recordLabel } from './where.js';
import { sourceLine } from '../rules/sources.js';
import { plural } from '../core/plural.js';
import { matchCase } from '../match/suggest.js';
import { splitAdvice } from '../web/apply-suggestion.js';
import type { Finding } from '../types.js';
import { shownPhrase } from '../parse/markup-words.js';

/**
 * The first suggestion as --fix, a click on the page and the LSP's code action write it: in the case
 * of the phrase it replaces ("Addict" → "Person with a substance use disorder", "DRUG ABUSE" → "DRUG
 * USE"). A fix of exactly the phrase's words is shown as written; otherwise the words are cased as a
 * fix cases them (suggest.ts matchCase), and advice in parentheses ("(if diagnosed)") is left as is.
 * A finding whose fix is withheld (fixSkipped) shows the rule's words, as nothing writes them there.
 */
export function shownSuggestion(f: Pick<Finding, 'actual' | 'suggestions' | 'fix' | 'fixSkipped' | 'quoted' | 'start' | 'end'>): string {
  const first = f.suggestions[0] ?? '';
  // A fix withheld ("I.V.D.U" with its stops) or quoted words: nothing writes a suggestion there, so the rule's words.
  if (f.fixSkipped || f.quoted) return first;
  if (f.fix && f.fix.range[0] === f.start.offset && f.fix.range[1] === f.end.offset) return f.fix.text;
  const { words, advice } = splitAdvice(first);
  const cased = matchCase(f.actual, words, false);
  return advice ? `${cased} ${advice}` : cased;
}

const SEVERITY_STYLE = { error: 'red', warning: 'yellow', info: 'blue' } as const;

export const stylish: Formatter = ({ why, color, cwd }) => {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let lastFile: string | undefined;
  // The place column is laid out as ESLint's stylish lays it out: line numbers right-aligned and
  // columns left-aligned, so the colons line up (" 9:12" above "10:3 "); an export's record label
  // before them, padded to the widest.
  const widths = { record: 0, line: 0, column: 0, where: 0, text: 0 };
  const reset = () => {
    widths.record = widths.line = widths.column = widths.where = widths.text = 0;
  };
  return {
    result(result) {
      if (result.findings.length === 0) return '';
      const out: string[] = [];
      // The file's name once, above its findings (an export's records follow one another).
      if (result.file !== lastFile) {
        if (lastFile !== undefined) out.push('');
        const name = path.isAbsolute(result.file) ? path.relative(cwd, result.file) || result.file : result.file;
        // A name or id holding a line break would split its line: shown as a JSON string (oneLine).
        out.push(paint(color, 'underline', oneLine(name)));
        lastFile = result.file;
        reset();
      }
      const record = recordLabel(result, oneLine);
      const rows = result.findings.map((f) => {
        counts[f.severity]++;
        const suggestion = f.suggestions[0] ? ` → "${shownSuggestion(f)}"` : '';
        return {
          record: record ? `${record}  ` : '',
          line: f.paragraph === undefined ? String(f.start.line) : '',
          column: f.paragraph === undefined ? String(f.start.column) : '',
          paragraph: f.paragraph,
          severity: f.severity,
          text: `"${shownPhrase(f).replace(/\s+/g, ' ')}"${suggestion}${f.quoted ? ' (quoted)' : ''}${f.fixSkipped && f.fixSkipped.reason !== 'quoted' ? ` (no fix: ${f.fixSkipped.message})` : ''}`,
          f,
        };
      });
      // An export's records are printed one by one as they are linted, and a long document's
      // findings batch by batch (LintResult.part), so columns are as wide as the widest seen so far
      // in that file: they never narrow from one record or batch to the next, and no look-ahead
      // holds findings back. (A loop, not Math.max(...rows): a document can have 100,000s.)
      const continued = result.record !== undefined || (result.part !== undefined && !result.part.first);
      if (!continued) reset();
      for (const r of rows) {
        widths.record = Math.max(widths.record, r.record.length);
        widths.line = Math.max(widths.line, r.line.length);
        widths.column = Math.max(widths.column, r.column.length);
        widths.text = Math.max(widths.text, Math.min(70, r.text.length));
      }
      // A .docx has no lines: "paragraph 4" takes the place of line:column.
      const wheres = rows.map((r) =>
        r.paragraph !== undefined
          ? `${r.record}paragraph ${r.paragraph}`
          : `${r.record.padEnd(widths.record)}${r.line.padStart(widths.line)}:${r.column.padEnd(widths.column)}`,
      );
      for (const w of wheres) widths.where = Math.max(widths.where, w.length);
      const textWidth = widths.text;
      for (const [i, r] of rows.entries()) {
        out.push(
          `  ${paint(color, 'dim', wheres[i]!.padEnd(widths.where))}  ${paint(color, SEVERITY_STYLE[r.severity], r.severity.padEnd(7))}  ${r.text.padEnd(textWidth)}  ${paint(color, 'dim', r.f.ruleId)}`,
        );
        if (r.f.context) out.push(paint(color, 'dim', `      “${r.f.context}”`));
        if (why) {
          if (r.f.note) out.push(`      ${r.f.note}`);
          if (r.f.suggestions.length > 1)
            out.push(
              `      Also: ${r.f.suggestions
                .slice(1)
                .map((s) => `"${s}"`)
                .join(', ')}`,
            );
          if (r.f.sources?.length) {
            out.push(paint(color, 'dim', '      Sources:'));
            for (const key of r.f.sources) out.push(paint(color, 'dim', `        ${sourceLine(key)}`));
          }
          if (r.f.url) out.push(paint(color, 'dim', `      ${r.f.url}`));
        }
      }
      return `${out.join('\n')}\n`;
    },
    end() {
      const total = counts.error + counts.warning + counts.info;
      if (total === 0) return '';
      const summary = `✖ ${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info)`;
      return `\n${paint(color, 'bold', paint(color, counts.error ? 'red' : counts.warning ? 'yellow' : 'blue', summary))}\n`;
    },
  };
};
