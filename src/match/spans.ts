// Text that is not prose about a patient: URLs, e-mail addresses, file paths, citations and
// reference lists, the names of programmes, clinics and organisations written in Title Case, the
// anchors of rating scales, the official titles of ICD-10-CM codes, and identifiers joined by
// underscores (a data dictionary's field names: "subst_abuse_hx", "ivdu_ever").
// A phrase inside one of these spans is never reported, by any rule, in any reader ("Drug Abuse
// Resistance Education", "J Addict Med.", "https://example.org/drug-abuse").
//
// Plain data out, so the fixer (or anything else) can reuse it: a list of [start, end, kind]
// ranges in UTF-16 code units of the text given. Portable: no Node API.
//
// Every span is decided from its own line and, for a reference list, the lines beside it, so the
// same offsets get the same answer whether a text is parsed whole or block by block (fast path).
import { lineAround } from '../parse/lines.js';
import { lazyRegExp } from '../core/lazy-regexp.js';

export type SpanKind = 'url' | 'email' | 'path' | 'citation' | 'name' | 'scale' | 'code' | 'identifier';

/** [start, end, kind]: start inclusive, end exclusive, UTF-16 code units. */
export type Span = [number, number, SpanKind];

export const URL =
  /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"'\u201c\u201d()[\]]+|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:org|com|gov|net|edu|int|info|io|uk|ca|au|nz|de)\/[^\s<>"'\u201c\u201d()[\]]*/gi;
