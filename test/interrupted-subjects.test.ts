// The subject of a behaviour, refusal or credibility word across a participle or an interrupter
// (fixtures/recall-probes batch 36's kinds, branch subj2): an -ing phrase right after the subject
// noun, a participle, prepositional or adverb phrase set off by commas, and an adjective set off by
// commas with the same subject's verb after it. Small inputs of our own wording, each kind with the
// patient's own case that must stay reported, and the sentences the kinds must leave to the patient
// (a telegraphic opening clause or a source before the commas).
import { describe, it } from 'vitest';
import { expectFlag, expectPass } from './detection.js';

describe('an -ing participle phrase right after the subject noun', () => {
  it('passes someone else qualified by a participle phrase, with its object or a preposition', async () => {
    await expectPass([
      'The porter pushing the bed refused to take the elevator.',
      'Her nephew tying his shoes insisted on driving.',
      'A stranger sitting on the bench became hostile with the guard.',
      'The cousin helping him dress became agitated.',
    ]);
  });
  it('reports the patient qualified the same way', async () => {
    await expectFlag([
      'Pt pushing the walker refused to take the elevator.',
      'Pt tying his shoes insisted on driving.',
      'Patient sitting on the bench became hostile with the guard.',
    ]);
  });
});

describe('a participle, prepositional or adverb phrase between commas before the predicate', () => {
  it('passes someone else before the interrupter', async () => {
    await expectPass([
      'Her uncle, carrying the bags, insisted on a wheelchair.',
      'Stepfather, called at work, claims the fall was an accident.',
      'The aunt, on the phone from Texas, was belligerent with the clerk.',
      'His cousin, visibly upset, was hostile with the clerk.',
    ]);
  });
  it('reports the patient before the interrupter, and leaves a clause or a source before the commas to the patient', async () => {
    await expectFlag([
      'Pt, carrying the bags, insisted on a wheelchair.',
      'Patient, called back to the room, claims the fall was an accident.',
      'Seen with his uncle, in the hallway, insisted on leaving.',
      'Per the night report, at 0300, became combative.',
      'Later that evening, in the dayroom, became combative.',
      'Restless, diaphoretic, combative with staff.',
    ]);
  });
});

describe('an adjective set off by commas with a verb of the same subject after it', () => {
  it('passes an adjective about someone else who opens the sentence', async () => {
    await expectPass(['Uncle on speaker, hysterical, asks when she can go home.', 'Stepdad pacing the hall, belligerent, demanded the manager.']);
  });
  it('reports it about the patient, and without a verb after it', async () => {
    await expectFlag([
      'Pt on the gurney, hysterical, asks when she can go home.',
      'Wife at bedside, agitated.',
      'Afebrile overnight, agitated, pulled at the lines.',
    ]);
  });
});

describe('the words read as a subject', () => {
  it('keep a noun in -ing after a possessive ("sibling") as the subject', async () => {
    await expectPass(["Pt's sibling refused to leave the room."]);
  });
});
