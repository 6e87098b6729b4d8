// Substance-use kinds of probe batch 58 (branch su3), each with sentences of other wording than the
// batch and the rules' examples: drugs staff divert named bare after "abuse" verbs, "alcoholic" and
// "abuse" misspelt, "habit of" with a substance and a street-drug unit before "habit", nurses' and
// pharmacists' "seeking behavior" and "seeking narcotics", "pill popper", "popped dirty", "fell off
// the wagon", and "a user" beside a drug test; and batch 59's, fixed after its unseen run: a split or
// urine specimen's result, a test type between the result and the test, a bare "abuser" beside a drug
// named bare, "coke habit", "was clean" with a relapse and a substance in its sentence. With the
// look-alikes beside each.
import { describe, it } from 'vitest';
import { expectFlag, expectPass } from './detection.js';

describe('drugs diverted from a unit, named bare', () => {
  it('flags abusing or abused propofol, midazolam, Versed, sufentanil, Demerol', async () => {
    await expectFlag(
      [
        'Anesthesia resident found abusing propofol in the call room.',
        'RN abused midazolam pulled for a discharged patient.',
        'Board letter: the nurse abuses Demerol from the OR stock.',
        'Investigation found he had been abusing sufentanil wastes.',
      ],
      { rule: 'substance-use/abuse-verb' },
    );
  });

  it('passes victimization beside the same drugs', async () => {
    await expectPass(
      ['Pt was physically abused by her ex; midazolam given for the MRI.', 'The CRNA was verbally abused by a family member before the propofol was started.'],
      { rule: 'substance-use/abuse-verb' },
    );
  });
});

describe('misspelt alcoholic and abuse', () => {
  it('flags alcoholc, alocholic, alcholoic, alcolholic and drug abuze, alcohol abusse', async () => {
    await expectFlag(['Uncle was an alcolholic.', 'Pt is a known alcholoic per EMS.', 'Both parents alocholics.'], {
      rule: 'substance-use/alcoholic',
    });
    await expectFlag(['PMH: alcohol abusse, HTN.', 'Remote hx of substance abuce per the form.'], { rule: 'substance-use/substance-abuse' });
  });
});

describe('habit with the substance after it or a street unit before it', () => {
  it('flags a habit of a drug or a drink, and a bag or gram habit', async () => {
    await expectFlag(
      [
        'He had a habit of two bundles of heroin a day before jail.',
        'She kept up a habit of a pint of vodka every night.',
        'Was supporting a 2 gram habit until the arrest.',
        'Pt admits a habit of 10 Percocet daily.',
      ],
      { rule: 'substance-use/drug-habit' },
    );
  });

  it('passes habits of other things, forgetting pills, and habit-forming drugs', async () => {
    await expectPass(
      [
        'Has a habit of skipping breakfast; metformin with lunch.',
        'In the habit of forgetting his methadone take-homes at work.',
        'Habits: tobacco 1 ppd, alcohol socially.',
        'Oxycodone can be habit-forming; counselled.',
        'Mom has a habit of drinking diet cola all day.',
      ],
      { rule: 'substance-use/drug-habit' },
    );
  });
});

describe('seeking behavior and seeking a drug', () => {
  it('flags seeking behavior toward a drug and seeking narcotics or benzos', async () => {
    await expectFlag(
      [
        'Night RN charted seeking behaviours toward IV Dilaudid.',
        'Pt again seeking opiates at the pharmacy window.',
        'Per triage, pt is seeking benzos and left when refused.',
      ],
      { rule: 'substance-use/drug-seeking' },
    );
  });

  it('passes seeking help, treatment or a therapy for a substance', async () => {
    await expectPass(
      [
        'Treatment-seeking behavior for cocaine use is a strength to build on.',
        'Pt seeking opioids anonymous meeting times.',
        'Pt is seeking help for her alcohol use.',
        'Seeking behavior was not observed; oxycodone refilled on schedule.',
      ],
      { rule: 'substance-use/drug-seeking' },
    );
  });
});

describe('slang of monitoring and nursing notes', () => {
  it('flags pill popper, popped dirty, fell off the wagon, and a user beside a drug test', async () => {
    await expectFlag(['ED charge nurse: known pill-popper.'], { rule: 'substance-use/slang-label' });
    await expectFlag(['He popped dirty twice on his randoms.'], { rule: 'substance-use/clean-dirty-test' });
    await expectFlag(['Husband fell off the wagon at Christmas.'], { rule: 'substance-use/relapse' });
    await expectFlag(['FOB is a user; UDS refused at delivery.'], { rule: 'substance-use/user-label' });
  });

  it('passes a popped balloon, a wagon, a device user beside a tox screen', async () => {
    await expectPass(
      [
        'The IV bag popped and the dirty linen was changed.',
        'Pt fell off the hay wagon at the farm; tox screen negative.',
        'Mother is a breast pump user; meconium sent for tox per protocol.',
      ],
      { rule: 'substance-use' },
    );
  });
});

describe('batch 59: specimens, test types, coke habit, was clean, abuser of a drug named bare', () => {
  it('flags each in other words', async () => {
    await expectFlag(['Urine specimen was dirty for oxycodone per the MRO.', 'She had two dirty post-accident tests last year.'], {
      rule: 'substance-use/clean-dirty-test',
    });
    await expectFlag(['Per the pharmacist he is an abuser of Ambien and Xanax.'], { rule: 'substance-use/abuser' });
    await expectFlag(['Brother has had a coke habit since college.'], { rule: 'substance-use/drug-habit' });
    await expectFlag(['Relapsed on fentanyl in June; she was clean for most of the spring.'], { rule: 'substance-use/clean-abstinent' });
  });

  it('passes a sputum or water specimen, a soda habit, a clean scan beside a relapsed cancer', async () => {
    await expectPass(
      [
        'Sputum specimen was clean of AFB on all three smears.',
        'Has a coke habit of three cans a day; advised water instead.',
        'PET was clean in May; the lymphoma relapsed in October despite the drugs.',
        'Her abuser was arrested; she takes Ambien for sleep.',
      ],
      { rule: 'substance-use' },
    );
  });
});
