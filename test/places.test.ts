// The first stage's places, found on one thread and handed to another (src/match/places.ts): a
// document linted with the places firstStagePlaces found must give lintDocument's own findings, over
// hand-made edge cases, generated text and the shared corpus; and with handed places the text is
// not scanned again. The places may be found one way (the word walk or the regex: word-walk.ts)
// and used the other way, as a pool's reading thread and a fresh worker do.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusDir } from '../bench/corpus.js';
import { lintDocument, preloadLint } from '../src/lint/lint-document.js';
import { resolveOptions } from '../src/lint/options.js';
import { firstStagePlaces, knownPlaces } from '../src/match/places.js';
import { scannerFor, walkLimits } from '../src/match/prefilter.js';
import { maskPlaceholders } from '../src/parse/placeholders.js';
import { builtinRules } from '../src/rules/builtin.js';
import type { Finding } from '../src/types.js';
import { expectEqual, FULL_CORPUS, sharedCorpusTexts } from './helpers.js';

await preloadLint();
const resolved = resolveOptions();
const scanner = scannerFor(resolved.rules);
const saved = { ...walkLimits };
afterAll(() => Object.assign(walkLimits, saved));

const doc = (text: string) => ({ file: 'x.txt', syntax: 'text' as const, text });

/** Sets how the scanner finds hits (walking words or running its regex) and forgets its last text. */
function mode(walk: boolean): void {
  const limit = walk ? Number.POSITIVE_INFINITY : 0;
  Object.assign(walkLimits, { text: limit, total: limit });
  scanner.next('\u0000', 0);
}

/** lintDocument's findings, and those with handed places, for each way of finding and of using the places. */
function expectSame(text: string): Finding[] {
  const shown = text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
  mode(false);
  const own = lintDocument(doc(text), resolved);
  for (const foundBy of [false, true]) {
    mode(foundBy);
    const places = firstStagePlaces(text, resolved.rules);
    for (const usedBy of [false, true]) {
      mode(usedBy);
      expectEqual({ text: shown, foundBy, usedBy, findings: lintDocument(doc(text), resolved, places) }, { text: shown, foundBy, usedBy, findings: own });
    }
  }
  return own;
}

describe('firstStagePlaces', () => {
  it("names, in order, every place the scanner's next names in the masked text", () => {
    mode(false);
    const text = 'Hx of IVDU. Wound clean and dry.\n\nDrug {{x}} abuse; noncompliant with meds, an addict.';
    const places = [...firstStagePlaces(text, resolved.rules)];
    const masked = maskPlaceholders(text);
    const expected: number[] = [];
    for (let p = scanner.next(masked, 0); p !== -1; p = scanner.next(masked, p + 1)) expected.push(p);
    expect(places).toEqual(expected);
    expect(places.length).toBeGreaterThanOrEqual(3);
    expect(places).toEqual([...places].sort((a, b) => a - b));
    expect(text.slice(places[0], places[0]! + 4)).toBe('IVDU');
    expect([...firstStagePlaces('Wound healing well. Itched a lot.', resolved.rules)]).toEqual([]);
  });
  // Words that begin like the first word of a retext-equality phrase ("she" of "she male") and
  // hyphenated words that begin like a part of one ("to-", "re-" of "to-do", "re-formed") are no
  // place when no phrase stands there: a note holding only them is answered by the reading
  // thread, not parsed (1,132 of MTSamples' notes had such places and nothing else). Each way of
  // finding the hits (the regex, the word walk) must drop them.
  it('names no place at a word that only begins like a retext-equality phrase, or at a hyphenated word', () => {
    const plain = 'She said she shed the sheet. Seen side-to-side, re-formed, up-to-date; a red-brown stool.';
    for (const walk of [false, true]) {
      mode(walk);
      expect({ walk, places: [...firstStagePlaces(plain, resolved.rules)] }).toEqual({ walk, places: [] });
    }
  });

  it('still names the place of a retext-equality phrase written with a hyphen or as one word', () => {
    for (const walk of [false, true]) {
      mode(walk);
      for (const text of ['Called a she-male.', 'Called a she male.', 'Called a shemale.', 'Called a he-she.', "Called a she'-male."]) {
        const places = [...firstStagePlaces(text, resolved.rules)];
        expect({ walk, text, places }).toEqual({ walk, text, places: [9] });
      }
    }
  });
});

