// Substance-use, compliance and credibility kinds of the seven retired sets' misses (branch mc, session
// of 2026-12-02 04:09; batch 82 of fixtures/recall-probes), each from a small input of its own wording:
// terms inside an inline numbered list (once read as a rating scale's anchors), "NOWS baby", "clean per
// <source>", a parent's refusal of a procedure or a named medicine (also the base form, and a pronoun for
// the parent), "apparently" opening a clause whose subject is left out, a substance dependence beside a
// taper, a relapse named by a residential stay, a relative clause after the patient's predicate noun, and a
// bare "Child" in a child's note. Each positive has a look-alike beside it that must pass.
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { maskedAt } from '../src/match/spans.js';

const MINE = new Set(['substance-use', 'compliance', 'credibility']);
const found = async (text: string) => (await lintText(text)).filter((f) => MINE.has(f.category)).map((f) => `${f.ruleId} ${f.actual}`);

describe('substance-use, compliance and credibility kinds of the retired sets (second round)', () => {
  it('reads an inline numbered list of phrases as prose, and a scale of short anchors as a scale', async () => {
    const list = 'Chart review: (1) 2019 clinic note - opioid abuse, on MAT. (2) 2021 ED visit for a fall. (3) Two negative screens since.';
    expect(maskedAt(list, list.indexOf('opioid'), list.indexOf('opioid') + 13)).toBeUndefined();
    expect(await found(list)).toContain('substance-use/substance-abuse opioid abuse');
    expect(await found('Plan: 1) pt is a cocaine user, offered MOUD, 2) wound care daily, 3) recheck in two weeks.')).toEqual([
      'substance-use/drug-user cocaine user',
    ]);
    const scale = 'Craving rating: 1) none, 2) mild, 3) strong, 4) addict-level';
    expect(maskedAt(scale, scale.indexOf('addict'), scale.indexOf('addict') + 6)).toBe('scale');
    // Scores numbered 0, 1, 4, 7 stay a scale however long their anchors are.
    const scored = 'Item: 0 no agitation at all today; 1 somewhat more than normal activity; 4 moderately fidgety and restless; 7 paces and is combative';
    expect(maskedAt(scored, scored.indexOf('combative'), scored.indexOf('combative') + 9)).toBe('scale');
  });

  it.each([
    ['Rounds: NOWS baby in crib 2, ESC going well.', 'substance-use/addicted-baby NOWS baby'],
    ['Fentanyl use disorder, on methadone. Clean per his OTP counselor x 4 mo.', 'substance-use/clean-abstinent Clean per'],
    ['8 yo w/ a forearm laceration. Mom refuses stitches, asks for glue.', 'compliance/refused refuses'],
    ['10 yo M with ADHD. Parents refused methylphenidate after the trial.', 'compliance/refused refused'],
    ['7 yo F, CKD. Parents refuse the biopsy for their daughter this month.', 'compliance/refuse refuse'],
    ['5 wk visit. Mother missed the last two weight checks; she has been noncompliant with the baby\u2019s follow-up.', 'compliance/noncompliant noncompliant'],
    ['12 yo on dialysis. Guardian refused the catheter change for him.', 'compliance/refused refused'],
    ['Heroin use disorder. Apparently skipped his methadone dose twice.', 'credibility/apparently-act Apparently'],
    ['Missed the INR check; apparently stopped the apixaban on her own.', 'credibility/apparently-act apparently'],
    ['Back from residential tx after a relapse in April.', 'substance-use/relapse relapse'],
    // The relative's noun is what the patient is (described.ts), and a bare "Child" in a child's note (subject.ts).
    ['He is a smoker who has been noncompliant with the inhaler plan.', 'compliance/noncompliant noncompliant'],
    ['9 yo F with asthma. Child refuses the spacer at school.', 'compliance/refused refuses'],
  ])('flags %j', async (text, expected) => {
    expect(await found(text)).toEqual([expected]);
  });

  it('reports a substance dependence beside a taper (info), not a physical dependence', async () => {
    expect(await found('PMH: lorazepam dependence, slow taper with psychiatry.')).toEqual(['substance-use/dependence lorazepam dependence']);
    expect(await found('Physical dependence on lorazepam is expected; slow taper with psychiatry.')).toEqual([]);
  });

  it.each([
    'Incision clean per the home nurse, cocaine use in the past.',
    'Port site cleaned; alcohol pad used. Clean per protocol before each access.',
    'Infant with NOWS, ESC scores logged; NOWS clinic next week.',
    '9 yo M. Mom refused a cot and slept in the chair.',
    'Dad refused his own tetanus shot; the 8 yo got hers.',
    '9 yo M. Parents refuse to discuss the move in front of him.',
    'Mother missed the bus. She refused the cab voucher.',
    'Apparently the outside slides were lost in transit.',
    'Apparently started on sertraline by the outside psychiatrist.',
    'Residential treatment after a relapse of her anorexia in the spring.',
    "Pt's brother is a smoker who has been noncompliant with his own inhalers.",
    '52M with COPD. Child refuses to visit the ward.',
  ])('passes %j', async (text) => {
    expect(await found(text)).toEqual([]);
  });
});
