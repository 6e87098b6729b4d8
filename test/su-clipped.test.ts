// Substance-use kinds of probe batch 56 (branch su2), each with sentences of other wording than the
// batch and the rules' examples: clipped substance words ("subst", "polysubst", "alc", "narc"), with
// or without a full stop, before abuse, abuser, seeking; "a user" whose drug is in the sentence
// before; "stoned"; and drug-label wording about abuse ("a high
// potential for abuse", "the risk of abuse"). With the look-alikes beside each.
import { describe, expect, it } from 'vitest';
import { applyFixes, lintText } from '../src/index.js';
import { expectFlag, expectPass, findingsOf } from './detection.js';

describe('clipped substance words, with or without a full stop', () => {
  it('flags "subst abuse", "alc. abuse", "polysubst abuse", "poly-subst. abuse" and "narc abuser"', async () => {
    await expectFlag(
      [
        'PMH: subst abuse in remission, HTN.',
        'Remote hx alc. abuse, now abstinent.',
        'Hx of polysubst. abuse per the old chart.',
        'SH: poly-subst. abuse, no IV use.',
        'Known narc abuser per the covering team.',
      ],
      { strong: true },
    );
  });

  it('flags "narc. seeking" and "narcs. seeker"', async () => {
    await expectFlag(['Concern for narc. seeking after the third early refill.', 'Labelled a narcs. seeker at the other ED.'], {
      rule: 'substance-use/drug-seeking',
    });
  });

  it('keeps the full stop in the finding and drops it with the word it ends in the fix', async () => {
    const text = 'Hx subst. abuse, quit 2020. Old alc. abuse and poly-subst. abuse.';
    const findings = await lintText(text);
    expect(findings.map((m) => m.actual)).toEqual(['subst. abuse', 'alc. abuse', 'subst. abuse']);
    expect(applyFixes(text, findings).output).toBe('Hx substance use, quit 2020. Old alcohol use and poly-substance use.');
  });

  it('passes the clipped words elsewhere: a lymphocyte count, an informant, a stop after another word', async () => {
    for (const text of [
      'ALC. Abuse of the call light was not noted.',
      'Abs. lymphocyte count (alc) low; no abuse concerns.',
      'Pt is a police narc. Abuse by a cellmate reported.',
      'Given Rx. Abuse by her partner is documented.',
    ])
      expect(
        (await findingsOf(text)).filter((f) => f.startsWith('substance-use/')),
        text,
      ).toEqual([]);
  });
});

describe('"a user" whose drug is in the sentence before', () => {
  it('flags it when "a user" opens its sentence', async () => {
    await expectFlag(['Heroin residue in the car. Driver is a user per the officer.', 'Meth pipe on the nightstand. Roommate is a user too.'], {
      rule: 'substance-use/user-label',
    });
  });

  it('passes a user of something named, and "a user" with no drug around', async () => {
    await expectPass(
      [
        'Methadone dose confirmed. Pt is a user of the clinic app.',
        'Cocaine use denied. Wife is a user of the portal and sends messages.',
        'Meds reviewed. Daughter is a user, per pt, of the pharmacy delivery service.',
        'Mother is a nurse. Father is a user of hearing aids.',
      ],
      { rule: 'substance-use/user-label' },
    );
  });
});

describe('"stoned" and the drug-label wording about abuse', () => {
  it('flags "stoned" as slang for intoxication', async () => {
    await expectFlag(['Friends brought him in stoned and vomiting.', 'She admits she was stoned during the fall.'], { rule: 'substance-use/withdrawal-slang' });
  });

  it('passes "stoned to death" and a label\'s "potential for abuse" or "risk of abuse"', async () => {
    await expectPass(['Her story: an uncle was stoned to death in the war.'], { rule: 'substance-use/withdrawal-slang' });
    await expectPass(['Tramadol carries a potential for abuse and dependence.', 'Stimulants have a high risk of abuse; store them locked.'], {
      rule: 'substance-use/abuse-verb',
    });
  });

  it('still flags abuse of a drug written after "risk"', async () => {
    await expectFlag(['At risk of relapse; abusing oxycodone again per his wife.'], { rule: 'substance-use/abuse-verb' });
  });
});
