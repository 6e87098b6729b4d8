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
import { maskedAt } from './spans.js';
import { isMention, isReportedSpeech, speakerAt } from './speakers.js';

export interface MatchOptions {
  rules: CompiledRules;
  /** Severity overrides by rule id or category. */
  severities: Record<string, SeveritySetting>;
  /** Phrases never to report. */
  allow: TokenSequence[];
  quotes: QuoteHandling;
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

// A line condition's answer per line, for the last text asked about: every candidate on a line
// asks the same question, and a note flattened to one line (an export's) is one long line.
const lineAnswers = { text: undefined as string | undefined, byRegex: new Map<RegExp, Map<number, boolean>>() };

/** Whether `regex` (not global: no lastIndex) matches the line holding `offset` ("\n"-separated). */
function lineMatches(text: string, offset: number, regex: RegExp): boolean {
  if (lineAnswers.text !== text) {
    lineAnswers.text = text;
    lineAnswers.byRegex.clear();
  }
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let answers = lineAnswers.byRegex.get(regex);
  if (!answers) lineAnswers.byRegex.set(regex, (answers = new Map()));
  let answer = answers.get(start);
  if (answer === undefined) {
    const end = text.indexOf('\n', offset);
    answers.set(start, (answer = regex.test(text.slice(start, end === -1 ? text.length : end))));
  }
  return answer;
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

// Terminal marks before white space: where the previous sentence may end.
const TERMINAL = /[.!?\u2026]+(?=\s)/g;
// How far back the previous sentence is looked for (UTF-16 code units).
const PREVIOUS_REACH = 400;

/**
 * The text of the sentence before the one starting at `sentenceStart`, within its paragraph and
 * read from the text (not the parse), so the fast path, which parses a few sentences at a time,
 * sees the same previous sentence as the whole parse.
 */
function previousSentence(text: string, sentence: SentenceTokens): string {
  const from = Math.max(sentence.paragraphStart, sentence.start - PREVIOUS_REACH);
  const before = text.slice(from, sentence.start).trimEnd();
  // The previous sentence ends with `before`; it starts after the terminal mark before that.
  let startAt = 0;
  for (const m of before.matchAll(TERMINAL)) if (m.index + m[0].length < before.length - 1) startAt = m.index + m[0].length;
  return before.slice(startAt);
}

const previousRegexes = new WeakMap<CompiledCondition, RegExp>();

/** The condition's phrases as whole words in raw text (apostrophes and joiners as the tokenizer allows). */
function phraseRegex(condition: CompiledCondition): RegExp {
  let regex = previousRegexes.get(condition);
  if (!regex) {
    const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['\u2018\u2019\u02bc]");
    const phrase = (seq: TokenSequence) => seq.map((t) => `(?:${t.words.map(escape).join('|')})(?:['\u2019]s?)?`).join('[\\s\\-\u2010\u2011]+');
    regex = new RegExp(`(?<![\\p{L}\\p{N}])(?:${condition.sequences.map(phrase).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
    previousRegexes.set(condition, regex);
  }
  return regex;
}

function holds(condition: CompiledCondition, tokens: readonly Token[], c: Candidate, text: string, sentence: SentenceTokens): boolean {
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
      // Bounded: an unpunctuated transcript is one "sentence" of thousands of words, and a word
      // far away says nothing about this one.
      if (occursWithin(tokens, condition.sequences, c.first - condition.within, c.last + condition.within)) return true;
      return condition.previous && c.first < condition.within ? phraseRegex(condition).test(previousSentence(text, sentence)) : false;
    }
    case 'line':
      return lineMatches(text, tokens[c.first]!.start.offset, condition.regex!);
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

function findCandidates(sentence: SentenceTokens, options: MatchOptions, text: string): Candidate[] {
  const { tokens } = sentence;
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
      if (!compiled.requires.every((cond) => holds(cond, tokens, c, text, sentence))) continue;
      if (compiled.unless.some((cond) => holds(cond, tokens, c, text, sentence))) continue;
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

type Voice = 'quoted' | 'speaker' | 'reported' | 'mention' | undefined;

const VOICE_NOTES: Record<Exclude<Voice, undefined>, string> = {
  quoted: " (in quotation marks: check whether these are the patient's own words)",
  speaker: " (in the patient's or a relative's turn of a dialogue: their own words)",
  reported: ' (in reported speech: check whether these are the patient\'s own words)',
  mention: ' (the word is talked about, not used)',
};

function messageFor(actual: string, suggestions: readonly string[], voice: Voice): string {
  const [first, second] = suggestions;
  const prefer = first ? `; prefer "${first}"${second ? ` or "${second}"` : ''}` : '';
  return `Avoid "${actual}"${prefer}${voice ? VOICE_NOTES[voice] : ''}`;
}

/** Whose words [start, end) are: quoted, a patient's turn, reported speech, a mention, or the writer's. */
function voiceOf(text: string, start: number, end: number, paragraph: { start: number; end: number }): Voice {
  if (isMention(text, start, end)) return 'mention';
  if (isQuoted(text, start, end, paragraph.start, paragraph.end)) return 'quoted';
  if (speakerAt(text, start) === 'patient') return 'speaker';
  if (isReportedSpeech(text, start)) return 'reported';
  return undefined;
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
  // Citations, URLs, e-mail addresses, paths and names of bodies are not prose about a patient.
  if (maskedAt(text, start.offset, end.offset)) return undefined;
  const voice = voiceOf(text, start.offset, end.offset, paragraph);
  // Patients' and relatives' own words (a quotation, their turn, reported speech) follow the quote
  // policy; a mention of the word is info at most, whatever the policy.
  const quoted = voice !== undefined && voice !== 'mention';
  if (quoted && options.quotes === 'ignore') return undefined;
  const actual = text.slice(start.offset, end.offset);
  const finding: Finding = {
    ruleId: rule.id,
    category: rule.category,
    severity: (quoted && options.quotes === 'info') || voice === 'mention' ? 'info' : setting,
    message: messageFor(actual, suggestions, voice),
    actual,
    suggestions,
    start: { ...start },
    end: { ...end },
    note: rule.note,
    sources: rule.sources,
    url: rule.url,
  };
  if (quoted || voice === 'mention') finding.quoted = true;
  return finding;
}

/** Whether a suggestion template names every set the match captured (the substance, the condition). */
function keepsCaptures(template: string, captures: ReadonlyMap<string, string>): boolean {
  for (const name of captures.keys()) if (!template.includes(`{${name}}`) && !template.includes(`{${name}.`)) return false;
  return true;
}

export function matchSentences(sentences: readonly SentenceTokens[], text: string, options: MatchOptions): Finding[] {
  const findings: Finding[] = [];
  for (const sentence of sentences) {
    const { tokens } = sentence;
    if (tokens.length === 0) continue;
    for (const c of findCandidates(sentence, options, text)) {
      const { rule } = c.compiled;
      const startToken = tokens[c.first]!;
      const endToken = tokens[c.last]!;
      const suggestions = rule.suggestions.map((t) => renderSuggestion(t, c.captures, options.rules.sets));
      const paragraph = { start: sentence.paragraphStart, end: sentence.paragraphEnd };
      const finding = makeFinding(c.compiled, suggestions, startToken.start, endToken.end, text, paragraph, options);
      if (!finding) continue;
      if (rule.fixable && finding.quoted) finding.fixSkipped = { reason: 'quoted', message: "in quotation marks: possibly the patient's own words" };
      else if (rule.fixable && suggestions[0] && !keepsCaptures(rule.suggestions[0]!, c.captures)) {
        // "{drug} abuse" → "substance use" would lose which substance.
        finding.fixSkipped = { reason: 'meaning', message: 'the replacement would drop a word the phrase names' };
      } else if (rule.fixable && suggestions[0]) {
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
