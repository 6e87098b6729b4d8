// A word that inline markup splits without white space ("**IV**DU", "<b>IV</b>DU", "drug*s*",
// "ad<i>dict</i>") is one word to its reader, but mdast-util-to-nlcst and hast-util-to-nlcst
// tokenize each text node alone, so the sentence held two word nodes side by side ("IV", "DU") and
// no rule saw "IVDU". Plain text never gives two word nodes side by side (the tokenizer runs letters
// together), so such a pair always comes from two text nodes. Here the pair is made one word node
// when all that stands between them in the source is inline markup (emphasis or strike-through
// markers, an inline formatting tag, a comment): its children keep their own positions, so the
// token runs from the first piece's start to the last piece's end in the file (src/parse/tokens.ts)
// and a fix across the markup is withheld (src/fix/refine.ts: "split by markup"). Anything else
// between them (a line break, a link target, an image, an element whose text is dropped) keeps two
// words.
import type { Sentence, Word } from 'nlcst';
import type { ParseEnglish } from 'parse-english';
import { lazyRegExp } from '../core/lazy-regexp.js';
import type { Finding } from '../types.js';

// Inline elements that only style the text they hold; a reader runs text on across them.
// <wbr> (a place a line may break) too: hast-util-to-nlcst reads it as a space, html.ts drops it.
const INLINE_TAGS = 'a|abbr|b|bdi|bdo|big|cite|dfn|em|font|i|mark|q|s|small|span|strike|strong|sub|sup|u|var|wbr';
const TAG = String.raw`<\/?(?:${INLINE_TAGS})(?:\s[^<>]*)?>|<!--[\s\S]*?-->`;
// One piece of markup that may stand inside a word, by syntax: in Markdown, emphasis, strong and
// strike-through markers and inline HTML that only styles; in HTML, inline formatting tags and comments.
const PIECE = { markdown: String.raw`[*_~]+|${TAG}`, html: TAG };
/** Markdown: the source between two pieces of a word holds only markup that may stand inside it. */
export const MARKDOWN_JOIN = new RegExp(String.raw`^(?:${PIECE.markdown})*$`, 'i');
/** HTML: the same for inline formatting tags and comments. */
export const HTML_JOIN = new RegExp(String.raw`^(?:${PIECE.html})*$`, 'i');

type Positioned = { position?: { start: { offset?: number }; end: { offset?: number } } };

/** Adds to `parser` a first sentence plugin that joins word nodes split by markup only (`join` tests the source between them). */
export function joinMarkupSplitWords(parser: ParseEnglish, source: string, join: RegExp): void {
  const plugin = (sentence: Sentence): void => {
    const children = sentence.children;
    for (let i = children.length - 1; i > 0; i--) {
      const a = children[i - 1]!;
      const b = children[i]!;
      if (a.type !== 'WordNode' || b.type !== 'WordNode') continue;
      const end = (a as Positioned).position?.end.offset;
      const start = (b as Positioned).position?.start.offset;
      if (end === undefined || start === undefined || start < end || !join.test(source.slice(end, start))) continue;
      const word: Word = { type: 'WordNode', children: [...a.children, ...b.children] };
      if (a.position && b.position) word.position = { start: a.position.start, end: b.position.end };
      children.splice(i - 1, 2, word);
    }
  };
  parser.tokenizeSentencePlugins = [plugin, ...parser.tokenizeSentencePlugins];
}

const inWord = (piece: string) => lazyRegExp(String.raw`(?<=[\p{L}\p{N}])(?:${piece})+(?=[\p{L}\p{N}])`, 'giu');
// Each built at its first use (lazyRegExp): a plain-text check never asks, and building the two
// (Unicode property classes) was ~1 ms of every start (BENCHMARKS.md, branch cold13).
const WORD_MARKUP = { markdown: inWord(PIECE.markdown), html: inWord(PIECE.html) };

/**
 * `text` with the inline markup inside words taken out ("**IV**DU" → "**IVDU"), for the scan that
 * decides whether a Markdown or HTML text can hold a phrase at all: undefined when there is none.
 */
export function withoutWordMarkup(text: string, syntax: 'markdown' | 'html'): string | undefined {
  const joined = text.replace(WORD_MARKUP[syntax](), '');
  return joined === text ? undefined : joined;
}

// The inline markup a phrase's source may hold between or around its words: emphasis markers and
// formatting tags in Markdown, formatting tags and comments in HTML. Built at first use.
const PHRASE_MARKUP = { markdown: lazyRegExp(`(?:${PIECE.markdown})+`, 'giu'), html: lazyRegExp(`(?:${PIECE.html})+`, 'giu') };

/**
 * A finding's phrase as its reader sees it, for its message: `actual` (the source, as the finding's
 * offsets give it) without the inline markup in it ("committed* suicide" → "committed suicide",
 * "suffers</em> from" → "suffers from", "sub<strong>stance</strong> abuse" → "substance abuse").
 * A patient-education trial (2026-12-04) saw these fragments in GitHub annotations and SARIF.
 */
export function readablePhrase(actual: string, syntax: 'markdown' | 'html'): string {
  if (!/[<*_~]/.test(actual)) return actual;
  const plain = actual.replace(PHRASE_MARKUP[syntax](), '');
  // Markup alone (no word left) is not read away.
  return /[\p{L}\p{N}]/u.test(plain) ? plain : actual;
}

/**
 * The phrase as the message quotes it: in Markdown and HTML without the inline markup its source
 * holds (lint-document.ts readableMessages), "heroin addict" for `actual` "heroin** addict" or
 * "heroin</b> addict", which this column showed while JSON, compact, SARIF and GitHub gave the words
 * (a run of 2026-12-04), and the language server's hover quoted in Markdown, where "**" broke its
 * bold. The finding does not say its syntax: the message is the witness of which
 * reading it quotes; otherwise `actual` as it is.
 */
export function shownPhrase(f: Pick<Finding, 'actual' | 'message'>): string {
  if (/[<*_~]/.test(f.actual) && !f.message.includes(`"${f.actual}"`))
    for (const syntax of ['markdown', 'html'] as const) {
      const readable = readablePhrase(f.actual, syntax);
      if (readable !== f.actual && f.message.includes(`"${readable}"`)) return readable;
    }
  return f.actual;
}
