// Compliance and credibility kinds of the retired sets' errors (branch cc, session of 2026-12-02; batch
// 76 of fixtures/recall-probes), each from a small input of its own wording: a young child's refusal,
// a parent's refusal of the care of a child whose age is written in shorthand, relatives, GF/BF,
// numbered contacts and staff initials as the subject (across a parenthesis or a comma), payer claims,
// misspelt and spaced nonadherence, and a requirement the patient must meet. Each positive has a
// look-alike beside it that must pass.
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';

const found = async (text: string) =>
  (await lintText(text)).filter((f) => f.category === 'compliance' || f.category === 'credibility').map((f) => `${f.ruleId} ${f.actual}`);

describe('compliance and credibility kinds of the retired sets', () => {
  it.each([
    // A parent's refusal of the care of a young child whose age is shorthand ("20mo,", "4 yo w/").
    ['EI: 20mo, mom refuses the hearing test.', 'compliance/refused refuses'],
    ['Clinic: 4 yo w/ eczema, dad refused the sedation for the scan.', 'compliance/refused refused'],
    // A parent's refusal of an adolescent's care in a note headed adolescent.
    ['Adolescent visit, 16F. Mother refuses the HPV vaccine today.', 'compliance/refused refuses'],
    // Misspelt and spaced nonadherence, and a requirement the patient must meet.
    ['Poor adherance to the inhaler noted.', 'compliance/nonadherent Poor adherance'],
    ['He is non compliant with the weight-loss requirement before surgery.', 'compliance/noncompliant non compliant'],
    // The patient's own insisting right after a comma stays the patient's.
    ['Pt up all night, insisting on a private room.', 'credibility/insists insisting on'],
    ['She claimed a stranger took her wallet.', 'credibility/claims claimed'],
    // "Apparently" between the patient and their own past act (credibility/apparently-act, recommended).
    ['Client apparently sold his bus pass last week.', 'credibility/apparently-act apparently'],
    ['Pt apparently took two doses this morning.', 'credibility/apparently-act apparently'],
  ])('flags %j', async (text, expected) => {
    expect(await found(text)).toEqual([expected]);
  });

  it.each([
    // A young child's refusal of an exam, a mask, a premedication or a cup.
    'The 2yo refused the ear exam and cried.',
    'Toddler with croup refusing the mask; blow-by used.',
    '30 mo refusing the oral premed, spat it out.',
    // Relatives, GF/BF, numbered contacts and staff initials as the subject.
    'Girlfriend at the bedside all night, insisting on a private room.',
    "Wife (pt's) insists on staying overnight.",
    'GF insisted on driving him home.',
    'Contact #4 refused testing at the home visit.',
    'CRNA adamant that the airway plan stay as written.',
    // Payer claims: a period's claims and what is done to them, a heading, a benefit claimed.
    'Commercial claims for June reprocessed after the fee update.',
    'Claim status: pending review.',
    'The retiree claimed a long-term care benefit in 2023.',
    // "Apparently" before a state, a history or a course is left to the all preset.
    'The patient apparently lives alone.',
    'Pt apparently has a latex allergy.',
    'Patient apparently became dizzy at work.',
    // A home noncompliant with a staffing requirement.
    'The group home was noncompliant with the state staffing requirement.',
  ])('passes %j', async (text) => {
    expect(await found(text)).toEqual([]);
  });
});
