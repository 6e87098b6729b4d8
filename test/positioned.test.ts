// parse-text.ts parses each block or sentence window with parseAt (src/parse/positioned.ts), whose
// tokens start where the window stands, instead of parsing at offset 0 and moving every position
// afterwards (windows.ts shiftPositions). Both must give the same tree, position for position.
import fc from 'fast-check';
import type { Root } from 'nlcst';
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { binaryUnit, FULL_CORPUS, propertyRuns, sharedCorpusTexts } from './helpers.js';
import { corpusDir } from '../bench/corpus.js';
import { parseAt } from '../src/parse/positioned.js';
import { shiftPositions } from '../src/parse/windows.js';
import type { Point } from '../src/types.js';

const parser = unified().use(retextEnglish).freeze();

/** The tree as parse-text.ts made it before: parsed at the origin, then every position moved. */
function shifted(text: string, at: Point): Root {
  const tree = parser.parse(text) as Root;
  shiftPositions(tree, { start: at.offset, end: at.offset + text.length, parseEnd: at.offset + text.length, point: at });
  return tree;
}

/**
 * expect(actual).toEqual(expected) for trees of strings and integers, without its cost when they
 * are the same: vitest's deep equality walks a 3,000-character window's tree (~1,500 nodes, each
 * with its position) about ten times slower than JSON.stringify does. When the JSON differs,
 * toEqual decides (and shows the difference), so key order alone never fails a test.
 */
function expectSameTree(actual: Root, expected: Root): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual).toEqual(expected);
}

const point = fc.record({ line: fc.integer({ min: 1, max: 500 }), column: fc.integer({ min: 1, max: 300 }), offset: fc.integer({ min: 0, max: 100_000 }) });

describe('parseAt', () => {
  it('gives the tree parsed at the origin with every position moved', () => {
    const cases = [
      'Pt is a known IVDU. He was "noncompliant" (per RN).',
      'line one\nline two\r\nline three\rline four\n\nnext paragraph. x',
      "e.g. Dr. Smith's pt, 3.5 mg/kg; A.B.C. test - wasn't it? \ud83d\ude00 end...",
      'word',
      ' ',
      '',
      // One character each of the plugins left out of a window without it (latin-tree.ts's flags; SKIPPABLE in positioned-english.ts).
      'Seen at R&D today.',
      'Pre- and post-op.',
      'Pt w/ pain, and/or fever.',
      "Pt says 'tis fine, o' course.",
      'One.\n\n\nTwo. Three.',
    ];
    for (const text of cases) {
      const at = { line: 7, column: 12, offset: 345 };
      expectSameTree(parseAt(text, at), shifted(text, at));
    }
    // At the origin: the plain parse.
    expect(parseAt(cases[0]!, { line: 1, column: 1, offset: 0 })).toEqual(parser.parse(cases[0]!));
    // A point parsed later is not moved by an earlier parse (one parser serves every window).
    const first = parseAt('a b', { line: 3, column: 4, offset: 10 });
    expect(first.position?.start).toEqual({ line: 3, column: 4, offset: 10 });
    expect(parseAt('a b', { line: 1, column: 1, offset: 0 }).position?.start).toEqual({ line: 1, column: 1, offset: 0 });
  });

  it('gives the moved tree for random text and points', () => {
    const piece = fc.constantFrom(
      'a',
      'Pt',
      'IVDU',
      "'",
      '\u2019',
      '.',
      '. ',
      '?',
      '!',
      '...',
      ' ',
      '  ',
      '\t',
      '\n',
      '\r\n',
      '\r',
      '\n\n',
      '-',
      '/',
      '_',
      '"',
      '(',
      ')',
      '3.5',
      '\ud83d\ude00',
      '\u00e9',
      'e\u0301',
      '&',
      ':',
      'Dr.',
      'A.B.',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), point, (parts, at) => {
        const text = parts.join('');
        expectSameTree(parseAt(text, at), shifted(text, at));
      }),
      { numRuns: propertyRuns(140, 800) },
    );
  });

  it('gives the moved tree for any UTF-16 text, lone surrogates too', () => {
    fc.assert(
      fc.property(fc.string({ unit: binaryUnit, maxLength: 30 }), fc.string({ unit: 'binary-ascii', maxLength: 30 }), point, (a, b, at) => {
        const text = a + b;
        expectSameTree(parseAt(text, at), shifted(text, at));
      }),
      { numRuns: propertyRuns(250, 1500) },
    );
  });

  it('gives each UTF-16 code unit the type parse-latin gives it, alone and doubled', () => {
    const origin = { line: 1, column: 1, offset: 0 };
    // Compared here and asserted once (an expect per code unit was half the test's time): the first
    // few code units whose trees differ, as hex, so a failure still names them.
    const differ: string[] = [];
    for (let code = 0; code < 0x10000 && differ.length < 8; code += 1) {
      const text = String.fromCharCode(code);
      // JSON: the same nodes with their keys in the same order.
      if (JSON.stringify(parseAt(text + text, origin)) !== JSON.stringify(parser.parse(text + text))) differ.push(code.toString(16));
    }
    expect(differ).toEqual([]);
  });

  const corpus = corpusDir();
  // `npm test` parses a piece of every 80th text (~2,000 pieces, every file; every 40th was ~2.5 s more
  // CPU on a busy machine); `npm run test:corpus` (DIGNIFY_FULL_CORPUS=1) every text.
  const stride = FULL_CORPUS ? 1 : 80;
  it.skipIf(!corpus)(
    `gives the moved tree for pieces of every ${stride === 1 ? '' : `${stride}th `}corpus text`,
    () => {
      let n = 0;
      sharedCorpusTexts(corpus).forEach(({ text }, i) => {
        if (i % stride !== 0) return;
        const from = Math.floor(text.length / 3);
        const piece = text.slice(from, from + 3000);
        const at = { line: 2 + (i % 9), column: 1 + (i % 70), offset: from };
        expectSameTree(parseAt(piece, at), shifted(piece, at));
        n++;
      });
      expect(n).toBeGreaterThan(100);
    },
    FULL_CORPUS ? 3_600_000 : 120_000,
  );
});

