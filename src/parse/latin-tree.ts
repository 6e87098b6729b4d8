// parse-english 7's tree from its tokens: parse-latin 7's sentence, paragraph and root passes
// (lib/index.js tokenizeSentence, tokenizeParagraph, tokenizeRoot and splitNode, lib/plugin/*.js)
// with parse-english's two plugins, ported from JavaScript. Same nodes, same order, same points
// (a parent's position shares its children's point objects, as there), same position objects
// changed in place: the JSON of every tree is parse-english's (test/latin-tree.test.ts holds it
// to unified().use(retextEnglish).parse over the corpus and generated text, and to the plugin
// path of positioned-english.ts).
//
// Why a port: the plugins cost more than the tokenizer. Each is a callback per child through
// unist-util-modify-children and array-iterate (a Function.prototype.call and an `in` test per
// child, 18 walks per window), and most test a token's text through nlcst-to-string's toString
// (an array and a join per word). Here each plugin is a plain loop over the children, a
// punctuation or symbol token's text is its value, a word's text is read only where a plugin reads
// it (mostly its one text node), and the passes whose result is thrown away are left out (the
// sentence's and the paragraph's patchPosition: tokenizeParagraph and tokenizeRoot keep only their
// children, cut by splitNode).
//
// parse-latin and parse-english: MIT licence, copyright (c) 2014 Titus Wormer
// <tituswormer@gmail.com> (node_modules/parse-latin/license). Each function below names the plugin
// it ports; where a loop's indexing differs in form from array-iterate's, the comment says why it
// visits the same children.
import type { Root } from 'nlcst';
import type { Point } from '../types.js';
import {
  abbreviationPrefix,
  abbreviations,
  abbreviationsSensitive,
  affixSymbol,
  elisionAffix,
  elisionPrefix,
  lowerInitial,
  numerical,
} from './latin-expressions.js';

/** An nlcst node as the passes see it: a literal has a value, a parent children. */
interface Node {
  type: string;
  value?: string;
  children?: Node[];
  position?: { start: Point; end: Point };
}

const WORD = 'WordNode';
const SENTENCE = 'SentenceNode';
const WHITE_SPACE = 'WhiteSpaceNode';
const PUNCTUATION = 'PunctuationNode';
const SYMBOL = 'SymbolNode';

/** nlcst-to-string's toString of one node: a literal's value, else its children's text joined. */
function textOf(node: Node): string {
  if (node.value !== undefined) return node.value;
  const children = node.children!;
  // A word is mostly its one text node.
  if (children.length === 1 && children[0]!.value !== undefined) return children[0]!.value;
  let text = '';
  for (let i = 0; i < children.length; i++) text += textOf(children[i]!);
  return text;
}

function isMark(node: Node): boolean {
  return node.type === PUNCTUATION || node.type === SYMBOL;
}

/** terminalMarker, /^([!.?\u2026\u203D]+)$/, without the regex. */
function isTerminalMarker(value: string): boolean {
  if (value.length === 0) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c !== 46 && c !== 33 && c !== 63 && c !== 0x2026 && c !== 0x203d) return false;
  }
  return true;
}

/**
 * newLine, /^[ \t]*((\r?\n|\r)[\t ]*)+$/, without the regex: only spaces, tabs and line breaks,
 * at least one line break (any such string matches the regex; no other does).
 */
function isNewLine(value: string): boolean {
  let breaks = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 10 || c === 13) breaks = true;
    else if (c !== 32 && c !== 9) return false;
  }
  return breaks;
}

/** wordSymbolInner, /^([&'\-.:=?@\u00AD\u00B7\u2010\u2011\u2019\u2027]|_+)$/, without the regex. */
function isInnerWordSymbol(value: string): boolean {
  if (value.length === 1) {
    switch (value.charCodeAt(0)) {
      case 38: // &
      case 39: // '
      case 45: // -
      case 46: // .
      case 58: // :
      case 61: // =
      case 63: // ?
      case 64: // @
      case 95: // _
      case 0xad:
      case 0xb7:
      case 0x2010:
      case 0x2011:
      case 0x2019:
      case 0x2027:
        return true;
      default:
        return false;
    }
  }
  if (value.length === 0) return false;
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) !== 95) return false;
  return true;
}

