// Rule files (ours and users') are validated with errors that name the file and the rule.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileRules, lintText, loadRuleFiles, parseRuleFile, RuleFileError } from '../src/index.js';
import { expandPattern } from '../src/rules/pattern.js';

const good = (rules: string) => `category: house\nrules:\n${rules}`;
const RULE = `  - id: house/patient-label
    severity: warning
    match: [frequent-flyer(s)]
    suggestions: [patient with frequent ED visits]
    note: A label that reduces a person to their visits.
    sources: [HEM]
    examples:
      flag: [Known frequent flyer.]
      pass: [Frequent flights abroad.]
`;

describe('rule file validation', () => {
  it('accepts a valid user rule file and lints with it', async () => {
    const ruleSet = compileRules([parseRuleFile(good(RULE), 'house.yaml')]);
    const findings = await lintText('Known frequent-flyer and frequentflyers.', { ruleSet });
    expect(findings.map((f) => f.actual)).toEqual(['frequent-flyer', 'frequentflyers']);
  });

  it('names the file and the rule for a schema error', () => {
    expect(() => parseRuleFile(good(RULE.replace('severity: warning', 'severity: loud')), 'house.yaml')).toThrow(
      /^house\.yaml: rule "house\/patient-label": \/severity must be equal to one of the allowed values \(error, warning, info\)$/,
    );
    expect(() => parseRuleFile(good(RULE.replace('    note: A label that reduces a person to their visits.\n', '')), 'house.yaml')).toThrow(
      /house\.yaml: rule "house\/patient-label": .*note/,
    );
    expect(() => parseRuleFile(good(RULE.replace('    sources: [HEM]\n', '    sources: [HEM]\n    colour: red\n')), 'x.yaml')).toThrow(/unknown key "colour"/);
  });

  it('names the file and rule for a wrong id prefix, a bad pattern or an unknown set', () => {
    expect(() => parseRuleFile(good(RULE.replace('id: house/', 'id: other/')), 'h.yaml')).toThrow(/h\.yaml: rule "other\/patient-label": id must start with/);
    expect(() => parseRuleFile(good(RULE.replace('[frequent-flyer(s)]', '["frequent (flyer"]')), 'h.yaml')).toThrow(
      /rule "house\/patient-label": match: unbalanced/,
    );
    expect(() => compileRules([parseRuleFile(good(RULE.replace('[frequent-flyer(s)]', '["{nope} flyer"]')), 'h.yaml')])).toThrow(
      /h\.yaml: rule "house\/patient-label": match: unknown set \{nope\}/,
    );
    // compileRules reads each suggestion's {set} references with one global regex (exec in a loop):
    // every reference is checked, not only the first, and a failed compile leaves the next one's
    // check starting at the template's start.
    const withSets = (suggestion: string) =>
      `category: house\nsets:\n  place:\n    words: [ward, clinic]\nrules:\n${RULE.replace('[patient with frequent ED visits]', `["${suggestion}"]`)}`;
    expect(() => compileRules([parseRuleFile(withSets('visits to the {place} and {nope.text}'), 'h.yaml')])).toThrow(
      /h\.yaml: rule "house\/patient-label": suggestion "visits to the \{place\} and \{nope\.text\}" names unknown set \{nope\}/,
    );
    expect(() => compileRules([parseRuleFile(withSets('{nope}'), 'h.yaml')])).toThrow(/names unknown set \{nope\}/);
    expect(compileRules([parseRuleFile(withSets('visits to the {place} and the {place.text}'), 'h.yaml')]).rules).toHaveLength(1);
  });

  it('reports invalid YAML and unreadable files by name', () => {
    expect(() => parseRuleFile('rules: [', 'broken.yaml')).toThrow(/^broken\.yaml: not valid YAML/);
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-rules-'));
    expect(() => loadRuleFiles([path.join(dir, 'none.yaml')])).toThrow(RuleFileError);
    writeFileSync(path.join(dir, 'ok.yaml'), good(RULE));
    expect(loadRuleFiles([path.join(dir, 'ok.yaml')])[0]!.rules[0]!.id).toBe('house/patient-label');
  });

  // A developer trial: a house rule loaded by loadRuleFiles (not a config's extends) had the url of
  // a built-in rule, dignify's docs/rules.md#house…, an anchor that page does not have.
  it("gives the findings of a rule file read by loadRuleFiles the file's own URL, as a config's extends does", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-rules-'));
    const file = path.join(dir, 'house.yaml');
    writeFileSync(file, good(RULE));
    const ruleSet = compileRules(loadRuleFiles([file]));
    const [finding] = await lintText('Known frequent flyer.', { ruleSet });
    const own = pathToFileURL(file).href;
    expect([ruleSet.rules[0]!.url, finding?.url]).toEqual([own, own]);
    // parseRuleFile has no file to point at: the caller may say where its rules are documented.
    const parsed = { ...parseRuleFile(good(RULE), 'h.yaml'), docsUrl: 'https://intranet.example/house-rules' };
    expect(compileRules([parsed]).rules[0]!.url).toBe('https://intranet.example/house-rules');
  });
});

