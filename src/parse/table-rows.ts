// A table row as one statement. A two-cell row ("| Urine tox | dirty |", <tr><td>UDS</td><td>clean
// </td></tr>) says one thing, as "Urine tox: dirty" does: the first cell names the field, the next
// gives its value. Parsed cell by cell, each cell was a paragraph of its own, and a rule whose
// condition stands in another cell of the row (the test's name before "dirty") never fired.
//
// The readers that know table structure (Markdown, HTML) parse each cell alone, as before (a cell's
// positions are exact, and its markup never reaches the parser), and join the cells of one row here:
// the last sentence of a cell and the first sentence of the next become one sentence, with a
// punctuation node between them where the cell border stands, so conditions read across the border
// while a phrase never runs from one cell into the next (tokens.ts: a punctuation node ends
// adjacency). Rows stay apart (each row is a tree of its own), so a condition never reaches across
// rows. Plain text has no table structure to parse: its pipe and tab rows are cut into clauses from
// the text (match/list-items.ts).
import type { Nodes, Paragraph, Punctuation, Root, Sentence } from 'nlcst';

type Position = NonNullable<Sentence['position']>;
type Point = Position['start'];

function sentencesOf(tree: Root): Sentence[] {
  const out: Sentence[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'SentenceNode') out.push(node);
    else if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(tree);
  return out;
}

/** A cell border between two sentences: punctuation over the gap (the pipe, the markup), never text a rule reads. */
function border(before: Sentence, after: Sentence): Punctuation {
  const start: Point = { ...before.position!.end };
  const end: Point = { ...after.position!.start };
  return { type: 'PunctuationNode', value: '|', position: { start, end } };
}

/**
 * The cells of one table row (each parsed alone, positions in the source) as one tree: one
 * paragraph spanning the row, whose sentences are the cells' sentences with each cell's last
 * sentence joined to the next cell's first across a border (see above). Cells without words add
 * nothing; sentences without a position are kept as they are, never joined. Undefined when no cell
 * holds a sentence. `row`, when known, is the row's own position (the paragraph spans it: quotation
 * marks are read over the row).
 */
export function rowTree(cells: readonly Root[], row?: Position): Root | undefined {
  const sentences: Sentence[] = [];
  for (const cell of cells) {
    const own = sentencesOf(cell);
    if (own.length === 0) continue;
    const last = sentences.at(-1);
    const first = own[0]!;
    if (last?.position && first.position) {
      sentences[sentences.length - 1] = {
        type: 'SentenceNode',
        children: [...last.children, border(last, first), ...first.children],
        position: { start: last.position.start, end: first.position.end },
      };
      sentences.push(...own.slice(1));
    } else sentences.push(...own);
  }
  const first = sentences.find((s) => s.position)?.position;
  const last = [...sentences].reverse().find((s) => s.position)?.position;
  if (!first || !last) return undefined;
  const span: Position = row?.start.offset !== undefined && row.end.offset !== undefined ? row : { start: first.start, end: last.end };
  const paragraph: Paragraph = { type: 'ParagraphNode', children: sentences, position: { start: { ...span.start }, end: { ...span.end } } };
  return { type: 'RootNode', children: [paragraph], position: { start: { ...span.start }, end: { ...span.end } } };
}