/** How many line breaks ("\r\n", "\r" or "\n") a text holds: toString(node).split(/\r\n|\r|\n/).length - 1. */
function lineBreaks(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 13) {
      n++;
      if (value.charCodeAt(i + 1) === 10) i++;
    } else if (c === 10) n++;
  }
  return n;
}

// What a text's tokens hold, a bit each (treeOfTokens).
const ELISION = 1; // a mark starting with "/", "'" or "\u2019" (mergeElisions acts on "/", "'" and "\u2019")
const AMPERSAND = 2; // "&"
const HYPHEN = 4; // "-"
const INNER = 8; // a mark starting with an inner-word symbol (isInnerWordSymbol)
const SLASH = 16; // "/"
const FULL_STOP = 32; // punctuation starting with "."
const LINE_BREAK = 64; // white space with a line break
const BLANK_LINE = 128; // white space with two line breaks or more

/** The bits of a punctuation or symbol token: by its first character, so a bit may be set for a token no pass acts on, never missed. */
function markFlags(token: Node): number {
  const value = token.value!;
  switch (value.charCodeAt(0)) {
    case 47: // /
      return ELISION | SLASH;
    case 39: // '
    case 0x2019:
      return ELISION | INNER;
    case 38: // &
      return AMPERSAND | INNER;
    case 45: // -
      return HYPHEN | INNER;
    case 46: // .
      return token.type === PUNCTUATION ? FULL_STOP | INNER : INNER;
    case 58: // :
    case 61: // =
    case 63: // ?
    case 64: // @
    case 95: // _
    case 0xad:
    case 0xb7:
    case 0x2010:
    case 0x2011:
    case 0x2027:
      return INNER;
    default:
      return 0;
  }
}

function hasLineBreak(value: string): boolean {
  return value.includes('\n') || value.includes('\r');
}

function never(): boolean {
  return false;
}

// ---- Sentence passes (parse-english's tokenizeSentencePlugins, less patchPosition) ----

/** parse-english mergeEnglishElisionExceptions (visitChildren: each index once, in order, as the array stands). */
function mergeElisions(sentence: Node): void {
  const siblings = sentence.children!;
  for (let index = 0; index < siblings.length; index++) {
    const child = siblings[index]!;
    if (!isMark(child)) continue;
    const length = siblings.length;
    const value = child.value!;
    if (value === '/') {
      // "w/": with.
      const sibling = siblings[index - 1];
      if (sibling && sibling.type === WORD && textOf(sibling).toLowerCase() === 'w') {
        siblings.splice(index, 1);
        appendNode(sibling, child);
      }
    } else if (value === "'" || value === '\u2019') {
      const sibling = siblings[index - 1]!;
      if (
        index > 2 &&
        index < length - 1 &&
        sibling.type === WORD &&
        siblings[index - 2]!.type === WHITE_SPACE &&
        siblings[index + 1]!.type === WHITE_SPACE &&
        elisionPrefix.test(textOf(sibling).toLowerCase())
      ) {
        siblings.splice(index, 1);
        appendNode(sibling, child);
        continue;
      }
      if (index !== length - 1 && siblings[index + 1]!.type === WORD && (index === 0 || siblings[index - 1]!.type !== WORD)) {
        const next = siblings[index + 1]!;
        const nextValue = textOf(next).toLowerCase();
        const other = siblings[index + 2];
        if (elisionAffix.test(nextValue)) {
          siblings.splice(index, 1);
          next.children!.unshift(child);
          if (next.position && child.position) next.position.start = child.position.start;
        } else if (nextValue === 'n' && other && other.type === PUNCTUATION && (other.value === "'" || other.value === '\u2019')) {
          siblings.splice(index, 1);
          siblings.splice(index + 1, 1);
          next.children!.unshift(child);
          next.children!.push(other);
          if (next.position) {
            if (child.position) next.position.start = child.position.start;
            if (other.position) next.position.end = other.position.end;
          }
        }
      }
    }
  }
}

