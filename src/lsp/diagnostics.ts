// What the language server says about one document, as plain LSP data: findings → diagnostics,
// code actions (one quick fix per suggestion, "disable for this line", "fix all") and hovers.
// No connection and no I/O here, so every piece is tested without a client (test/lsp.test.ts).
//
// Positions: LSP's default position encoding is UTF-16 code units (LSP 3.17 §Position), the same
// unit as a finding's offsets and columns, so a finding's line/column map over without conversion.
import type { CodeAction, Diagnostic, Hover, Position, Range, TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Rule, Severity } from '../types.js';
import type { Segment } from '../fix/refine.js';
import { editedPhrase, splitAdvice, suggestionEdit } from '../web/apply-suggestion.js';
import { shownPhrase } from '../parse/markup-words.js';

/** The `source` of every diagnostic dignify publishes; code actions act only on these. */
export const SOURCE = 'dignify';

/** LSP DiagnosticSeverity: 1 Error, 2 Warning, 3 Information (LSP 3.17 §Diagnostic). */
const SEVERITY: Record<Severity, 1 | 2 | 3> = { error: 1, warning: 2, info: 3 };

/** What a diagnostic carries for its code actions (LSP `Diagnostic.data`, sent back by the client). */
export interface DiagnosticData {
  suggestions: string[];
  /** The rule's one safe fix, as UTF-16 offsets into the text when linted; `phrase` is the matched phrase once fixed (for the action's title). */
  fix?: { range: [number, number]; text: string; phrase: string };
  /** Why a fixable rule's phrase is not to be rewritten here (in an address, code, a name…): no replacement is offered. */
  fixSkipped?: string;
  /** The matched phrase, to check the text still holds it before editing. */
  actual: string;
  /** In quotation marks (possibly the patient's own words): reported, never replaced by a quick fix. */
  quoted?: true;
}

/** A finding's range: its 1-based line/column points to 0-based LSP positions (UTF-16). */
export function rangeOf(f: Finding): Range {
  return { start: { line: f.start.line - 1, character: f.start.column - 1 }, end: { line: f.end.line - 1, character: f.end.column - 1 } };
}

export function toDiagnostic(f: Finding): Diagnostic {
  const data: DiagnosticData = { suggestions: [...f.suggestions], actual: f.actual };
  if (f.fix) {
    // A fix edits only the words that change ("drug abuse" → its "abuse" → "use"): name the whole phrase in the title.
    const [from, to] = f.fix.range;
    const inside = from >= f.start.offset && to <= f.end.offset;
    const phrase = inside ? f.actual.slice(0, from - f.start.offset) + f.fix.text + f.actual.slice(to - f.start.offset) : f.fix.text;
    data.fix = { range: f.fix.range, text: f.fix.text, phrase };
  }
  if (f.fixSkipped) data.fixSkipped = f.fixSkipped.message;
  if (f.quoted) data.quoted = true;
  const diagnostic: Diagnostic = {
    range: rangeOf(f),
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    source: SOURCE,
    message: f.message,
    data,
  };
  if (f.url) diagnostic.codeDescription = { href: f.url };
  return diagnostic;
}

function contains(range: Range, position: Position): boolean {
  const after = (a: Position, b: Position) => a.line > b.line || (a.line === b.line && a.character >= b.character);
  return after(position, range.start) && after(range.end, position);
}

/** Where the text is: what the "disable for this line" comment looks like in it. */
export type Syntax = 'text' | 'markdown' | 'html';

function disableComment(syntax: Syntax, ruleId: string): string {
  // An HTML comment is invisible in Markdown and HTML; in plain text, "# directive" after a space
  // is the form inline-control.ts reads (README: Inline control).
  return syntax === 'text' ? ` # dignify-disable-line ${ruleId}` : ` <!-- dignify-disable-line ${ruleId} -->`;
}

function endOfLine(doc: TextDocument, line: number): number {
  const text = doc.getText();
  let end = doc.offsetAt({ line, character: 0 });
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return end;
}

/**
 * Where the "disable for this line" comment goes: the end of the finding's line, where the line
 * ends in text. In Markdown and HTML a line may end inside a tag ("<p>Known addict <a" before an
 * attribute on the next line), a comment, a raw element or a table row's last "|": a comment
 * appended there broke the markup (it closed the tag early, and the rest of the tag became text).
 * Then it goes right after the phrase (text, where a comment always parses), or when the phrase
 * runs onto the next line, right before it. `segments` are the document's text runs (in Markdown,
 * those of its HTML blocks too: "<div>Known addict <a" ends inside a tag there as in an HTML file).
 */
