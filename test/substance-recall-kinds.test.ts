// Core substance-use recall in genres no probe had used (issue 11; probe batch 19): the kinds its misses
// showed, each with small inputs of this file's own wording and the look-alikes that must pass.
// A drug test named by its occupational or anti-doping type with "came back", "a random" as the test
// itself, counted tests summed up as "all clean", a test log naming the test in each row, "relapsed on
// pills", and "addicted to" a determiner and a plain noun that is no substance.
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';

const rulesFlagging = async (text: string) => (await lintText(text)).map((f) => `${f.ruleId} "${f.actual}"`);

describe('core substance-use kinds of probe batch 19', () => {
  it.each([
    ['Pre-employment screen came back dirty (amphetamine).', 'substance-use/clean-dirty-test', 'Pre-employment screen came back dirty'],
    ['Out-of-competition test was clean per the federation.', 'substance-use/clean-dirty-test', 'Out-of-competition test was clean'],
    ['Sent to the EAP after her third dirty random.', 'substance-use/clean-dirty-test', 'dirty random'],
    ['Two clean randoms since the last meeting.', 'substance-use/clean-dirty-test', 'clean randoms'],
    ['Random was dirty on 4/2; MRO called him.', 'substance-use/clean-dirty-test', 'Random was dirty'],
    ['Urine drug testing monthly since May: all clean.', 'substance-use/clean-dirty-test', 'all clean'],
    ['Date\tKind\tCollected by\tOutcome\n2/7\tFor-cause UA\tsite nurse on the night shift\tdirty', 'substance-use/clean-dirty-row', 'dirty'],
    ['She relapsed onto Percocet after her C-section.', 'substance-use/relapse', 'relapsed onto Percocet'],
    ['Client relapsing on booze again, per the house manager.', 'substance-use/relapse', 'relapsing on booze'],
    ['He is addicted to the stuff his cousin brings over.', 'substance-use/addicted', 'addicted'],
    // Found after the batch, probing its kinds further with sentences of this file's own.
    ['Randoms clean x5 since the contract was signed.', 'substance-use/clean-dirty-test', 'Randoms clean'],
    ['PMH: subtance abuse, HTN.', 'substance-use/substance-abuse', 'subtance abuse'],
    ['Hx of alchol abuse, sober since 2020.', 'substance-use/substance-abuse', 'alchol abuse'],
    ['Former heroine user, now on methadone.', 'substance-use/drug-user', 'heroine user'],
    ['Med-seeking per the night team.', 'substance-use/drug-seeking', 'Med-seeking'],
    ['Pt is an IVDUer with a PICC request.', 'substance-use/injection-drug-abuse', 'IVDUer'],
  ])('flags %j', async (text, ruleId, actual) => {
    expect(await rulesFlagging(text)).toContain(`${ruleId} "${actual}"`);
  });

  it.each([
    'Stress test came back clean; no further work-up.',
    'Chose a clean random sample of 30 charts for the audit.',
    'Two clean random glucose values this week.',
    'Drug screen sent; incisions x4, all clean and dry.',
    'Staples out x12, all clean.',
    'Date\tTest\tResult\n2/7\tStress test\tclean\n3/1\tUA (culture)\tclean',
    'Date\tWound\tResult\n2/7\tRandom check\tclean',
    'His schizophrenia relapsed after he stopped taking his pills.',
    'Relapsed on chemotherapy; referred for CAR-T.',
    'Toddler addicted to the tablet; screen-time limits discussed.',
    'She is addicted to her gardening club.',
    'Repeat blood culture came back clean.',
    'Tox pending; the stool was clean on exam.',
    'Drug screen negative, and the room was clean at the home visit.',
    'She is the heroine of her own recovery story.',
  ])('passes %j', async (text) => {
    expect(await rulesFlagging(text)).toEqual([]);
  });
});