// The modifyChildren passes below: a modifier's returned index is where array-iterate goes next
// (a negative one: 0), none is the next index; `index < children.length` is its loop test (no
// array here has holes, so its `index in values` skip never skips).

/** parse-latin mergeInitialWordSymbol: "&" joins the word after it when no word stands before. */
function mergeInitialWordSymbol(sentence: Node): void {
  const children = sentence.children!;
  let index = 0;
  while (index < children.length) {
    const child = children[index]!;
    if (isMark(child) && child.value === '&') {
      const next = children[index + 1];
      if (!((index > 0 && children[index - 1]!.type === WORD) || !(next && next.type === WORD))) {
        children.splice(index, 1);
        next!.children!.unshift(child);
        if (next!.position && child.position) next!.position.start = child.position.start;
        index = index > 0 ? index - 1 : 0;
        continue;
      }
    }
    index++;
  }
}

/** parse-latin mergeFinalWordSymbol: "-" joins the word before it when no word follows. */
function mergeFinalWordSymbol(sentence: Node): void {
  const children = sentence.children!;
  let index = 1;
  while (index < children.length) {
    const child = children[index]!;
    if (isMark(child) && child.value === '-') {
      const previous = children[index - 1];
      const next = children[index + 1];
      if ((!next || next.type !== WORD) && previous && previous.type === WORD) {
        children.splice(index, 1);
        appendNode(previous, child);
        // Next: the node now at `index`.
        continue;
      }
    }
    index++;
  }
}

/**
 * parse-latin mergeInnerWordSymbol: words joined by inner-word symbols ("don't", "e-mail", "a.b")
 * become one. Its modifier queues the marks and gathers the words' children from the mark on,
 * in two new arrays per mark after a word; here the run is measured first, so a mark that joins
 * nothing (most: "," or "." before white space) allocates nothing.
 */
function mergeInnerWordSymbol(sentence: Node): void {
  const siblings = sentence.children!;
  let index = 1;
  while (index < siblings.length) {
    const child = siblings[index]!;
    const previous = siblings[index - 1]!;
    if (isMark(child) && previous.type === WORD && isInnerWordSymbol(child.value!)) {
      // The run of words and inner-word symbols from `index`; `end`: just past its last word.
      let end = -1;
      for (let position = index + 1; position < siblings.length; position++) {
        const sibling = siblings[position]!;
        if (sibling.type === WORD) end = position + 1;
        else if (!(isMark(sibling) && isInnerWordSymbol(sibling.value!))) break;
      }
      if (end > 0) {
        // The marks and the words' children up to the last word, as the modifier's `tokens`.
        const tokens: Node[] = [];
        for (let position = index; position < end; position++) {
          const sibling = siblings[position]!;
          if (sibling.type === WORD) tokens.push(...sibling.children!);
          else tokens.push(sibling);
        }
        siblings.splice(index, end - index);
        previous.children!.push(...tokens);
        const last = tokens[tokens.length - 1]!;
        if (previous.position && last.position) previous.position.end = last.position.end;
        continue;
      }
    }
    index++;
  }
}

/** parse-latin mergeInnerWordSlash: short words around "/" ("w/o", "h/o", "and/or" not) become one. */
function mergeInnerWordSlash(sentence: Node): void {
  const siblings = sentence.children!;
  let index = 1;
  while (index < siblings.length) {
    const child = siblings[index]!;
    const previous = siblings[index - 1]!;
    if (previous.type === WORD && isMark(child) && child.value === '/') {
      const previousValue = textOf(previous);
      let tail = child;
      const queue: Node[] = [child];
      let count = 1;
      let nextValue = '';
      const next = siblings[index + 1];
      if (next && next.type === WORD) {
        nextValue = textOf(next);
        tail = next;
        queue.push(...next.children!);
        count++;
      }
      if (previousValue.length < 3 && (!nextValue || nextValue.length < 3)) {
        previous.children!.push(...queue);
        siblings.splice(index, count);
        if (previous.position && tail.position) previous.position.end = tail.position.end;
        continue;
      }
    }
    index++;
  }
}