function disablePlace(doc: TextDocument, syntax: Syntax, d: Diagnostic, segments?: readonly Segment[]): { at: number; before: boolean } | undefined {
  const eol = endOfLine(doc, d.range.start.line);
  if (syntax === 'text' || segments === undefined) return { at: eol, before: false };
  const text = doc.getText();
  // A Markdown title (a run with delimiters: markdown.ts titleRun) holds no comment: it would be
  // the tooltip's text. After a link's title comes its ")", and the line's end takes the comment;
  // a reference definition's title ends its line, and a comment after it unmade the definition
  // ('[id]: url "t" <!-- … -->' is a paragraph): no place on the line, so no such action.
  const start = doc.offsetAt(d.range.start);
  const title = segments.find(([s, e, forbidden]) => forbidden !== undefined && s <= start && start < e);
  if (title && text.slice(title[1] + 1, eol).trim() === '') return undefined;
  // In a text run (or at its end, or where one starts), and not in an HTML title, whose text is shown as written.
  const inText = (at: number) =>
    segments.some(([s, e, forbidden]) => forbidden === undefined && s <= at && at <= e) &&
    (syntax !== 'html' || text.lastIndexOf('<title', at) <= text.lastIndexOf('</title', at));
  if (inText(eol)) return { at: eol, before: false };
  const end = doc.offsetAt(d.range.end);
  if (d.range.end.line === d.range.start.line && inText(end)) return { at: end, before: false };
  return inText(start) ? { at: start, before: true } : { at: eol, before: false };
}

/**
 * Code actions for the dignify diagnostics a client sends with a range: a quick fix per suggestion
 * (the rule's safe fix first and preferred), a comment that disables the rule on that line, and,
 * when the file has more than one safe fix, "fix all" (kind `source.fixAll.dignify`, which editors
 * also run on save when asked to). `all` are the diagnostics of the whole document, for fix-all.
 */
export function codeActions(
  doc: TextDocument,
  syntax: Syntax,
  diagnostics: readonly Diagnostic[],
  all: readonly Diagnostic[],
  /** The kinds the client asked for (CodeActionContext.only): an action is sent when its kind is one of them or falls under one ("source.fixAll" holds "source.fixAll.dignify"). */
  only?: readonly string[],
  /**
   * Markdown and HTML: the runs of the text an edit may touch (src/fix/segments-*.ts), [start, end)
   * UTF-16 offsets. Without them such a text gets only each rule's own fix (planned with them at
   * lint), no other suggestion: an edit across markup would break it.
   */
  segments?: readonly Segment[],
  /**
   * Where a comment parses, for "disable for this line" (lint-document.ts commentRuns): the segments
   * and, in Markdown, the text of its HTML blocks, which --fix leaves alone. Default: `segments`.
   */
  places: readonly Segment[] | undefined = segments,
): CodeAction[] {
  const wanted = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const { uri } = doc;
  const actions: CodeAction[] = [];
  const edit = (edits: TextEdit[]) => ({ changes: { [uri]: edits } });
  const text = doc.getText();
  const markupUnknown = syntax !== 'text' && segments === undefined;
  for (const d of diagnostics) {
    if (d.source !== SOURCE || !d.data) continue;
    const data = d.data as DiagnosticData;
    // The text may have changed since it was linted: only edit a range that still holds the phrase.
    if (doc.getText(d.range) !== data.actual) continue;
    const seen = new Set<string>();
    if (data.fix) {
      const [from, to] = data.fix.range;
      actions.push({
        title: `Replace with "${data.fix.phrase}"`,
        kind: 'quickfix',
        diagnostics: [d],
        isPreferred: true,
        edit: edit([{ range: { start: doc.positionAt(from), end: doc.positionAt(to) }, newText: data.fix.text }]),
      });
      seen.add(data.fix.phrase.toLowerCase());
    }
    // Not in a URL, code, a name, or across markup that a replacement would break (README: Fixing).
    // A closing parenthesis is advice, not words for the note ("a substance use disorder (if
    // diagnosed)"): the title shows it, the edit leaves it out, as the page and `serve` do.
    // Each suggestion placed as the page and `serve` place it (suggestionEdit): in the case of the
    // words it replaces, and "a"/"an" before them fixed ("an addict" gave "an person with …").
    // Held to what the page and `serve` are held to (apply-suggestion.ts): nothing quoted, no
    // instruction or placeholder, each edit checked as --fix checks a fix, markup included.
    const words = {
      start: { offset: doc.offsetAt(d.range.start) },
      end: { offset: doc.offsetAt(d.range.end) },
      actual: data.actual,
      suggestions: data.suggestions,
      ...(data.fix && { fix: { range: data.fix.range, text: data.fix.text } }),
      ...(data.quoted && { quoted: true }),
    };
    for (const suggestion of data.fixSkipped || markupUnknown ? [] : data.suggestions) {
      const placed = suggestionEdit(text, words, suggestion, segments);
      if (!placed) continue;
      const replacement = editedPhrase(text, words, placed);
      if (seen.has(replacement.toLowerCase())) continue;
      seen.add(replacement.toLowerCase());
      const { advice } = splitAdvice(suggestion);
      actions.push({
        title: `Replace with "${replacement}"${advice ? ` ${advice}` : ''}`,
        kind: 'quickfix',
        diagnostics: [d],
        edit: edit([{ range: { start: doc.positionAt(placed.range[0]), end: doc.positionAt(placed.range[1]) }, newText: placed.text }]),
      });
    }
    const place = disablePlace(doc, syntax, d, places);
    if (place) {
      const comment = disableComment(syntax, String(d.code));
      const at = doc.positionAt(place.at);
      actions.push({
        title: `Disable ${String(d.code)} for this line`,
        kind: 'quickfix',
        diagnostics: [d],
        edit: edit([{ range: { start: at, end: at }, newText: place.before ? `${comment.trimStart()} ` : comment }]),
      });
    }
  }
  // Offered beside a dignify diagnostic, or when asked for by kind: an editor's fix-all on save asks
  // for source.fixAll over the whole document with no diagnostics in the request.
  const fixAll = fixAllEdits(doc, all);
  const askedFixAll = only !== undefined && wanted(FIX_ALL);
  if (fixAll.length > 0 && (askedFixAll || diagnostics.some((d) => d.source === SOURCE))) {
    actions.push({ title: `Fix all dignify findings with a safe fix (${fixAll.length})`, kind: FIX_ALL, edit: edit(fixAll) });
  }
  return actions.filter((a) => wanted(a.kind!));
}

