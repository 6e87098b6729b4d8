// What a click on a suggestion does to the text: replace only the matched words, in the case
// pattern of what they replace ("Addict" → "Person with …", "DRUG ABUSE" → "DRUG USE"), fixing
// "a"/"an" before them. The first suggestion of a fixable rule takes the finding's own fix (the
// one --fix applies). Kept apart so the page and the service can switch to the fix work's
// applyFixes later without touching anything else.
import { fitReplacement } from '../match/suggest.js';
import type { Token } from '../parse/tokens.js';
import type { Finding, Fix } from '../types.js';

// The phrase opens a sentence: at the start of the text or a line, or after . ! ? (and a closing quote or bracket).
const SENTENCE_START = /(?:^|[.!?]["'\u201d\u2019)\]]*[ \t]+|\n[ \t\-*\u2022>]*)$/;
const ARTICLE_BEFORE = /(?<![\p{L}\p{N}'])(an?)[ \t]+$/iu;

/** What an edit reads of a finding: its words, where they stand (UTF-16 offsets), its suggestions and its fix. */
export type FindingWords = Pick<Finding, 'actual' | 'suggestions' | 'fix'> & { start: { offset: number }; end: { offset: number } };

/**
 * A suggestion's closing parenthesis is advice to the writer, not words for the note: "a
 * substance use disorder (if diagnosed)" puts "a substance use disorder" in the text.
 */
export function splitAdvice(suggestion: string): { words: string; advice?: string } {
  const m = /^(.*\S)\s*(\([^()]*\))$/.exec(suggestion);
  return m ? { words: m[1]!, advice: m[2]! } : { words: suggestion };
}

/**
 * The edit that puts `suggestion` in place of the finding's words: [start, end) UTF-16 offsets in
 * `text` and the replacement. Undefined when the text no longer holds the finding's phrase there
 * (it was edited since it was linted): never replace other words.
 */
export function suggestionEdit(text: string, finding: FindingWords, suggestion: string): Fix | undefined {
  const start = finding.start.offset;
  const end = finding.end.offset;
  if (text.slice(start, end) !== finding.actual) return undefined;
  const { words, advice } = splitAdvice(suggestion);
  if (finding.fix && suggestion === finding.suggestions[0] && !advice) return { range: [...finding.fix.range], text: finding.fix.text };
  const before = text.slice(Math.max(0, start - 200), start);
  const a = ARTICLE_BEFORE.exec(before);
  const articleStart = a ? start - before.length + a.index : -1;
  const article: Token | undefined = a
    ? {
        norm: a[1]!.toLowerCase(),
        adjacent: false,
        start: { line: 0, column: 0, offset: articleStart },
        end: { line: 0, column: 0, offset: articleStart + a[1]!.length },
      }
    : undefined;
  const sentenceStart = SENTENCE_START.test(before);
  return fitReplacement(text, start, end, words, { sentenceStart, article });
}

/** `text` with one edit made. */
export function applyEdit(text: string, edit: Fix): string {
  return text.slice(0, edit.range[0]) + edit.text + text.slice(edit.range[1]);
}

/**
 * The words the phrase reads as once `edit` is made: what a button shows. An edit may change only
 * some of the phrase's words (the rule's own fix: "DRUG ABUSE" → its "ABUSE" → "USE") or take in
 * an article before it, so the label is the whole changed stretch ("DRUG USE", "an injection drug use").
 */
export function editedPhrase(text: string, finding: FindingWords, edit: Fix): string {
  const from = Math.min(edit.range[0], finding.start.offset);
  const to = Math.max(edit.range[1], finding.end.offset);
  return text.slice(from, edit.range[0]) + edit.text + text.slice(edit.range[1], to);
}
