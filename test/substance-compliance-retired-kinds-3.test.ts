// Substance-use, compliance and credibility kinds of the nine retired sets' misses, third round (branch su3,
// session of 2026-12-02 06:48; batch 88 of fixtures/recall-probes), each from a small input of its own wording:
// "abusing" or "abuse" with a medicine no list named (a dopaminergic drug, a wakefulness agent), also with a
// possessive before it and in a question; "clean" as the rest of a drug screen after its positives; "drunk
// driver" as a person's label with a modifier; a parent's refusal of the child's care with the age in one token,
// "refused to sign" a consent and "refuses to do" a treatment; a reflexive pronoun between the patient and
// "apparently"; a relapse named by a use disorder's initials or a quit history; "high" of a person "at" a time
// or a place, with signs of intoxication; a parent's refusal of a contraceptive or of storing firearms away for a
// minor ("Pt 16F"); "neglected to" take, fill or attend care, said of the patient; an age after "has" ("she has
// a 2-yr-old at home") read as the patient's child, not as a young patient. Each positive has look-alikes beside it that must pass.
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';

const MINE = new Set(['substance-use', 'compliance', 'credibility']);
const found = async (text: string) => (await lintText(text)).filter((f) => MINE.has(f.category)).map((f) => `${f.ruleId} ${f.actual}`);

describe('substance-use, compliance and credibility kinds of the retired sets (third round)', () => {
  it.each([
    ['Neurology worried he is abusing his Rytary, 20 capsules a day.', 'substance-use/abuse-verb abusing'],
    ['Is he abusing his Provigil again? Ask the pharmacy.', 'substance-use/abuse-verb abusing'],
    ['Dx list: apomorphine abuse (pen), per the DDS consult.', 'substance-use/abuse-verb apomorphine abuse'],
    ['Mom says she is abusing her zolpidem at night.', 'substance-use/abuse-verb abusing'],
    ['Urine tox 6/3: + methadone (OTP). Otherwise clean.', 'substance-use/clean-dirty-test Otherwise clean'],
    ['UDS positive for amphetamine only, all else clean.', 'substance-use/clean-dirty-test all else clean'],
    ['The intake letter calls him a convicted drunk driver.', 'substance-use/drunk convicted drunk driver'],
    ['Father refused the EEG for his 6yo until after the holidays.', 'compliance/refused refused'],
    ['Pt is 13 yo. Mother refused to sign the anesthesia consent.', 'compliance/refused refused'],
    ['Pt is 11 yo. Dad refuses to do the chest physio on his weekends.', 'compliance/refused refuses'],
    ['Participant herself apparently sold the take-home doses, per the OTP.', 'credibility/apparently-act apparently'],
    ['CUD in remission; relapsed over the summer break.', 'substance-use/relapse relapsed'],
    ['Quit vaping in March, relapsed in June.', 'substance-use/relapse relapsed'],
    ['Pt was high at the 2 pm group, conjunctival injection and slowed speech.', 'substance-use/getting-high was high'],
    ['Pt 15M. Father refused to store the guns off-site, per the counsellor.', 'compliance/refused refused'],
    ['Pt 16F. Her mother refused to let her start contraception.', 'compliance/refused refused'],
    ['Client neglected to refill the lithium for three weeks.', 'compliance/neglected-care neglected to'],
    // An age after "has" is the patient's child, not the patient (child-patient.ts).
    ['Pt refuses the iron infusions; she has a 2-yr-old at home and no sitter.', 'compliance/refused refuses'],
  ])('flags %j', async (text, expected) => {
    expect(await found(text)).toEqual([expected]);
  });

  it.each([
    'Her levodopa was raised to five doses; no concern for misuse.',
    'She was abused by her stepfather; ropinirole for RLS since 2020.',
    'Wound swab grew strep. Otherwise clean and dry.',
    'UDS negative. Skin exam otherwise clean.',
    'His daughter was struck by a drunk driver on the bridge.',
    'Two drunk driving arrests are on the court record.',
    'Father refused to sign the photo release for the newsletter.',
    'Mom refused her own flu shot; the 6yo got his.',
    'Pt 15M. Father refused to remove the TV from his room.',
    'Pt 16F. Her aunt neglected to pick up the forms.',
    'He neglected to mention the fall until discharge.',
    'This 3 yo refuses the mask at induction.',
    'The pharmacy itself apparently closed early on the holiday.',
    'Her MS relapsed in June; quit smoking in 2019.',
    'His BP was high at the 2 pm check, slowed speech from the stroke.',
    'He was high at the 97th percentile for height, per school nurse; speech slow.',
  ])('passes %j', async (text) => {
    expect(await found(text)).toEqual([]);
  });
});
