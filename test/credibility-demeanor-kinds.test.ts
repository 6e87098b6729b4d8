// Credibility and demeanour words that are not a label of the patient (issue 11, clean sentences;
// fixtures/recall-probes batch 70): the reader told to insist, someone else's insistence, the
// patient's fear of being thought a faker, a hypothetical or an order, staff training and policy
// titles, a thing stirred or shaken, a legal charge hedged, hostility as a research trait. Each
// beside the patient's own label, which is still reported. Sentences of our own.
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';

const rules = async (text: string) => (await lintText(text)).map((f) => f.ruleId);

async function passes(texts: readonly string[], rule: string) {
  for (const text of texts) expect({ text, rules: await rules(text) }).toEqual({ text, rules: expect.not.arrayContaining([rule]) });
}

async function flags(texts: readonly string[], rule: string) {
  for (const text of texts) expect({ text, rules: await rules(text) }).toEqual({ text, rules: expect.arrayContaining([rule]) });
}

describe('credibility/insists', () => {
  it('passes the reader told to insist, people in general and someone else insisting', async () => {
    await passes(
      [
        'Insist that the lab tech uses a new needle.',
        'Write down your questions and insist on answers before you sign.',
        'If the pharmacy runs out, insist on a partial fill.',
        'Many patients insist on the brand-name tablet.',
        'She came to the clinic at the insistence of her sister.',
        'He was admitted at his brother-in-law’s insistence, per the note.',
        'At the insistence of the school nurse, an ECG was done.',
        'Despite our insistence, he went home that night.',
        'Insistence on sameness is one of the criteria the psychologist scored.',
        'She insisted on a trained interpreter instead of her nephew.',
        'He insists on a male nurse for the catheter.',
        'They insist on being addressed as Alex.',
        'He insisted on a DNR before the surgery.',
      ],
      'credibility/insists',
    );
  });

  it('still reports the patient insisting', async () => {
    await flags(
      [
        'Pt continues to insist the rash is from the new soap.',
        'He would insist on a morphine drip at every visit.',
        'Pt and wife insist the swelling started after the flight.',
        'Since you insist on the scan, we will order it.',
        'The MRI was done at the patient’s insistence.',
        'She insisted on leaving before the second dose.',
        'Pt insistant on a CT of the head today.',
      ],
      'credibility/insists',
    );
  });
});

describe('an agency, a body or a hospital service by its short name', () => {
  it('is someone else as the subject of a credibility verb', async () => {
    await passes(['DCFS insists on a supervised visit first.', 'OT insists on a home safety visit before discharge.'], 'credibility/insists');
    await passes(['The VA claims the referral was never received.', 'Heme/onc claims the port was placed in May.'], 'credibility/claims');
    await passes(['SSA is adamant that the form be signed in ink.'], 'credibility/adamant');
  });
});

describe('the patient fearing that others doubt them', () => {
  it('passes the fear, not the writer’s judgement', async () => {
    await passes(
      [
        'She is scared her landlord believes she is malingering.',
        'He is worried the new doctor will think he is faking it.',
        'Ashamed that people assume she is malingering to stay off work.',
      ],
      'credibility/malingering',
    );
    await passes(['She is afraid the nurses think she is manipulative.'], 'demeanor/manipulative');
    await passes(['He worries the staff see him as a difficult patient.'], 'demeanor/difficult-patient');
  });

  it('still reports the writer’s judgement, and a third party’s reported without the fear', async () => {
    await flags(['Probably malingering; the exam was inconsistent.', 'The ED team thinks he is malingering.'], 'credibility/malingering');
    await flags(['Very manipulative with the night staff.'], 'demeanor/manipulative');
  });
});

