// src/parse/latin-tree.ts ports parse-latin's and parse-english's plugins to plain loops; parseAt
// builds every window's tree with it. Its trees must be parse-english's: the same JSON (nodes,
// order, positions) as unified().use(retextEnglish).parse (moved to the window's point), and the
// same sharing of point objects as the plugins' own tree from the same tokens (positioned-english.ts,
// the path before the port and the warehouse build's).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import type { Root } from 'nlcst';
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { corpusDir } from '../bench/corpus.js';
import * as copied from '../src/parse/latin-expressions.js';
import { parseAt as parseAtByPlugins } from '../src/parse/positioned-english.js';
import { treeOfTokens } from '../src/parse/latin-tree.js';
import { parseAt } from '../src/parse/positioned.js';
import { MAX_BLOCK } from '../src/parse/windows.js';
import type { Point } from '../src/types.js';
import { binaryUnit, FULL_CORPUS, propertyRuns, ROOT, sharedCorpusTexts } from './helpers.js';

const parser = unified().use(retextEnglish).freeze();
const ORIGIN: Point = { line: 1, column: 1, offset: 0 };

/** The plain parse with every position moved to `at` (as parse-latin's tokenizer counts). */
function reference(text: string, at: Point): string {
  const json = JSON.stringify(parser.parse(text) as Root, (key, value) => {
    if ((key === 'start' || key === 'end') && value && typeof value.offset === 'number') {
      const onFirst = value.line === 1;
      return { line: value.line + at.line - 1, column: onFirst ? value.column + at.column - 1 : value.column, offset: value.offset + at.offset };
    }
    return value;
  });
  return json;
}

/**
 * The tree's point objects as numbers, by first sight in a walk (node, then its position's start
 * and end, then its children): two trees with the same list share their points alike.
 */
function pointSharing(tree: Root): number[] {
  const ids = new Map<object, number>();
  const out: number[] = [];
  const walk = (node: { position?: { start: object; end: object }; children?: unknown[] }) => {
    if (node.position) {
      for (const p of [node.position.start, node.position.end]) {
        if (!ids.has(p)) ids.set(p, ids.size);
        out.push(ids.get(p)!);
      }
    }
    for (const child of node.children ?? []) walk(child as typeof node);
  };
  walk(tree as never);
  return out;
}

/**
 * parseAt's tree against the plain parse (JSON) and the plugins' tree from the same text (JSON and,
 * with `sharing`, the sharing of points).
 */
function check(text: string, at: Point, sharing = true): void {
  const tree = parseAt(text, at);
  const json = JSON.stringify(tree);
  const expected = reference(text, at);
  if (json !== expected) expect(JSON.parse(json)).toEqual(JSON.parse(expected));
  const byPlugins = parseAtByPlugins(text, at);
  if (JSON.stringify(byPlugins) !== json) expect(tree).toEqual(byPlugins);
  if (!sharing) return;
  const ours = pointSharing(tree);
  const theirs = pointSharing(byPlugins);
  if (ours.join() !== theirs.join()) expect(ours).toEqual(theirs);
}

const point = fc.record({ line: fc.integer({ min: 1, max: 500 }), column: fc.integer({ min: 1, max: 300 }), offset: fc.integer({ min: 0, max: 100_000 }) });

// Pieces for each plugin's case: abbreviations (parse-english's and parse-latin's lists), initialisms,
// elisions, inner-word symbols and slashes, closing marks after a terminal marker, sentences
// starting lower-case, with a digit, with a comma or semicolon, or without a word, white space
// with one or more line breaks, digits, non-ASCII letters and digits, surrogates.
const piece = fc.constantFrom(
  'a',
  'A',
  'pt',
  'Pt',
  'IVDU',
  'w',
  'W',
  'o',
  'ol',
  'n',
  'tis',
  'twas',
  'em',
  'cause',
  '99',
  '99s',
  'Dr',
  'Mr',
  'Mrs',
  'St',
  'Jan',
  'mg',
  'oz',
  'lbs',
  'etc',
  'viz',
  'cf',
  'al',
  'x',
  '12',
  '1234',
  'é',
  'É',
  'ß',
  'ǆ',
  '٣',
  '²',
  '\ud835\udc1a', // mathematical small a: a lower-case letter as a surrogate pair
  '\ud835\udfce', // mathematical digit zero
  '\ud83d\ude00',
  '\ud800',
  '\udc00',
  "'",
  '\u2019',
  "''",
  '"',
  '\u201d',
  '\u201c',
  '(',
  ')',
  ']',
  '}',
  '»',
  '.',
  '..',
  '...',
  '\u2026',
  '?',
  '!',
  '?!',
  '\u203d',
  ',',
  ';',
  ':',
  '-',
  '--',
  '\u2010',
  '_',
  '__',
  '/',
  '//',
  '&',
  '@',
  '=',
  '\u00ad',
  '\u00b7',
  '#',
  '$',
  '%',
  '+',
  '*',
  ' ',
  '  ',
  '\t',
  '\u00a0',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '\n \n',
  '\r\r',
  '\n\r',
  ' \n\t\n ',
  'A.B.',
  'A.B',
  'e.g.',
  'i.e.',
  '1.2.',
  '3.5',
  'mg/kg',
  'w/',
  'h/o',
  'and/or',
  "don't",
  "o'",
  "'n'",
  'R&D',
);