describe('the points of a positioned tree', () => {
  // positioned.ts (and positioned-english.ts) make one point object per boundary between tokens,
  // and tokens.ts gives the matcher's tokens the tree's points: both rest on nothing changing a
  // point in place.
  it('shares one point between a token and the next, and a word and its text', () => {
    const tree = parseAt('Pt is a known IVDU.', { line: 2, column: 5, offset: 40 });
    const sentence = (tree.children[0] as Extract<Root['children'][number], { type: 'ParagraphNode' }>).children[0]!;
    const tokens = (sentence as Extract<typeof sentence, { type: 'SentenceNode' }>).children;
    for (let k = 1; k < tokens.length; k++) expect(tokens[k]!.position!.start).toBe(tokens[k - 1]!.position!.end);
    const word = tokens[0] as Extract<(typeof tokens)[number], { type: 'WordNode' }>;
    expect(word.children[0]!.position!.end).toBe(word.position!.end);
  });

  it('leaves every point of a parsed note as the parse made it after the matcher has read it', async () => {
    const { collectSentences } = await import('../src/parse/tokens.js');
    const { lintText } = await import('../src/index.js');
    const text = 'Pt is a known IVDU and drug seeking.\nHe was noncompliant with meds; "he is an addict" per wife.';
    const tree = parseAt(text, { line: 1, column: 1, offset: 0 });
    const before = JSON.stringify(tree);
    const sentences = collectSentences(tree);
    expect(sentences.flatMap((s) => s.tokens).length).toBeGreaterThan(10);
    // Findings are made from token points and must be copies: a finding's point changed by a caller
    // leaves the tree's alone.
    const findings = await lintText(text);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) f.start.offset = f.end.offset = -1;
    expect(JSON.stringify(tree)).toBe(before);
  });
});
