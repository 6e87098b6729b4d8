// Regexes that backtrack over a run: the bugs fixed (each with its small input, asserting the
// finding is kept) and a shape check over every regex the matchers build or write as a literal: no
// unbounded quantifier inside a lookbehind unless ALLOWED says why it is bounded. No timing here:
// the CPU seconds per adversarial input are `npm run bench`'s (bench/adversarial.js).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import type * as TS from 'typescript';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { CHILD, CHILD_ASCII, CHILD_PATIENT_SOURCES, childIsPatient, minorIsPatient, youngChildIsPatient } from '../src/match/child-patient.js';
import { propertyRuns } from './helpers.js';
import { unboundedLookbehinds } from './regex-shape.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// TypeScript's parser by require: an import would have Node's ESM loader scan the 9 MB CommonJS file
// for its export names first (cjs-module-lexer), about 0.9 s of CPU.
const ts = createRequire(import.meta.url)('typescript') as typeof TS;

describe('child-patient: the owner tried where an age matches, not at every position', () => {
  // The form it replaces: each owned alternative behind the negative lookbehind of OWNER.
  const lookbehindForm = (parts: { owned: readonly string[]; free: readonly string[] }, flags: string) =>
    new RegExp([...parts.owned.map((alt) => `(?<!${CHILD_PATIENT_SOURCES.owner})${alt}`), ...parts.free].join('|'), flags);
  const old = {
    child: lookbehindForm(CHILD_PATIENT_SOURCES.child, 'iu'),
    childAscii: lookbehindForm(CHILD_PATIENT_SOURCES.child, 'i'),
    young: lookbehindForm(CHILD_PATIENT_SOURCES.young, 'i'),
    minor: lookbehindForm(CHILD_PATIENT_SOURCES.minor, 'i'),
  };

  it('keeps the refusal found on a line of a sentence and a run of blanks (241 s at 100,000 spaces before)', async () => {
    for (const blanks of [' '.repeat(300), '\t'.repeat(300)]) {
      const findings = await lintText(`Pt refused meds.${blanks}`, { preset: 'all' });
      expect(
        findings.map((f) => [f.ruleId, f.actual]),
        JSON.stringify(blanks[0]),
      ).toEqual([['compliance/refused', 'refused']]);
    }
  });

  it("reads an owner across a run of blanks as the lookbehind did (someone's child: no sign)", () => {
    const run = ' '.repeat(500);
    expect(childIsPatient(`Her${run}6 yo boy has asthma.`)).toBe(false);
    expect(childIsPatient(`Pt's${run}new${run}6 yo boy has asthma.`)).toBe(false);
    expect(childIsPatient(`Clinic note${run}6 yo, cough.`)).toBe(true);
    expect(childIsPatient(`Seen today.${run}A 6 yo boy with cough.`)).toBe(true);
    expect(youngChildIsPatient(`her${run}a 3-year-old son`)).toBe(false);
    expect(youngChildIsPatient(`Peds consult:${run}3 yo refuses drops.`)).toBe(true);
    expect(minorIsPatient(`their${run}15 yo`)).toBe(false);
    expect(minorIsPatient(`Today${run}15 yo here with mom.`)).toBe(true);
    // An owned age and an age of the patient's on one line: the second is found.
    expect(childIsPatient('Her 6 yo boy is well. A 7 yo girl with cough.')).toBe(true);
  });

  it('answers as the lookbehind form on random texts of owners, blanks and ages', () => {
    const piece = fc.constantFrom(
      ...['his', 'her', 'their', 'our', "Pt's", 'mom\u2019s', 'hers', 'this', 'the', 'a', 'is', 'pt', 'new', '\u017f', 'K', 'x'],
      ...['6', '3', '12', '15', '24', 'seven', 'two', 'yo', 'y/o', '-year-old', ' year old', 'mo', 'months', 'wk', 'old', 'boy', 'M', 'son', 'with'],
      ...['refuses', 'peds', 'note', 'toddler', 'the child', 'attends', 'first grade'],
      ...[' ', ' ', ' ', '   ', '\t', '\n', '\u00a0', '.', ',', ':', '(', '-', '_'],
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 18 }), (parts) => {
        const text = parts.join('');
        expect(CHILD().test(text), text).toBe(old.child.test(text));
        expect(CHILD_ASCII().test(text), text).toBe(old.childAscii.test(text));
        expect(youngChildIsPatient(text), text).toBe(old.young.test(text));
        expect(minorIsPatient(text), text).toBe(old.minor.test(text));
      }),
      { numRuns: propertyRuns(1000, 30000) },
    );
  });
});

