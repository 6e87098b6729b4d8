// Inline control comments, applied to findings by line after linting, so they work the same
// whatever the format (plain text, Markdown, HTML, or a format a reader adds later):
//
//   <!-- dignify-disable-next-line substance-use/addict -->   # dignify-disable substance-use
//   // dignify-enable                                          dignify-disable-line   (a bare line)
//
// A directive lists rule ids or categories (none: every rule) and may end with "-- a reason".
// It counts inside <!-- -->, after # or // at the start of a line or after a space, as a line of
// its own, or inside a template language's comment on one line: {# #} (Jinja, Nunjucks, Twig),
// {% comment %} … {% endcomment %} and {% # %} (Liquid, Django), <%# %> (ERB, EJS) and {{! }} or
// {{!-- --}} (Handlebars, Mustache). A template's author cannot write "# dignify-…" in a letter
// (the engine would print it to the patient), and the engine drops its own comments.
// disable … enable cover a range of lines; -next-line the line after (in a .docx, the next
// paragraph: applyInlineControl); -line its own.
import type { Finding } from '../types.js';
import { lazyRegExp } from '../core/lazy-regexp.js';

type Kind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

interface Directive {
  kind: Kind;
  line: number;
  /** Rule ids or categories; empty means every rule. */
  rules: string[];
  /** Where the directive itself stands on its line (0-based UTF-16 columns, end exclusive). */
  from: number;
  to: number;
}

const NAME = String.raw`dignify-(disable-next-line|disable-line|disable|enable)(?!\w|-(?!->))`;
const BODY = String.raw`((?:(?!-->|\*\/)[^\n])*?)`;
// A template comment's body stops before any template closer, so it never runs out of its comment.
const TEMPLATE_BODY = String.raw`((?:(?!-?#\}|-?%\}|%>|(?:--)?\}\})[^\n])*?)`;
// The template comments, each on one line: {# #}, {% comment %} … {% endcomment %}, {% # %},
// <%# %>, {{! }} and {{!-- --}}, with Jinja's and Liquid's "-" (white-space control) allowed.
const TEMPLATE_COMMENTS = [
  String.raw`\{#-?\s*${NAME}${TEMPLATE_BODY}\s*-?#\}`,
  String.raw`\{%-?\s*comment\s*-?%\}\s*${NAME}${TEMPLATE_BODY}\s*\{%-?\s*endcomment\s*-?%\}`,
  String.raw`\{%-?\s*#\s*${NAME}${TEMPLATE_BODY}\s*-?%\}`,
  String.raw`<%#\s*${NAME}${TEMPLATE_BODY}\s*-?%>`,
  String.raw`\{\{!(?:--)?\s*${NAME}${TEMPLATE_BODY}\s*(?:--)?\}\}`,
].join('|');
// In an HTML comment anywhere on the line; after # or // (line start or after a space); bare; or
// in a template comment. Each alternative captures the directive's kind, then its body.
const DIRECTIVE = lazyRegExp(
  String.raw`<!--\s*${NAME}${BODY}\s*-->|(?:^|\s)(?:#+|\/\/|\/\*)\s*${NAME}${BODY}\s*(?:\*\/)?\s*$|^\s*${NAME}${BODY}\s*$|${TEMPLATE_COMMENTS}`,
  'g',
);

function parseRules(body: string): string[] {
  const withoutReason = body.split(/\s--\s|^--\s|\s--$/)[0] ?? '';
  return withoutReason.split(/[\s,]+/).filter(Boolean);
}

/**
 * Spans of a text that are code, not comments or prose ([start, end) offsets in UTF-16 code
 * units, in order): a directive there is an example shown to the reader, not a directive.
 */
export type CodeSpans = ReadonlyArray<readonly [number, number]>;

function inSpans(spans: CodeSpans, offset: number): boolean {
  return spans.some(([start, end]) => start <= offset && offset < end);
}

