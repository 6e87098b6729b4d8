// Compliance wording in the shorthand notes use (fixtures/recall-probes batch 38's kinds): "non-compl",
// "noncompl c", "non-adh", "NC w/ meds" (and NC as a nasal cannula or NC/AT, which pass), "compliance
// issues", "not being compliant", a "Compliance with X: poor" field, a parent non-compliant with the
// patient's care; and the look-alikes: a device not compliant with a spec, regulatory compliance
// issues, a vendor or a service worker refusing, a young child "y/o" refusing, relatives listed in
// a parenthesis. Small inputs of our own wording.
import { describe, expect, it } from 'vitest';
import { expectFlag, expectPass, ruleIds } from './detection.js';

describe('compliance shorthand', () => {
  it('reports the shorthand forms', async () => {
    await expectFlag([
      'Renal diet non-compl. per wife.',
      'Pt noncompl c statins since spring.',
      'Controller: [ ] daily [x] non-compl',
      'Pt non-adh w/ her antiretrovirals.',
      'Pt NC w/ meds since the move.',
      'Pt nc c insulin, A1c 11.',
      'Inhaler compliance issues noted again.',
      'Adherence problems with the statin.',
      'History of not being compliant with her diuretics.',
      'Compliance with fluid restriction: poor',
      'Adherence to the diet - suboptimal',
      "Dad non-compliant with pt's inhalers over the summer.",
    ]);
  });

  it('passes the look-alikes beside them', async () => {
    await expectPass([
      'Placed on 3L NC with good effect.',
      'Head: NC/AT.',
      'The glucometer is not compliant with the clinic’s data standard.',
      'HIPAA compliance issues were raised at the vendor audit.',
      'The vendor refused to ship the replacement sensor.',
      'Outreach worker refused to enter the unit with the dog loose.',
      '4 y/o refuses the spacer and cries.',
      'Close contacts (sister, nephew) refused the skin test.',
      "Mom refused pt's brother's request to visit.",
    ]);
  });

  it('keeps the patient reported beside a parenthesis that does not list relatives', async () => {
    expect(await ruleIds('Pt (with wife at bedside) refused the CT.')).toContain('compliance/refused');
    expect(await ruleIds('Pt (son and daughter present) refused the CT.')).toContain('compliance/refused');
  });
});
