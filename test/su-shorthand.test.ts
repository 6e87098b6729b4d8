// Substance-use kinds of probe batch 42 (branch su), each with sentences of other wording than the
// batch and the rules' examples: a duration run together with its unit or a count written "x6"
// beside "clean", a bare "clean" ended by a relapse, a relapse or a detox/rehab whose only substance
// context is a drug test, an alcohol biomarker, abstinence called "clean" or the person label, slang
// and shorthand labels (pillhead, tweeker, EtOH-er, EtOHic), and an occupational test's type as the
// field answered "clean" or "dirty"; with the look-alikes beside each.
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { expectFlag, expectPass } from './detection.js';

describe('"clean" with a duration written as one token', () => {
  it('flags "45d clean", "clean 6mo", "clean x 90d" and "clean x6 wks"', async () => {
    await expectFlag(
      [
        'Arrived at the shelter ~30d clean off heroin.',
        'Client reports clean 6mo, working days.',
        'Pt clean x 90d per the PO.',
        'Cocaine - clean x6 wks, attending IOP.',
        'She was 2yrs clean before the accident.',
      ],
      { rule: 'substance-use/clean-abstinent' },
    );
  });

  it('passes a wound, a site or an instruction kept clean for a time', async () => {
    await expectPass([
      'Incision clean 14d post-op, steri-strips on.',
      'Keep it clean 10d and dry.',
      'Pin sites clean x2 wks, no drainage.',
      'Wound bed 3wks clean and granulating.',
    ]);
  });
});

describe('a bare "clean" that a relapse ends', () => {
  it('flags "clean" when a relapse or a return to use follows it', async () => {
    await expectFlag(['Stayed with his aunt, clean there, then relapsed at home.', 'He was clean through the pregnancy but used again after delivery.'], {
      rule: 'substance-use/clean-abstinent',
    });
  });

  it('passes "clean" of a thing, and a disease that relapsed', async () => {
    await expectPass(['Port site clean; the myeloma relapsed in June.', 'Kitchen clean on the visit, mother relapsed per CPS.'], {
      rule: 'substance-use/clean-abstinent',
    });
  });
});

describe('a relapse or detox whose substance is only a test, a biomarker, "clean" or the label', () => {
  it('flags relapse beside a drug test or an alcohol biomarker', async () => {
    await expectFlag(['Relapsed in May; the last two UDS were positive.', 'Probable relapse: PEth 310 at the last visit.'], { rule: 'substance-use/relapse' });
  });

  it('flags detox and rehab beside abstinence called clean or the person label', async () => {
    await expectFlag(['Stayed clean since his detox in the spring.', 'Third rehab stay; known alcoholic per his wife.'], { rule: 'substance-use/detox-rehab' });
  });

  it('passes a disease relapse and physical rehabilitation', async () => {
    await expectPass(['Relapsed lymphoma; drug testing of the new agent continues.'], { rule: 'substance-use/relapse' });
    await expectPass(['Incision clean since the repair; outpatient rehab twice a week.', 'Cardiac rehab after the MI; tox screen was not done.'], {
      rule: 'substance-use/detox-rehab',
    });
  });
});

describe('slang and shorthand person labels', () => {
  it('flags pillhead, tweeker, EtOH-er, EtOHic, boozer and alkie', async () => {
    await expectFlag(['Landlord calls him a pillhead.', 'Two tweekers were arrested at the house.'], { rule: 'substance-use/slang-label' });
    await expectFlag(
      [
        'Known ETOH-er, seizures on withdrawal.',
        'Father an EtOHer, mother deceased.',
        'Dx list: HTN, EtOHic, COPD.',
        'Stepdad is a boozer per the teen.',
        'Known alkie, DTs in 2022.',
      ],
      { rule: 'substance-use/alcoholic' },
    );
  });

  it('passes an EtOH level before an ER visit', async () => {
    await expectPass(['EtOH ER visits twice this month.', 'Serum EtOH: ER drew it at 0200.'], { rule: 'substance-use/alcoholic' });
  });

  it('reports "EtOH-er" whole, with a person-first suggestion', async () => {
    const [finding] = await lintText('Known EtOH-er.');
    expect(finding?.ruleId).toBe('substance-use/alcoholic');
    expect(finding?.actual).toBe('EtOH-er');
    expect(finding?.suggestions).toContain('person with alcohol use disorder');
  });
});

describe('an occupational drug test named by its type', () => {
  it('flags "Random: clean" and "Post-accident: dirty"', async () => {
    await expectFlag(['Return-to-duty: clean; cleared by the MRO.', 'Post-accident - dirty (THC).'], { rule: 'substance-use/clean-dirty-field' });
  });

  it('passes an exam, an inspection or a check of that type', async () => {
    await expectPass(['Pre-employment exam: clean bill of health.', 'Random room check: clean.', 'Post-incident inspection: clean, no hazards.']);
  });
});

// Kinds of probe batch 43 (its first run, after batch 42's fixes), fixed after it.
describe('batch 43: a count and its unit after "x" as one token, more drug tests, speed freak', () => {
  it('flags "clean x18mo", relapse beside a UA, a hair test or a sweat patch, and "speed freak"', async () => {
    await expectFlag(['Client clean x3wks, in IOP.', 'Pt clean x2yrs on methadone.'], { rule: 'substance-use/clean-abstinent' });
    await expectFlag(['Relapsed; two UAs positive in March.', 'Probable relapse, hair testing pending.'], { rule: 'substance-use/relapse' });
    await expectFlag(['Brother is a speed freak per mom.'], { rule: 'substance-use/slang-label' });
  });

  it('passes a record kept clean, and a steroid or medication user on a medicine', async () => {
    await expectPass(['Her criminal record has been clean since 2015.', 'Background clean since the last check.'], { rule: 'substance-use/clean-abstinent' });
    await expectPass(['Chronic steroid user (prednisone 10 mg) for lupus.', 'Pt is a daily medication user with a pill organizer.'], {
      rule: 'substance-use/drug-user',
    });
  });

  it('still flags a steroid user when the sentence says it is for the body', async () => {
    await expectFlag(['Bodybuilder, steroid user for 3 years.'], { rule: 'substance-use/drug-user' });
  });
});
