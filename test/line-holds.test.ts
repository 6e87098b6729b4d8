// A rule's `line` condition read quicker (src/match/line-holds.ts): answers kept per line and sentence
// of the current text, and the 'iu' regex read with 'i' alone on a text where the two agree. Pure
// speed: each part is held here to the plain reading (line-window.ts readLine, what the warehouse
// build runs), and the corpus digest (scripts/corpus-digest.sh) holds the findings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineAround } from '../src/parse/lines.js';
import type { SentenceTokens } from '../src/parse/tokens.js';
import { CASELESS, asciiTwin, lineHolds, twinSafe } from '../src/match/line-holds.js';
import { readLine } from '../src/match/line-window.js';
import { builtinPresetRules } from '../src/rules/builtin-presets.js';
import type { CompiledCondition } from '../src/rules/compile.js';
import { propertyRuns } from './helpers.js';

// Every BMP character but the surrogates (a text holding one is read with 'iu': line-holds.ts FOLDS).
const BMP: string[] = [];
for (let code = 0; code <= 0xffff; code++) if (code < 0xd800 || code > 0xdfff) BMP.push(String.fromCharCode(code));
const FOLDING = new Set(['\u017f', '\u212a']);

/** Every built-in `line` condition (the `all` preset holds the recommended one's). */
function lineConditions(): CompiledCondition[] {
  const bySource = new Map<string, CompiledCondition>();
  for (const compiled of builtinPresetRules('all').byId.values())
    for (const condition of [...compiled.requires, ...compiled.unless]) if (condition.kind === 'line') bySource.set(condition.regex!.source, condition);
  return [...bySource.values()];
}

describe("the 'i' twin of a line regex", () => {
  it('CASELESS characters match only themselves, with or without u, and nothing else folds into them', () => {
    const inBlock = BMP.filter((c) => CASELESS.test(c));
    expect(inBlock.length).toBe(0x70 + 0x1c0);
    const iu = /^[\u2000-\u206f\u2600-\u27bf]$/iu;
    const i = /^[\u2000-\u206f\u2600-\u27bf]$/i;
    // Mismatches collected, one expect at the end (an expect per character costs seconds).
    const wrong: string[] = [];
    for (const t of BMP) if (iu.test(t) !== CASELESS.test(t) || i.test(t) !== CASELESS.test(t)) wrong.push(t);
    for (const c of inBlock) {
      const code = c.charCodeAt(0).toString(16);
      for (const regex of [new RegExp(`^\\u${code}$`, 'iu'), new RegExp(`^\\u${code}$`, 'i')])
        for (const t of inBlock) if (regex.test(t) !== (t === c)) wrong.push(`${c} ${t}`);
    }
    expect(wrong).toEqual([]);
  });

  it("ASCII characters, \\w and \\b match the same characters with 'iu' and 'i' but for the long s and the Kelvin sign", () => {
    // Each pair with what it is tested on: the character, or after an "a" for \b.
    const pairs: [RegExp, RegExp, (t: string) => string][] = [
      [/^[\x00-\x7f]$/iu, /^[\x00-\x7f]$/i, (t) => t],
      [/^\w$/iu, /^\w$/i, (t) => t],
      [/^\W$/iu, /^\W$/i, (t) => t],
      [/^[a-z]$/iu, /^[a-z]$/i, (t) => t],
      [/^[^a-z]$/iu, /^[^a-z]$/i, (t) => t],
      [/a\b/iu, /a\b/i, (t) => `a${t}`],
    ];
    const wrong: string[] = [];
    for (const t of BMP) {
      if (FOLDING.has(t)) continue;
      for (const [iu, i, on] of pairs) if (iu.test(on(t)) !== i.test(on(t))) wrong.push(`${iu} ${t}`);
    }
    // Within ASCII each letter matches its two cases alone, with either flags.
    for (let a = 0; a < 128; a++) {
      const source = `^\\x${a.toString(16).padStart(2, '0')}$`;
      const [iu, i] = [new RegExp(source, 'iu'), new RegExp(source, 'i')];
      for (let t = 0; t < 128; t++) if (iu.test(String.fromCharCode(t)) !== i.test(String.fromCharCode(t))) wrong.push(`${a} ${t}`);
    }
    expect(wrong).toEqual([]);
    // The two that differ: why a text holding either is read with 'iu'.
    expect(/^s$/iu.test('\u017f')).toBe(true);
    expect(/^s$/i.test('\u017f')).toBe(false);
    expect(/^k$/iu.test('\u212a')).toBe(true);
    expect(/^k$/i.test('\u212a')).toBe(false);
  });

  it('twinSafe refuses what may read otherwise without u and takes caseless punctuation', () => {
    for (const source of [
      String.raw`\p{L}`,
      String.raw`(?<![\p{L}\p{N}])x`,
      String.raw`\u{1F600}`,
      String.raw`(a)\1`,
      String.raw`(?<w>a)\k<w>`,
      String.raw`caf\u00e9`,
      'café',
      String.raw`[ -\u2013]`,
      String.raw`[\u2013-\u2610]`,
      String.raw`[\--\u2013]`,
      String.raw`\ud83d\ude00`,
      '\u{1F600}',
      String.raw`Br\u00f8set`,
    ])
      expect(twinSafe(source), source).toBe(false);
    for (const source of [
      String.raw`\bE66\.[0-9]{1,2}\b`,
      String.raw`[-\u2013\u2014]`,
      String.raw`[\w\x27\u2019-]+`,
      String.raw`[\u2610-\u2612\u2713\u2714]`,
      '[\u2013\u2014]',
      String.raw`[a-z-\u2013]`,
      String.raw`[\b-z]`,
    ])
      expect(twinSafe(source), source).toBe(true);
    expect(asciiTwin(/x/u)).toBeNull();
    expect(asciiTwin(/\p{L}/iu)).toBeNull();
    expect(asciiTwin(/abc/iu)?.flags).toBe('i');
  });

  it("gives each built-in line regex's answers on texts without the folding characters (property)", () => {
    const conditions = lineConditions();
    const safe = conditions.filter((c) => asciiTwin(c.regex!) !== null);
    // Most are ASCII but for dashes and quotation marks; those with a letter outside ASCII are read with 'iu'.
    expect(safe.length).toBeGreaterThan(conditions.length / 2);
    // Words and marks of the regexes themselves, so the regexes match now and then.
    const words = [...new Set(conditions.flatMap((c) => c.regex!.source.match(/[A-Za-z]{2,}/g) ?? []))];
    const piece = fc.oneof(
      fc.constantFrom(...words),
      fc.constantFrom(
        ' ',
        '  ',
        ', ',
        '. ',
        '; ',
        ': ',
        ' - ',
        ' \u2013 ',
        '\u2014',
        '(',
        ')',
        '[x]',
        '\u2610',
        '\u2714',
        '/',
        '#',
        '\t',
        '\n',
        "'",
        '\u2019',
        '"',
      ),
      fc.constantFrom('E66.01', 'F11.20', '305.0', '3 yo M', 'Pt', 'PATIENT', 'MR/DD', 'pt ', 'caf\u00e9', '\u00e9', '\u00df', '\u1e9e', '\u0130', '\u0131'),
      fc.integer({ min: 0, max: 99 }).map(String),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.boolean(), (pieces, upper) => {
        const joined = pieces.join(' ');
        const text = upper ? joined.toUpperCase().replace(/[\u017f\u212a]/g, '') : joined;
        for (const condition of safe) expect(asciiTwin(condition.regex!)!.test(text), condition.regex!.source).toBe(condition.regex!.test(text));
      }),
      { numRuns: propertyRuns(300, 3000) },
    );
  });
});