describe('knownPlaces', () => {
  it('answers next from the list, without looking at the text', () => {
    const known = knownPlaces(Int32Array.from([3, 10, 42]), scanner);
    expect([known.next('', 0), known.next('', 3), known.next('', 4), known.next('', 42), known.next('', 43)]).toEqual([3, 3, 10, 42, -1]);
  });

  it('with handed places, lints only around them: the text is not scanned again', () => {
    // A long one-line note: parsed a few sentences around each place (parse-text.ts).
    const text = `Pt with hx of IVDU. ${'Seen today in clinic. '.repeat(40)}Now a drug abuser.`;
    expect(lintDocument(doc(text), resolved).length).toBe(2);
    expect(lintDocument(doc(text), resolved, new Int32Array(0))).toEqual([]);
    const first = firstStagePlaces(text, resolved.rules).subarray(0, 1);
    expect(lintDocument(doc(text), resolved, first).map((f) => text.slice(f.start.offset, f.end.offset))).toEqual(['IVDU']);
  });

  it('confirms a block whenever the scanner confirms it (property)', () => {
    mode(false);
    const words = ['IVDU', 'abuser', 'drug', 'abuse', 'noncompliant', 'with', 'meds', 'crack', 'addict', 'clean', 'dirty', 'urine', 'the', '.', '\n\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 30 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const text = parts.join(' ');
        const places = firstStagePlaces(text, resolved.rules);
        const start = text.length ? a % text.length : 0;
        const end = start + (text.length ? b % (text.length - start + 1) : 0);
        if (scanner.confirm(text, start, end)) expect(knownPlaces(places, scanner).confirm(text, start, end)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('lintDocument with handed places', () => {
  it('gives its own findings on cases at the edges', () => {
    const long = 'The patient was seen today in clinic for follow up. '.repeat(30);
    const cases = [
      'hx of IVDU',
      'Drug {{x}} abuse, and a drug @NAME@ abuser.',
      'Noncompliant.\n\nHe is a frequent flyer.\r\n\r\nShe refused, she is an addict.',
      `${long}He was noncompliant with his medications. ${long}Known crack addict. ${long}`,
      `${long.replace(/\. /g, ' ')}alcoholic`,
      'Pt with hx of IV\u00adDU; alco-\nholic.',
      `${'word '.repeat(3000)}drug abuser ${'word '.repeat(3000)}`,
      'Urine was dirty. Wound clean and dry. Born with d\u2019own\u2019s syndrome.',
      "She is an id'iot_. \u212anown addict.",
      "She shed a sheet; called a she-male, a she male, a s'he-male and a he-she; up-to-date, re-formed.",
      'Called a \u017fhe-male by staff.',
    ];
    let findings = 0;
    for (const text of cases) findings += expectSame(text).length;
    expect(findings).toBeGreaterThan(cases.length);
  });

  it('gives its own findings on generated text (property)', () => {
    const rules = builtinRules();
    const words = new Set<string>(['the', 'Pt', 'was', '_', "'", '\u2019', '-', '. ', '.', '\n\n', '\r\n', ' ', '{{x}}', '@AGE@', '\u00ad']);
    for (const entries of rules.index.values()) for (const { sequence } of entries) for (const t of sequence) t.words.slice(0, 3).forEach((w) => words.add(w));
    for (const seq of rules.equalityPhrases) for (const t of seq) t.words.slice(0, 2).forEach((w) => words.add(w));
    for (const entries of rules.index.values())
      for (const { compiled } of entries)
        for (const c of compiled.requires) for (const seq of c.sequences) for (const t of seq) t.words.slice(0, 2).forEach((w) => words.add(w));
    const filler = fc
      .constantFrom('The patient was seen today. ', 'Wound healing well, ', 'and ')
      .chain((s) => fc.integer({ min: 1, max: 40 }).map((n) => s.repeat(n)));
    const text = fc
      .array(
        fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom(...words) },
          { weight: 3, arbitrary: fc.constantFrom(' ', ' ', '\n') },
          { weight: 1, arbitrary: filler },
          { weight: 1, arbitrary: fc.string({ maxLength: 3 }) },
        ),
        {
          maxLength: 60,
        },
      )
      .map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expectSame(t);
      }),
      { numRuns: 400 },
    );
  });

  const corpus = corpusDir();
  // Every 20th text in `npm test` (a fixed sample: a failure reproduces; every 10th was ~4 s of CPU),
  // every text in `npm run test:corpus`.
  const stride = FULL_CORPUS ? 1 : 20;
  it.skipIf(!corpus)(
    `gives its own findings on every ${stride === 1 ? '' : `${stride}th `}text of the shared corpus`,
    () => {
      const texts = sharedCorpusTexts(corpus).filter((t, i) => i % stride === 0 && t.text.length <= 100_000);
      let findings = 0;
      for (const { text } of texts) {
        mode(false);
        const own = lintDocument(doc(text), resolved);
        const places = firstStagePlaces(text, resolved.rules);
        const handed = lintDocument(doc(text), resolved, places);
        if (handed.length !== own.length || JSON.stringify(handed) !== JSON.stringify(own))
          expect({ text: text.slice(0, 300), handed }).toEqual({ text: text.slice(0, 300), handed: own });
        findings += own.length;
      }
      expect(findings).toBeGreaterThan(50);
    },
    FULL_CORPUS ? 3_600_000 : 600_000,
  );
});
