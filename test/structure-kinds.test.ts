// Structure and voice on text the rules were not tuned on (issue 11, kinds 1 and 4): list items as
// clauses of their own, the mother as the patient in perinatal notes, a relative's words in speech
// without speaker tags, and template options that only some readings hold. Every example is
// written for this file; the look-alikes beside each must pass.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { briefOf, ruleIds } from './detection.js';

type Syntax = 'text' | 'markdown' | 'html';
const found = (text: string, syntax: Syntax = 'text') => briefOf(text, { syntax });
const ids = (text: string, syntax: Syntax = 'text') => ruleIds(text, { syntax });

describe('list items are clauses of their own', () => {
  it('a negation on one dash, asterisk, bullet or numbered item does not reach the next', async () => {
    for (const text of [
      'Overnight:\n- not anxious\n- combative with staff after midnight',
      'Overnight:\n* not anxious\n* combative with staff after midnight',
      'Overnight:\n• not anxious\n• combative with staff after midnight',
      'Overnight:\n1. not anxious\n2. combative with staff after midnight',
      'Overnight:\n1) not anxious\n2) combative with staff after midnight',
      '- not anxious\n- combative with staff after midnight',
    ]) {
      expect(await found(text), text).toEqual([['demeanor/combative', 'combative', 'warning']]);
    }
  });

  it('"Label: value" lines are clauses of their own', async () => {
    expect(await ids('Mood: not anxious\nSafety: combative when redirected')).toEqual(['demeanor/combative']);
    // A context word on the next item does not excuse this one: "informed" is another line's.
    expect(await ids('Consent: informed\nFlu vaccine: refused')).toEqual(['compliance/refused']);
    expect(await ids('1. Consent informed\n2. Refused flu vaccine')).toEqual(['compliance/refused']);
  });

  it('a context word after the match, on the next item, does not excuse it', async () => {
    expect(await ids('- Pt allegedly fell at home\n- Vitamin D supplement started')).toEqual(['credibility/allegedly']);
  });

  it('no phrase is made of the last word of one line and the first of a labelled line', async () => {
    expect(await ids('Substance: alcohol\nAbuse screen: negative')).toEqual([]);
  });

  it('a lead-in ending with a colon still reads with every item', async () => {
    // The negation of "Denies:" is each item's.
    expect(await ids('Denies:\n- anxiety\n- combative')).toEqual([]);
    expect(await ids('Not:\n- combative\n- agitated')).toEqual([]);
    // And a lead-in's term is reported once, not once per item.
    expect(await ids('Alcohol abuse history:\n- 6 beers daily\n- last drink today')).toEqual(['substance-use/substance-abuse']);
  });

  it('a relapse on one item keeps the substance named on the item before', async () => {
    expect(await ids('Substance use:\n- Heroin IV daily x 10 yrs\n- Relapsed 2 weeks ago')).toEqual(['substance-use/relapse']);
  });

  it('look-alikes: wrapped prose and a dash inside a line are no list', async () => {
    expect(await ids('The patient is not\ncombative today and sleeps well.')).toEqual([]);
    expect(await ids('Pt calm - not combative - sleeping.')).toEqual([]);
    expect(await ids('- If he refuses PO, give IM haloperidol\n- recheck in 1 hour')).toEqual([]);
  });

  it('the same in Markdown and HTML', async () => {
    expect(await ids('Overnight:\n\n- not anxious\n- combative with staff after midnight\n', 'markdown')).toEqual(['demeanor/combative']);
    expect(await ids('Mood: not anxious  \nSafety: combative when redirected\n', 'markdown')).toEqual(['demeanor/combative']);
    expect(await ids('<p>Overnight:</p><ul><li>not anxious</li><li>combative with staff after midnight</li></ul>', 'html')).toEqual(['demeanor/combative']);
    expect(await ids('<p>Mood: not anxious<br>Safety: combative when redirected</p>', 'html')).toEqual(['demeanor/combative']);
    expect(await ids('<ul><li>Denies: agitation</li></ul>', 'html')).toEqual([]);
  });
});

