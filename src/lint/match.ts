// The one place rules are applied. Given sentences of tokens, it finds every rule phrase, applies
// the context conditions and exceptions, keeps the longest of overlapping matches, and builds
// findings with suggestions fitted to the sentence.
import type { CompiledCondition, CompiledRule, CompiledRules } from '../rules/compile.js';
import type { TokenSequence } from '../rules/pattern.js';
import type { Finding, Point, QuoteHandling, SeveritySetting } from '../types.js';
import { SEVERITY_RANK } from '../types.js';
import { fitReplacement, renderSuggestion } from './suggest.js';
import type { SentenceTokens, Token } from './tokens.js';
import { countBelow } from './count-below.js';

export interface MatchOptions {
  rules: CompiledRules;
  /** Severity overrides by rule id or category. */
  severities: Record<string, SeveritySetting>;
  /** Phrases never to report. */
  allow: TokenSequence[];
  quotes: QuoteHandling;
  /** The preset `rules` was narrowed to (informational: reporters and the pool). */
  preset?: string;
}

interface Candidate {
  compiled: CompiledRule;
  first: number;
  last: number;
  captures: Map<string, string>;
}

/** Does `sequence` match the tokens starting at `at`? */
function matchesAt(tokens: readonly Token[], at: number, sequence: TokenSequence): boolean {
  if (at < 0 || at + sequence.length > tokens.length) return false;
  for (let k = 0; k < sequence.length; k++) {
    const token = tokens[at + k]!;
    if (k > 0 && !token.adjacent) return false;
    if (!sequence[k]!.lookup.has(token.norm)) return false;
  }
  return true;
}

/** Does any sequence match a span that lies within [from, to] (token indexes, inclusive)? */
function occursWithin(tokens: readonly Token[], sequences: readonly TokenSequence[], from: number, to: number): boolean {
  const lo = Math.max(0, from);
  const hi = Math.min(tokens.length - 1, to);
  for (let at = lo; at <= hi; at++) {
    for (const sequence of sequences) {
      if (at + sequence.length - 1 <= hi && matchesAt(tokens, at, sequence)) return true;
    }
  }
  return false;
}

/** Does any sequence match a span that contains [first, last]? */
function covered(tokens: readonly Token[], sequences: readonly TokenSequence[], first: number, last: number): boolean {
  for (const sequence of sequences) {
    for (let at = Math.max(0, last - sequence.length + 1); at <= first; at++) {
      if (at + sequence.length - 1 >= last && matchesAt(tokens, at, sequence)) return true;
    }
  }
  return false;
}

function lineAround(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end === -1 ? text.length : end);
}

/** The first token of the clause holding `at` (tokens joined by whitespace or hyphens only), looking back no further than `limit`. */
function clauseStart(tokens: readonly Token[], at: number, limit: number): number {
  let i = at;
  while (i > limit && tokens[i]!.adjacent) i--;
  return i;
}

/** The last token of the clause holding `at`, looking no further than `limit`. */
function clauseEnd(tokens: readonly Token[], at: number, limit: number): number {
  let i = at;
  while (i < limit && i + 1 < tokens.length && tokens[i + 1]!.adjacent) i++;
  return i;
}

// A sentence-wide condition has one answer per sentence: remember it (a long sentence with many
// candidates would otherwise be scanned once per candidate).
const sentenceAnswers = new WeakMap<readonly Token[], Map<CompiledCondition, boolean>>();

