// The items of a list as clauses of their own. Plain text and exports write lists as lines ("-
// refuses meds", "* ETOH abuse", "• agitated", "1. …", "2) …", "[x] …") and forms as "Label: value"
// lines; retext reads the lines of a paragraph as one sentence, so a context word of one item
// ("not", "informed", "supplement") excused a phrase on the next, and a phrase could be made of
// the last word of one line and the first of the next ("Substance: alcohol / Abuse screen: …").
//
// A sentence is cut where a line starts with a list marker or a label. A lead-in that ends its line
// with a colon ("Denies:", "Substance use:") is the list's own context: it is kept before every
// item, so "Denies:\n- combative" reads "Denies combative" (its phrases are reported once, as the
// matcher reports a phrase found in several readings once).
//
// Table rows written as plain text ("Urine tox | dirty", "| UDS | clean |", "UDS:<tab>dirty") are
// clauses of their own in the same way: a sentence is cut where a row's line starts and where the
// line after a row starts, so a condition reads the row's cells together (the test's name before
// its value) and never reaches into the next row; a phrase never runs from one row into the next
// ("dirty" ending one row, "UDS" starting the next). A tab between two words of a line is a cell
// border: the words on either side are never one phrase (a pipe, as punctuation, already ends one).
// Markdown and HTML tables are read row by row by their readers (parse/table-rows.ts).
//
// Decided from the text between two tokens (and the lines around it), never from the parse, so
// the fast path, which parses a few sentences at a time, cuts where the whole parse does.
// Markdown and HTML lists are paragraphs of their own already; the same cut applies to their text.
import type { SentenceTokens, Token } from '../parse/tokens.js';

// A list marker at a line's start, then white space: a dash, an asterisk, a plus, a bullet
// character, a number or a letter with "." or ")", "(1)", or a check box.
const ITEM =
  /^[ \t]*(?:[-*+\u2022\u2023\u2043\u2013\u00b7\u25aa\u25ab\u25cf\u25cb\u25a0\u25a1\u25e6\u27a2\u25ba]|\(?\d{1,3}[.)]|\(?[A-Za-z][.)]|\[[ xX\u2713\u2714]?\])[ \t]/;
// A label at a line's start: a capital, a few words, a colon and white space (not "http://").
const LABEL = /^[ \t]*[A-Z][A-Za-z0-9 /&()'\u2019-]{0,40}:(?!\/\/)(?=[ \t]|$)/m;

// A table row written as text: a line that starts with a pipe, has a pipe between two cells'
// text, or a tab between two words ("Urine tox | dirty", "| UDS | clean |", "UDS:\tdirty").
const ROW = /^[ \t]*\||[^\s|][ \t]*\|[ \t]*[^\s|]|[^\s]\t+[^\s]/;
// How much of a line is read to tell a row (UTF-16 code units): a row's first cells.
const ROW_REACH = 200;

/** Is the line through [lineStart, …) of `text` a table row? Read no further than ROW_REACH or its end. */
function isRow(text: string, lineStart: number): boolean {
  const end = text.indexOf('\n', lineStart);
  return ROW.test(text.slice(lineStart, end === -1 || end - lineStart > ROW_REACH ? lineStart + ROW_REACH : end));
}

/** Does a new item start at the token at `to`, after the gap [from, to) between two tokens (a line break in it)? */
function startsItem(text: string, from: number, to: number): boolean {
  // Gaps are a few characters: look for the line break in the gap alone (a search of the text from
  // the gap on read a one-line note to its end at every token).
  let newline = -1;
  for (let k = to - 1; k >= from; k--) {
    if (text.charCodeAt(k) === 10) {
      newline = k;
      break;
    }
  }
  if (newline === -1) return false;
  const head = text.slice(newline + 1, newline + 49);
  if (ITEM.test(head) || LABEL.test(head.split('\n', 1)[0]!)) return true;
  // A table row starts here, or the line the previous token ends is one (the row ends here).
  if (isRow(text, newline + 1)) return true;
  const previousLine = Math.max(text.lastIndexOf('\n', newline - 1) + 1, newline - ROW_REACH);
  return ROW.test(text.slice(previousLine, newline));
}

/** Is the gap [from, to) between two tokens a cell border: a tab on one line? */
function cellBorder(text: string, from: number, to: number): boolean {
  let tab = false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) return false;
    if (c === 9) tab = true;
  }
  return tab;
}

/**
 * The clauses of `sentence` of `text`: the sentence itself when no line of it starts a list item, a
 * label or a table row (nor follows a row); otherwise one sentence per item, each after the lead-in
 * when the lead-in's line ends with a colon. An item's first token is never joined to the token
 * before it, nor a token to one across a tab on its line (a cell border). Offsets are unchanged.
 */
export function listItems(text: string, sentence: SentenceTokens): SentenceTokens[] {
  let { tokens } = sentence;
  const cuts: number[] = [];
  let borders: number[] | undefined;
  for (let i = 1; i < tokens.length; i++) {
    const from = tokens[i - 1]!.end.offset;
    const to = tokens[i]!.start.offset;
    if (to > from && startsItem(text, from, to)) cuts.push(i);
    else if (tokens[i]!.adjacent && to > from && cellBorder(text, from, to)) (borders ??= []).push(i);
  }
  if (borders) {
    // Words on either side of a tab are in two cells: never one phrase.
    tokens = tokens.slice();
    for (const i of borders) tokens[i] = { ...tokens[i]!, adjacent: false };
    sentence = { ...sentence, tokens };
  }
  if (cuts.length === 0) return [sentence];
  const pieces: Token[][] = [];
  let last = 0;
  for (const cut of [...cuts, tokens.length]) {
    const piece = tokens.slice(last, cut);
    if (piece.length > 0) pieces.push(piece[0]!.adjacent ? [{ ...piece[0]!, adjacent: false }, ...piece.slice(1)] : piece);
    last = cut;
  }
  // A lead-in: the first piece, when its line ends with a colon ("Denies:", "Plan:").
  const first = pieces[0]!;
  const afterLead = text.slice(first.at(-1)!.end.offset, pieces[1]?.[0]?.start.offset ?? sentence.end);
  const lead = pieces.length > 1 && /^[ \t]*:[ \t]*(?:\r?\n|$)/.test(afterLead) ? first : undefined;
  const items = lead ? pieces.slice(1) : pieces;
  return items.map((item, k) => {
    const own = lead ? [...lead, item[0]!.adjacent ? { ...item[0]!, adjacent: false } : item[0]!, ...item.slice(1)] : item;
    const start = k === 0 && !lead ? sentence.start : own[0]!.start.offset;
    const end = k === items.length - 1 ? sentence.end : item.at(-1)!.end.offset;
    return { ...sentence, tokens: own, start, end };
  });
}