describe('the mother is the patient in perinatal and obstetric notes', () => {
  it('reports a behaviour word about "Mother"/"Mom" in a note about a pregnant or postpartum patient', async () => {
    expect(await ids('Pt is a 27 yo G2P1 at 38 weeks EGA admitted for induction. Mom refused the epidural.')).toEqual(['compliance/refused']);
    expect(await ids('Postpartum day 1 after SVD. Mother refusing to ambulate, pain controlled.')).toEqual(['compliance/refused']);
    expect(await ids('L&D triage note\nMother insists she has not used since her last prenatal visit.')).toEqual(['credibility/insists']);
    expect(await ids('GA 31+2 wks, IUP. Mother is noncompliant with her insulin.')).toEqual(['compliance/noncompliant']);
    // The sentence itself says whose pregnancy it is.
    expect(await ids('Mother insists she has not used since conception.')).toEqual(['credibility/insists']);
    expect(await ids('Mother is noncompliant w/ prenatal care.')).toEqual(['compliance/noncompliant']);
  });

  it("look-alikes: a newborn note, the patient's own mother, a woman who is not pregnant", async () => {
    // In a newborn's note the baby is the patient: the mother is someone else, and her own choice
    // (to breastfeed) is hers. Her refusal of the baby's care is the parent rule's (the guidelines of
    // fixtures/eval-ninth and eval-tenth; parent-rule.ts): reported.
    expect(await ids('Baby girl, 2 days old, born at 39 weeks to a G2P1 mother. Mother refused the hepatitis B vaccine.')).toEqual(['compliance/refused']);
    expect(await ids('Term male, day of life 1; maternal prenatal labs negative. Mom refused vitamin K.')).toEqual(['compliance/refused']);
    expect(await ids('Newborn nursery admission, 38 weeks gestation. Mother refusing to breastfeed.')).toEqual([]);
    // The patient's own mother, in an obstetric note.
    expect(await ids('G1P0 at 32 weeks. Her mother refuses to let her stay home.')).toEqual([]);
    expect(await ids("G1P0 at 32 weeks. Pt's mother insists on staying overnight.")).toEqual([]);
    // G/P notation alone is any woman's history, not a pregnancy.
    expect(await ids('68 yo G3P3 woman here for a physical. Mother refuses to move to assisted living.')).toEqual([]);
  });
});

describe("a relative's words reported without speaker tags", () => {
  it('reports what a relative says the patient is or does at info (the --quotes policy)', async () => {
    expect(await found('Wife states he has been drinking like a fish and is a drunk.')).toEqual([['substance-use/drunk', 'a drunk', 'info']]);
    expect(await found('per mom, she refuses to eat anything at home.')).toEqual([['compliance/refused', 'refuses', 'info']]);
    expect(await found("Pt's husband reports that she is noncompliant with her insulin.")).toEqual([['compliance/noncompliant', 'noncompliant', 'info']]);
    expect(await found('According to his sister, he is an addict.')).toEqual([['substance-use/addict', 'addict', 'info']]);
    expect(await found('Son says pt is combative at home.')).toEqual([['demeanor/combative', 'combative', 'info']]);
    const message = (await lintText('Wife states he has been drinking like a fish and is a drunk.'))[0]!.message;
    expect(message).toMatch(/relative/);
    // --quotes flag reports them as usual; ignore drops them.
    expect((await lintText('Wife states he is a drunk.', { quotes: 'flag' })).map((f) => f.severity)).toEqual(['warning']);
    expect(await lintText('Wife states he is a drunk.', { quotes: 'ignore' })).toEqual([]);
  });

  it('an attribution after the clause makes it the relative\'s account too ("…, per mom")', async () => {
    expect(await found('She will not use her spacer and refuses her inhaler, per dad.')).toEqual([['compliance/refused', 'refuses', 'info']]);
    expect(await found('He has been drinking nightly and is a drunk (according to his wife).')).toEqual([['substance-use/drunk', 'a drunk', 'info']]);
    expect(await found('She refuses to wear the brace at school, her mother says.')).toEqual([['compliance/refused', 'refuses', 'info']]);
  });

  it('look-alikes: a protocol, another clause, a hand-back to the writer', async () => {
    expect(await found('Pt refused the 0600 labs per protocol.')).toEqual([['compliance/refused', 'refused', 'warning']]);
    expect(await found('Pt refused the CT; per wife he is claustrophobic.')).toEqual([['compliance/refused', 'refused', 'warning']]);
    expect(await found('Pt refused lunch, sleeps poorly per his wife.')).toEqual([['compliance/refused', 'refused', 'warning']]);
    expect(await found('Pt combative overnight, but calm at home per wife.')).toEqual([['demeanor/combative', 'combative', 'warning']]);
  });

  it("look-alikes: the clinician's own statements stay reported", async () => {
    expect(await found('Wife at bedside. Pt is a known alcoholic.')).toEqual([['substance-use/alcoholic', 'alcoholic', 'error']]);
    expect(await found('Spoke with wife about his alcohol abuse.')).toEqual([['substance-use/substance-abuse', 'alcohol abuse', 'error']]);
    expect(await found('Wife states he has been drinking daily. Pt combative with staff overnight.')).toEqual([['demeanor/combative', 'combative', 'warning']]);
    expect(await found('Wife states he drinks daily; pt combative with staff overnight.')).toEqual([['demeanor/combative', 'combative', 'warning']]);
    expect(await found('Patient states she has been clean since January.')).toEqual([['substance-use/clean-abstinent', 'been clean', 'warning']]);
    // In an L&D note "Mom" is the patient: her statement is the writer's paraphrase, as "Pt states".
    expect(await found('G1P0 at 39 weeks in labor. Mom states she refused the epidural.')).toEqual([['compliance/refused', 'refused', 'warning']]);
  });
});