describe('pattern language', () => {
  const words = (p: string) => expandPattern(p, new Map([['drug', ['heroin', 'drug']]])).map((s) => s.map((t) => t.words.join('|')).join(' '));
  it('expands optional endings, alternatives, optional words, hyphens and sets', () => {
    expect(words('abuse(s|d)')).toEqual(['abuse|abuses|abused']);
    expect(words('clean|dirty urine')).toEqual(['clean|dirty urine']);
    expect(words('iv? drug abuse')).toEqual(['iv drug abuse', 'drug abuse']);
    expect(words('non-compliant')).toEqual(['non compliant', 'noncompliant']);
    expect(words('{drug} addict')).toEqual(['heroin|drug addict']);
    expect(words("IVDA'er")).toEqual(["ivda'er"]);
  });

  it("reads `|` as one part's alternatives beside one hyphen, and as whole words when several options are hyphenated", () => {
    // One hyphenated option first or last: the list gives the other part's alternatives.
    expect(words('non-compliant|compliance')).toEqual(['non compliant|compliance', 'noncompliant|noncompliance']);
    expect(words('un|non-compliant')).toEqual(['un|non compliant', 'uncompliant|noncompliant']);
    // Two hyphenated options, or one between two others: each option is a whole word.
    expect(words('drug-seeking|narcotic-seeking')).toEqual(['drug seeking', 'drugseeking', 'narcotic seeking', 'narcoticseeking']);
    expect(words('crackhead|crack-head|pothead')).toEqual(['crackhead', 'crack head', 'crackhead', 'pothead']);
    expect(words('pot-head(s)|dope-head(s) x')).toEqual(['pot head|heads x', 'pothead|potheads x', 'dope head|heads x', 'dopehead|dopeheads x']);
  });
});

describe('the built-in rules’ suggestions', () => {
  it('each balance their brackets (an unquoted YAML flow list splits a suggestion at its commas)', async () => {
    // "suggestions: [name the people (Inuit, Asian)]" was three suggestions, one ending in "Asian)".
    const { builtinRules } = await import('../src/rules/builtin.js');
    for (const rule of builtinRules().rules)
      for (const s of rule.suggestions) {
        const depth = [...s].reduce((d, ch) => (d < 0 ? d : d + (ch === '(' ? 1 : ch === ')' ? -1 : 0)), 0);
        expect({ rule: rule.id, suggestion: s, depth }).toEqual({ rule: rule.id, suggestion: s, depth: 0 });
      }
  });
});

