// Every suggestion names the substance of the phrase it replaces: "drug problem" was offered "unhealthy
// alcohol use" (its rule's second suggestion, for every form), a run of 2026-12-04. A check over the rule
// data, not over examples: each phrase a rule matches (each word of each position tried once), the
// suggestions the engine would give that phrase (its formSuggestions entry, else the rule's own, with
// the sets filled in), and the substances each side names.
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { builtinRules } from '../src/rules/builtin.js';
import { expandPattern, type TokenSequence } from '../src/rules/pattern.js';
import { renderSuggestion } from '../src/match/suggest.js';

type Substance = 'alcohol' | 'tobacco' | 'drug';

// The words of a matched phrase that name a substance (or its use), by kind. A {drug} word names the
// kind its set value gives (its `class`); these are the words outside the set. "Substance(s)" and
// "polysubstance" name no one kind: they are read as drugs, since an alcohol wording narrows them.
const PHRASE_KINDS: readonly [Substance, RegExp][] = [
  ['alcohol', /^(?:alcohol\w*|etoh|ethanol|alc\.?|alch\w*|alcoh\w*|achohol|drink\w*|drunk\w*|booze\w*|boozer\w*|wino\w*|alkie\w*|alky|lush\w*|sober\w*)$/],
  ['tobacco', /^(?:tobacco|nicotine|cigarettes?|vap\w*)$/],
  [
    'drug',
    /^(?:drugs?|substances?|polysub\w*|subst\.?|heroin\w*|herion|opi\w*|narc\w*|cocain\w*|crack\w*|meth\w*|amphet\w*|stimulants?|marijuan\w*|cannab\w*|pot\w*|weed|dope\w*|benzo\w*|ivd\w*|iv|inject\w*|junk\w*|needle|shoot\w*|speed\w*|tweak\w*|stoner\w*|smack|fentanyl|oxy\w*|pcp)$/,
  ],
];

// Kinds a suggestion names. "Substance" and "a substance" name none: they fit any phrase.
const SUGGESTION_KINDS: readonly [Substance, RegExp][] = [
  ['alcohol', /\b(?:alcohol|drinks?|drinking|drank)\b/i],
  ['tobacco', /\b(?:smokes?|smoked|smoking|tobacco|nicotine|cigarettes?)\b/i],
  ['drug', /\b(?:drugs?|inject\w*|opioids?|opiates?|heroin|stimulants?|cocaine|methamphetamine|cannabis|sedatives?|benzodiazepines?)\b/i],
];

/** Each phrase of `sequence` that tries every word of each position once (the others at their first word). */
function phrasesOf(sequence: TokenSequence): string[][] {
  const first = sequence.map((t) => t.words[0]!);
  const out = [first];
  sequence.forEach((t, k) => {
    for (const w of t.words.slice(1)) out.push(first.map((f, j) => (j === k ? w : f)));
  });
  return out;
}

interface Mismatch {
  rule: string;
  phrase: string;
  suggestion: string;
  names: Substance;
}

/** Every (phrase, suggestion) pair of the built-in rules where the suggestion names a substance the phrase does not. */
function mismatches(): Mismatch[] {
  const rules = builtinRules();
  const setWords = new Map([...rules.sets].map(([name, set]) => [name, set.words]));
  const found: Mismatch[] = [];
  for (const rule of rules.rules) {
    if (rule.equality) continue;
    const compiled = rules.byId.get(rule.id)!;
    for (const pattern of rule.match)
      for (const sequence of expandPattern(pattern, setWords))
        for (const words of phrasesOf(sequence)) {
          const captures = new Map<string, string>();
          const kinds = new Set<Substance>();
          words.forEach((w, k) => {
            const set = sequence[k]!.set;
            if (set) captures.set(set, w);
            const value = set ? rules.sets.get(set)?.values.get(w) : undefined;
            const cls = typeof value === 'object' ? value.class : undefined;
            if (cls === 'alcohol' || cls === 'tobacco') kinds.add(cls);
            else if (cls !== undefined && cls !== 'caffeine') kinds.add('drug');
            else for (const [kind, re] of PHRASE_KINDS) if (re.test(w)) kinds.add(kind);
          });
          // A phrase that names no substance ("addict", "user", "relapse") takes any wording; one of
          // the rule's exceptions ("tobacco user") is never reported.
          if (kinds.size === 0) continue;
          const same = (form: TokenSequence) => form.length === words.length && form.every((t, k) => t.lookup.has(words[k]!));
          if (compiled.exceptions.some(same)) continue;
          // The engine's choice (match.ts suggestionsFor): the first formSuggestions entry one of whose forms is the phrase.
          const entry = compiled.formSuggestions.find((e) => e.forms.some(same));
          const templates = [...(entry?.suggestions ?? rule.suggestions), ...(rule.personSuggestion ? [rule.personSuggestion] : [])];
          for (const template of templates) {
            const suggestion = renderSuggestion(template, captures, rules.sets);
            for (const [kind, re] of SUGGESTION_KINDS)
              if (!kinds.has(kind) && re.test(suggestion)) found.push({ rule: rule.id, phrase: words.join(' '), suggestion, names: kind });
          }
        }
  }
  return found;
}

describe('suggestions and the substance of the phrase', () => {
  it('never offer a drug wording for an alcohol or tobacco term, or an alcohol wording for a drug term', () => {
    // Before: 205 pairs ("drug problem" → "unhealthy alcohol use", "alcohol abuser" → "person who uses
    // drugs", "dirty for alcohol" → "urine drug test positive", "EtOH user" → "person who injects drugs").
    expect(mismatches().map((m) => `${m.rule}: "${m.phrase}" → "${m.suggestion}"`)).toEqual([]);
  });

  it.each([
    ['He has had a drug problem since his twenties.', 'substance-use/drug-problem', ['substance use disorder', 'unhealthy drug use']],
    ['Long heroin problem.', 'substance-use/drug-problem', ['opioid use disorder', 'unhealthy opioid use']],
    ['Her cocaine problems got worse.', 'substance-use/drug-problem', ['stimulant use disorder', 'unhealthy stimulant use']],
    ['Get help if you suspect an alcohol problem.', 'substance-use/drug-problem', ['alcohol use disorder (if diagnosed)', 'unhealthy alcohol use']],
    ['He is an alcohol abuser.', 'substance-use/abuser', ['person with alcohol use disorder', 'person who uses alcohol']],
    ['He is a heroin addict.', 'substance-use/addict', ['person with opioid use disorder', 'person who uses drugs']],
    ['Known EtOH addicts were seen.', 'substance-use/addict', ['people with alcohol use disorder', 'people who use alcohol']],
    ['He is an ethanol user.', 'substance-use/drug-user', ['person who uses alcohol', 'person with alcohol use disorder']],
    ['Random alcohol test was dirty.', 'substance-use/clean-dirty-test', ['alcohol test positive', 'tested positive for alcohol']],
  ])('%s', async (text, rule, suggestions) => {
    const found = (await lintText(text, { preset: 'all' })).filter((f) => f.ruleId === rule);
    expect(found.map((f) => f.suggestions)).toEqual([suggestions]);
  });
});