describe('credibility/allegedly', () => {
  it('passes the hedge of an offence in a sentence that names the legal process', async () => {
    await passes(
      ['Defendant allegedly broke a car window; he was arrested the same night.', 'She allegedly stole a bicycle and was charged with petty theft.'],
      'credibility/allegedly',
    );
  });

  it('still reports the hedge of what the patient says or did, and the patient harmed', async () => {
    await flags(
      ['Pt allegedly punched a wall at home.', 'She allegedly took all of her pills on time.', 'He was allegedly assaulted by the officer during the arrest.'],
      'credibility/allegedly',
    );
  });
});

describe('credibility/claims', () => {
  it('passes a dependant claimed on a form, a leave or a benefit filed for, and a plan', async () => {
    await passes(
      [
        'Her father claimed her as a dependent last year.',
        'He claims his niece as a dependant.',
        'She claimed intermittent FMLA leave for the infusions.',
        'He claimed unemployment after the plant closed.',
        'If he claims the inhaler is empty again, check the dose counter.',
      ],
      'credibility/claims',
    );
  });

  it('still reports the patient’s account doubted', async () => {
    await flags(['He claims he took the antibiotic every day.', 'Claims the dressing fell off on its own.'], 'credibility/claims');
  });
});

describe('a hypothetical or a plan', () => {
  it('passes insists and adamant after "if" or "should"', async () => {
    await passes(['If she insists on going home, review the risks with her.', 'Should he insist on the stronger dose, call me.'], 'credibility/insists');
    await passes(['If he remains adamant about surgery, refer to ortho.'], 'credibility/adamant');
    await passes(['If the pt becomes aggressive, call a code grey.'], 'demeanor/aggressive');
  });

  it('passes a thing or a symptom that insists', async () => {
    await passes(['An insistent urge to urinate wakes her twice a night.', 'The IV pump was insistent until the line was flushed.'], 'credibility/insists');
  });
});

describe('demeanor/combative', () => {
  it('passes a hypothetical or an order, a class, training, titles, terms of art and research', async () => {
    await passes(
      [
        'If she becomes belligerent, page security.',
        'Call the rapid response team should he become combative.',
        'Haloperidol 5 mg IM q4h PRN combativeness.',
        'The ward protocol covers combative and confused patients.',
        'The sheriff’s policy on hostile inmates was reviewed.',
        'Combative behaviour from visitors is reported to security.',
        'Nurses learn how to defuse hostile behaviour in the spring course.',
        'Care of the Combative Patient is a required module.',
        'The judge allowed counsel to treat the landlord as a hostile witness.',
        'Hostility scores predicted later heart attacks in the cohort.',
        'Hostility and irritability are common after a brain injury.',
        'Motivational interviewing replaced confrontational counseling in the program.',
        'Fever may make someone confused and combative.',
      ],
      'demeanor/combative',
    );
  });

  it('still reports the patient', async () => {
    await flags(
      [
        'Pt combative with the transport team, struck the stretcher rail.',
        'Hostile toward the registrar when asked for ID.',
        'Combative and confused overnight; sitter at bedside.',
        'He has been hostile with every nurse this week.',
        'Spoke to the patient in a calm voice; he remained belligerent.',
      ],
      'demeanor/combative',
    );
  });
});

describe('demeanor/agitated', () => {
  it('passes things stirred or shaken, people in general and hypotheticals', async () => {
    await passes(
      [
        'The irrigant was agitated sonically for 20 seconds.',
        'Resin agitated with a stirrer before casting.',
        'The cement was agitated manually in the bowl.',
        'Chlorhexidine was flushed and agitated with a hand-held brush.',
        'Patients often get agitated when the room is noisy.',
        'Lorazepam 1 mg PO PRN if agitated.',
        'Should she become agitated, call the covering resident.',
      ],
      'demeanor/agitated',
    );
  });

  it('still reports the patient', async () => {
    await flags(['Pt agitated and pulling at the IV at 0200.', 'He was agitated in the waiting room for an hour.'], 'demeanor/agitated');
  });
});

describe('demeanor/uncooperative', () => {
  it('passes a hypothetical', async () => {
    await passes(['If uncooperative, the MRI will be done under sedation.'], 'demeanor/uncooperative');
  });
});
