// Core substance-use kinds of probe batch 28 (branch core2), each with sentences of other wording than
// the batch and the rules' examples: a trade and "user" joined by a sign, a bare "user" with how often
// or how lately and the drug named elsewhere (the sentence, the one before, a field heading, "of"), an
// ampersand read as "and", misused medicines named bare after "abusing", a short duration before
// "clean", and a military urinalysis named in a table row; with the look-alikes beside each.
import { describe, expect, it } from 'vitest';
import { parseText } from '../src/parse/parse-text.js';
import { collectSentences } from '../src/parse/tokens.js';
import { expectFlag, expectPass } from './detection.js';

describe('an ampersand between words is read as "and"', () => {
  it('is a token "and" joined to its neighbours, and only between words', () => {
    const [sentence] = collectSentences(parseText('Sober & working.'));
    expect(sentence!.tokens.map((t) => [t.norm, t.adjacent])).toEqual([
      ['sober', false],
      ['and', true],
      ['working', true],
    ]);
  });

  it('completes the phrases that hold "and"', async () => {
    await expectFlag(['Uncle has stayed clean & sober since the wedding.'], { rule: 'substance-use/clean-abstinent' });
    await expectFlag(['Lives with a heroin dealer & user in a motel.'], { rule: 'substance-use/drug-user' });
  });

  it('passes what only looks like a phrase', async () => {
    await expectPass(['Incision clean & dry, staples intact.', 'He is an AT&T user and calls from his cell.', 'Skin clean & intact; no track marks.']);
  });
});

describe('a trade and "user" joined by a sign', () => {
  it('flags the bare "user" beside dealer, seller or trafficker with a drug in the sentence', async () => {
    await expectFlag(
      [
        'Brother-in-law is a crack seller/user and stays over often.',
        'Per deputy: fentanyl trafficker and/or user.',
        'Ex (dealer/user, meth) has a restraining order.',
      ],
      { rule: 'substance-use/user-label' },
    );
  });

  it('passes a user far from the trade or without a drug', async () => {
    await expectPass([
      'The car dealer sent the user manual for the lift.',
      'The drug seller at the market offered herbs; the pt is a user of herbal teas.',
      'Dealer/user agreement for the glucose meter signed.',
    ]);
  });
});

describe('a bare "user" with how often or how lately, the drug named elsewhere', () => {
  it('flags it with the drug in the sentence, the sentence before, a heading, or after "of"', async () => {
    await expectFlag(
      [
        'Stepfather, a current user (crack), visits on Sundays.',
        'Meth: yes, smokes it. Weekend user since college.',
        'Opiates:\nPrevious user, 2015-2018.',
        'She is a regular user of the fentanyl her cousin sells.',
        'Occasional user of Benadryl to get high per the school nurse.',
      ],
      { rule: 'substance-use/user-label' },
    );
  });

  it('passes a device, an app, a service or tobacco as what is used', async () => {
    await expectPass([
      'Alcohol: rare. Smoking: former user, 20 pack-years.',
      'Illicit drugs: none. CPAP: regular user, 6 h a night.',
      'Denies drug use; heavy user of the urgent care clinic and the portal.',
      'Drugs: no. Contact lenses: daily user.',
      'She is a current user of the app that tracks her cocaine-free days.',
    ]);
  });
});

describe('misused medicines and pills after "abusing"', () => {
  it('flags the verb with the medicine or pills as its object', async () => {
    await expectFlag(
      ['Son has been abusing Ambien and DXM since spring.', 'Aunt abused pills for years before rehab.', 'Pt abusing his Lyrica, per the pharmacy.'],
      {
        rule: 'substance-use/abuse-verb',
      },
    );
  });

  it('passes victimisation beside a medicine name', async () => {
    await expectPass(['She was abused by her stepfather; takes Ambien for sleep.', 'Survivor of sexual abuse, on Lyrica for neuropathy.']);
  });
});

describe('a short duration before "clean"', () => {
  it('flags "mo clean" and "wks clean"', async () => {
    await expectFlag(['Husband is 4 mo clean off meth.', 'Now 6 wks clean, attending IOP.'], { rule: 'substance-use/clean-abstinent' });
  });

  it('passes a wound or a dressing clean for weeks', async () => {
    await expectPass(['Wound 3 wks clean and dry after debridement.', 'Pin sites 2 mo clean, no drainage.']);
  });
});

describe('a military urinalysis named in a table row', () => {
  it('flags the result under an inspection or command-directed urinalysis', async () => {
    await expectFlag(['Name | Test | Result\nSGT D | Command-directed UA | dirty', 'Name | Test | Result\nPV2 E | IU 11/3 | clean'], {
      rule: 'substance-use/clean-dirty-row',
    });
  });

  it('passes international units and other rows', async () => {
    await expectPass(['Med | Dose | Site\nHeparin | 5000 IU | clean', 'Name | Test | Result\nSGT D | Hearing test | clean']);
  });
});

// Batch 29's kinds (its unseen misses) and further forms found by probing after batch 28.
describe('"a user" with the drug a few words away, speech fillers between', () => {
  it('flags it', async () => {
    await expectFlag(['Doc: so is he still a user, um, of meth or not?', 'Cousin (a user, cocaine) drives her to visits.'], {
      rule: 'substance-use/user-label',
    });
  });

  it('passes a user of an app, an ID or a service, and a drug too far away', async () => {
    await expectPass([
      'Illicit drug use: none; a user ID was issued for the portal.',
      'Alcohol: denies. She became a user of the hearing clinic this year.',
      'Cocaine use was discussed at length with the family in the room before the visit ended, and then a user survey was handed out.',
    ]);
  });
});

describe('further forms of the core terms', () => {
  it('flags cough-medicine abuse, misspelt "alcoholic", "poly-sub" and "using or clean"', async () => {
    await expectFlag([
      'Nephew abusing Robitussin and Coricidin.',
      'PMH: alcoholoic, HTN.',
      'Hx poly-sub abuse since 17.',
      'Are you using or clean these days?',
    ]);
  });

  it('passes their look-alikes', async () => {
    await expectPass([
      'Abused by her uncle as a child; takes cough syrup for a cold.',
      'Non-alcoholic fatty liver disease, HTN.',
      'Poly-sub-unit vaccine given.',
      'Is the site draining or clean today?',
    ]);
  });
});
