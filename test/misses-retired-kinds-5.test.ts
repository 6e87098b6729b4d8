// Kinds of miss learnt from the fifth round of sets retired to tuning (2026-12-02: eval-tenth and eval-eleventh;
// branch miss5, fixtures/recall-probes batches 100 and 101). Each kind with small sentences of our own (none of those
// sets' text), beside the look-alikes that must pass.
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { flagsOnce, passesCategories } from './kind-checks.js';

const flags = flagsOnce;
const passes = (texts: string[], prefixes: readonly string[]) => passesCategories(texts, prefixes);

describe('misses of the retired sets, fifth round: core substance-use terms', () => {
  it('"abusing" a relative\'s medicine named by brand after the possessive: substance-use/abuse-verb; a person abused passes', async () => {
    await flags(
      ["Teen abusing her uncle's Vyvanse during finals, per the school nurse.", "Wife thinks he is abusing his mother's Ambien."],
      'substance-use/abuse-verb',
      'abusing',
    );
    await passes(['Boyfriend was abusing her while she took Ritalin for ADHD.', "She was abused by her stepfather's brother."], ['substance-use/abuse-verb']);
  });

  it('substances no list named before "abuse", "addict", "user": khat, opium, barbiturates, solvents, bath salts', async () => {
    await flags(['PMH: asthma, khat abuse, GERD.'], 'substance-use/substance-abuse', 'khat abuse');
    await flags(['Remote opium abuse, smoked, in his twenties.'], 'substance-use/substance-abuse', 'opium abuse');
    await flags(['History of barbiturate abuse before 1990.'], 'substance-use/substance-abuse', 'barbiturate abuse');
    await flags(['Teen with solvent abuse (aerosols) per CPS.'], 'substance-use/substance-abuse', 'solvent abuse');
    await flags(['Any bath salts abuse this year?'], 'substance-use/substance-abuse', 'bath salts abuse');
    await passes(
      [
        'Chews khat on weekends; counselled on oral health.',
        'Opium tincture for refractory diarrhoea, prescribed by GI.',
        'Solvent-based paclitaxel premedication given.',
        'Epsom and bath salts for the sore feet.',
      ],
      ['substance-use/'],
    );
  });

  it('"clean" with its substance in a bracket right after it: substance-use/clean-bracket; a wound or a technique passes', async () => {
    await flags(
      ['He was clean (cocaine) for most of last year.', 'Reports she stayed with her sister, clean (from opioids) since June.'],
      'substance-use/clean-bracket',
      'clean',
    );
    await passes(
      ['Incision clean (no drainage), staples out.', 'Clean (aseptic) technique for the heroin user’s abscess I&D.', 'Room clean (terminal clean done).'],
      ['substance-use/clean-bracket'],
    );
  });

  it('"was dirty" at a test, the test or the program in the sentence or the one before: substance-use/clean-dirty-test; hygiene passes', async () => {
    await flags(['Doses at the OTP daily. Was dirty twice in March.', 'Probation reports he was dirty on the last random.'], 'substance-use/clean-dirty-test');
    await passes(
      [
        'Uses meth daily. Was dirty and malodorous on arrival.',
        'Children were dirty and hungry per the caseworker; mother had a positive urine tox.',
        'On methadone at the OTP. Apartment was dirty at the home visit.',
      ],
      ['substance-use/clean-dirty-test'],
    );
  });
});

