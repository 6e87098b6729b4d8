// LanguageTool's public HTTP API (https://languagetool.org/http-api/), the part its clients use:
// the request parameters of POST /v2/check (text, or data with annotations; language; rules and
// categories to enable or disable) and the JSON it answers, built from dignify's findings. Pure
// functions, no I/O: server.ts does the HTTP.
import { suggestionEdit } from '../web/apply-suggestion.js';
import type { CompiledRules } from '../rules/compile.js';
import type { Finding, Options, SeveritySetting } from '../types.js';

/** A request LanguageTool would refuse: answered with this HTTP status and "Error: <message>". */
export class RequestError extends Error {
  constructor(
    readonly status: 400 | 404 | 405 | 413,
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

export interface LanguageEntry {
  name: string;
  code: string;
  longCode: string;
}

/** What GET /v2/languages lists: dignify's rules are written for English, in every variant LanguageTool names. */
export const LANGUAGES: readonly LanguageEntry[] = [
  { name: 'English', code: 'en', longCode: 'en' },
  { name: 'English (Australian)', code: 'en', longCode: 'en-AU' },
  { name: 'English (Canadian)', code: 'en', longCode: 'en-CA' },
  { name: 'English (GB)', code: 'en', longCode: 'en-GB' },
  { name: 'English (New Zealand)', code: 'en', longCode: 'en-NZ' },
  { name: 'English (South African)', code: 'en', longCode: 'en-ZA' },
  { name: 'English (US)', code: 'en', longCode: 'en-US' },
];

const AUTO_DEFAULT = LANGUAGES.find((l) => l.longCode === 'en-US')!;

/**
 * The language a request names. "auto" is English (US), or the first English variant of
 * preferredVariants: dignify detects no language, it checks every text as English.
 */
export function resolveLanguage(language: string | undefined, preferredVariants?: string): LanguageEntry {
  if (language === undefined || language.trim() === '')
    throw new RequestError(400, "Missing 'language' parameter. Specify a language such as 'en-US', or 'auto'");
  const wanted = language.trim().toLowerCase();
  if (wanted === 'auto') {
    const preferred = (preferredVariants ?? '').split(',').map((v) => v.trim().toLowerCase());
    return LANGUAGES.find((l) => l.longCode !== 'en' && preferred.includes(l.longCode.toLowerCase())) ?? AUTO_DEFAULT;
  }
  const found = LANGUAGES.find((l) => l.longCode.toLowerCase() === wanted.replace('_', '-'));
  if (!found)
    throw new RequestError(
      400,
      `'${language}' is not a language dignify checks: it checks English only (${LANGUAGES.map((l) => l.longCode).join(', ')}, or auto)`,
    );
  return found;
}

// ---- The text: plain, or LanguageTool's annotated form ----

interface Segment {
  markup: boolean;
  plainStart: number;
  plainLength: number;
  originalStart: number;
  originalLength: number;
}

/**
 * The text to check (`plain`: text parts, and markup as it is to be read) and the text the client
 * holds (`original`: text and markup as sent). Match offsets are given in `original`, as
 * LanguageTool gives them.
 */
export interface AnnotatedText {
  plain: string;
  original: string;
  segments: Segment[];
}

export function plainText(text: string): AnnotatedText {
  return { plain: text, original: text, segments: [{ markup: false, plainStart: 0, plainLength: text.length, originalStart: 0, originalLength: text.length }] };
}

function describe(node: unknown): string {
  const json = JSON.stringify(node) ?? String(node);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}

/**
 * The `data` parameter: JSON (a string, or already parsed from a JSON body) holding
 * {"text": "..."} or {"annotation": [{"text": ...}, {"markup": ..., "interpretAs": ...}, ...]}.
 * Throws RequestError(400) for anything else, with LanguageTool's wording.
 */
export function parseData(data: unknown): AnnotatedText {
  let value = data;
  if (typeof data === 'string') {
    try {
      value = JSON.parse(data);
    } catch {
      throw new RequestError(400, "Could not parse JSON from 'data' parameter");
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new RequestError(400, "'data' must be a JSON object with a 'text' or an 'annotation' key");
  const object = value as { text?: unknown; annotation?: unknown };
  if (object.text !== undefined && object.annotation !== undefined)
    throw new RequestError(400, "'data' key in JSON requires either 'text' or 'annotation' key, not both");
  if (object.text !== undefined) {
    if (typeof object.text !== 'string') throw new RequestError(400, "'text' in 'data' must be a string");
    return plainText(object.text);
  }
  if (object.annotation === undefined) throw new RequestError(400, "'data' key in JSON requires 'text' or 'annotation' key");
  if (!Array.isArray(object.annotation)) throw new RequestError(400, "'annotation' in 'data' must be a list");
  let plain = '';
  let original = '';
  const segments: Segment[] = [];
  for (const node of object.annotation as unknown[]) {
    if (node === null || typeof node !== 'object')
      throw new RequestError(400, `Only 'text' and 'markup' are supported in 'annotation' list: ${describe(node)}`);
    const { text, markup, interpretAs } = node as { text?: unknown; markup?: unknown; interpretAs?: unknown };
    if (text !== undefined && markup !== undefined)
      throw new RequestError(400, `Only either 'text' or 'markup' are supported in an object in 'annotation' list, not both: ${describe(node)}`);
    if (text !== undefined && interpretAs !== undefined)
      throw new RequestError(400, `'text' cannot be used with 'interpretAs' (only 'markup' can): ${describe(node)}`);
    if (text !== undefined) {
      if (typeof text !== 'string') throw new RequestError(400, `'text' must be a string: ${describe(node)}`);
      segments.push({ markup: false, plainStart: plain.length, plainLength: text.length, originalStart: original.length, originalLength: text.length });
      plain += text;
      original += text;
    } else if (markup !== undefined) {
      if (typeof markup !== 'string' || (interpretAs !== undefined && typeof interpretAs !== 'string'))
        throw new RequestError(400, `'markup' and 'interpretAs' must be strings: ${describe(node)}`);
      const read = (interpretAs as string | undefined) ?? '';
      segments.push({ markup: true, plainStart: plain.length, plainLength: read.length, originalStart: original.length, originalLength: markup.length });
      plain += read;
      original += markup;
    } else throw new RequestError(400, `Only 'text' and 'markup' are supported in 'annotation' list: ${describe(node)}`);
  }
  return { plain, original, segments };
}

/**
 * The offset in `original` of a plain-text offset. A start inside text read from markup maps to
 * the markup's start, an end there to the markup's end (the match then covers the markup whole).
 */
export function originalOffset(at: AnnotatedText, plainOffset: number, side: 'start' | 'end'): number {
  for (const s of at.segments) {
    const inside =
      side === 'start'
        ? s.plainStart <= plainOffset && plainOffset < s.plainStart + s.plainLength
        : s.plainStart < plainOffset && plainOffset <= s.plainStart + s.plainLength;
    if (!inside) continue;
    if (!s.markup) return s.originalStart + (plainOffset - s.plainStart);
    return side === 'start' ? s.originalStart : s.originalStart + s.originalLength;
  }
  return side === 'start' && plainOffset === 0 ? 0 : at.original.length;
}

/** Does markup lie inside [start, end) of `original` (a replacement there would delete it)? */
function holdsMarkup(at: AnnotatedText, start: number, end: number): boolean {
  return at.segments.some((s) => s.markup && s.originalLength > 0 && s.originalStart < end && start < s.originalStart + s.originalLength);
}

// ---- Options: the rules and categories a request turns on or off ----

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * LanguageTool's enabledRules, disabledRules, enabledCategories, disabledCategories and enabledOnly
 * as dignify options, applied in LanguageTool's order (its Tools.selectRules): disabledCategories,
 * enabledCategories, disabledRules, enabledRules, a later step winning over an earlier one. To
 * enable is to switch on, on top of the defaults (the service's config, else the `recommended`
 * preset), a rule they leave out (one of `all` only, or one the config turns off); with
 * enabledOnly=true every other rule is off. The config is the defaults, not a lock, as a
 * LanguageTool server's disabledRuleIds are (a request's enabledRules turns one back on), with
 * LanguageTool's one limit: a rule the config turns off by its id stays off when a request enables
 * its category (LanguageTool's enableRuleCategory leaves rules disabled by id disabled); only
 * enabledRules naming it turns it on. Ids dignify does not know
 * (LanguageTool's own, such as WHITESPACE_RULE or TYPOS, which clients send) are ignored, in every
 * list alike: a client's settings for LanguageTool must not make the request fail.
 */
export function optionsFrom(params: URLSearchParams, rules: CompiledRules, severities: Record<string, SeveritySetting> = {}): Options | undefined {
  const disabledRules = list(params.get('disabledRules') ?? undefined);
  const disabledCategories = list(params.get('disabledCategories') ?? undefined);
  const enabledRules = list(params.get('enabledRules') ?? undefined);
  const enabledCategories = list(params.get('enabledCategories') ?? undefined);
  const enabledOnly = params.get('enabledOnly') === 'true';
  if (enabledOnly && enabledRules.length === 0 && enabledCategories.length === 0) {
    throw new RequestError(400, 'You must specify enabledRules or enabledCategories when you use enabledOnly');
  }
  if (!enabledOnly && [disabledRules, disabledCategories, enabledRules, enabledCategories].every((l) => l.length === 0)) return undefined;
  // Per rule id, never per category: a rule id set to its severity runs under any preset, where a
  // category setting would not widen the preset (resolveOptions), and a rule id wins over its category.
  // A rule turned on gets the severity the config gives it (`severities`: the service's config),
  // its own where the config gives none or turns it off.
  const setting: Record<string, SeveritySetting> = {};
  const onAt = (rule: CompiledRules['rules'][number]) => {
    const configured = severities[rule.id] ?? severities[rule.category];
    return configured === undefined || configured === 'off' ? rule.severity : configured;
  };
  const set = (on: boolean, chosen: (rule: CompiledRules['rules'][number]) => boolean) => {
    for (const rule of rules.rules) if (chosen(rule)) setting[rule.id] = on ? onAt(rule) : 'off';
  };
  if (enabledOnly) set(false, () => true);
  set(false, (rule) => disabledCategories.includes(rule.category));
  set(true, (rule) => enabledCategories.includes(rule.category) && severities[rule.id] !== 'off');
  set(false, (rule) => disabledRules.includes(rule.id));
  set(true, (rule) => enabledRules.includes(rule.id));
  return { rules: setting };
}

// ---- The response ----

const CONTEXT_SIZE = 40; // characters each side, as LanguageTool's server

/** LanguageTool's context: up to 40 characters each side of the match, "..." where cut, line breaks as spaces. */
export function contextOf(text: string, start: number, end: number): { text: string; offset: number; length: number } {
  const from = Math.max(0, start - CONTEXT_SIZE);
  const to = Math.min(text.length, end + CONTEXT_SIZE);
  const prefix = from > 0 ? '...' : '';
  const suffix = to < text.length ? '...' : '';
  return { text: prefix + text.slice(from, to).replace(/[\r\n]/g, ' ') + suffix, offset: prefix.length + (start - from), length: end - start };
}

const SENTENCE_REACH = 1000;

/** The sentence holding [start, end) of `text`: from after the previous . ! ? or blank line to the next, whitespace collapsed. */
export function sentenceOf(text: string, start: number, end: number): string {
  const floor = Math.max(0, start - SENTENCE_REACH);
  let from = floor;
  for (const m of text.slice(floor, start).matchAll(/[.!?]\s|\n[^\S\n]*\n/g)) from = floor + m.index + m[0].length;
  const after = /[.!?](?=\s|$)|\n[^\S\n]*\n/.exec(text.slice(end, end + SENTENCE_REACH));
  const to = after ? end + after.index + (after[0].startsWith('\n') ? 0 : 1) : Math.min(text.length, end + SENTENCE_REACH);
  return text.slice(from, to).replace(/\s+/g, ' ').trim();
}

const categoryName = (id: string) => id.charAt(0).toUpperCase() + id.slice(1).replace(/-/g, ' ');

export interface Match {
  message: string;
  shortMessage: string;
  replacements: Array<{ value: string }>;
  offset: number;
  length: number;
  context: { text: string; offset: number; length: number };
  sentence: string;
  type: { typeName: string };
  rule: { id: string; description: string; issueType: string; urls?: Array<{ value: string }>; category: { id: string; name: string } };
  ignoreForIncompleteSentence: boolean;
  contextForSureMatch: number;
}

/**
 * A finding (offsets in the plain text) as a LanguageTool match (offsets in the original text).
 * The replacements replace exactly [offset, offset + length): where a suggestion also changes "a"
 * to "an" before the words, the match covers the article too. Where markup lies inside the
 * words, no replacement is offered (it would delete the markup); the finding is still reported.
 */
export function toMatch(at: AnnotatedText, f: Finding): Match {
  const edits = f.suggestions.map((s) => suggestionEdit(at.plain, f, s)).filter((e) => e !== undefined);
  let start = Math.min(f.start.offset, ...edits.map((e) => e.range[0]));
  let end = Math.max(f.end.offset, ...edits.map((e) => e.range[1]));
  let offset = originalOffset(at, start, 'start');
  let stop = originalOffset(at, end, 'end');
  let usable = edits;
  if (holdsMarkup(at, offset, stop)) {
    // Keep the words alone (no article change), and offer nothing if markup lies inside them too.
    start = f.start.offset;
    end = f.end.offset;
    offset = originalOffset(at, start, 'start');
    stop = originalOffset(at, end, 'end');
    usable = holdsMarkup(at, offset, stop) ? [] : edits.filter((e) => e.range[0] === start && e.range[1] === end);
  }
  const values = [...new Set(usable.map((e) => at.plain.slice(start, e.range[0]) + e.text + at.plain.slice(e.range[1], end)))];
  return {
    message: f.message,
    shortMessage: f.quoted ? 'Stigmatizing language (quoted)' : 'Stigmatizing language',
    replacements: values.map((value) => ({ value })),
    offset,
    length: stop - offset,
    context: contextOf(at.original, offset, stop),
    sentence: sentenceOf(at.plain, f.start.offset, f.end.offset),
    type: { typeName: f.severity === 'info' ? 'Hint' : 'Other' },
    rule: {
      id: f.ruleId,
      description: f.note ?? f.message,
      issueType: 'style',
      ...(f.url ? { urls: [{ value: f.url }] } : {}),
      category: { id: f.category, name: categoryName(f.category) },
    },
    ignoreForIncompleteSentence: false,
    contextForSureMatch: 0,
  };
}

export interface CheckResponse {
  software: { name: string; version: string; buildDate: string; apiVersion: number; premium: boolean; status: string };
  warnings: { incompleteResults: boolean };
  language: { name: string; code: string; detectedLanguage: { name: string; code: string; confidence: number } };
  matches: Match[];
}

export function checkResponse(
  at: AnnotatedText,
  findings: readonly Finding[],
  language: LanguageEntry,
  software: { version: string; buildDate: string },
): CheckResponse {
  return {
    software: { name: 'dignify', version: software.version, buildDate: software.buildDate, apiVersion: 1, premium: false, status: '' },
    warnings: { incompleteResults: false },
    language: { name: language.name, code: language.longCode, detectedLanguage: { name: language.name, code: language.longCode, confidence: 1 } },
    matches: findings.map((f) => toMatch(at, f)),
  };
}