/** parse-latin mergeInitialisms: the full stop after "A.B" joins it, unless it is all digits ("1.2"). */
function mergeInitialisms(sentence: Node): void {
  const siblings = sentence.children!;
  let index = 1;
  next: while (index < siblings.length) {
    const child = siblings[index]!;
    if (child.type === PUNCTUATION && child.value === '.') {
      const previous = siblings[index - 1]!;
      const letters = previous.children;
      if (previous.type === WORD && letters && letters.length !== 1 && letters.length % 2 !== 0) {
        let position = letters.length;
        let isAllDigits = true;
        while (letters[--position]) {
          const value = textOf(letters[position]!);
          if (position % 2 === 0) {
            // One character each.
            if (value.length > 1) {
              index++;
              continue next;
            }
            if (!numerical.test(value)) isAllDigits = false;
          } else if (value !== '.') {
            if (position < letters.length - 2) break;
            index++;
            continue next;
          }
        }
        if (!isAllDigits) {
          siblings.splice(index, 1);
          letters.push(child);
          if (previous.position && child.position) previous.position.end = child.position.end;
          continue;
        }
      }
    }
    index++;
  }
}

// ---- Paragraph passes (parse-english's tokenizeParagraphPlugins, less patchPosition) ----

/** `node` as the last child of `parent`, whose end moves to the node's (as parse-latin's modifiers do). */
function appendNode(parent: Node, node: Node): void {
  parent.children!.push(node);
  if (parent.position && node.position) parent.position.end = node.position.end;
}

/**
 * The sentence at `index` of `children` joins the one before it (its children appended there, its
 * end that sentence's end) and leaves `children`: what parse-latin's sentence merges do alike.
 */
function joinPrevious(children: Node[], index: number): void {
  const previous = children[index - 1]!;
  const child = children[index]!;
  previous.children!.push(...child.children!);
  children.splice(index, 1);
  if (previous.position && child.position) previous.position.end = child.position.end;
}

/**
 * parse-english mergeEnglishPrefixExceptions and parse-latin mergePrefixExceptions, which differ
 * only in their tests: a sentence ending in a word and "." (a punctuation token, or with
 * `symbolToo` a symbol token too) whose text `isAbbreviation` accepts runs on: the "." joins the
 * word and the next sentence joins this one, which is then looked at again from the one before.
 */
function mergeAbbreviationEnds(paragraph: Node, symbolToo: boolean, isAbbreviation: (word: string) => boolean): void {
  const children = paragraph.children!;
  let index = 0;
  while (index < children.length) {
    const own = children[index]!.children;
    if (own && own.length > 1) {
      const period = own[own.length - 1]!;
      const word = own[own.length - 2]!;
      if (
        (period.type === PUNCTUATION || (symbolToo && period.type === SYMBOL)) &&
        period.value === '.' &&
        word.type === WORD &&
        isAbbreviation(textOf(word))
      ) {
        own.pop();
        appendNode(word, period);
        const next = children[index + 1];
        if (next && next.type === SENTENCE) {
          joinPrevious(children, index + 1);
          index = index > 0 ? index - 1 : 0;
          continue;
        }
      }
    }
    index++;
  }
}

/** parse-english mergeEnglishPrefixExceptions: a sentence ending in an English abbreviation and "." runs on. */
function mergeEnglishPrefixExceptions(paragraph: Node): void {
  mergeAbbreviationEnds(paragraph, false, (word) => abbreviations.test(word.toLowerCase()) || abbreviationsSensitive.test(word));
}

