// retext-english's parser with its positions starting where a piece of a longer text stands, so a
// block or sentence window parsed alone (parse-text.ts) comes out positioned in the whole text.
// Before, each window's tree was parsed at line 1, column 1, offset 0 and then walked to move every
// position (windows.ts shiftPositions), which made three new objects per node: about a tenth of a
// warm lint pass over MTSamples, and garbage. Here the tokenizer starts its points at the window's
// point; parse-latin's plugins then build sentences and paragraphs from the tokens (they copy their
// children's points and never compute one), so the tree is the one shiftPositions made, without a
// walk. The tokenizer is parse-latin's, with each character's type read from a table instead of up
// to three regex tests per character (tokenize-at.ts, shared with positioned.ts;
// test/positioned.test.ts compares the trees with the old parse and shift over the corpus, every
// UTF-16 code unit and generated text).
//
// positioned.ts builds the tree from the same tokens with latin-tree.ts (the plugins ported to
// plain loops). This module, the plugins' own path, is kept for the warehouse build (scripts/bundle-warehouse.js puts it in positioned.ts's place: the plugins are in that
// bundle anyway, and the new code would add its bytes to a script near Snowflake's 100 KB) and as
// latin-tree.ts's second reference in test/latin-tree.test.ts.
import type { Root } from 'nlcst';
import { ParseEnglish } from 'parse-english';
import type { Point } from '../types.js';
import { type Token, tokenizeAt } from './tokenize-at.js';

class PositionedEnglish extends ParseEnglish {
  /** Where the text being parsed starts (1-based line and column, UTF-16 offset). */
  at: Point = { line: 1, column: 1, offset: 0 };

  /** parse-latin's tokenize (version 7), the same tokens, its points starting at `at` (tokenize-at.ts). */
  override tokenize(value: string | null | undefined): Token[] {
    return value ? tokenizeAt(value, this.at) : [];
  }
}

// One parser for every window: parse-english keeps no state between parses but the plugin lists
// its constructor copies (usePluginsFor sets them per window).
export const english = new PositionedEnglish();

// Plugins that change nothing in a text without their characters, by what their code tests first:
// parse-english's elision merge acts on "/" and apostrophes only, parse-latin's initial-word-symbol
// merge on "&", final-word-symbol on "-", inner-word-slash on "/", and break-implicit-sentences
// on white space holding two line breaks. A window lacking them is parsed without them (the same
// tree: test/positioned.test.ts), which saves their walks over every token and sentence.
const SENTENCE_PLUGINS = english.tokenizeSentencePlugins;
const PARAGRAPH_PLUGINS = english.tokenizeParagraphPlugins;
// parse-latin's lists (version 7: six sentence plugins, twelve paragraph plugins), read from the
// class parse-english extends; another version leaves every plugin in.
const latin = Object.getPrototypeOf(ParseEnglish.prototype) as ParseEnglish;
const latinSentence = latin.tokenizeSentencePlugins;
const latinParagraph = latin.tokenizeParagraphPlugins;
const KNOWN_LISTS = latinSentence.length === 6 && latinParagraph.length === 12 && SENTENCE_PLUGINS.length === 7;
const SKIPPABLE: { plugin: unknown; needs: RegExp }[] = !KNOWN_LISTS
  ? []
  : [
      { plugin: ParseEnglish.prototype.tokenizeSentencePlugins[0], needs: /['\u2019/]/ },
      { plugin: latinSentence[0], needs: /&/ },
      { plugin: latinSentence[1], needs: /-/ },
      { plugin: latinSentence[3], needs: /\// },
      { plugin: latinParagraph[9], needs: /[\r\n]/ },
    ];
// The lists for each set of plugins left out (a bit per SKIPPABLE entry), made on first use.
const pluginLists = new Map<number, { sentence: typeof SENTENCE_PLUGINS; paragraph: typeof PARAGRAPH_PLUGINS }>();

function usePluginsFor(text: string): void {
  let left = 0;
  for (let k = 0; k < SKIPPABLE.length; k++) if (!SKIPPABLE[k]!.needs.test(text)) left |= 1 << k;
  let lists = pluginLists.get(left);
  if (!lists) {
    const out = new Set(SKIPPABLE.filter((_, k) => left & (1 << k)).map((s) => s.plugin));
    lists = { sentence: SENTENCE_PLUGINS.filter((p) => !out.has(p)), paragraph: PARAGRAPH_PLUGINS.filter((p) => !out.has(p)) };
    pluginLists.set(left, lists);
  }
  english.tokenizeSentencePlugins = lists.sentence;
  english.tokenizeParagraphPlugins = lists.paragraph;
}

/** positioned.ts parseAt (the same trees), by parse-english's own plugins. */
export function parseAt(text: string, at: Point): Root {
  english.at = at;
  usePluginsFor(text);
  try {
    return english.parse(text);
  } finally {
    english.at = ORIGIN;
  }
}

/** Where `english` starts its points between parses. */
export const ORIGIN: Point = { line: 1, column: 1, offset: 0 };