// Lookbehinds with an unbounded quantifier that are allowed, by their text or its first characters,
// each with why its walk back is bounded (V8 tries a lookbehind at every position the regex reaches
// and matches it backwards from there).
const AFTER_WORD = 'after the word it follows (consumed before it): tried once per occurrence, walking back over its line at most';
const ALLOWED: Record<string, string> = {
  // perinatal.ts PATIENT_BESIDE, before \b(?:pt|patient)\b.
  '(?<![([]\\s*)': 'V8 tries it only where "pt" or "patient" starts (10,000 blanks before "pt": 0.1 ms)',
  // speakers.ts, before a first-person word.
  '(?<!\\b(?:type|stage|grade|axis|class|phase|level|nerve|part|section|schedule|appendix)\\s+)':
    'V8 tries it only where "i", "im", "i\'m" … starts (10,000 blanks after "type": 0.1 ms)',
  // child-patient.ts notOwned: sticky (y), tried at one position.
  "(?<=(?:\\b(?:his|her|their|my|your|our|has|have|had)|['\\u2019]s)\\s+(?:\\w+\\s+)?)":
    'sticky: tried once where an owned alternative matched, never at every position (child-patient.ts notOwned)',
  // hidden.ts's dotted abbreviations, before a full stop.
  '(?<=(?<![\\p{L}\\p{N}.])(?:\\p{L}\\.)*\\p{L})': 'walks back over letter-and-full-stop pairs only (10,000 pairs: 0.1 ms)',
  '(?<=(?<![\\p{L}\\p{N}.])(?:\\p{L}\\.){1,}\\p{L})': 'walks back over letter-and-full-stop pairs only',
  // identity.yaml's diabetic and demented line conditions: each follows the word it reads.
  '(?<!\\b(?:diets?|meals?|tray)\\b.*)': AFTER_WORD,
  '(?<!\\b(?:diets?|meals?|trays?|supplies)\\b.*)': AFTER_WORD,
  '(?<!\\b(?:diets?|meals?|trays?)\\b.*\\b(?:1|one))': AFTER_WORD,
  '(?<=[{/]\\s*diabetic)': AFTER_WORD,
  '(?<=(?:^|[.;]\\s|\\s{2,}|': AFTER_WORD,
  '(?<=(?:(?:^|[.;]\\s*)(?:[a-z]': AFTER_WORD,
  '(?<!\\b(?:neuropathy|': AFTER_WORD,
  '(?<=(?:\\b\\d{1,3}\\s*(?:(?:y': AFTER_WORD,
  // branch md's "and demented": tried only after the words "and demented" matched; reads back over one line at most.
  '(?<=(?:^|[.;:]|\\b(?:pt|patient|resident|client|he|she|is|was|remains|seems|appears))': AFTER_WORD,
  // After a lookahead of what the match starts with, which V8 checks first (a \\b before it did not help):
  // tried only where that starts (10,000 tabs or spaces: 1.1-2.3 s before the lookahead, 0.1-0.5 ms after).
  '(?<![\\v\\f\\u0085': 'white-space.ts BLANK_LINE, after (?=[\\r\\n]): tried only at a line break',
  '(?<!\\b(?:pt|patient|he|she|he[\\x27\\u2019]s': 'compliance/noncompliant line condition, after (?=non[-\\s]?compl): tried only there',
  '(?<![\\x27\\u2019]s\\s+|\\b(?:his|her|their|pt|patient|pt\\x27s': 'compliance/refused line condition, after (?=refusals\\s): tried only there',
};
/** The reason `lookbehind` is allowed: ALLOWED's key that is its start (a long one is named by its first characters). */
const allowed = (lookbehind: string) => Object.keys(ALLOWED).find((key) => lookbehind.startsWith(key));