/** parse-latin mergeNonWordSentences: a sentence without words joins the one before, else the one after. */
function mergeNonWordSentences(paragraph: Node): void {
  const children = paragraph.children!;
  let index = 0;
  outer: while (index < children.length) {
    const child = children[index]!;
    const own = child.children;
    if (own) {
      for (let position = 0; position < own.length; position++) {
        if (own[position]!.type === WORD) {
          index++;
          continue outer;
        }
      }
      if (children[index - 1]?.children) {
        joinPrevious(children, index);
        continue;
      }
      const next = children[index + 1];
      if (next?.children) {
        next.children.unshift(...own);
        if (next.position && child.position) next.position.start = child.position.start;
        children.splice(index, 1);
      }
    }
    // After a merge into the next sentence, that sentence (now at `index`) is skipped, as there.
    index++;
  }
}

/** parse-latin mergeAffixSymbol: closing marks after a terminal marker (`."`, `.)`) go back to the sentence before. */
function mergeAffixSymbol(paragraph: Node): void {
  const children = paragraph.children!;
  let index = 1;
  while (index < children.length) {
    const child = children[index]!;
    const own = child.children;
    if (own && own.length > 0) {
      const previous = children[index - 1];
      const first = own[0]!;
      const second = own[1];
      if (previous && previous.type === SENTENCE && isMark(first) && affixSymbol.test(first.value!)) {
        own.shift();
        appendNode(previous, first);
        if (second?.position && child.position) child.position.start = second.position.start;
        // Next: the sentence before again (index - 1 >= 0 here; at 0 there is none before, so on to 1).
        index--;
        continue;
      }
    }
    index++;
  }
}

/** parse-latin mergeInitialLowerCaseLetterSentences: a sentence whose first word starts lower-case joins the one before. */
function mergeLowerCaseSentences(paragraph: Node): void {
  const children = paragraph.children!;
  let index = 1;
  outer: while (index < children.length) {
    const child = children[index]!;
    if (child.type === SENTENCE) {
      const previous = children[index - 1]!;
      const own = child.children!;
      if (own.length > 0 && previous.type === SENTENCE) {
        for (let position = 0; position < own.length; position++) {
          const node = own[position]!;
          if (node.type === WORD) {
            if (!lowerInitial.test(textOf(node))) break;
            joinPrevious(children, index);
            continue outer;
          }
          if (isMark(node)) break;
        }
      }
    }
    index++;
  }
}

/** parse-latin mergeInitialDigitSentences: a sentence starting with a word that starts with a digit joins the one before. */
function mergeDigitSentences(paragraph: Node): void {
  const children = paragraph.children!;
  let index = 1;
  while (index < children.length) {
    const child = children[index]!;
    const previous = children[index - 1]!;
    if (previous.type === SENTENCE && child.type === SENTENCE) {
      const head = child.children![0];
      if (head && head.type === WORD) {
        const c = textOf(head).charCodeAt(0);
        // digitStart, /^\d/.
        if (c >= 48 && c <= 57) {
          joinPrevious(children, index);
          continue;
        }
      }
    }
    index++;
  }
}

/** parse-latin mergePrefixExceptions: a sentence ending in a Latin abbreviation, a letter or 1-3 digits and "." runs on. */
function mergePrefixExceptions(paragraph: Node): void {
  mergeAbbreviationEnds(paragraph, true, (word) => abbreviationPrefix.test(word.toLowerCase()));
}

/** parse-latin mergeAffixExceptions: a sentence whose first mark is "," or ";" (before any word) joins the one before. */
function mergeAffixExceptions(paragraph: Node): void {
  const children = paragraph.children!;
  let index = 1;
  outer: while (index < children.length) {
    const child = children[index]!;
    const previous = children[index - 1]!;
    const own = child.children;
    if (previous.children && own && own.length > 0) {
      for (let position = 0; position < own.length; position++) {
        const node = own[position]!;
        if (node.type === WORD) break;
        if (isMark(node)) {
          const value = node.value!;
          if (value !== ',' && value !== ';') break;
          joinPrevious(children, index);
          continue outer;
        }
      }
    }
    index++;
  }
}

