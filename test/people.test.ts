import { describe, expect, it } from 'vitest';
import {
  BARE_RELATIVES,
  FAMILY,
  FEMALE_KIN,
  KIN_LISTED,
  MALE_KIN,
  OWN_RELATIVE_WORDS,
  RELATIVE_WORDS,
  REPORTING_RELATIVE,
  SPEAKER_KIN,
} from '../src/match/people.js';

// src/match/people.ts names each list of relatives once; the matchers' sets are built from it.
describe('people.ts: the lists of relatives', () => {
  it('the subject model and the bare nouns hold all close family', () => {
    for (const w of FAMILY) {
      expect(RELATIVE_WORDS.has(w), w).toBe(true);
      expect(BARE_RELATIVES as readonly string[], w).toContain(w);
    }
  });

  it('keeps the differences the copies had (written in people.ts)', () => {
    expect(KIN_LISTED.has('mum')).toBe(false);
    expect(KIN_LISTED.has('and')).toBe(true);
    expect(SPEAKER_KIN as readonly string[]).not.toContain('cousin');
    expect(SPEAKER_KIN as readonly string[]).toContain('carer');
    expect(OWN_RELATIVE_WORDS as readonly string[]).toContain('ex');
    expect(OWN_RELATIVE_WORDS as readonly string[]).not.toContain('nephew');
  });

  it('the reporting-relative alternation reads plurals, accents and "family member(s)"', () => {
    const re = new RegExp(String.raw`^(?:${REPORTING_RELATIVE})$`, 'iu');
    for (const w of ['Parents', 'fiancée', 'fiance', 'family members', 'family member', 'grandparents', 'stepdad']) expect(re.test(w), w).toBe(true);
    for (const w of ['patient', 'nurse', 'parentss', 'families']) expect(re.test(w), w).toBe(false);
  });

  it('no word is both female and male', () => {
    for (const w of FEMALE_KIN) expect(MALE_KIN as readonly string[]).not.toContain(w);
  });
});