// A rule that reports several retext-equality ids gives each finding the suggestions that fit the id that matched
// (equalitySuggestions): "multiple sclerosis victim" was offered "person who has had a stroke", the first suggestion.
describe('equalitySuggestions', () => {
  it.each([
    ['He is a multiple sclerosis victim.', 'inclusive/disease-victim', ['person with multiple sclerosis']],
    ['Stroke victim, admitted to rehab.', 'inclusive/disease-victim', ['person who has had a stroke']],
    ['Asked about sexual preference.', 'inclusive/sexual-orientation', ['sexual orientation']],
    ['The manpower of the unit is low.', 'inclusive/gendered-terms', ['workforce', 'staff']],
    ['Old chart says mongoloid.', 'inclusive/intellectual-disability-slur', ['person with Down syndrome']],
    ['Called a maniac by his brother.', 'inclusive/madhouse', ['describe the behaviour']],
  ])('%s gets the suggestions of the id that matched', async (text, rule, suggestions) => {
    const findings = (await lintText(text, { preset: 'all' })).filter((f) => f.ruleId === rule);
    expect(findings.map((f) => f.suggestions)).toEqual([suggestions]);
  });

  const EQ = (extra: string) =>
    good(`  - id: house/victim
    severity: warning
    equality: [stroke-victim, multiple-sclerosis-victim]
    match: [stroke victim, multiple sclerosis victim]
    suggestions: [person who has had a stroke, person with multiple sclerosis]
${extra}    note: Victim framing.
    sources: [retext]
    examples:
      flag: [Stroke victim.]
      pass: [Had a stroke.]
`);
  it('names the rule for an id that is not in equality, or a suggestion that is not in suggestions', () => {
    expect(() => compileRules([parseRuleFile(EQ('    equalitySuggestions:\n      stroke: [person who has had a stroke]\n'), 'h.yaml')])).toThrow(
      /h\.yaml: rule "house\/victim": equalitySuggestions names "stroke", which is not in equality/,
    );
    expect(() => compileRules([parseRuleFile(EQ('    equalitySuggestions:\n      stroke-victim: [survivor]\n'), 'h.yaml')])).toThrow(
      /h\.yaml: rule "house\/victim": equalitySuggestions\.stroke-victim: "survivor" is not one of suggestions/,
    );
    expect(() => compileRules([parseRuleFile(EQ('    equalitySuggestions:\n      stroke-victim: [person who has had a stroke]\n'), 'h.yaml')])).not.toThrow();
  });
});

