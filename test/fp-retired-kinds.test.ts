// The kinds of the retired sets' false positives (branch fp, session of 2026-12-02; batch 80 of
// fixtures/recall-probes), each from a small input of our own wording, with a positive of the same
// words beside it that must still be found.
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';

const found = async (text: string) => (await lintText(text)).filter((f) => f.severity !== 'info').map((f) => `${f.ruleId} ${f.actual}`);

describe('instrument and scale names (spans.ts)', () => {
  it.each([
    // An acronym and its Title Case expansion holding an instrument word.
    'Tests given: WAIS-IV, ABS (Adaptive Behavior Scale for Mental Retardation), and the BDI-II.',
    // A scale's name before its abbreviation and a T score.
    'MMPI-2-RF: Substance Abuse (SUB) T = 46, within normal limits.',
    // An instrument's name that goes on after its head word.
    'School file cites the Adaptive Behavior Scale for Mental Retardation from 2009.',
  ])('passes %j', async (text) => {
    expect(await found(text)).toEqual([]);
  });

  it.each([
    // A diagnosis defined by its abbreviation, with no instrument word or score, stays prose.
    ['PMH: Polysubstance Abuse (PSA), in remission.', 'substance-use/substance-abuse Polysubstance Abuse'],
    ['Dx: Alcohol Abuse (AUD) x 10 yrs.', 'substance-use/substance-abuse Alcohol Abuse'],
    // A heading that ends with its head word is no instrument's name.
    ['Substance Abuse Assessment: drinks 6 beers a day.', 'substance-use/substance-abuse Substance Abuse'],
  ])('flags %j', async (text, expected) => {
    expect(await found(text)).toContain(expected);
  });
});