/** The kind of the fix-all action: under LSP's source.fixAll, so an editor's fix-all on save runs it. */
const FIX_ALL = 'source.fixAll.dignify';

/** The safe fixes of a document's diagnostics as non-overlapping edits (the first of overlapping fixes wins, as in `--fix`). */
export function fixAllEdits(doc: TextDocument, diagnostics: readonly Diagnostic[]): TextEdit[] {
  const fixes = diagnostics
    .filter((d) => d.source === SOURCE)
    .map((d) => (d.data as DiagnosticData | undefined)?.fix)
    .filter((f): f is NonNullable<DiagnosticData['fix']> => f !== undefined)
    .sort((a, b) => a.range[0] - b.range[0]);
  const edits: TextEdit[] = [];
  let end = -1;
  for (const fix of fixes) {
    if (fix.range[0] < end) continue;
    edits.push({ range: { start: doc.positionAt(fix.range[0]), end: doc.positionAt(fix.range[1]) }, newText: fix.text });
    end = fix.range[1];
  }
  return edits;
}

/** Renders a rule's source keys for a hover; a bibliography resolver can turn keys into titles and links. */
export type SourceRenderer = (keys: readonly string[]) => string[];

/** The hover at `position`: the rule's reason, its suggestions and its sources (Markdown). */
export function hoverAt(findings: readonly Finding[], rules: ReadonlyMap<string, Rule>, position: Position, renderSources: SourceRenderer): Hover | undefined {
  const here = findings.filter((f) => contains(rangeOf(f), position));
  if (here.length === 0) return undefined;
  const parts = here.map((f) => {
    const rule = rules.get(f.ruleId);
    // The words as the message quotes them: a Markdown or HTML source's "heroin** addict" broke the hover's bold.
    const lines = [`**${f.ruleId}** (${f.severity}): "${shownPhrase(f)}" → ${f.suggestions.map((s) => `"${s}"`).join(', ') || '(no suggestion)'}`];
    if (rule) lines.push('', rule.note);
    const sources = renderSources(f.sources ?? rule?.sources ?? []);
    if (sources.length) lines.push('', 'Sources:', ...sources.map((s) => `- ${s}`));
    if (f.url) lines.push('', `[Rule documentation](${f.url})`);
    return lines.join('\n');
  });
  return { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') }, range: rangeOf(here[0]!) };
}