// "Patient is an IVDU." was fixed to "Patient is an injection drug use." (a newcomer's trial, 2026-12-02): where a term
// names a person (after a copula and a/an, a sentence-opening "Known", a singular -er form), a rule's personSuggestion
// comes first and is the fix; elsewhere ("hx of IVDU", "with a IVDA hx") the first suggestion stays.
describe('personSuggestion', () => {
  it.each([
    ['Patient is an IVDU.', 'person who injects drugs', 'Patient is a person who injects drugs.'],
    ['Known IVDA and smoker.', 'person who injects drugs', 'Person known to inject drugs and smoker.'],
    ['He is a known ivdrugabuser.', 'person who injects drugs', 'He is a person known to inject drugs.'],
    ['hx of IVDU, last use 2019.', 'injection drug use', 'hx of injection drug use, last use 2019.'],
    ['Hx of known IVDA.', 'injection drug use', 'Hx of known injection drug use.'],
    ['She was a known IVDU in 2015.', 'person who injects drugs', 'She was a person known to inject drugs in 2015.'],
    ['Social: is an IVDU hx (remote).', 'injection drug use', 'Social: is an injection drug use hx (remote).'],
    ['Pt with a IVDA hx.', 'injection drug use', 'Pt with an injection drug use hx.'],
    // A sentence-opening "A"/"An" before a verb, a comma or the end: the subject, a person (a newcomer trial:
    // "An injection drug use was seen"); before a noun or a hyphen, a modifier.
    ['An IVDU was seen in clinic.', 'person who injects drugs', 'A person who injects drugs was seen in clinic.'],
    ['A known IVDU presented with fever.', 'person who injects drugs', 'A person known to inject drugs presented with fever.'],
    ['An IVDU, 34, presented with fever.', 'person who injects drugs', 'A person who injects drugs, 34, presented with fever.'],
    ['An IVDU abscess was drained.', 'injection drug use', 'An injection drug use abscess was drained.'],
    ['An IVDU-related abscess was drained.', 'injection drug use', 'An injection drug use-related abscess was drained.'],
    // Right after an age and sex, as a one-liner opens (blind probe 8: "in a 34M injection drug use"), the
    // header names the person, whose wording goes in without its own noun (test/patient-subject.test.ts); a
    // comma between makes a list of items, left as it was.
    ['MSSA bacteremia in a 34M IVDA, TEE pending.', 'person who injects drugs', 'MSSA bacteremia in a 34M who injects drugs, TEE pending.'],
    ['45F IVDU with endocarditis.', 'person who injects drugs', '45F who injects drugs with endocarditis.'],
    ['52 y/o male IVDU presents with fever.', 'person who injects drugs', '52 y/o male who injects drugs presents with fever.'],
    ['45M, IVDU, HCV positive.', 'injection drug use', '45M, injection drug use, HCV positive.'],
    // A preposition starts a phrase of its own: the sentence's "A" is not the term's article (a leaflet's
    // "A note about IVDU." was fixed to "A note about person who injects drugs.").
    ['A note about IVDU.', 'injection drug use', 'A note about injection drug use.'],
    ['A leaflet regarding IVDU and hepatitis C.', 'injection drug use', 'A leaflet regarding injection drug use and hepatitis C.'],
    ['A talk after IVDU, at noon.', 'injection drug use', 'A talk after injection drug use, at noon.'],
    // Right after a copula, a person (a CI maintainer's trial: --fix wrote "Patient is injection drug use."),
    // with the article the wording needs; a thing before the copula keeps the behaviour.
    ['Patient is IVDU.', 'person who injects drugs', 'Patient is a person who injects drugs.'],
    ['He is IVDU, HCV+.', 'person who injects drugs', 'He is a person who injects drugs, HCV+.'],
    ['Pt is known IVDU.', 'person who injects drugs', 'Pt is a person known to inject drugs.'],
    ['She was IVDU in 2015.', 'person who injects drugs', 'She was a person who injected drugs in 2015.'],
    ['Risk factor is IVDU.', 'injection drug use', 'Risk factor is injection drug use.'],
    ['Pt is IVDU hx.', 'injection drug use', 'Pt is injection drug use hx.'],
    // Every copula the person's reading takes gives the wording its article (--fix wrote "as person who injects drugs").
    ['Flagged the patient as IVDU.', 'person who injects drugs', 'Flagged the patient as a person who injects drugs.'],
    ['Patient being IVDU, we chose a PICC.', 'person who injects drugs', 'Patient being a person who injects drugs, we chose a PICC.'],
    // A result after the term makes it a modifier: --fix wrote "Patient is a person who injects drugs positive".
    ['Patient is IVDU positive.', 'injection drug use', 'Patient is injection drug use positive.'],
    ['He is IVDU+, HCV+.', 'injection drug use', 'He is injection drug use+, HCV+.'],
  ])('%s: first suggestion %s', async (text, first, fixed) => {
    const [finding, ...rest] = (await lintText(text)).filter((f) => f.ruleId === 'substance-use/injection-drug-abuse');
    expect(rest).toEqual([]);
    expect(finding?.suggestions[0]).toBe(first);
    expect(finding?.suggestions).toHaveLength(2);
    const fix = finding!.fix!;
    expect(text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1])).toBe(fixed);
  });

  it('names the rule when personSuggestion is not one of suggestions', () => {
    const rule = (person: string) =>
      good(`  - id: house/ivdu
    severity: warning
    fixable: true
    match: [ivdu]
    suggestions: [injection drug use, person who injects drugs]
    personSuggestion: ${person}
    note: A label.
    sources: [retext]
    examples:
      flag: [Hx IVDU.]
      pass: [Hx of injection drug use.]
`);
    expect(() => compileRules([parseRuleFile(rule('people who inject drugs'), 'h.yaml')])).toThrow(
      /h\.yaml: rule "house\/ivdu": personSuggestion "people who inject drugs" is not one of suggestions/,
    );
    expect(() => compileRules([parseRuleFile(rule('person who injects drugs'), 'h.yaml')])).not.toThrow();
  });
});

