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

describe('a relative as the subject of a second verb (subject.ts)', () => {
  it.each([
    // A complement clause with the patient as its subject between the relative and the verb.
    'Son says she barely eats, insists on a feeding tube.',
    // A subordinate clause between, and a past form before a preposition.
    'Brother got angry when the team raised hospice, insisted on full code.',
    // The patient reports a relative's acts: the verb after the comma is in the relative's tense.
    'Pt reports her partner got loud when she asked for money, insisted on driving her.',
    // A bracketed quotation between the relative's two verbs.
    'Husband turns down the commode ("she won\'t use it") and insists she walk to the bathroom.',
    // A verb opening a parenthesis after someone else.
    'Letters: the AA sponsor (insisted on daily check-ins) and the employer.',
  ])('passes %j', async (text) => {
    expect(await found(text)).toEqual([]);
  });

  it.each([
    // The patient's own second verb after a bracketed quotation.
    ['Pt turns down the commode ("I can walk") and insists on the bathroom.', 'credibility/insists insists on'],
    // The patient's verb of saying and the verb after the comma in the same tense: either's, read as the patient's.
    ['Pt states her husband drinks nightly, insists she is safe at home.', 'credibility/insists insists'],
    // The patient's own verb after a comma.
    ['Pt says he slept well, insists on going home today.', 'credibility/insists insists on'],
  ])('flags %j', async (text, expected) => {
    expect(await found(text)).toContain(expected);
  });
});

describe('who is described or refuses (described.ts, subject.ts)', () => {
  it.each([
    // A relative named before "she", in a sentence that names the patient "he"/"his".
    'Per his sister, "he won\'t eat for us," and she insists on a feeding consult.',
    // The antecedent of "who", right before it, not the patient coordinated with it.
    'Seen with pt and his son, who insisted on recording the visit.',
    // A reduced passive before "as": the noun before the participle is described, with two adjectives.
    'Pt was shoved by a classmate described by the nurse as hostile and threatening.',
    // A young child's second verb after "and", its subject the pronoun.
    'Peds ENT: 4 yo w/ otitis. He cries and refuses the ear drops.',
    // An AA sponsor named bare.
    'Sponsor insisted on a meeting every day this week.',
  ])('passes %j', async (text) => {
    expect(await found(text)).toEqual([]);
  });

  it.each([
    // The patient named "he" and a relative of the other gender: "he" is still the patient.
    ['His wife visited and he insists on going home.', 'credibility/insists insists on'],
    // The coordinated subject "Pt and his wife" owns the verb after the relative clause closes.
    ['Pt and his wife, who insisted on the TV, refused the bed.', 'compliance/refused refused'],
    // The patient described by someone, with two adjectives.
    ['Pt was described by the counselor as hostile and threatening.', 'demeanor/threatening hostile and threatening'],
    // An adult's second verb after "and" stays the patient's refusal.
    ['Adult clinic: 45M. He yells and refuses the drops.', 'compliance/refused refuses'],
  ])('flags %j', async (text, expected) => {
    expect(await found(text)).toContain(expected);
  });
});