// What a URL without a slash starts with (see spansOfLine).
const WWW = /www\./i;
// What every URL match holds: "://" or "www." (the first alternative), or a dot, a top-level
// domain and a slash (the second). Tested before URL on a line with a slash: most of MTSamples'
// segments hold one ("mg/kg", "y/o") and no URL, and URL tries a domain at every word.
export const URL_MARK = /:\/\/|www\.|\.(?:org|com|gov|net|edu|int|info|io|uk|ca|au|nz|de)\//i;
const EMAIL = /\b[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+\b/gi;
// A path has a root (/, ~/, ./, C:\) and two segments or more, or ends with a file extension
// ("notes/drug-abuse.txt"). "w/", "h/o" and "and/or" have neither.
const PATH =
  /(?<![\w/\\])(?:(?:~|\.{1,2}|[a-z]:)?[/\\](?:[\w.-]+[/\\])+[\w.-]*|(?:[\w.-]+\/)+[\w-]+\.(?:txt|md|html?|pdf|docx?|csv|tsv|jsonl?|ya?ml|xml|rtf)\b)/gi;
// What every PATH match holds: two slashes with a segment between, or a file extension. Tested
// first (a third of MTSamples' segments hold a slash, a third of those pass this), since PATH's
// lookbehind is tried at every position.
const PATH_MARK = /[/\\][\w.-]+[/\\]|\.(?:txt|md|html?|pdf|docx?|csv|tsv|jsonl?|ya?ml|xml|rtf)\b/i;
// An identifier: letters or digits joined by underscores ("subst_abuse_hx", "ivdu_ever", "etoh_use")
// opening its line or a cell (after "|" or a tab), a field or variable name of a data dictionary, a
// database or a form's code, not prose. Inside prose an underscore is a typing slip as often ("hx
// of_drug abuse"), and a hashtag ("#substance_abuse" in a problem list) is the writer's label: both
// stay prose. Tested only on a line with an underscore. The mark before it is matched, not looked
// behind at: a lookbehind of "^[ \t]*" is tried at every position, and so walks back over each run of
// blanks again from each of its positions (quadratic in a long line of spaces); the identifier is
// the last group, at the match's end (identifierSpans).
const IDENTIFIER = /(?:^|[|\t])[ \t]*([A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+)(?![\w@-])/g;
// A data dictionary's row: a field name in the first cell, then the field's type ("ivdu | yesno |
// …", "etoh,radio,…"): the name is an identifier even without an underscore. Tested only on a line
// with a cell mark; anchored at the line's start, so tried once per line. Groups: the blanks before
// the name, the name.
const FIELD_ROW =
  /^([ \t]*)([A-Za-z][A-Za-z0-9]*)[ \t]*[|,\t][ \t]*(?:yesno|truefalse|radio|dropdown|checkbox|text|notes|calc|slider|descriptive|integer|number|date|datetime|boolean|categorical|select|multiselect)\b/i;

// The marks of a reference: volume(issue):pages, year;volume, "et al.", DOI, PMID.
const CITATION_MARK = /\b(?:19|20)\d\d\s*(?:[A-Z][a-z]{2}\s*)?(?:\d{1,2}\s*)?;\s*\d+|\b\d+\s*\(\d+\)\s*:\s*\d+|\bet al\b|\bdoi\s*:|\bPMID\s*:?\s*\d|\bPMCID\b/i;
// Words of the ISO 4 journal abbreviations that are not English words on their own.
const JOURNAL_ABBREVIATIONS = new Set(
  'J Subst Prev Med Clin Rev Depend Res Psychiatr Psychiatry Epidemiol Behav Pract Nurs Psychol Pediatr Intern Arch Sci Soc Ther Pharmacol Toxicol Addict Alcohol Drug Treat Policy Am Br Eur Int Ann Gen Public Health Rep Stud Q Lett Curr Opin Neurosci Neurol Psychopharmacol Assoc Fam Emerg Obstet Gynecol Adolesc Child Matern Womens Mens Dis'.split(
    ' ',
  ),
);
const STRICT_ABBREVIATIONS = new Set(
  'J Subst Prev Med Clin Rev Depend Res Psychiatr Epidemiol Behav Pract Nurs Psychol Pediatr Intern Sci Ther Pharmacol Toxicol Neurosci Neurol Psychopharmacol Assoc Obstet Gynecol Adolesc Curr Opin'.split(
    ' ',
  ),
);
// A journal abbreviation needs one of STRICT_ABBREVIATIONS, a whole word of TITLE_RUN's match
// (between non-word characters): tested before TITLE_RUN, which is tried at every capital.
const STRICT_WORD = lazyRegExp(`\\b(?:${[...STRICT_ABBREVIATIONS].join('|')})\\b`);
// The title words of a Vancouver-style journal abbreviation ("J Addict Med.", "Subst Abuse Treat Prev Policy").
const TITLE_RUN = /\b(?:[A-Z][A-Za-z]*\.?\s+){2,8}[A-Z][A-Za-z]*\b\.?/g;

// Words that make a Title Case run the name of a body or a programme ("Substance Abuse Consult Team",
// a service's former name: third retirement round's kind), of a role a regulation
// defines ("Substance Abuse Professional", the DOT's title), or of a document a service follows
// ("Aggressive Patient Protocol", "Vaccine Refusal Policy", "Difficult Airway Algorithm").
const NAME_HEADS = new Set(
  'Institute Institutes Clinic Clinics Center Centers Centre Centres Program Programs Programme Programmes Association Anonymous Foundation Administration Society Coalition Council Alliance Network Agency Department Office Education Service Services Team Teams Hospital Project Initiative Court Courts Committee Commission Academy College University School Schools Partnership Campaign Collaborative Consortium Federation Fellowship Unit Helpline Hotline Act Professional Professionals Protocol Protocols Policy Policies Pathway Pathways Guideline Guidelines Algorithm Form Forms Release Waiver Flag Grant Grants'.split(
    ' ',
  ),
);
// "Adult Children of Alcoholics", "Mothers Against Drunk Driving": a name by its shape (a group of
// people "of"/"Against" something).
const NAME_STARTS = /^(?:Adult Children|Children|Mothers|Parents|Families|Friends|Students) (?:of|Against|for)\b/;
// A line can hold a name only if it holds one of NAME_HEADS or a word NAME_STARTS starts with (as
// part of a word, even): tested before the line's words are read one by one, which cost about 12
// times more, and only one segment of MTSamples in seven holds one.
const NAME_WORD = lazyRegExp([...NAME_HEADS, 'Children', 'Mothers', 'Parents', 'Families', 'Friends', 'Students'].join('|'));
const CONNECTORS = new Set(['of', 'on', 'for', 'and', 'the', 'in', 'to', 'against', '&']);
// A Title Case word: capital then lower case (not an all-capitals heading word), or a connector.
const CAPITALIZED = /^[A-Z][a-z'\u2019]+$/;

const linesCache = { text: undefined as string | undefined, spans: new Map<number, Span[]>() };
const LINES_CACHED = 1024;

function lineBounds(text: string, offset: number): [number, number] {
  return lineAround(text, offset);
}

function push(out: Span[], regex: RegExp, line: string, base: number, kind: SpanKind): void {
  regex.lastIndex = 0;
  for (const m of line.matchAll(regex)) {
    let value = m[0];
    // A URL or path does not end with the sentence's full stop or comma.
    if (kind !== 'email') value = value.replace(/[.,;:!?]+$/, '');
    if (value) out.push([base + m.index, base + m.index + value.length, kind]);
  }
}

/** The identifiers of `line` (IDENTIFIER: each its match's last group), as spans from `base`. */
function identifierSpans(line: string, base: number, out: Span[]): void {
  for (const m of line.matchAll(IDENTIFIER)) {
    const at = base + m.index + m[0].length - m[1]!.length;
    out.push([at, at + m[1]!.length, 'identifier']);
  }
}

function isCitationLine(line: string): boolean {
  return line.length <= 600 && CITATION_MARK.test(line);
}

/** A short line that is only a title ("Substance Abuse.") between reference lines. */
function isTitleLine(line: string): boolean {
  const trimmed = line.trim();
  if (!/\.$/.test(trimmed) || trimmed.length > 80) return false;
  const words = trimmed.replace(/\.$/, '').split(/\s+/);
  return words.length <= 8 && words.every((w) => CAPITALIZED.test(w) || CONNECTORS.has(w) || /^[A-Z]+$/.test(w));
}

// A word (ASCII letters, "&" and apostrophes: isWordCode) that can make a run of Title Case words a name: one of NAME_HEADS, or a word
// NAME_STARTS opens with (every run it accepts holds "Children", "Mothers", … as a whole word).
// Found whole (no word character on either side: the lookbehind is tested in code, so the regex
// starts only at a capital); the run around each is then read word by word from there.
const NAME_KEY = lazyRegExp(`(?:${[...NAME_HEADS, 'Children', 'Mothers', 'Parents', 'Families', 'Friends', 'Students'].join('|')})(?![A-Za-z&'\u2019])`, 'g');

/** Whether the UTF-16 code unit `c` belongs to a word here: an ASCII letter, "&", "'" or U+2019. */
function isWordCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 38 || c === 39 || c === 0x2019;
}

/** Whether a run goes on into `word` after white space: a Title Case word, or a connector in lower case. */
function continuesRun(word: string): boolean {
  return CAPITALIZED.test(word) || (CONNECTORS.has(word) && word === word.toLowerCase());
}

/**
 * Runs of Title Case words (connectors allowed between them, only spaces and tabs between words)
 * that name a body or a programme: two capitalised words or more, with a NAME_HEADS word or
 * NAME_STARTS's opening. Only the runs holding a NAME_KEY word are read: reading every word of
 * the line (a 3,000-character note is one line) was about a quarter of nonProseSpans' time over
 * MTSamples' notes.
 */
function titleCaseNames(line: string, base: number, out: Span[]): void {
  if (!NAME_WORD().test(line)) return;
  let done = 0; // runs end at or before this were read
  NAME_KEY().lastIndex = 0;
  for (let key = NAME_KEY().exec(line); key; key = NAME_KEY().exec(line)) {
    if (key.index < done || (key.index > 0 && isWordCode(line.charCodeAt(key.index - 1)))) continue;
    // The words of the run around the key: [start, end) of each, in order.
    const words: [number, number][] = [[key.index, key.index + key[0].length]];
    // Leftwards: the word before joins when only spaces and tabs stand between and this word continues the run.
    for (;;) {
      const [start] = words[0]!;
      if (!continuesRun(line.slice(start, words[0]![1]))) break;
      let gap = start;
      while (gap > 0 && (line.charCodeAt(gap - 1) === 32 || line.charCodeAt(gap - 1) === 9)) gap--;
      if (gap === start || gap === 0 || !isWordCode(line.charCodeAt(gap - 1))) break;
      let from = gap - 1;
      while (from > 0 && isWordCode(line.charCodeAt(from - 1))) from--;
      words.unshift([from, gap]);
    }
    // Rightwards, likewise.
    for (;;) {
      const end = words[words.length - 1]![1];
      let next = end;
      while (next < line.length && (line.charCodeAt(next) === 32 || line.charCodeAt(next) === 9)) next++;
      if (next === end || next === line.length || !isWordCode(line.charCodeAt(next))) break;
      let to = next + 1;
      while (to < line.length && isWordCode(line.charCodeAt(to))) to++;
      if (!continuesRun(line.slice(next, to))) break;
      words.push([next, to]);
    }
    done = words[words.length - 1]![1];
    // The run is its first to its last Title Case word.
    const texts = words.map(([a, b]) => line.slice(a, b));
    const first = texts.findIndex((w) => CAPITALIZED.test(w));
    if (first === -1) continue;
    let last = texts.length - 1;
    while (!CAPITALIZED.test(texts[last]!)) last--;
    const run = texts.slice(first, last + 1);
    const capitals = run.filter((w) => CAPITALIZED.test(w)).length;
    if (capitals >= 2 && run.some((w) => NAME_HEADS.has(w))) {
      out.push([base + words[first]![0], base + words[last]![1], 'name']);
      continue;
    }
    // A name by its shape may follow a capitalised word of the sentence ("Attends Adult Children of
    // Alcoholics", "Joined Mothers Against Drunk Driving"): the name starts where the shape does.
    for (let k = 0; k < run.length - 1; k++) {
      if (!CAPITALIZED.test(run[k]!) || !NAME_STARTS.test(run.slice(k).join(' '))) continue;
      if (run.slice(k).filter((w) => CAPITALIZED.test(w)).length >= 2) out.push([base + words[first + k]![0], base + words[last]![1], 'name']);
      break;
    }
  }
}

function journalAbbreviations(line: string, base: number, out: Span[]): void {
  if (!STRICT_WORD().test(line)) return;
  TITLE_RUN.lastIndex = 0;
  for (const m of line.matchAll(TITLE_RUN)) {
    const words = m[0].replace(/\./g, ' ').trim().split(/\s+/);
    if (words.length < 3) continue;
    if (!words.every((w) => JOURNAL_ABBREVIATIONS.has(w) || CAPITALIZED.test(w))) continue;
    const known = words.filter((w) => JOURNAL_ABBREVIATIONS.has(w)).length;
    if (!words.some((w) => STRICT_ABBREVIATIONS.has(w)) || known < Math.ceil(words.length / 2)) continue;
    out.push([base + m.index, base + m.index + m[0].length, 'citation']);
  }
}

// The anchors of a rating scale or screening instrument (RASS, CIWA-Ar, COWS, a Likert item):
// "+4 combative (overtly combative…); +3 very agitated", "0 = none, 1 = mild", "0 able to sit
// still; 1 reports difficulty…". The anchor text describes a score, not a patient. A signed score
// or "n =" is an anchor anywhere; a bare number only after a list separator or at the line start.
const SIGNED_ANCHOR = /(?:^|[\s;,(:])[+\-\u2212]\d{1,2}\s*[=:)\-\u2013]?\s*[A-Za-z]/g;
const EQUALS_ANCHOR = /(?:^|[\s;,(:])\d{1,2}\s*=\s*[A-Za-z]/g;
const BARE_ANCHOR = /(?:^|[;(:]|,(?=\s*\d))\s*(\d{1,2})\s*([)\-\u2013.]?)\s+[A-Za-z]/g;
const count = (regex: RegExp, line: string) => {
  regex.lastIndex = 0;
  return [...line.matchAll(regex)].length;
};

// A note's inline numbered list is no scale: three or more items numbered 1, 2, 3 … with a list mark
// ("(1)", "2)", "3.") whose items are phrases, not a word or two ("Records: (1) ED note: … (2) EAP
// intake: … (3) …", "Problems: 1) Fluid overload - pt not compliant …, 2) …"; an age or a count after a
// comma inside an item, "Baby T., 10 wk", is no mark). A scale's anchors are a word or two each ("1)
// calm, 2) restless, 3) agitated"), or numbered as scores without a mark ("0 none; 1 mild; 4 …; 7 …").
const LIST_ITEM_WORDS = 4;

function isNumberedList(line: string, anchors: RegExpMatchArray[]): boolean {
  const marked = anchors.filter((m) => m[2] === ')' || m[2] === '.');
  if (marked.length < 3) return false;
  let words = 0;
  for (let k = 0; k < marked.length; k++) {
    const m = marked[k]!;
    if (Number(m[1]) !== k + 1) return false;
    const from = m.index! + m[0].length - 1;
    const to = k + 1 < marked.length ? marked[k + 1]!.index! : line.length;
    words += line
      .slice(from, to)
      .split(/\s+/)
      .filter((w) => /[A-Za-z0-9]/.test(w)).length;
  }
  return words >= LIST_ITEM_WORDS * marked.length;
}

/** A line listing two signed or "n =" anchors, or three numbered ones: a scale's text. */
function isScaleLine(line: string): boolean {
  if (line.length > 600) return false;
  if (count(SIGNED_ANCHOR, line) + count(EQUALS_ANCHOR, line) >= 2) return true;
  BARE_ANCHOR.lastIndex = 0;
  const bare = [...line.matchAll(BARE_ANCHOR)];
  return bare.length >= 3 && !isNumberedList(line, bare);
}

// One anchor a line ("+4 Combative" / "+3 Very agitated" on lines of their own): a scale when the
// line above or below is one too.
const ANCHOR_LINE = /^\s*(?:[+\-\u2212]\d{1,2}|\d{1,2}\s*=)\s*[A-Za-z]/;

function isScaleListLine(text: string, start: number, end: number): boolean {
  // Only a line's start decides, so a neighbouring line of an export (megabytes) is not copied.
  const head = (b: [number, number]) => text.slice(b[0], Math.min(b[1], b[0] + 40));
  if (!ANCHOR_LINE.test(head([start, end]))) return false;
  const previous = start > 0 ? lineBounds(text, start - 1) : undefined;
  const next = end < text.length ? lineBounds(text, end + 1) : undefined;
  const anchor = (b: [number, number] | undefined) => b !== undefined && ANCHOR_LINE.test(head(b));
  return anchor(previous) || anchor(next);
}

// The official title of an ICD-10-CM code, beside the code: "F11.20 Opioid dependence,
// uncomplicated", "Z91.19 Patient's noncompliance with other medical treatment and regimen" in a
// problem list or a billing line, or "Alcohol abuse, uncomplicated (F10.10)" as a list item. The
// code and its title are masked; a note's own words after it are not ("F11.20 pt is a known heroin
// abuser": the title must start with a capital and read like a title, without a verb or a pronoun
// of a note). A code has a letter (not U), two characters and a dot: "A1C 7.2" and "B12" are not codes.
const ICD_CODE = String.raw`\b[A-TV-Z]\d[0-9A-Z]\.[0-9A-Z]{1,4}\b`;
// A title: a capital, then words, commas, hyphens, apostrophes and parentheses of its own, up to a
// clause mark, " - ", a bracket, a sentence end or the line's end.
const TITLE = String.raw`[A-Z][A-Za-z0-9'\u2019,/ -]{2,150}?`;
const TITLE_END = String.raw`(?=\s*(?:[;|[(]|\s-\s|\.(?:\s|$)|$))`;
const CODE_THEN_TITLE = lazyRegExp(String.raw`${ICD_CODE}[ 	]*(?:[-\u2013:][ 	]*)?${TITLE}${TITLE_END}`, 'g');
const TITLE_THEN_CODE = lazyRegExp(
  String.raw`^([ 	]*(?:[-*•]|\d{1,3}[.)])?[ 	]*)(${TITLE})[ 	]*(?:[-–:][ 	]*)?[([]?[ 	]*${ICD_CODE}[ 	]*[)\]]?[ 	.;]*$`,
);
// A document named by its type and number ("Policy RI-204:", "Form C-12", "SOP 7.3"): the line is a
// manual's or a form's heading, and its Title Case runs are the document's title ("Refusal of Blood
// Products", "Handicapped Parking and Accessible Entrances"), not prose about a patient.
const DOCUMENT_NUMBER = /\b(?:Policy|Form|Procedure|Protocol|SOP|Section)[ \t]+(?:[A-Z]{1,5}[- ]?)?\d[\w.-]*/;
const TITLE_CASE_RUN = /\b[A-Z][a-z'\u2019]+(?:[ \t]+(?:(?:of|and|the|for|on|in|to|&)[ \t]+)*[A-Z][a-z'\u2019]+)+/g;

// The name of a test, a scale or an instrument beside its abbreviation (retired sets' kind): an
// acronym and its Title Case expansion in brackets holding an instrument's head word ("CAP (Child
// Abuse Potential Inventory)", "ABS (Adaptive Behavior Scale for Mental Retardation, 1993 ed.)"),
// the expansion before its acronym ("Drug Abuse Screening Test (DAST-10)"), and a scale's Title Case
// name before its abbreviation and a score ("Substance Abuse (SUB) T = 48", a personality
// inventory's scale). A diagnosis defined by its abbreviation ("Polysubstance Abuse (PSA)",
// "Intravenous Drug User (IVDU)") has no instrument word and no score after it: it stays prose.
const INSTRUMENT_HEAD =
  /\b(?:Scales?|Inventory|Inventories|Questionnaire|Assessment|Tests?|Checklist|Battery|Interview|Index|Measure|Screen|Screening|Survey|Schedule|Instrument|Profile|Rating)\b/;
const TITLE_WORD = String.raw`[A-Z][a-z'\u2019]+(?:-[A-Za-z][a-z'\u2019]*)?`;
const TITLE_WORDS = String.raw`${TITLE_WORD}(?:[ \t]+(?:(?:of|for|with|on|in|to|and|the|a|an|&)[ \t]+)*${TITLE_WORD}){1,12}`;
const ACRONYM = String.raw`[A-Z][A-Z0-9]{1,7}(?:-[A-Z0-9]{1,4})*`;
const ACRONYM_THEN_NAME = lazyRegExp(String.raw`\b${ACRONYM}[ \t]*\((${TITLE_WORDS})(?=[ \t]*[,;)])`, 'g');
const NAME_THEN_ACRONYM = lazyRegExp(String.raw`\b(${TITLE_WORDS})[ \t]*\(${ACRONYM}\)`, 'g');
// Without an abbreviation, a Title Case run whose instrument word is followed by the condition or
// the people it is for ("the Adaptive Behavior Scale for Mental Retardation (old edition)",
// "Inventory of Drug Abuse Consequences"): a heading's run ends with its head ("Substance Abuse
// Assessment:"), a name goes on after it. The lookahead first: the word boundary and the 17 heads are
// then tried only at a capital (1.6 times quicker over MTSamples' notes, the busiest test of a
// finding's line; the same lookahead slowed STRICT_WORD and NAME_WORD, so they have none).
const HEAD_THEN_FOR =
  /(?=[A-Z])\b(?:Scales?|Inventory|Questionnaire|Assessment|Tests?|Checklist|Battery|Interview|Index|Measure|Screen|Screening|Survey|Schedule|Instrument|Profile|Rating)[ \t]+(?:for|of|with|in)[ \t]+[A-Z]/;
const NAME_WITH_FOR = lazyRegExp(
  String.raw`(?:${TITLE_WORD}[ \t]+(?:(?:of|for|and|the|&)[ \t]+)*){1,6}(?:Scales?|Inventory|Questionnaire|Assessment|Tests?|Checklist|Battery|Interview|Index|Measure|Screen|Screening|Survey|Schedule|Instrument|Profile|Rating)[ \t]+(?:for|of|with|in)[ \t]+${TITLE_WORD}(?:[ \t]+(?:(?:of|for|with|on|in|to|and|the|&)[ \t]+)*${TITLE_WORD}){0,6}`,
  'g',
);
// A scale's score after its abbreviation: a T score, a raw, scaled or standard score, a percentile.
const SCORE_AFTER = /^[ \t]*(?:T[ \t]*(?:-?[ \t]*scores?)?[ \t]*[=:]?[ \t]*\d|(?:raw|scaled|standard|percentile|%ile)[ \t]*(?:scores?)?[ \t]*[=:]?[ \t]*\d)/;
// What every match holds: an opening bracket after a capital and a capital right inside or before it.
const INSTRUMENT_MARK = /[A-Z0-9][ \t]*\([A-Z]|[a-z][ \t]*\([A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*\)/;

// A named instrument's item printed with its check boxes, after the instrument's Title Case name and
// a colon ("Opioid Risk Tool: Personal history of substance abuse: alcohol ☐ illegal drugs ☐"): the
// instrument's wording, from the colon to the last box (third retirement round's kind). A form's own
// question ("Intake form: Hx of substance abuse? ☒ Yes ☐ No") has no instrument's name and stays prose.
const CHECK_BOX = /[\u2610-\u2612\u25a1\u25a0]/;
const INSTRUMENT_ITEM = lazyRegExp(
  String.raw`^[ \t]*(?:${TITLE_WORD}[ \t]+(?:(?:of|for|and|the|&)[ \t]+)*){1,6}(?:Tool|Scales?|Inventory|Questionnaire|Checklist|Screen|Screener|Index|Test|Survey|Instrument)(?:[ \t]*\([^()\n]{1,20}\))?[ \t]*:([^\n]*[\u2610-\u2612\u25a1\u25a0])`,
);

function instrumentNames(line: string, base: number, out: Span[], rare: boolean): void {
  if (CHECK_BOX.test(line)) {
    const m = INSTRUMENT_ITEM().exec(line);
    if (m) out.push([base + m[0].length - m[1]!.length, base + m[0].length, 'name']);
  }
  if (rare && HEAD_THEN_FOR.test(line)) push(out, NAME_WITH_FOR(), line, base, 'name');
  if (!line.includes('(') || !INSTRUMENT_MARK.test(line)) return;
  for (const m of line.matchAll(ACRONYM_THEN_NAME())) {
    if (!INSTRUMENT_HEAD.test(m[1]!)) continue;
    const at = m.index + m[0].length - m[1]!.length;
    out.push([base + at, base + at + m[1]!.length, 'name']);
  }
  for (const m of line.matchAll(NAME_THEN_ACRONYM())) {
    if (INSTRUMENT_HEAD.test(m[1]!) || SCORE_AFTER.test(line.slice(m.index + m[0].length))) out.push([base + m.index, base + m.index + m[1]!.length, 'name']);
  }
}

function documentTitles(line: string, base: number, out: Span[]): void {
  if (!DOCUMENT_NUMBER.test(line)) return;
  push(out, TITLE_CASE_RUN, line, base, 'name');
}

// Words of a note, never of a code's title.
const NOT_A_TITLE = /\b(?:is|was|are|were|has|have|had|known|pt|he|she|his|her|him|they|states|reports|continues|continued|uses|used|since|today|yesterday)\b/i;

// A CPT or HCPCS code and its descriptor, to the line's end: "CPT 99408: Alcohol and/or substance
// (other than tobacco) abuse structured screening and brief intervention, 15 to 30 minutes". The
// descriptor may hold parentheses, so it runs to the line's end, unless a note's words follow.
const PROCEDURE_CODE_LINE = /\b(?:CPT|HCPCS)(?:[ \t]+codes?)?[ \t]*#?:?[ \t]*(?:\d{4}[0-9A-Z]|[A-V]\d{4})\b[ \t]*(?:[-\u2013:][ \t]*)?[A-Z][^\n]{2,250}$/;

// What every ICD code holds; the code titles are looked for only in a line that has one.
const CODE_CUE = /[A-TV-Z]\d[0-9A-Z]\./;

function codeTitles(line: string, base: number, out: Span[], rare: boolean): void {
  if (line.includes('CPT') || line.includes('HCPCS')) {
    const m = PROCEDURE_CODE_LINE.exec(line);
    if (m && !NOT_A_TITLE.test(m[0])) out.push([base + m.index, base + line.trimEnd().length, 'code']);
  }
  if (!rare || !CODE_CUE.test(line)) return;
  const whole = TITLE_THEN_CODE().exec(line);
  if (whole && !NOT_A_TITLE.test(whole[2]!)) {
    const from = whole[1]!.length;
    out.push([base + from, base + line.trimEnd().length, 'code']);
    return;
  }
  CODE_THEN_TITLE().lastIndex = 0;
  for (const m of line.matchAll(CODE_THEN_TITLE())) {
    const title = m[0].replace(new RegExp(`^${ICD_CODE}`), '');
    if (!NOT_A_TITLE.test(title)) out.push([base + m.index, base + m.index + m[0].length, 'code']);
  }
}

// A form's or a protocol's category named in quotation marks: the quoted words, then a noun naming a
// category ('"Drug abuse/drug addiction" assessment per CDC Technical Instructions', 'Requisition
// category "Drug abuse/dependence" ticked'), or after such a noun. The quoted words are the category's
// name, a regulatory title like a code title, not prose about a patient (fifth retirement round's kind).
// At most six words in the quotation, which starts with a capital: a sentence someone said is not a name.
// Not a ticked box or a drop-down option ('Box "Alcoholic" checked'): the probes label those as the
// writer's words.
const FORM_PART = String.raw`(?:assessment|category|categories|class|classification|section|heading|criterion|criteria|designation)`;
const QUOTED_NAME = String.raw`["\u201c]([A-Z][\w'\u2019/-]*(?:[ \t]+[\w'\u2019/-]+){0,5})["\u201d]`;
const FORM_NAME_QUOTED = lazyRegExp(String.raw`\b${FORM_PART}[ \t]*:?[ \t]*${QUOTED_NAME}|${QUOTED_NAME}(?=[ \t]+${FORM_PART}\b)`, 'gi');

function quotedFormNames(line: string, base: number, out: Span[]): void {
  if (!line.includes('"') && !line.includes('\u201c')) return;
  const regex = FORM_NAME_QUOTED();
  regex.lastIndex = 0;
  for (let m = regex.exec(line); m; m = regex.exec(line)) {
    const name = m[1] ?? m[2]!;
    // A capital first (the regex is case-insensitive for the form's words).
    if (name[0] === name[0]!.toLowerCase()) continue;
    const at = m.index + m[0].indexOf(name);
    out.push([base + at, base + at + name.length, 'code']);
  }
}

// Whether any of STRICT_WORD, DOCUMENT_NUMBER, HEAD_THEN_FOR and CODE_CUE matches: their sources as
// alternatives (the same flags: none; none of them has a `|` outside its groups), after a lookahead
// for the capital each of them starts with (an abbreviation, a document's or an instrument's word, a
// code's letter). With that lookahead V8 skips to the next capital; this one scan took about half
// the time of the four over the lines of MTSamples' findings.
const RARE_CUES = lazyRegExp(`(?=[A-Z])(?:${[STRICT_WORD().source, DOCUMENT_NUMBER.source, HEAD_THEN_FOR.source, CODE_CUE.source].join('|')})`);

/** The spans of the line [start, end) of `text`, its neighbours consulted for a reference list. */
function spansOfLine(text: string, start: number, end: number): Span[] {
  const line = text.slice(start, end);
  const out: Span[] = [];
  if (isCitationLine(line)) return [[start, end, 'citation']];
  if (isScaleLine(line) || isScaleListLine(text, start, end)) return [[start, end, 'scale']];
  if (isTitleLine(line)) {
    const previous = start > 0 ? lineBounds(text, start - 1) : undefined;
    const next = end < text.length ? lineBounds(text, end + 1) : undefined;
    const near = (b: [number, number] | undefined) => b !== undefined && isCitationLine(text.slice(b[0], b[1]));
    if (near(previous) || near(next)) return [[start, end, 'citation']];
  }
  // Each of these regexes needs a character most lines lack: a URL a "/" or "www.", an e-mail
  // address an "@", a path a slash or backslash. Looking for it first spares the regex's scan of
  // the line (the URL regex tries a domain at every word) and, in a short check, its compiling.
  const slash = line.includes('/');
  if (slash ? URL_MARK.test(line) : WWW.test(line)) push(out, URL, line, start, 'url');
  if (line.includes('@')) push(out, EMAIL, line, start, 'email');
  if ((slash || line.includes('\\')) && PATH_MARK.test(line)) push(out, PATH, line, start, 'path');
  if (line.includes('_')) identifierSpans(line, start, out);
  const row = line.includes('|') || line.includes(',') || line.includes('\t') ? FIELD_ROW.exec(line) : null;
  if (row) out.push([start + row[1]!.length, start + row[1]!.length + row[2]!.length, 'identifier']);
  // Four of the regexes below (STRICT_WORD, DOCUMENT_NUMBER, HEAD_THEN_FOR, CODE_CUE) ask for a
  // cue no line of MTSamples' notes but one in twenty holds; one scan for any of them (RARE_CUES)
  // spares the other three scans of nearly every line.
  const rare = RARE_CUES().test(line);
  if (rare) journalAbbreviations(line, start, out);
  titleCaseNames(line, start, out);
  if (rare) documentTitles(line, start, out);
  instrumentNames(line, start, out, rare);
  codeTitles(line, start, out, rare);
  quotedFormNames(line, start, out);
  return out.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
}

// A line longer than this (an export's note flattened to one line) is read in segments of about
// this length, cut at white space, so a finding costs a bounded amount of work wherever it stands.
const SEGMENT = 2000;

/** Where segment `k` of the line [lineStart, lineEnd) starts: at white space after its grid point. */
function segmentStart(text: string, lineStart: number, lineEnd: number, k: number): number {
  if (k <= 0) return lineStart;
  const grid = lineStart + k * SEGMENT;
  if (grid >= lineEnd) return lineEnd;
  const rest = text.slice(grid, Math.min(lineEnd, grid + SEGMENT)).search(/\s/);
  return rest === -1 ? Math.min(lineEnd, grid + SEGMENT) : grid + rest;
}

/** The line holding `offset`, or on a long line the segment holding it. */
function regionAround(text: string, offset: number): [number, number] {
  const [start, end] = lineBounds(text, offset);
  if (end - start <= 2 * SEGMENT) return [start, end];
  let k = Math.floor((offset - start) / SEGMENT);
  while (k > 0 && segmentStart(text, start, end, k) > offset) k--;
  return [segmentStart(text, start, end, k), segmentStart(text, start, end, k + 1)];
}

/**
 * The spans of text that is not prose about a patient, on the line holding `offset` (on a line
 * of more than 4,000 code units, the segment of about 2,000 holding it). Lines are cut at "\n" (a
 * "\r" before it stays in the line). Cached for the last text asked about (its last 1,024 lines).
 */
export function spansAround(text: string, offset: number): Span[] {
  if (linesCache.text !== text) linesCache.spans.clear();
  linesCache.text = text; // adopt this string object (see core/once-per-text.ts recentPerText)
  const [start, end] = regionAround(text, offset);
  let spans = linesCache.spans.get(start);
  if (!spans) {
    // Findings come in text order: only the last lines are asked about again. Unbounded, a dense
    // 100 MB block of lines kept the spans of every line with a finding (469 MB peak, issue 12).
    if (linesCache.spans.size >= LINES_CACHED) linesCache.spans.clear();
    linesCache.spans.set(start, (spans = spansOfLine(text, start, end)));
  }
  return spans;
}

/** The kind of span [start, end) overlaps, or undefined when it is prose. */
export function maskedAt(text: string, start: number, end: number): SpanKind | undefined {
  for (let at = start; ; ) {
    for (const [s, e, kind] of spansAround(text, at)) if (s < end && start < e) return kind;
    const next = regionAround(text, at)[1];
    if (next >= end) return undefined;
    at = text[next] === '\n' ? next + 1 : next;
  }
}

/** Every span of `text`, in order: for tools (the fixer) that want them all at once. */
export function nonProseSpans(text: string): Span[] {
  const out: Span[] = [];
  for (let start = 0; start <= text.length; ) {
    const [s, e] = regionAround(text, start);
    out.push(...spansOfLine(text, s, e));
    if (e >= text.length) break;
    start = text[e] === '\n' ? e + 1 : e;
  }
  return out;
}
