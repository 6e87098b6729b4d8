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
    // Reported as the phrase since branch su (a non-drug named before "the stuff" passes).
    ['He is addicted to the stuff his cousin brings over.', 'substance-use/addicted', 'addicted to the stuff'],
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

// Probe batch 22 (drug court, OTP dosing, labour and delivery, endocarditis surgery, HCV clinic, DUI
// assessment, nursing-home admission, transplant listing): a drug test named a few words, a date or a
// bracket before its result, alcohol biomarkers and monitors (EtG, PEth, SCRAM), results counted with
// no test word ("dirty x3"), a table whose header names the test "UA", "clean" for a number of days,
// "a $50/day habit", a drink's habit, a bare "abuser" of pills, and a trade joined to "user".
describe('core substance-use kinds of probe batch 22', () => {
  it.each([
    ['Urine screen from the Friday before the hearing was dirty.', 'substance-use/clean-dirty-result', 'dirty'],
    ['UDS (observed, 7/22) clean - continue phase 2.', 'substance-use/clean-dirty-result', 'clean'],
    ['Toxicology drawn at the outside hospital on 8/30, resulted 9/1: dirty.', 'substance-use/clean-dirty-result', 'dirty'],
    ['EtG from the Monday check-in clean.', 'substance-use/clean-dirty-result', 'clean'],
    ['SCRAM readings since the hearing: clean, no alerts.', 'substance-use/clean-dirty-result', 'clean'],
    ['Her PEth last month was dirty and she admitted to wine at dinner.', 'substance-use/clean-dirty-result', 'dirty'],
    ['He insists the UA from the 14th cannot have been dirty because he was at work.', 'substance-use/clean-dirty-result', 'dirty'],
    ['NO TAKE-HOMES: CLIENT DIRTY X4 (FENTANYL)', 'substance-use/clean-dirty-test', 'DIRTY X4'],
    ['Name | Week | Last UA | Outcome\nT.S. | 6 | 9/9 | dirty', 'substance-use/clean-dirty-cell', 'dirty'],
    ['Step 2 to 3: clean 90 days and a sponsor.', 'substance-use/clean-abstinent', 'clean 90 days'],
    ['Says it is a $120/day habit, mostly fentanyl.', 'substance-use/drug-habit', 'day habit'],
    ['A nightly bourbon habit since retirement.', 'substance-use/drug-habit', 'bourbon habit'],
    ['Diverted his refills; the pharmacist calls him a med abuser.', 'substance-use/abuser', 'abuser'],
    ['Boyfriend is a meth dealer and user per her sister.', 'substance-use/drug-user', 'meth dealer and user'],
    // Found by batch 25 (written after these fixes): a hair test is a drug test, not grooming; street names.
    ['Hair sample from the court lab, 3 cm: dirty.', 'substance-use/clean-dirty-result', 'dirty'],
    ['Says she was abusing molly at raves all summer.', 'substance-use/abuse-verb', 'abusing'],
    // Found probing the same kinds with further sentences of this file's own.
    ['Her nephew is an adict, per the family.', 'substance-use/addict', 'adict'],
    ['Breath test at the 8am check-in: dirty, 0.03.', 'substance-use/clean-dirty-result', 'dirty'],
  ])('flags %j', async (text, ruleId, actual) => {
    expect(await rulesFlagging(text)).toContain(`${ruleId} "${actual}"`);
  });

  it.each([
    'UDS sent at 10:00; incision clean and dry.',
    'Urine drug screen ordered, then the bed was left clean for the next admit.',
    'UA with large leukocytes and nitrites, looks dirty; culture sent.',
    'Tox screen negative; the resident looks dirty and needs a shower.',
    'EtG negative; kitchen clean at the home visit.',
    'UDS collected, then clean technique for the IV start.',
    'Urine drug test pending, hands kept clean during collection.',
    'Dressing checked every shift, clean x3.',
    'Gloves changed, hands clean x 2.',
    'Site cleaned; wound clean 10 days after the graft.',
    'Drinks coffee, a 3 cup/day habit.',
    'Her child abuser was convicted last year.',
    'Date | UA | Leukocytes | Impression\n5/2 | sent | large | dirty',
    'Stress test from the week before was clean.',
    'UDS negative; hair washed, clean and combed.',
    'Urine culture sent; UA dirty with nitrites and bacteria.',
    'Gout flare; crystals on the tap, and she was abused as a child by her uncle.',
  ])('passes %j', async (text) => {
    expect(await rulesFlagging(text)).toEqual([]);
  });
});
