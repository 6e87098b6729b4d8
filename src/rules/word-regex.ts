// Regex sources for long lists of words. V8's regex engine tries the alternatives of `a|b|c` one
// after another at every position, so a list of 300 words costs 300 attempts per character; the
// same words shaped as a trie (`abuse|abuser|addict` → `a(?:bus(?:er|e)|ddict)`) cost one branch per
// character and scan several times faster, with exactly the same matches.

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface TrieNode {
  children: Map<string, TrieNode>;
  /** What may follow when a word ends here ('' for nothing). */
  tails: string[];
}

/**
 * A regex source matching any word of `tails` followed by one of its tails (regex sources; ''
 * means the word alone). `escapeChar` turns one character of a word into a regex source, so a
 * caller can widen it (an apostrophe into every apostrophe). An empty map gives a source that
 * never matches.
 */
export function trieSource(tails: ReadonlyMap<string, readonly string[]>, escapeChar: (ch: string) => string = escapeRegex): string {
  if (tails.size === 0) return '(?!)';
  const root: TrieNode = { children: new Map(), tails: [] };
  for (const [word, wordTails] of tails) {
    let node = root;
    for (const ch of word) {
      let child = node.children.get(ch);
      if (!child) node.children.set(ch, (child = { children: new Map(), tails: [] }));
      node = child;
    }
    for (const tail of wordTails) if (!node.tails.includes(tail)) node.tails.push(tail);
  }
  const emit = (node: TrieNode): string => {
    // A word and the same word with one more character, both with the one same tail ("abuse",
    // "abuser"; "user" and "users" before a word boundary): `abuser?` for `abuse(?:r|)`, the same
    // matches in the same order (`?` is greedy: the longer word is tried first). 16 characters
    // saved at each plural of the unicode scan regex: it keeps the all preset under V8's 20 KB.
    const [only] = node.children;
    if (node.children.size === 1 && node.tails.length === 1 && only![1].children.size === 0) {
      const [ch, child] = only!;
      if (child.tails.length === 1 && child.tails[0] === node.tails[0]) {
        const atom = escapeChar(ch);
        return `${atom.length === 1 || /^\\.$|^\[[^\]]*\]$/s.test(atom) ? atom : `(?:${atom})`}?${node.tails[0]}`;
      }
    }
    // Longer words first, then the word ending here: the first match found is the longest word.
    const parts = [...node.children].map(([ch, child]) => escapeChar(ch) + emit(child));
    if (node.tails.length) parts.push(node.tails.length === 1 ? node.tails[0]! : `(?:${node.tails.join('|')})`);
    return parts.length === 1 ? parts[0]! : `(?:${parts.join('|')})`;
  };
  return emit(root);
}

/** A regex source matching any of `words` (a trie, see trieSource). */
export function wordsSource(words: Iterable<string>, escapeChar?: (ch: string) => string): string {
  return trieSource(new Map([...words].map((w) => [w, ['']])), escapeChar);
}