function holds(condition: CompiledCondition, tokens: readonly Token[], c: Candidate, text: string): boolean {
  switch (condition.kind) {
    case 'before': {
      const from = c.first - condition.within;
      return occursWithin(tokens, condition.sequences, condition.clause ? clauseStart(tokens, c.first, Math.max(from, 0)) : from, c.first - 1);
    }
    case 'after': {
      const to = c.last + condition.within;
      return occursWithin(tokens, condition.sequences, c.last + 1, condition.clause ? clauseEnd(tokens, c.last, to) : to);
    }
    case 'sentence': {
      let answers = sentenceAnswers.get(tokens);
      if (!answers) sentenceAnswers.set(tokens, (answers = new Map()));
      let answer = answers.get(condition);
      if (answer === undefined) answers.set(condition, (answer = occursWithin(tokens, condition.sequences, 0, tokens.length - 1)));
      return answer;
    }
    case 'line':
      return condition.regex!.test(lineAround(text, tokens[c.first]!.start.offset));
  }
}

const OPENING = new Set(['"', '\u201c', '\u00ab', '\u201e']);
const CLOSING = new Set(['"', '\u201d', '\u00bb']);
const QUOTE_MARK = /["\u201c\u00ab\u201e\u201d\u00bb]/g;

/** The quotation marks of one paragraph, and whether a quotation is open after each. */
interface QuoteIndex {
  at: number[];
  openAfter: boolean[];
  /** closingFrom[k]: a closing mark stands at index k or later. */
  closingFrom: boolean[];
}

// Built once per paragraph that has a finding (not once per finding: that was quadratic on a long
// paragraph with many findings). Reset when the text changes.
let quoteText: string | undefined;
const quoteIndexes = new Map<number, QuoteIndex>();

function quoteIndex(text: string, paragraphStart: number, paragraphEnd: number): QuoteIndex {
  if (quoteText !== text) {
    quoteText = text;
    quoteIndexes.clear();
  }
  let index = quoteIndexes.get(paragraphStart);
  if (index) return index;
  index = { at: [], openAfter: [], closingFrom: [] };
  let open = false;
  const closing: boolean[] = [];
  // A regex over the paragraph alone finds the marks (a loop over every character cost more).
  for (const m of text.slice(paragraphStart, paragraphEnd).matchAll(QUOTE_MARK)) {
    const ch = m[0];
    if (ch === '"') open = !open;
    else open = OPENING.has(ch);
    index.at.push(paragraphStart + m.index);
    index.openAfter.push(open);
    closing.push(CLOSING.has(ch));
  }
  let any = false;
  for (let k = closing.length - 1; k >= 0; k--) index.closingFrom[k] = any ||= closing[k]!;
  quoteIndexes.set(paragraphStart, index);
  return index;
}

/** Is [start, end) inside quotation marks within its paragraph? */
function isQuoted(text: string, start: number, end: number, paragraphStart: number, paragraphEnd: number): boolean {
  // 'junkie' — single quotes hugging the phrase.
  if (/['\u2018]/.test(text[start - 1] ?? '') && /['\u2019]/.test(text[end] ?? '')) return true;
  const index = quoteIndex(text, paragraphStart, paragraphEnd);
  const before = countBelow(index.at, start);
  if (before === 0 || !index.openAfter[before - 1]) return false;
  // Only a quotation that is closed later in the paragraph counts (a stray " or 5'10" does not).
  return index.closingFrom[countBelow(index.at, end)] ?? false;
}

function effectiveSeverity(compiled: CompiledRule, severities: Record<string, SeveritySetting>): SeveritySetting {
  return severities[compiled.rule.id] ?? severities[compiled.rule.category] ?? compiled.rule.severity;
}

function findCandidates(tokens: readonly Token[], options: MatchOptions, text: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const entries = options.rules.index.get(tokens[i]!.norm);
    if (!entries) continue;
    for (const { compiled, sequence } of entries) {
      // A rule turned off takes no part, so it cannot hide another rule's match of the same words.
      if (effectiveSeverity(compiled, options.severities) === 'off') continue;
      if (!matchesAt(tokens, i, sequence)) continue;
      const captures = new Map<string, string>();
      sequence.forEach((t, k) => {
        if (t.set) captures.set(t.set, tokens[i + k]!.norm);
      });
      const c: Candidate = { compiled, first: i, last: i + sequence.length - 1, captures };
      if (!compiled.requires.every((cond) => holds(cond, tokens, c, text))) continue;
      if (compiled.unless.some((cond) => holds(cond, tokens, c, text))) continue;
      if (compiled.exceptions.length && covered(tokens, compiled.exceptions, c.first, c.last)) continue;
      if (options.allow.length && covered(tokens, options.allow, c.first, c.last)) continue;
      candidates.push(c);
    }
  }
  // Of overlapping matches keep the longest (then the most severe), leftmost first.
  candidates.sort(
    (a, b) =>
      a.first - b.first ||
      b.last - b.first - (a.last - a.first) ||
      SEVERITY_RANK[b.compiled.rule.severity] - SEVERITY_RANK[a.compiled.rule.severity],
  );
  const kept: Candidate[] = [];
  let reach = -1;
  for (const c of candidates) {
    if (c.first <= reach) {
      // Overlaps a kept match; a longer one starting inside it still loses (leftmost wins).
      continue;
    }
    kept.push(c);
    reach = c.last;
  }
  return kept;
}