describe('template options that only some readings hold', () => {
  const details = async (text: string) =>
    (await lintText(text)).map((f) => ({ rule: f.ruleId, span: text.slice(f.start.offset, f.end.offset), actual: f.actual, message: f.message }));

  it('reports a term once, over the options that hold it, worded as the note would read', async () => {
    const text = 'Hx of {alcohol/drug/opioid} abuse.';
    const out = await details(text);
    expect(out.map((f) => f.rule)).toEqual(['substance-use/substance-abuse']);
    expect(out[0]!.span).toBe('alcohol/drug/opioid} abuse');
    expect(out[0]!.actual).toBe(out[0]!.span);
    // The message quotes the readings, not the list's markup.
    expect(out[0]!.message).toMatch(/^Avoid "alcohol abuse", "drug abuse" or "opioid abuse"; prefer/);
    const users = await details('Pt is a {heroin/cocaine} {user/addict}.');
    expect(users.map((f) => [f.rule, f.span])).toEqual([
      ['substance-use/drug-user', 'heroin/cocaine} {user'],
      ['substance-use/addict', 'heroin/cocaine} {user/addict'],
    ]);
    expect(users[0]!.message).toMatch(/^Avoid "heroin user" or "cocaine user"/);
    // Readings with other words each give their suggestion: "dirty" is positive, "clean" negative.
    const uds = (await lintText('UDS {negative/dirty/clean}'))[0]!;
    expect(uds.suggestions.slice(0, 2)).toEqual(['urine drug test positive', 'urine drug test negative']);
    expect(uds.fix).toBeUndefined();
  });

  it('a term inside one option is reported at that option, once', async () => {
    expect(await details('Pt {is/is not/was} combative.')).toEqual([
      { rule: 'demeanor/combative', span: 'combative', actual: 'combative', message: expect.stringMatching(/^Avoid "combative"/) },
    ]);
    expect((await details('Patient was {cooperative/uncooperative} with exam.')).map((f) => f.span)).toEqual(['uncooperative']);
    expect((await details('Urine tox: {clean/dirty}')).map((f) => f.span)).toEqual(['clean', 'dirty']);
  });

  it('look-alikes: options that list a look-alike pass', async () => {
    expect(await ids('Wound: {clean/dirty/contaminated}, {dry/moist}')).toEqual([]);
    expect(await ids('Rehab: {cardiac/pulmonary/acute inpatient}')).toEqual([]);
    expect(await ids('Hx of {childhood/sexual/physical} abuse: {Y/N}')).toEqual([]);
    expect(await ids('Insurance: {Medicaid/Medicare/private}; claim #: ***')).toEqual([]);
    expect(await ids('Pt {declined/deferred} the flu vaccine.')).toEqual([]);
  });
});

