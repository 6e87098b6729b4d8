// Turns an NLCST tree into what the matcher reads: for each sentence, its words as normalized
// tokens with source positions, and whether each token follows the previous one with nothing but
// whitespace or a hyphen between them (so phrases never match across punctuation).
import type { Nodes, Paragraph, Root, Sentence } from 'nlcst';
import type { Point } from '../types.js';
import { normalizeWord } from '../rules/pattern.js';
import { lazyRegExp } from '../core/lazy-regexp.js';

export interface Token {
  norm: string;
  start: Point;
  end: Point;
  /** Joined to the previous token of the sentence by whitespace or a hyphen only. */
  adjacent: boolean;
}

/**
 * What stands between tokens `a` and `b` of `text` (the text their offsets point into): from a's end to
 * b's start (UTF-16 offsets), white space, punctuation or nothing. The context readers (match/) ask it
 * of neighbouring tokens to tell a phrase from words across a clause mark.
 */
export function tokenGap(text: string, a: Token, b: Token): string {
  return text.slice(a.end.offset, b.start.offset);
}

/** Whether tokens `a` and `b` of `text` stand apart by spaces or tabs alone (one at least): two words of one phrase, not across a clause mark, a line break or nothing. */
export function spacedApart(text: string, a: Token, b: Token): boolean {
  return /^[ \t]+$/.test(tokenGap(text, a, b));
}

export interface SentenceTokens {
  tokens: Token[];
  /** Offsets of the paragraph holding the sentence, for quotation context. */
  paragraphStart: number;
  paragraphEnd: number;
  /**
   * The paragraph is the whole of its text (an HTML attribute's value, src/parse/html.ts): quotation
   * context is looked for inside it alone, and the value's own quotes are its delimiters, no quotation.
   */
  sealed?: boolean;
  /** Offsets of the sentence itself (to quote it where a format has no lines, e.g. .docx). */
  start: number;
  end: number;
}

const HYPHENS = new Set(['-', '\u2010', '\u2011']);
const APOSTROPHES = new Set(["'", '\u2019', '\u2018', '\u02bc']);

type Positioned = { position?: { start: Point; end: Point } };

// The tree's own point when it has an offset (every tree parsed here has: positioned.ts), else a
// copy with offset 0. Not copied: a token's points were two objects per word of every parsed window,
// and nothing changes a point in place (findings copy theirs: match.ts makeFinding), so tokens may
// share the tree's.
function pointOf(p: { line: number; column: number; offset?: number | undefined }): Point {
  return p.offset === undefined ? { line: p.line, column: p.column, offset: 0 } : (p as Point);
}

const DOTTED_INITIALISM = lazyRegExp(String.raw`^(?:\p{L}\.){2,}\p{L}\.?$`, 'u');

/**
 * A word node that is an initialism of three letters or more with full stops between them
 * ("I.V.D.U.", "U.D.S"): its text without a final stop, where that text starts and ends, and
 * whether a final stop followed. Undefined for any other word (two-letter "e.g.", "I.V." stay
 * split as before).
 */
function dottedInitialism(node: Extract<Nodes, { type: 'WordNode' }>): { text: string; start: Point; end: Point; finalStop: boolean } | undefined {
  const children = node.children;
  if (children.length < 5) return undefined;
  let raw = '';
  for (const child of children) raw += 'value' in child ? child.value : '';
  if (!DOTTED_INITIALISM().test(raw)) return undefined;
  const finalStop = raw.endsWith('.');
  const first = (children[0] as Positioned).position;
  const last = (children[children.length - (finalStop ? 2 : 1)] as Positioned).position;
  if (!first || !last) return undefined;
  return { text: finalStop ? raw.slice(0, -1) : raw, start: pointOf(first.start), end: pointOf(last.end), finalStop };
}

/** Clipped substance words notes write with a full stop ("subst.", "polysubst.", "alc.", "narc."): the stop is part of the token. */
export const CLIPPED = new Set(['subst', 'polysubst', 'alc', 'narc', 'narcs']);