/** Every regex literal of the matchers' sources (the TypeScript parser finds them). */
function literalSources(): Array<{ where: string; source: string }> {
  const out: Array<{ where: string; source: string }> = [];
  for (const dir of ['src/match', 'src/rules', 'src/inputs', 'src/lint', 'src/parse']) {
    for (const name of readdirSync(path.join(ROOT, dir))) {
      if (!name.endsWith('.ts')) continue;
      const file = ts.createSourceFile(name, readFileSync(path.join(ROOT, dir, name), 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: TS.Node): void => {
        if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
          const text = node.getText(file);
          out.push({ where: `${dir}/${name}`, source: text.slice(1, text.lastIndexOf('/')) });
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
    }
  }
  return out;
}

/** Every RegExp built (new RegExp, lazyRegExp, the rules' patterns) while dist/ lints every rule example under both presets. */
function builtSources(): Array<{ where: string; source: string }> {
  const script = `
const seen = new Map();
const Original = RegExp;
globalThis.RegExp = new Proxy(Original, {
  construct(target, args, newTarget) { const r = Reflect.construct(target, args, newTarget === globalThis.RegExp ? target : newTarget); seen.set(r.source, r); return r; },
  apply(target, self, args) { const r = Reflect.apply(target, self, args); seen.set(r.source, r); return r; },
});
const { lintText } = await import(${JSON.stringify(path.join(ROOT, 'dist', 'index.js'))});
const { readFileSync } = await import('node:fs');
const examples = JSON.parse(readFileSync(${JSON.stringify(path.join(ROOT, 'dist', 'rules', 'builtin-examples.json'))}, 'utf8'));
for (const ex of Object.values(examples))
  for (const e of [...(ex.flag ?? []), ...(ex.pass ?? [])])
    for (const preset of ['all', 'recommended']) await lintText(typeof e === 'string' ? e : e.text, { preset });
process.stdout.write(JSON.stringify([...seen.keys()]));
`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`capturing the built regexes failed: ${r.stderr}`);
  return (JSON.parse(r.stdout) as string[]).map((source) => ({ where: 'built at run time', source }));
}

describe('lookbehinds held behind a lookahead of their match: the findings kept', () => {
  it('still reads a line condition across a run of blanks (compliance/refused: refusals counted by a programme)', async () => {
    const ids = async (text: string) => (await lintText(text, { preset: 'all' })).map((f) => f.ruleId);
    // The condition keeps a programme's count out; a patient's refusals stay flagged, with or without a run.
    for (const blanks of [' ', '\t'.repeat(300)]) {
      expect(await ids(`Opt-out testing:${blanks}refusals are documented.`)).toEqual([]);
      expect(await ids(`Her${blanks}refusals are documented.`)).toContain('compliance/refused');
      // compliance/noncompliant's line condition: the patient's requirement is flagged, a unit's is not.
      expect(await ids(`Pt${blanks}noncompliant with the tacrolimus timing.`)).toContain('compliance/noncompliant');
      expect(await ids(`The unit is${blanks}noncompliant with the staffing requirements.`)).toEqual([]);
    }
  });

  it('splits paragraphs at a blank line after a run of tabs as before', async () => {
    const { BLANK_LINE } = await import('../src/parse/white-space.js');
    const text = `a${'\t'.repeat(300)}\n\t\nb\u00a0\n\nc\n \n\u0085d`;
    expect([...text.matchAll(BLANK_LINE)].map((m) => m.index)).toEqual([301]);
  });
});

describe('table-header.ts: a separator row found without splitting a run of hyphens at each hyphen', () => {
  it('keeps the finding of a drug-screen table after a row of hyphens, and still skips a separator row', async () => {
    const table = 'Date\tTest\tResult\n5/1\tRandom UA\tclean\n6/3\tRandom UA\tclean';
    const findings = async (text: string) => (await lintText(text, { preset: 'all' })).map((f) => [f.ruleId, f.actual]);
    expect(await findings(`${'-'.repeat(300)}${table}`)).toEqual([
      ['substance-use/clean-dirty-row', 'clean'],
      ['substance-use/clean-dirty-row', 'clean'],
    ]);
    // The separator row under a Markdown header is no header: the header above it is read.
    expect(await findings('| Date | Type | Reviewed | Result |\n|---|:--:|---|---|\n| 1/9 | Reasonable-suspicion UA | MRO | dirty |')).toEqual([
      ['substance-use/clean-dirty-row', 'dirty'],
    ]);
  });
});

let allSources: Array<{ where: string; source: string }> | undefined;
const sources = () => (allSources ??= [...literalSources(), ...builtSources()]);

describe('regex shapes: no unbounded quantifier inside a lookbehind', () => {
  it('finds one where there is one (the check can fail)', () => {
    expect(unboundedLookbehinds(String.raw`(?<!her\s+)\b6`)).toEqual([String.raw`(?<!her\s+)`]);
    expect(unboundedLookbehinds(String.raw`(?<=a(?:b|c{2,})d)x`)).toEqual([String.raw`(?<=a(?:b|c{2,})d)`]);
    expect(unboundedLookbehinds(String.raw`(?<=[+*]\s{1,3})x+(?=\s*)`)).toEqual([]);
    expect(unboundedLookbehinds(String.raw`(?<!\+)(?<name>a+)\(?<=b`)).toEqual([]);
  });

  it('every lookbehind of the matchers is bounded or allowed with its reason', () => {
    expect(sources().length).toBeGreaterThan(100);
    const offenders = new Map<string, string>();
    for (const { where, source } of sources()) {
      for (const lookbehind of unboundedLookbehinds(source)) if (!allowed(lookbehind)) offenders.set(lookbehind, where);
    }
    expect([...offenders].map(([lookbehind, where]) => `${where}: ${lookbehind}`)).toEqual([]);
  });

  it('names no allowed lookbehind that is gone', () => {
    const present = sources().flatMap(({ source }) => unboundedLookbehinds(source));
    expect(Object.keys(ALLOWED).filter((key) => !present.some((lookbehind) => lookbehind.startsWith(key)))).toEqual([]);
  });
});