/** parse-latin mergeRemainingFullStops: a "." not ending its sentence joins the word before, else the word after. */
function mergeRemainingFullStops(paragraph: Node): void {
  const children = paragraph.children!;
  for (let index = 0; index < children.length; index++) {
    const own = children[index]!.children;
    if (!own) continue;
    let hasFoundDelimiter = false;
    // parse-latin's `while (child.children[--position])` stops at index -1 (no child is falsy);
    // reading own[-1] is a named-property lookup in V8, so the loop tests the index instead.
    for (let position = own.length - 1; position >= 0; position--) {
      const grandchild = own[position]!;
      if (!isMark(grandchild)) {
        // A sentence without terminal marker: as though one were found.
        if (grandchild.type === WORD) hasFoundDelimiter = true;
        continue;
      }
      const value = grandchild.value!;
      if (!isTerminalMarker(value)) continue;
      // The last terminal marker stays.
      if (!hasFoundDelimiter) {
        hasFoundDelimiter = true;
        continue;
      }
      if (value !== '.') continue;
      const previous = position > 0 ? own[position - 1] : undefined;
      const next = own[position + 1];
      if (previous && previous.type === WORD) {
        const nextNext = own[position + 2];
        // `{.} .`: left alone.
        if (next && nextNext && next.type === WHITE_SPACE && textOf(nextNext) === '.') continue;
        own.splice(position, 1);
        appendNode(previous, grandchild);
        position--;
      } else if (next && next.type === WORD) {
        own.splice(position, 1);
        next.children!.unshift(grandchild);
        if (grandchild.position && next.position) next.position.start = grandchild.position.start;
      }
    }
  }
}

/** parse-latin makeInitialWhiteSpaceSiblings (visitChildren): white space starting a child moves up before it. */
function makeInitialWhiteSpaceSiblings(parent: Node): void {
  const children = parent.children!;
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    const own = child.children;
    if (!own) continue;
    const head = own[0];
    if (head && head.type === WHITE_SPACE) {
      own.shift();
      // The child moves to index + 1, where the loop visits it again.
      children.splice(index, 0, head);
      const next = own[0];
      if (next?.position && child.position) child.position.start = next.position.start;
    }
  }
}

/** parse-latin makeFinalWhiteSpaceSiblings: white space ending a child moves up after it. */
function makeFinalWhiteSpaceSiblings(parent: Node): void {
  const children = parent.children!;
  let index = 0;
  while (index < children.length) {
    const child = children[index]!;
    const own = child.children;
    if (own) {
      const tail = own[own.length - 1];
      if (tail && tail.type === WHITE_SPACE) {
        own.pop();
        children.splice(index + 1, 0, tail);
        const previous = own[own.length - 1];
        if (previous?.position && child.position) child.position.end = previous.position.end;
        // Next: this child again.
        continue;
      }
    }
    index++;
  }
}

/** parse-latin breakImplicitSentences: white space with two line breaks or more inside a sentence ends it. */
function breakImplicitSentences(paragraph: Node): void {
  const children = paragraph.children!;
  let index = 0;
  outer: while (index < children.length) {
    const child = children[index]!;
    if (child.type === SENTENCE) {
      const own = child.children!;
      // Not the first child or the last.
      for (let position = 1; position < own.length - 1; position++) {
        const node = own[position]!;
        if (node.type !== WHITE_SPACE || lineBreaks(textOf(node)) < 2) continue;
        child.children = own.slice(0, position);
        const insertion: Node = { type: SENTENCE, children: own.slice(position + 1) };
        const tail = own[position - 1]!;
        const head = own[position + 1]!;
        children.splice(index + 1, 0, node, insertion);
        if (child.position && tail.position && head.position) {
          const end = child.position.end;
          child.position.end = tail.position.end;
          insertion.position = { start: head.position.start, end };
        }
        // Next: the white space just inserted.
        index++;
        continue outer;
      }
    }
    index++;
  }
}