describe('false-positive kinds of refused, claims, uncooperative, allegedly and clean-abstinent', () => {
  const strong = async (text: string) => (await lintText(text)).filter((f) => f.severity !== 'info').map((f) => f.ruleId);

  it('refused: a young child named by age, an animal, a service, a negation, a definition pass', async () => {
    for (const text of [
      'Mother reports the 3-year-old refuses to eat.',
      'Her 2 yo refuses the bottle since the ear infection.',
      'The 18-month-old has been refusing solids.',
      'Dog refuses to eat; owner worried.',
      'The ED refused the transfer for lack of beds.',
      'Cardiology refused to accept him in transfer.',
      'The nursing home refused to take her back.',
      'Pt never refused meds this admission.',
      'Pt has not refused any care.',
      'Refusal is the right of every competent adult.',
    ])
      expect(await strong(text), text).toEqual([]);
    for (const text of ['Pt refused meds this morning.', 'The 45-year-old refuses dialysis.', 'Pt denies pain, refused meds.', 'Refused the right IJ line.'])
      expect(await strong(text), text).toEqual(['compliance/refused']);
  });

  it('claims: a thing, a disease or a study as the subject, a negation, a form field, claiming property pass', async () => {
    for (const text of [
      'Claims history reviewed with the adjuster.',
      'Claims: ***',
      'The manufacturer claims it is safe.',
      'The study claims a 30% reduction in overdoses.',
      'Cancer claims thousands of lives each year.',
      'No claims of abuse were substantiated.',
      'He is not claiming he was assaulted.',
      'He claimed his bag from security on discharge.',
      'He lays claim to the family house.',
      'Which claims did you submit?',
    ])
      expect(await strong(text), text).toEqual([]);
    for (const text of ['Pt claims no allergies.', 'He claimed he could not stand.', 'She claims her bag was stolen from the ED.'])
      expect(await strong(text), text).toEqual(['credibility/claims']);
  });

  it("uncooperative: people in general, an interpreter pass; a young child by age is the writer's label", async () => {
    for (const text of [
      'Patients who are uncooperative may need sedation for MRI.',
      'Dental care for uncooperative pediatric patients may require general anesthesia.',
      'Sometimes older adults with dementia become uncooperative during bathing.',
      'Interpreter uncooperative, call rescheduled.',
    ])
      expect(await strong(text), text).toEqual([]);
    for (const text of [
      'The MRI was limited by an uncooperative patient.',
      'Uncooperative with exam due to pain.',
      'The 45-year-old was uncooperative with the exam.',
      // The sets' children rule (eval-blind, eval-eleventh READMEs; branch di): a young child's
      // "uncooperative" for an exam is the writer's label for the patient, B.
      'Exam limited as the 2-year-old was uncooperative.',
    ])
      expect(await strong(text), text).toEqual(['demeanor/uncooperative']);
  });

  it("allegedly: a product's promise and a thing's status pass", async () => {
    for (const text of [
      '[patient] i have been hearing that broccoli extract , supposedly can improve my estrogen levels .',
      'She takes turmeric capsules, supposedly for inflammation.',
      'The tea supposedly cures colds.',
      'The MRI was supposedly scheduled for Tuesday but no order is in.',
      'Records supposedly faxed from the OSH have not arrived.',
    ])
      expect(await strong(text), text).toEqual([]);
    for (const text of ['Pt allegedly fell down the stairs.', 'She supposedly stopped drinking in March.', 'The pills were purportedly lost in a move.'])
      expect(await strong(text), text).toEqual(['credibility/allegedly']);
  });

  it("clean-abstinent: the patient's own words are info; hygiene and devices pass", async () => {
    for (const text of ["i've been 6 months clean", 'im like three years clean now', "yeah i'm clean for like 2 years"])
      expect(await found(text), text).toEqual([['substance-use/clean-abstinent', expect.any(String), 'info']]);
    for (const text of [
      'Appearance: has been clean and well groomed.',
      'Pt stays clean and neatly dressed.',
      'Hair has been clean and combed.',
      'Keep the G-tube clean for a week.',
      'Keep pacemaker pocket clean for one week.',
      'Home has been clean and safe per home health.',
    ])
      expect(await strong(text), text).toEqual([]);
    for (const text of ['He has been clean for 3 years.', 'Pt has kept clean for 3 years.', 'Now 5 years clean and working full time.', 'are you clean now?'])
      expect(await strong(text), text).toEqual(['substance-use/clean-abstinent']);
  });
});

describe('list items (property)', () => {
  it('keeps every token of a sentence in some item, in order, with offsets unchanged; an item never starts joined', async () => {
    const { listItems } = await import('../src/match/list-items.js');
    const { collectSentences } = await import('../src/parse/tokens.js');
    const { parseText } = await import('../src/parse/parse-text.js');
    fc.assert(
      fc.property(
        fc
          .array(fc.constantFrom('Pt', 'not', 'combative', 'refused', 'Denies', ':', '\n', '\n- ', '\n* ', '\n1. ', '\n• ', 'Mood: ', ', ', ' ', '.'), {
            maxLength: 30,
          })
          .map((parts) => parts.join(' ')),
        (text) => {
          for (const sentence of collectSentences(parseText(text))) {
            const items = listItems(text, sentence);
            const seen = new Set<number>();
            for (const item of items) {
              expect(item.tokens[0]?.adjacent ?? false).toBe(items.length === 1 ? (sentence.tokens[0]?.adjacent ?? false) : false);
              let last = -1;
              for (const token of item.tokens) {
                expect(text.slice(token.start.offset, token.end.offset).length).toBeGreaterThan(0);
                expect(token.start.offset).toBeGreaterThan(last);
                last = token.start.offset;
                seen.add(token.start.offset);
              }
            }
            expect([...seen].sort((a, b) => a - b)).toEqual(sentence.tokens.map((t) => t.start.offset));
          }
        },
      ),
    );
  });
});