describe('misses of the retired sets, fifth round: tier B', () => {
  it('"high on" a substance no list named: substance-use/withdrawal-slang; a risk or a reading passes', async () => {
    await flags(
      ['Found high on synthetic cannabinoids behind the shelter.', 'Brother says he was high on mushrooms all weekend.'],
      'substance-use/withdrawal-slang',
    );
    await passes(
      ['Flare risk high on a fast steroid taper.', 'Mushroom toxicity high on the differential.', 'Cholesterol high on a kava-free diet.'],
      ['substance-use/withdrawal-slang', 'substance-use/getting-high'],
    );
  });

  it('"high" after a parent, the substance in the sentence: substance-use/getting-high; a high-risk pregnancy passes', async () => {
    await flags(['NAS watch: meth exposure, dad high at the bedside per RN.'], 'substance-use/getting-high', 'high');
    await passes(['Mom high risk for preeclampsia; no alcohol or drug use.', 'Dad high school coach, drinks socially.'], ['substance-use/getting-high']);
  });

  it('relapse told by injection gear found, rehab after withdrawal symptoms: relapse and detox-rehab; a leukaemia relapse passes', async () => {
    await flags(['Cottons and a cooker in the bathroom. Sister says he relapsed last week.'], 'substance-use/relapse');
    await flags(['Withdrawal symptoms moderate overnight. Wants rehab after discharge.'], 'substance-use/detox-rehab');
    await passes(['Relapsed AML; marrow drawn with a syringe.'], ['substance-use/relapse']);
  });

  it('the decedent as the patient: demeanour and refusal words of a death review report', async () => {
    await flags(['Per the jail log the decedent was combative with deputies.'], 'demeanor/combative', 'combative');
    await flags(['Per records the decedent refused dialysis twice.'], 'compliance/refused', 'refused');
    await passes(["The decedent's son was combative with the investigator."], ['demeanor/']);
  });

  it("a parent's noncompliance with the child's meals, visits or a teen's medicine: compliance/noncompliant", async () => {
    await flags(
      [
        'Parents noncompliant with the meal plan at home.',
        "Mother non-compliant with the teenager's inhaler refills.",
        'Peds: 14F. Father noncompliant with clinic visits x3.',
      ],
      'compliance/noncompliant',
    );
    await passes(['Parents were noncompliant with the parking rules.', 'Pt 70M. Son noncompliant with his own meds.'], ['compliance/']);
    // The child named as an owner past a semicolon (batch 101's kind, found after its run); not when "her" owns the care.
    await flags(["Father nonadherent with the weight-check visits; infant's gain poor."], 'compliance/nonadherent');
    await passes(["Mother noncompliant with her statin; daughter's eczema better."], ['compliance/']);
  });

  it('"LOL" naming a patient: identity/lol-label; laughing in a message passes', async () => {
    await flags(['ED: LOL s/p trip over a rug, L hip pain.', 'Transfer: LOL from the SNF w/ confusion.'], 'identity/lol-label', 'lol');
    await passes(['Portal: ok thanks lol, will call Monday.', 'Pt texted "lol" back.'], ['identity/']);
  });

  it('"senile" and "epileptic" as items of a one-liner: identity rules; an event and a legacy term pass', async () => {
    await flags(['LOL w/ a fall, R wrist fx, senile, lives with her son.'], 'identity/crazy-person', 'senile');
    await flags(['9 yo with autism and epileptic since birth, here for a cast.'], 'identity/epileptic', 'epileptic');
    await passes(['Senile purpura on the shins.', 'Spells were functional and epileptic since the EEG captured both.'], ['identity/']);
  });

  it('"claims" of the patient beside a claim number on the line: credibility/claims; the claim noun passes', async () => {
    await flags(['W/C claim #771: claimant claims he cannot kneel, knelt to tie a shoe.'], 'credibility/claims', 'claims');
    await passes(['Claim #4471 denied; claims resubmitted by billing.', 'Claim number 81: claimed amount $300.'], ['credibility/']);
  });

  it('"apparently has been" + the patient\'s own act: credibility/apparently-act; a course passes', async () => {
    await flags(
      [
        'Pt apparently has been skipping the evening dose.',
        'Called about the rash, apparently has been scratching it at night.',
        // Opening the sentence, the subject left out (batch 101's kind, found after its run).
        'Apparently has been splitting the tablets to save money.',
      ],
      'credibility/apparently-act',
    );
    await passes(['Pt apparently has been doing well since the move.', 'The graft, apparently has been draining for a week.'], ['credibility/apparently-act']);
  });
});

describe('misses of the retired sets, fifth round: what is left', () => {
  it('a one-letter abbreviation before a full stop joins two sentences, so a dose word reaches "high" (left)', async () => {
    // "on low-dose T. Pt high during the visit": the "T." is read as an initial, the sentence goes on, and
    // getting-high's "dose" before it passes the state. Recorded as measured, not fixed.
    const hits = (await lintText('Visit: pt on low-dose T. Pt high during the visit (slurred, giggling).')).filter(
      (f) => f.ruleId === 'substance-use/getting-high',
    );
    expect(hits.length).toBe(0);
  });
});