function messageFor(actual: string, suggestions: readonly string[], quoted: boolean): string {
  const [first, second] = suggestions;
  const prefer = first ? `; prefer "${first}"${second ? ` or "${second}"` : ''}` : '';
  return `Avoid "${actual}"${prefer}${quoted ? ' (in quotation marks: check whether these are the patient\'s own words)' : ''}`;
}

/**
 * A finding for `rule` at [start, end) of `text`, with the severity after overrides and the quote
 * policy applied; undefined when the rule is off or the quote policy drops it. Shared by the
 * phrase matcher and the retext-equality bridge, so both report in one shape.
 */
export function makeFinding(
  compiled: CompiledRule,
  suggestions: string[],
  start: Point,
  end: Point,
  text: string,
  paragraph: { start: number; end: number },
  options: MatchOptions,
): Finding | undefined {
  const setting = effectiveSeverity(compiled, options.severities);
  if (setting === 'off') return undefined;
  const { rule } = compiled;
  const quoted = isQuoted(text, start.offset, end.offset, paragraph.start, paragraph.end);
  if (quoted && options.quotes === 'ignore') return undefined;
  const actual = text.slice(start.offset, end.offset);
  const finding: Finding = {
    ruleId: rule.id,
    category: rule.category,
    severity: quoted && options.quotes === 'info' ? 'info' : setting,
    message: messageFor(actual, suggestions, quoted),
    actual,
    suggestions,
    start: { ...start },
    end: { ...end },
    note: rule.note,
    sources: rule.sources,
    url: rule.url,
  };
  if (quoted) finding.quoted = true;
  return finding;
}

export function matchSentences(sentences: readonly SentenceTokens[], text: string, options: MatchOptions): Finding[] {
  const findings: Finding[] = [];
  for (const sentence of sentences) {
    const { tokens } = sentence;
    if (tokens.length === 0) continue;
    for (const c of findCandidates(tokens, options, text)) {
      const { rule } = c.compiled;
      const startToken = tokens[c.first]!;
      const endToken = tokens[c.last]!;
      const suggestions = rule.suggestions.map((t) => renderSuggestion(t, c.captures, options.rules.sets));
      const paragraph = { start: sentence.paragraphStart, end: sentence.paragraphEnd };
      const finding = makeFinding(c.compiled, suggestions, startToken.start, endToken.end, text, paragraph, options);
      if (!finding) continue;
      if (rule.fixable && !finding.quoted && suggestions[0]) {
        const previous = c.first > 0 ? tokens[c.first - 1] : undefined;
        finding.fix = fitReplacement(text, finding.start.offset, finding.end.offset, suggestions[0], {
          sentenceStart: c.first === 0,
          article: previous && startToken.adjacent && /^(a|an)$/.test(previous.norm) ? previous : undefined,
        });
      }
      findings.push(finding);
    }
  }
  return findings;
}