/** Finds the directives in a text, in line order; none inside `code` (Markdown or HTML code, pre, script). */
export function findDirectives(text: string, code: CodeSpans = []): Directive[] {
  const directives: Directive[] = [];
  if (!text.includes('dignify-')) return directives; // most texts: no need to split them into lines
  const breaks = /\r\n|\r|\n/g;
  let lineStart = 0;
  for (let index = 0; lineStart <= text.length; index++) {
    breaks.lastIndex = lineStart;
    const found = breaks.exec(text);
    const lineEnd = found ? found.index : text.length;
    const content = text.slice(lineStart, lineEnd);
    if (content.includes('dignify-')) {
      for (const m of content.matchAll(DIRECTIVE())) {
        if (code.length && inSpans(code, lineStart + m.index + m[0].indexOf('dignify-'))) continue;
        // The alternative that matched: its kind, and the body after it.
        let group = 1;
        while (m[group] === undefined) group += 2;
        const kind = m[group] as Kind;
        directives.push({ kind, line: index + 1, rules: parseRules(m[group + 1] ?? ''), from: m.index, to: m.index + m[0].length });
      }
    }
    if (!found) break;
    lineStart = found.index + found[0].length;
  }
  return directives;
}

/** The rule ids and categories that directives in `text` name but `known` lacks, with their lines. */
export function unknownDirectiveRules(text: string, known: (name: string) => boolean, code: CodeSpans = []): Array<{ line: number; name: string }> {
  return findDirectives(text, code).flatMap((d) => d.rules.filter((r) => !known(r)).map((name) => ({ line: d.line, name })));
}

function covers(rules: readonly string[], finding: Finding): boolean {
  return rules.length === 0 || rules.some((r) => r === finding.ruleId || r === finding.category);
}

/**
 * The findings that no directive in `text` turns off. `paragraphs` (a .docx): -next-line covers the
 * next line with text, as mammoth puts a blank line between a Word document's paragraphs, so the
 * line after a directive's paragraph is always empty and "the next line" would disable nothing.
 */
export function applyInlineControl(text: string, findings: readonly Finding[], code: CodeSpans = [], paragraphs = false): Finding[] {
  if (findings.length === 0) return [...findings];
  return inlineControl(text, code, paragraphs)(findings);
}

/** The 1-based number of the first of `lines` after `line` that holds more than white space (or the one after `line`). */
function nextLineWithText(lines: readonly string[], line: number): number {
  for (let next = line + 1; next <= lines.length; next++) if (lines[next - 1]!.trim() !== '') return next;
  return line + 1;
}

/**
 * applyInlineControl with the directives of `text` read once: the returned function filters any
 * list of the text's findings (a long document's findings come in batches, and reading its
 * directives again for each batch would cost the whole text each time).
 */
export function inlineControl(text: string, code: CodeSpans = [], paragraphs = false): (findings: readonly Finding[]) => Finding[] {
  const directives = findDirectives(text, code);
  if (directives.length === 0) return (findings) => [...findings];
  const ranges = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable');
  const onLine = new Map<number, string[][]>();
  // A .docx's lines, split once for all its -next-line directives.
  const lines = paragraphs ? text.split(/\r\n|\r|\n/) : undefined;
  const next = (line: number) => (lines ? nextLineWithText(lines, line) : line + 1);
  for (const d of directives) {
    const line = d.kind === 'disable-next-line' ? next(d.line) : d.kind === 'disable-line' ? d.line : undefined;
    if (line !== undefined) onLine.set(line, [...(onLine.get(line) ?? []), d.rules]);
  }
  return (findings) =>
    findings.filter((f) => {
      const line = f.start.line;
      // Rule ids in a directive ("substance-use/addict") are not findings.
      if (directives.some((d) => d.line === line && f.start.column - 1 >= d.from && f.start.column - 1 < d.to)) return false;
      if (onLine.get(line)?.some((rules) => covers(rules, f))) return false;
      // Replay disable/enable up to this line: the last directive that concerns this rule decides.
      let disabled = false;
      for (const d of ranges) {
        if (d.line > line) break;
        if (covers(d.rules, f)) disabled = d.kind === 'disable';
      }
      return !disabled;
    });
}