describe('whose refusal, and about whom', () => {
  const strong = async (text: string) => (await lintText(text)).filter((f) => f.severity !== 'info').map((f) => f.ruleId);

  it("the mother's own obstetric care, or her decision as the baby's mother, on the line: she is the patient", async () => {
    for (const text of [
      'Mom refused the Tdap booster for herself.',
      'Mom is refusing to breast-feed this morning.',
      'Mother refused erythromycin eye ointment for the baby.',
      'Mom refuses the glucola again.',
      'Mother refusing the epidural, wants to walk.',
    ])
      expect(await strong(text), text).toEqual(['compliance/refused']);
  });

  it("look-alikes: in a newborn's note the mother's own feeding choice; someone's mother; declined", async () => {
    // (Her refusal of the baby's care, "Mother refused erythromycin eye ointment for the baby" in a
    // newborn's note, is the parent rule's: test/third-party-subjects.test.ts.)
    for (const text of [
      'Infant is 3 days old. Mom refuses to breast-feed, formula started.',
      'Her mother refused to breast-feed her as an infant.',
      'Mom declined the glucola and chose fingersticks.',
    ])
      expect(await strong(text), text).toEqual([]);
  });

  it('"refusal" as a concept in teaching text passes; a refusal in a note is reported', async () => {
    for (const text of [
      "Refusal of blood products is every adult's right.",
      'Treatment refusal means saying no to a recommended therapy.',
      'Refusal of care occurs most often when trust is low.',
      'In this chapter, refusal of care is discussed in detail.',
    ])
      expect(await strong(text), text).toEqual([]);
    // The item a definition names is labelled in fixtures/eval (the definitional use is still the label).
    for (const text of [
      'Refusal of the CT was documented at 1400.',
      'Her refusal of the CT worries the team.',
      'Refusal of meds x2 today.',
      'Disengagement is a term used to describe the refusal of follow-up care.',
    ])
      expect(await strong(text), text).toEqual(['compliance/refused']);
  });
});

describe('a child who will not eat, in a note about a child', () => {
  const strong = async (text: string) => (await lintText(text)).filter((f) => f.severity !== 'info').map((f) => f.ruleId);

  it('passes when the note says the patient is a child: an age, school, a paediatric word', async () => {
    for (const text of [
      'This 8-year-old girl is here for constipation. She refuses to eat any vegetables.',
      'Pt is a 5 yo M with reflux. Refuses solids since Monday.',
      'The patient attends Lincoln Elementary. Mom says that at home he refuses to eat fruit.\nHe refuses to drink milk.',
      'Well-child visit. He refused his breakfast twice this week.',
    ])
      expect(await strong(text), text).toEqual([]);
  });

  it("look-alikes: an adult, a relative's child, a child refusing care other than food", async () => {
    for (const text of [
      'This 80-year-old man refuses to eat since the stroke.',
      'Her 6-year-old son is at school. She refuses to eat during the day.',
      "Pt's 3 yo daughter is sick at home. Pt refuses meals on the unit.",
      'This 9-year-old boy refused the flu shot.',
      'He refuses to eat any fiber.',
    ])
      expect(await strong(text), text).toEqual(['compliance/refused']);
  });

  it('childIsPatient reads the signs once per text', async () => {
    const { childIsPatient } = await import('../src/match/child-patient.js');
    expect(childIsPatient('A 7 yo boy with asthma.')).toBe(true);
    expect(childIsPatient('She is in 2nd grade at a public school.')).toBe(true);
    expect(childIsPatient('This 12-month-old is feeding well.')).toBe(true);
    expect(childIsPatient('The 45-year-old woman has two children.')).toBe(false);
    expect(childIsPatient('His 7 year old son has asthma.')).toBe(false);
    expect(childIsPatient('A 70 year old man, married, 3 grown children.')).toBe(false);
  });
});