function sentenceTokens(sentence: Sentence, paragraphStart: number, paragraphEnd: number): SentenceTokens {
  const span = { start: sentence.position?.start.offset ?? paragraphStart, end: sentence.position?.end.offset ?? paragraphEnd };
  const tokens: Token[] = [];
  let joined = false; // may the next token join the previous one?
  const push = (norm: string, start: Point, end: Point) => {
    if (norm) tokens.push({ norm, start, end, adjacent: joined && tokens.length > 0 });
    joined = true;
  };
  for (const node of sentence.children) {
    if (node.type === 'WhiteSpaceNode') continue;
    // An ampersand between words is the word "and" ("clean & sober", "drug dealer & user"), so a
    // phrase with "and" reads it (prefilter.ts alternatives() lets "and" stand for "&" too).
    if (node.type === 'SymbolNode' && node.value === '&' && tokens.length > 0) {
      const pos = (node as Positioned).position;
      if (pos) {
        push('and', pointOf(pos.start), pointOf(pos.end));
        continue;
      }
    }
    if (node.type !== 'WordNode') {
      joined = false;
      continue;
    }
    // An initialism of three letters or more written with full stops ("I.V.D.U.", "I.V.D.A") is
    // one token, its stops kept and a final stop dropped ("i.v.d.u"), so a rule can name it;
    // split at the stops it was letters no phrase could hold together.
    const dotted = dottedInitialism(node);
    if (dotted) {
      push(normalizeWord(dotted.text), dotted.start, dotted.end);
      joined = !dotted.finalStop;
      continue;
    }
    // Split a word at inner punctuation other than apostrophes: "drug-seeking" → drug, seeking
    // (joined); "h/o" → h, o (not joined).
    let text = '';
    let start: Point | undefined;
    let end: Point | undefined;
    let trailingApostrophe = false;
    for (const child of node.children) {
      const pos = (child as Positioned).position;
      if (!pos) continue;
      const value = 'value' in child ? child.value : '';
      // A full stop that ends a clipped substance word ("hx subst. abuse", "alc. abuse", "narc.
      // seeking") is part of it: the token is "subst." and the next word joins it, so a rule's
      // set can name the clipped form. A stop after any other word still parts two tokens.
      if (value === '.' && child === node.children[node.children.length - 1] && CLIPPED.has(text.toLowerCase())) {
        text += value;
        end = pointOf(pos.end);
        continue;
      }
      if (child.type === 'TextNode' || (APOSTROPHES.has(value) && text !== '')) {
        trailingApostrophe = child.type !== 'TextNode';
        text += value;
        start ??= pointOf(pos.start);
        if (!trailingApostrophe) end = pointOf(pos.end);
        continue;
      }
      if (start && end) push(normalizeWord(text), start, end);
      text = '';
      start = end = undefined;
      trailingApostrophe = false;
      joined = HYPHENS.has(value) && tokens.length > 0;
    }
    if (start && end) push(normalizeWord(trailingApostrophe ? text.slice(0, -1) : text), start, end);
  }
  return { tokens, paragraphStart, paragraphEnd, ...span };
}

/** Every sentence of the tree, with its tokens. */
export function collectSentences(tree: Root): SentenceTokens[] {
  const out: SentenceTokens[] = [];
  const walk = (node: Nodes, paragraph: Paragraph | undefined) => {
    if (node.type === 'SentenceNode') {
      const pos = (paragraph ?? node).position;
      const sentence = sentenceTokens(node, pos?.start.offset ?? 0, pos?.end.offset ?? Number.MAX_SAFE_INTEGER);
      if ((paragraph?.data as { sealed?: boolean } | undefined)?.sealed) sentence.sealed = true;
      out.push(sentence);
      return;
    }
    if ('children' in node) {
      const nextParagraph = node.type === 'ParagraphNode' ? node : paragraph;
      for (const child of node.children) walk(child as Nodes, nextParagraph);
    }
  };
  walk(tree, undefined);
  return out;
}
