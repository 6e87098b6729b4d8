// Credibility kinds of probe batch 102 (branch cred6), each with sentences of other wording than the
// batch: a relative reporting what the patient did, with the hedge after the patient's own subject
// ("Wife says he supposedly quit driving"), and "apparently" before an irregular past act ("pt
// apparently slept in her car"). With the look-alikes beside each.
import { describe, it } from 'vitest';
import { expectFlag, expectPass } from './detection.js';

describe('a relative reporting what the patient did, the hedge after his or her subject', () => {
  it('flags the hedge after "says he", "reported pt", "states he"', async () => {
    await expectFlag(
      [
        'Husband says he allegedly took the last two tablets at once.',
        'Daughter reported pt supposedly walks a mile every morning.',
        'Son states he purportedly stopped the statin in June.',
      ],
      { rule: 'credibility/allegedly' },
    );
  });

  it('still passes a hedge about the relative or someone else they name', async () => {
    await expectPass(
      [
        'The biological father allegedly was in jail for a year.',
        'Wife says her brother supposedly quit drinking.',
        'Mother says the neighbour allegedly hit the dog.',
        'Son allegedly forgot to bring the pill box.',
      ],
      { rule: 'credibility/allegedly' },
    );
  });
});

describe('"apparently" before an irregular past act of the patient', () => {
  it('flags "apparently slept", "apparently wore", "apparently read", "apparently hid"', async () => {
    await expectFlag(
      [
        'Pt apparently slept in her car for two nights.',
        'Patient apparently wore the boot only to appointments.',
        'Pt apparently read the discharge sheet and threw it away.',
        'Client apparently hid the inhaler from his parents.',
      ],
      { rule: 'credibility/apparently-act', strong: true },
    );
  });

  it('passes the same verbs with a thing or another person as the subject', async () => {
    await expectPass(
      ['The scan apparently read as normal at the outside site.', 'Another patient apparently wore her mask.', 'Patient apparently well at home since then.'],
      { strong: true },
    );
  });
});

describe("all preset: a funder's denial and a population trend are not the patient's account", () => {
  it('passes "denied by the funder" and "reportedly rising"', async () => {
    await expectPass(
      [
        'Referral for knee surgery denied by the funder; appeal sent.',
        'Overdose deaths are reportedly rising in the county.',
        'Cases are reportedly on the rise in the region.',
      ],
      { preset: 'all' },
    );
  });

  it('still reports "denied" a symptom and "reportedly" before the patient\'s own act', async () => {
    await expectFlag(['Pt denied chest pain or palpitations.', 'Pt reportedly increasing his dose on his own.', 'She reportedly fell twice at home.'], {
      preset: 'all',
    });
  });
});