describe('demeanour words before "behavior"', () => {
  const strong = async (text: string) => (await lintText(text)).filter((f) => f.severity !== 'info').map((f) => [f.ruleId, f.actual]);

  it("one patient's conduct, in prose or a template option, is reported", async () => {
    expect(await strong('Hostile behavior toward the night nurse.')).toEqual([['demeanor/combative', 'Hostile']]);
    expect(await strong('Pt displayed {combative behavior/verbal threats/***} on the unit.')).toEqual([['demeanor/combative', 'combative']]);
  });

  it('look-alikes: kinds of behaviour (plural), a sign a cause brings', async () => {
    expect(await strong('Warning signs include hostile or aggressive behaviors.')).toEqual([]);
    expect(await strong('Alcohol withdrawal can cause combative behavior.')).toEqual([]);
  });
});

describe('identity labels in the shapes of forms, lists, tables and alerts (issue 11, batch 10)', () => {
  it('bare "diabetic" as a list item, a ticked box, a field value, a table header or a bed line', async () => {
    for (const text of [
      'Problems:\n- Diabetic\n- Asthma',
      '3. Diabetic - on glipizide',
      '[x] Diabetic  [ ] Smoker',
      '\u2611 Diabetic   \u2610 Dialysis',
      'Diabetic: N   Hypertensive: Y',
      'Diabetic?  Yes',
      '| Diabetic | On anticoagulants |\n| yes | no |',
      'BAY 3 - DIABETIC, CHECK SUGAR AT 2200',
      'Status: {Diabetic/Non-diabetic}',
    ]) {
      expect(await ids(text), text).toEqual(['identity/diabetic']);
    }
  });

  it('look-alikes: diet orders, complications and statuses in the same shapes pass', async () => {
    for (const text of [
      'Diet: diabetic, no added salt',
      '- Diabetic retinopathy\n- Asthma',
      '3. Diabetic - retinopathy follow-up in June',
      '[x] Diabetic teaching done',
      'DIABETIC DIET, CONSISTENT CARBS',
      '| Diabetic foot exam | normal |',
      'Meal tray: {Diabetic/Renal/Regular}',
      'A1c in the non-diabetic range.',
    ]) {
      expect(await ids(text), text).toEqual([]);
    }
  });

  it('age-sex tokens glued to the label, possessives and relatives', async () => {
    expect(await found('80F diabetic with a fall.')).toEqual([['identity/diabetic', 'diabetic', 'warning']]);
    expect(await found('Diabetic 80F with a fall.')).toEqual([['identity/diabetic', 'Diabetic', 'warning']]);
    expect(await found('Obese 29F, G2P1, for a growth scan.')).toEqual([['identity/the-obese', 'Obese', 'warning']]);
    expect(await found('Room 5: an obese on CPAP at night.')).toEqual([['identity/the-obese', 'an obese', 'warning']]);
    expect(await ids('Checked the diabetic\u2019s meter with her.')).toEqual(['identity/diabetic']);
    expect(await ids('Her diabetic husband gives the injections.')).toEqual(['identity/diabetic']);
    // Look-alikes: the age-sex token beside a complication, the adjective before a comma.
    expect(await ids('80F with diabetic neuropathy.')).toEqual([]);
    expect(await ids('Obesity class II in a 29F.')).toEqual([]);
    expect(await ids('An obese, anxious woman in no distress.')).toEqual(['identity/obese-person']);
  });

  it('an alert line opened by "aggressive"; a treatment after the dash passes', async () => {
    expect(await ids('AGGRESSIVE - 2 STAFF AT ALL TIMES')).toEqual(['demeanor/aggressive-field']);
    expect(await ids('CAUTION: AGGRESSIVE!')).toEqual(['demeanor/aggressive-field']);
    expect(await ids('AGGRESSIVE - diuresis goal 2 L negative')).toEqual([]);
    expect(await ids('Aggressive lymphoma - chemo cycle 3 next week')).toEqual([]);
  });

  it('a problem-list "epileptic" after a sentence on the same line; an exclusion stops at a comma', async () => {
    expect(await ids('Came in by ambulance. PMH: epileptic, on phenytoin.')).toEqual(['identity/epileptic']);
    expect(await ids('Came in by ambulance. PMH: epileptic seizures, on phenytoin.')).toEqual([]);
    expect(await ids('A known AIDS victim, CD4 55.')).toEqual(['identity/hiv-label']);
    expect(await ids('HIV-infected CD4 cells were counted.')).toEqual([]);
  });
});