describe('formSuggestions: suggestions in the form of the word replaced', () => {
  const rule = (formSuggestions: string, extra = '') =>
    good(`  - id: house/refused
    severity: warning
    fixable: true
    match: [refused, refuses, refusing, refusal(s)]
    suggestions: [declined, chose not to]
${formSuggestions}    note: Casts a decision as defiance.
    sources: [Goddu18]${extra}
    examples:
      flag: [Pt refused meds.]
      pass: [Pt declined meds.]
`);
  const FORMS = `    formSuggestions:
      - forms: [refuses]
        suggestions: [declines, chooses not to]
      - forms: [refusing]
        suggestions: [declining]
      - forms: [refusal(s)]
        suggestions: [declination]
`;
  const ruleSet = () => compileRules([parseRuleFile(rule(FORMS), 'h.yaml')]);

  it.each([
    ['Pt refuses meds.', 'refuses', ['declines', 'chooses not to'], 'Pt declines meds.'],
    ['Refuses meds.', 'Refuses', ['declines', 'chooses not to'], 'Declines meds.'],
    ['Pt is refusing dialysis.', 'refusing', ['declining'], 'Pt is declining dialysis.'],
    ['Pt refused meds.', 'refused', ['declined', 'chose not to'], 'Pt declined meds.'],
    ['Two refusals of care.', 'refusals', ['declination'], 'Two declination of care.'],
  ])('%s: the finding on "%s" suggests %j and --fix writes the first', async (text, actual, suggestions, fixed) => {
    const [finding, ...rest] = await lintText(text, { ruleSet: ruleSet() });
    expect(rest).toEqual([]);
    expect(finding?.actual).toBe(actual);
    expect(finding?.suggestions).toEqual(suggestions);
    const fix = finding!.fix!;
    expect(text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1])).toBe(fixed);
  });

  it('gives the first entry whose forms hold, and the rule suggestions where none does', async () => {
    const twice = `    formSuggestions:
      - forms: [refuses, refusing]
        suggestions: [declines]
      - forms: [refuses]
        suggestions: [chooses not to]
`;
    const set = compileRules([parseRuleFile(rule(twice), 'h.yaml')]);
    const findings = await lintText('Pt refuses meds. Pt refused meds.', { ruleSet: set });
    expect(findings.map((f) => f.suggestions[0])).toEqual(['declines', 'declined']);
  });

  it('fits each reading of a template drop-down its own form', async () => {
    // Two words of a drop-down: two findings, each in its form.
    const apart = await lintText('Pt {refuses/refused} the exam.', { ruleSet: ruleSet() });
    expect(apart.map((f) => [f.actual, f.suggestions[0]])).toEqual([
      ['refuses', 'declines'],
      ['refused', 'declined'],
    ]);
    // A phrase over the drop-down ("{refuses/refused} care"): one finding, the first suggestion of each reading's form.
    const overForms = '    formSuggestions:\n      - forms: [refuses care]\n        suggestions: [declines, chooses not to]\n';
    const over = compileRules([
      parseRuleFile(rule(overForms).replace('match: [refused, refuses, refusing, refusal(s)]', 'match: [refused care, refuses care]'), 'h.yaml'),
    ]);
    const [finding, ...rest] = await lintText('Pt {refuses/refused} care.', { ruleSet: over });
    expect(rest).toEqual([]);
    expect(finding?.suggestions.slice(0, 2)).toEqual(['declines', 'declined']);
  });

  it('names a form that is none of the phrases of its rule, and a placeholder a fix would write', () => {
    // A newcomer trial: a typo in a form ("elopse") never applied, silently; a fixable rule's first
    // suggestion "leaves [ward] without notice" was written into the note by --fix.
    expect(() => compileRules([parseRuleFile(rule(FORMS.replace('[refusing]', '[refusin]')), 'h.yaml')])).toThrow(
      /^h\.yaml: rule "house\/refused": formSuggestions\.forms: "refusin" is not one of the rule's phrases \(match\), so it never applies$/,
    );
    expect(() => compileRules([parseRuleFile(rule(FORMS.replace('[declination]', '["declination of [treatment]"]')), 'h.yaml')])).toThrow(
      /h\.yaml: rule "house\/refused": fixable: true, but the suggestion "declination of \[treatment\]" holds a placeholder/,
    );
    // Not fixable: a placeholder is advice for the writer, offered and never written.
    const advice = rule(FORMS.replace('[declination]', '["declination of [treatment]"]')).replace('    fixable: true\n', '');
    expect(() => compileRules([parseRuleFile(advice, 'h.yaml')])).not.toThrow();
  });

  it('names the file and the rule for a bad form pattern or an unknown set in a form suggestion', () => {
    expect(() => parseRuleFile(rule(FORMS.replace('[refusal(s)]', '["refusal (s"]')), 'h.yaml')).toThrow(
      /h\.yaml: rule "house\/refused": formSuggestions\.forms: /,
    );
    expect(() => compileRules([parseRuleFile(rule(FORMS.replace('[declination]', '["{nothing} declination"]')), 'h.yaml')])).toThrow(
      /h\.yaml: rule "house\/refused": suggestion "\{nothing\} declination" names unknown set \{nothing\}/,
    );
    expect(() => parseRuleFile(rule(FORMS.replace('        suggestions: [declination]\n', '')), 'h.yaml')).toThrow(
      /h\.yaml: rule "house\/refused": .*suggestions/,
    );
  });
});