describe('treeOfTokens (parseAt)', () => {
  it('copies parse-latin and parse-english regular expressions exactly', async () => {
    const latin = await import(pathToFileURL(path.join(ROOT, 'node_modules/parse-latin/lib/expressions.js')).href);
    const english = await import(pathToFileURL(path.join(ROOT, 'node_modules/parse-english/lib/regex.js')).href);
    const pairs: [string, RegExp, RegExp][] = [
      ['affixSymbol', copied.affixSymbol, latin.affixSymbol],
      ['numerical', copied.numerical, latin.numerical],
      ['lowerInitial', copied.lowerInitial, latin.lowerInitial],
      ['abbreviations', copied.abbreviations, english.abbreviations],
      ['abbreviationsSensitive', copied.abbreviationsSensitive, english.abbreviationsSensitive],
      ['elisionPrefix', copied.elisionPrefix, english.elisionPrefix],
      ['elisionAffix', copied.elisionAffix, english.elisionAffix],
    ];
    for (const [name, ours, theirs] of pairs) expect(String(ours), name).toBe(String(theirs));
    // merge-prefix-exceptions' list, private to the plugin: the regex source text in its file.
    const { readFileSync } = await import('node:fs');
    const plugin = readFileSync(path.join(ROOT, 'node_modules/parse-latin/lib/plugin/merge-prefix-exceptions.js'), 'utf8');
    const source = plugin.slice(plugin.indexOf('new RegExp('), plugin.indexOf('\n)', plugin.indexOf('new RegExp(')));
    const alternatives = [...source.matchAll(/'([^']*)'/g)].map((m) => m[1]).join('');
    expect(copied.abbreviationPrefix.source).toBe(alternatives);
  });

  it('gives parse-english’s tree for each plugin’s cases', () => {
    const cases = [
      '',
      ' ',
      '\n',
      'word',
      'Pt is a known IVDU. He was "noncompliant" (per RN).',
      'line one\nline two\r\nline three\rline four\n\nnext paragraph. x',
      "e.g. Dr. Smith's pt, 3.5 mg/kg; A.B.C. test - wasn't it? \ud83d\ude00 end...",
      'Seen at R&D today. & then & more',
      'Pre- and post-op. Well -',
      'Pt w/ pain, and/or fever. W/ h/o it.',
      "Pt says 'tis fine, o' course. Rock 'n' roll. The '99s.",
      'One.\n\n\nTwo. Three.\r\n\r\nFour.',
      'He left. (He came back.) "Yes." Then... and then. 3 more. , and ; too',
      'Take 5 mg. q.d. etc. and so on. Jan. 5th. Mr. X. Mrs. Y. cf. Z. 12. items.',
      'U.S.A. is big. 1.2. is a number. A. B. C.',
      '. . . ... .. !! ?? ?! \u2026 \u203d',
      '   leading and trailing   ',
      '\n\nblank start\n\n',
      'a.b.c. d.e.f. x.y. 1.a.',
      'word. . word',
      'x_y__z a-b-c a.b a:b a=b a@b a?b a\u2019b',
    ];
    for (const text of cases) {
      check(text, ORIGIN);
      check(text, { line: 7, column: 12, offset: 345 });
    }
    expect(treeOfTokens([])).toEqual({ type: 'RootNode', children: [] });
  });

  it('gives parse-english’s tree for generated text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), point, (parts, at) => {
        check(parts.join(''), at);
      }),
      { numRuns: propertyRuns(400, 5000) },
    );
  });

  it('gives parse-english’s tree for any UTF-16 text', () => {
    fc.assert(
      fc.property(fc.string({ unit: binaryUnit, maxLength: 20 }), fc.string({ unit: 'binary-ascii', maxLength: 40 }), point, (a, b, at) => {
        check(a + b, at);
      }),
      { numRuns: propertyRuns(150, 1500) },
    );
  });

  const corpus = corpusDir();
  // `npm test`: a 4,000-character piece of every 60th text (about 2,700 pieces; the reference
  // parse is most of the time); `npm run test:corpus` (DIGNIFY_FULL_CORPUS=1) every text, whole, in
  // MAX_BLOCK pieces (parseAt's largest window).
  const stride = FULL_CORPUS ? 1 : 60;
  const size = FULL_CORPUS ? MAX_BLOCK : 4000;
  it.skipIf(!corpus)(
    `gives parse-english’s tree for ${stride === 1 ? 'every corpus text' : `a piece of every ${stride}th corpus text`}`,
    () => {
      let n = 0;
      sharedCorpusTexts(corpus).forEach(({ text }, i) => {
        if (i % stride !== 0) return;
        const from = FULL_CORPUS ? 0 : Math.floor((text.length * (i % 7)) / 7);
        for (let start = from; start < text.length; start += size) {
          const piece = text.slice(start, start + size);
          // Point sharing: checked on the generated text above (half this test's time here).
          check(piece, { line: 1 + (i % 5), column: 1 + (i % 60), offset: start }, FULL_CORPUS);
          n++;
          if (!FULL_CORPUS) break;
        }
      });
      expect(n).toBeGreaterThan(1000);
    },
    FULL_CORPUS ? 3_600_000 : 120_000,
  );
});
