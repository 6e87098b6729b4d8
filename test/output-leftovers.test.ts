// Output leftovers of the session of 2026-12-04 (branch left4), each seen on a real run and each with
// its small input: the stylish suggestion's case, the warning lines' word order, FHIR's count words.
import { describe, expect, it } from 'vitest';
import { runMain } from './helpers.js';

describe('the stylish suggestion', () => {
  it('is in the case --fix, the page and the LSP write ("Addict" → "Person with …")', async () => {
    const text = 'Addict in room.\nDRUG ABUSE noted.\nAlcohol problem since 2019.\nPt is an IVDU.\n';
    const r = await runMain(['--preset', 'all'], { input: text });
    // Before: "person with a substance use disorder", "drug use": lower case where a fix keeps the phrase's.
    expect(r.stdout).toMatch(/"Addict" → "Person with a substance use disorder"/);
    expect(r.stdout).toMatch(/"DRUG ABUSE" → "DRUG USE"/);
    // Advice in parentheses is no words for the note: only the words take the phrase's case.
    expect(r.stdout).toMatch(/"Alcohol problem" → "Alcohol use disorder \(if diagnosed\)"/);
    // The article is the fix's ("an IVDU" → "a person who …"); the suggestion itself stays as a click writes it.
    expect(r.stdout).toMatch(/"IVDU" → "person who injects drugs"/);
  });
});
