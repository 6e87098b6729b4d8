// Regex sources for long lists of words. V8's regex engine tries the alternatives of `a|b|c` one
// after another at every position, so a list of 300 words costs 300 attempts per character; the
// same words shaped as a trie (`abuse|abuser|addict` → `a(?:bus(?:er|e)|ddict)`) cost one branch per
// character and scan several times faster, with exactly the same matches.

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regex source that `?` makes optional as a whole: one character, an escaped one, or a class. */
const SINGLE_ATOM = /^(?:[^\\[(]|\\.|\[(?:[^\]\\]|\\.)*\])$/;

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
    // Longer words first, then the word ending here: the first match found is the longest word.
    const children = [...node.children];
    const parts = children.map(([ch, child]) => escapeChar(ch) + emit(child));
    const [lastChar, last] = children[children.length - 1] ?? [];
    if (node.tails.length === 1 && last && last.children.size === 0 && last.tails.length === 1 && last.tails[0] === node.tails[0]) {
      // A word and the same word plus one last character, with the same tail ("user", "users"):
      // `s?T` for `(?:sT|T)`, the same matches tried in the same order, a shorter source (the
      // `all` preset's scan regex is bounded by V8's 20 KB limit for optimizing, test/prefilter-size).
      const atom = escapeChar(lastChar!);
      parts[parts.length - 1] = `${SINGLE_ATOM.test(atom) ? atom : `(?:${atom})`}?${node.tails[0]!}`;
    } else if (node.tails.length) parts.push(node.tails.length === 1 ? node.tails[0]! : `(?:${node.tails.join('|')})`);
    return parts.length === 1 ? parts[0]! : `(?:${parts.join('|')})`;
  };
  return emit(root);
}

/** A regex source matching any of `words` (a trie, see trieSource). */
export function wordsSource(words: Iterable<string>, escapeChar?: (ch: string) => string): string {
  return trieSource(new Map([...words].map((w) => [w, ['']])), escapeChar);
}
