// The first stage's hits found without a regex, for short texts. The scanner's one-pass regex
// (prefilter.ts) is a trie of about 400 words; V8 compiles it at its first use, which costs more
// than a one-line check does in all (about 50 ms of a 300 ms cold start, and 35 ms more for the
// loose retext-equality regex). This walks the same trie in JavaScript instead: nothing to compile,
// and for a few kilobytes of text it is as fast as the regex.
//
// It finds a superset of the regex's hits, never fewer: at every position where a word may start
// (no ASCII letter or digit before it; `\b` and the lookbehind refuse more), every trie word that
// stands there, longest first, where the regex reports only the first alternative that matches and
// goes on after it. Each hit then goes through the same checks as the regex's, and an extra hit
// only names a place in the same word area that comes to nothing, or one the regex missed: the
// findings are the same (test/word-walk.test.ts compares both over the corpus and fast-check).
import { isAsciiText } from '../core/ascii.js';
import { isApostrophe, isAsciiAlnum } from './char-codes.js';

/** How a word of the trie may end: nothing more is required, or one of `apostrophes` must follow (and is part of the hit). */
export type WalkTail = 'end' | 'apostrophe';

// A node of the trie, its children made on first visit (childrenOf): a one-line check visits a few
// dozen of the thousands of nodes the built-in rules' words make, and building them all (two tries,
// a Map per node) was about a twentieth of a cold start.
interface WalkNode {
  /** The words passing through this node to a longer word, with their tails; dropped once `children` is made. */
  below: Array<readonly [string, readonly WalkTail[]]> | undefined;
  /** The key offset of this node's children in each word below it (the node's depth). */
  depth: number;
  children: Map<number, WalkNode> | undefined;
  tails: WalkTail[];
}

/** A node for the words reaching depth `depth` along one path: the tails of those ending there, the rest below. */
function nodeOf(words: ReadonlyArray<readonly [string, readonly WalkTail[]]>, depth: number): WalkNode {
  const tails: WalkTail[] = [];
  const below: Array<readonly [string, readonly WalkTail[]]> = [];
  for (let i = 0; i < words.length; i++) {
    const entry = words[i]!;
    if (entry[0].length > depth) below.push(entry);
    else for (const tail of entry[1]) if (!tails.includes(tail)) tails.push(tail);
  }
  return { below, depth, children: undefined, tails };
}

/** The children of `node` by key, made on first call (in word order, so tails keep the order of an eager build). */
function childrenOf(node: WalkNode): Map<number, WalkNode> {
  if (node.children) return node.children;
  const groups = new Map<number, Array<readonly [string, readonly WalkTail[]]>>();
  const below = node.below!;
  for (let i = 0; i < below.length; i++) {
    const entry = below[i]!;
    const key = keyOf(entry[0].charCodeAt(node.depth));
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  const children = new Map<number, WalkNode>();
  for (const [key, group] of groups) children.set(key, nodeOf(group, node.depth + 1));
  node.children = children;
  node.below = undefined;
  return children;
}

// What an 'apostrophe' tail accepts (prefilter.ts's IGNORED_IN_WORD: the apostrophes and the
// hyphen-minus retext-equality ignores inside a word).
const TAIL_APOSTROPHES = new Set([0x27, 0x2018, 0x2019, 0x2bc, 0x2d]);

/**
 * The character code a text character is looked up by: ASCII letters lower-cased, every
 * apostrophe as "'", and the two characters whose case folding (flags 'iu') is an ASCII letter
 * (long s, Kelvin sign) as that letter. Any other character stands for itself, which matches no
 * edge of an ASCII trie: the regex with 'i' or 'iu' matches an ASCII letter only by those.
 */
function keyOf(code: number): number {
  if (code >= 0x41 && code <= 0x5a) return code + 32;
  if (code < 0x80) return code === 0x60 ? 0x27 : code;
  // The apostrophes a word's "'" stands for (prefilter.ts's APOSTROPHE), folded to "'".
  if (isApostrophe(code)) return 0x27;
  if (code === 0x17f) return 0x73; // ſ → s
  if (code === 0x212a) return 0x6b; // Kelvin sign → k
  return code;
}

export interface WordWalker {
  /**
   * Calls `visit` with the offset (UTF-16 code units) and matched text of each hit starting in
   * [from, end), in text order (longest first at one offset), until `visit` returns true; returns
   * whether one did.
   */
  walk(text: string, from: number, end: number, visit: (at: number, matched: string) => boolean): boolean;
}

/**
 * A walker over `words` (normalized: lower case, "'" for any apostrophe), each with the ways it
 * may end; undefined when a word holds a character outside ASCII other than "'", whose case
 * folding this does not model (the caller then keeps the regex).
 */
export function wordWalker(words: ReadonlyMap<string, readonly WalkTail[]>): WordWalker | undefined {
  // forEach, not for-of or a spread: a start builds two walkers of ~500 words each, in code that
  // runs once (interpreted), where each step of an iterator allocates its result.
  const entries: Array<readonly [string, readonly WalkTail[]]> = [];
  let ascii = true;
  words.forEach((tails, word) => {
    if (word === '' || !isAsciiText(word)) ascii = false;
    entries.push([word, tails]);
  });
  if (!ascii) return undefined;
  const root = nodeOf(entries, 0);
  return {
    walk(text, from, end, visit) {
      const stop = Math.min(end, text.length);
      for (let at = from; at < stop; at++) {
        if (at > 0 && isAsciiAlnum(text.charCodeAt(at - 1))) continue;
        const first = childrenOf(root).get(keyOf(text.charCodeAt(at)));
        if (!first) continue;
        // The words ending along the path: end offsets and their nodes, shortest first.
        const ends: number[] = [];
        const nodes: WalkNode[] = [];
        let node = first;
        for (let j = at + 1; ; j++) {
          if (node.tails.length) {
            ends.push(j);
            nodes.push(node);
          }
          if (j >= text.length) break;
          const next = childrenOf(node).get(keyOf(text.charCodeAt(j)));
          if (!next) break;
          node = next;
        }
        for (let k = ends.length - 1; k >= 0; k--) {
          const wordEnd = ends[k]!;
          for (const tail of nodes[k]!.tails) {
            if (tail === 'end') {
              if (visit(at, text.slice(at, wordEnd))) return true;
            } else if (wordEnd < text.length && TAIL_APOSTROPHES.has(text.charCodeAt(wordEnd))) {
              if (visit(at, text.slice(at, wordEnd + 1))) return true;
            }
          }
        }
      }
      return false;
    },
  };
}