/** parse-latin removeEmptyNodes: parents left without children go. */
function removeEmptyNodes(parent: Node): void {
  const children = parent.children!;
  let index = 0;
  while (index < children.length) {
    const own = children[index]!.children;
    if (own && own.length === 0) children.splice(index, 1);
    else index++;
  }
}

/** parse-latin splitNode: `children` cut after each node of `type` that `test` accepts (and after the last), each piece in a new parent. */
function splitNode(children: Node[], parentType: string, type: string, test: (value: string) => boolean): Node[] {
  const result: Node[] = [];
  let start = 0;
  const last = children.length - 1;
  for (let index = 0; index <= last; index++) {
    const token = children[index]!;
    if (index === last || (token.type === type && test(textOf(token)))) {
      const parent: Node = { type: parentType, children: children.slice(start, index + 1) };
      const first = children[start]!;
      if (first.position && token.position) parent.position = { start: first.position.start, end: token.position.end };
      result.push(parent);
      start = index + 1;
    }
  }
  return result;
}

/**
 * The tree parse-english 7 makes of the text whose tokens (its `tokenize`'s: words, white space,
 * punctuation and symbols, with positions) are `tokens`: sentences, paragraphs and the root, the
 * tokens merged and moved as its plugins move them. `tokens` (the array and its nodes) become part
 * of the tree and are changed. An empty list gives a root without children or position.
 */
export function treeOfTokens(tokens: readonly unknown[]): Root {
  const top: Node = { type: SENTENCE, children: tokens as Node[] };
  // One walk over the tokens for what the passes below act on; a pass whose tokens are missing is
  // left out. The sentence passes only move marks into words (none adds a token to the sentence),
  // so what is missing here stays missing.
  let has = 0;
  for (const token of top.children!) {
    if (token.type === WHITE_SPACE) {
      const value = token.value!;
      if (value !== ' ' && hasLineBreak(value)) {
        has |= LINE_BREAK;
        if (lineBreaks(value) >= 2) has |= BLANK_LINE;
      }
    } else if (token.type !== WORD) has |= markFlags(token);
  }
  if (has & ELISION) mergeElisions(top);
  if (has & AMPERSAND) mergeInitialWordSymbol(top);
  if (has & HYPHEN) mergeFinalWordSymbol(top);
  if (has & INNER) mergeInnerWordSymbol(top);
  if (has & SLASH) mergeInnerWordSlash(top);
  if (has & FULL_STOP) mergeInitialisms(top);
  const paragraph: Node = { type: 'ParagraphNode', children: splitNode(top.children!, SENTENCE, PUNCTUATION, isTerminalMarker) };
  mergeEnglishPrefixExceptions(paragraph);
  mergeNonWordSentences(paragraph);
  mergeAffixSymbol(paragraph);
  mergeLowerCaseSentences(paragraph);
  mergeDigitSentences(paragraph);
  mergePrefixExceptions(paragraph);
  mergeAffixExceptions(paragraph);
  mergeRemainingFullStops(paragraph);
  makeInitialWhiteSpaceSiblings(paragraph);
  makeFinalWhiteSpaceSiblings(paragraph);
  if (has & BLANK_LINE) breakImplicitSentences(paragraph);
  removeEmptyNodes(paragraph);
  // Without a line break no white space is a new line: one paragraph of every child.
  const root: Node = { type: 'RootNode', children: splitNode(paragraph.children!, 'ParagraphNode', WHITE_SPACE, has & LINE_BREAK ? isNewLine : never) };
  makeInitialWhiteSpaceSiblings(root);
  makeFinalWhiteSpaceSiblings(root);
  removeEmptyNodes(root);
  // patchPosition: the root's start and end are its first and last child's.
  const children = root.children!;
  if (children.length > 0) {
    const first = children[0]!.position;
    const last = children[children.length - 1]!.position;
    // Set field by field, as patchPosition does (start, then end), only from children with positions.
    if (first || last) {
      const position = {} as { start: Point; end: Point };
      if (first) position.start = first.start;
      if (last) position.end = last.end;
      root.position = position;
    }
  }
  return root as unknown as Root;
}