describe('lineHolds', () => {
  /** A sentence's bounds as a SentenceTokens (lineHolds reads only start and end). */
  const sentenceAt = (start: number, end: number) => ({ start, end }) as SentenceTokens;

  it('reads the line holding each offset: its "\\n" is its own, the next offset is the next line\'s', () => {
    const condition = lineConditions().find((c) => c.regex!.source.startsWith('\\bE66'))!;
    const text = 'Dx: E66.01 obesity\nPt well\nE66.01';
    const newline = text.indexOf('\n');
    const asks = [0, newline, newline + 1, newline - 1, text.length - 1, text.length, newline + 1, newline, 0];
    expect(asks.map((offset) => lineHolds(condition, text, offset, sentenceAt(offset, offset + 1)))).toEqual([
      true,
      true,
      false,
      true,
      true,
      true,
      false,
      true,
      true,
    ]);
  });

  it('answers as the plain reading, asked in any order over texts, lines and sentences (property)', () => {
    // Lines some line regexes match, one with a long s where 'i' and 'iu' disagree ("refuſed"), and
    // lines that none match.
    const short = [
      'Pt is diabetic.',
      'diabetic diet tray',
      'Dx: E66.01 obesity',
      'patient apparently refused',
      'patient apparently refu\u017fed',
      'MR/DD',
      'bipolar, on lithium',
      'Urine drug screen panel: drugs of abuse',
      'Urine drug \u017fcreen panel: drug\u017f of abu\u017fe',
      'F11.20 opioid dependence',
      'Compliance: poor.',
      'caf\u00e9 \u{1F600}',
    ];
    // The conditions those lines are about (one asked of several texts in turn), and two more.
    const all = lineConditions();
    const conditions = [...all.filter((c) => short.some((l) => c.regex!.test(l))), ...all.slice(0, 2)];
    expect(conditions.length).toBeGreaterThan(8);
    const line = fc.oneof(
      fc.constantFrom(...short),
      // A long line: a note flattened to one line (sentences, and an unpunctuated run).
      fc
        .array(fc.constantFrom('Pt is diabetic. ', 'patient apparently refu\u017fed. ', 'E66.01 ', 'bipolar, untreated. ', 'word '), {
          minLength: 20,
          maxLength: 120,
        })
        .map((parts) => parts.join('')),
    );
    const text = fc.array(line, { minLength: 1, maxLength: 6 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: 60 }),
        (texts, asks) => {
          for (const [t, at, c, before, after] of asks) {
            // A copy now and then: the same text in another string object.
            const text = t % 5 === 4 ? [...texts[t % texts.length]!].join('') : texts[t % texts.length]!;
            const offset = at % (text.length + 1);
            const condition = conditions[c % conditions.length]!;
            const sentence = sentenceAt(Math.max(0, offset - (before % 700)), Math.min(text.length, offset + (after % 700)));
            const [start, end] = lineAround(text, offset);
            expect(lineHolds(condition, text, offset, sentence), `${condition.regex!.source} @${offset}`).toBe(
              readLine(condition.regex!, text, start, end, offset, sentence),
            );
          }
        },
      ),
      { numRuns: propertyRuns(200, 2000) },
    );
  });
});
