// The browser build of the lint core: the Node-only modules are swapped by the explicit list in
// scripts/web-bundle.js (WEB_STUBS), nothing else from Node gets in, and the bundle runs in a
// JavaScript context with no Node globals at all (no process, require, Buffer, timers or URL),
// giving the same findings as lintText. Also the suggestion edits the page applies.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import * as esbuild from 'esbuild';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { applyEdit, editedPhrase, isWording, splitAdvice, suggestionEdit } from '../src/web/apply-suggestion.js';
import type { Finding } from '../src/types.js';
import { withKnown } from '../src/match/suggest.js';
import { ROOT } from './helpers.js';

// @ts-expect-error: a JavaScript build script without type declarations
const { WEB_STUBS, webBuildOptions } = (await import('../scripts/web-bundle.js')) as {
  WEB_STUBS: Record<string, string>;
  webBuildOptions: (e: typeof esbuild, entry: string, extra?: object) => esbuild.BuildOptions;
};

const NOTES = [
  'Pt is a heroin addict with hx of IVDU. Clean and dry wound.',
  'He is an alcoholic; "junkie" per pt. DRUG ABUSE noted. History of sexual abuse.',
  'Substance abuser, non-compliant with meds, drug-seeking behavior.',
];

describe('the browser build of the core', () => {
  it('swaps exactly the listed modules and takes in no Node built-in', async () => {
    const result = await esbuild.build({ ...webBuildOptions(esbuild, 'src/web/core.ts'), minify: false });
    const inputs = Object.keys(result.metafile!.inputs).map((p) => p.replace(/\\/g, '/'));
    for (const [from, to] of Object.entries(WEB_STUBS)) {
      expect(inputs, from).not.toContain(from);
      expect(
        inputs.some((p) => p.endsWith(to)),
        to,
      ).toBe(true);
    }
    expect(inputs.filter((p) => p.startsWith('node:') || /(^|\/)(fs|path|url|module|crypto|worker_threads)$/.test(p))).toEqual([]);
    // None of the heavy or Node-only packages the stand-ins exist to keep out.
    expect(inputs.filter((p) => /node_modules\/(ajv|yaml|remark-parse|rehype-parse|parse5|commander)\//.test(p))).toEqual([]);
  });

  it('refuses a Node built-in that is not on the list', async () => {
    const entry = {
      contents: "import { readFileSync } from 'node:fs'; export const x = readFileSync;",
      resolveDir: path.join(ROOT, 'src', 'web'),
      loader: 'ts' as const,
    };
    const options = webBuildOptions(esbuild, 'unused');
    delete (options as { entryPoints?: unknown }).entryPoints;
    await expect(esbuild.build({ ...options, stdin: entry, logLevel: 'silent' })).rejects.toThrow(/cannot use the Node module "node:fs"/);
  });

  it('runs with no Node globals and gives the findings lintText gives', async () => {
    const code = readFileSync(path.join(ROOT, 'dist', 'web', 'dignify-core.js'), 'utf8');
    const context = vm.createContext({});
    vm.runInContext(code, context);
    expect(vm.runInContext('[typeof process, typeof require, typeof Buffer, typeof setTimeout, typeof URL].join()', context)).toBe(
      'undefined,undefined,undefined,undefined,undefined',
    );
    await vm.runInContext('dignifyCore.ready()', context);
    for (const note of NOTES) {
      context.note = note;
      const inPage = JSON.parse(JSON.stringify(vm.runInContext('dignifyCore.lint(note)', context)));
      const expected = JSON.parse(JSON.stringify(await lintText(note)));
      expect(inPage.length, note).toBeGreaterThan(0);
      expect(inPage, note).toEqual(expected);
    }
  });

  // Like the warehouse script, the core has no list of given names (README, "The page"): a first
  // name opening a sentence is read as someone else's, so lintText's finding here is not the page's.
  it('differs from lintText where a given name decides, as the README says', async () => {
    const context = vm.createContext({});
    vm.runInContext(readFileSync(path.join(ROOT, 'dist', 'web', 'dignify-core.js'), 'utf8'), context);
    await vm.runInContext('dignifyCore.ready()', context);
    expect(vm.runInContext("dignifyCore.lint('Maria refused labs.').length", context)).toBe(0);
    expect((await lintText('Maria refused labs.')).map((f) => f.ruleId)).toEqual(['compliance/refused']);
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8').replace(/\s+/g, ' ');
    expect(readme.includes('and so is the list of given names, 455 KB: "Maria refused labs." shows no finding'), 'README, "The page"').toBe(true);
  });

  it('the page holds the bundle and a CSP that forbids connections', () => {
    const html = readFileSync(path.join(ROOT, 'dist', 'web', 'index.html'), 'utf8');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/connect-src 'none'/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    // One inline script and one inline style, nothing loaded from elsewhere.
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script[^>]+src=|<link\b|@import|url\(/);
  });
});

async function finding(text: string, actual: string, preset?: 'all'): Promise<Finding> {
  const found = (await lintText(text, preset ? { preset } : {})).find((f) => f.actual === actual);
  if (!found) throw new Error(`no finding "${actual}" in "${text}"`);
  return found;
}

describe('suggestionEdit: what a click on a suggestion changes', () => {
  it('replaces only the words, in their case pattern', async () => {
    const text = 'DRUG ABUSE in the past. Drug abuse noted. hx of drug abuse.';
    const findings = await lintText(text);
    const fixed = findings.map((f) => applyEdit(text, suggestionEdit(text, f, f.suggestions[0]!)!).slice(f.start.offset, f.start.offset + 8));
    expect(fixed).toEqual(['DRUG USE', 'Drug use', 'drug use']);
    // A button shows the whole phrase as it will read, not only the words the edit changes.
    expect(findings.map((f) => editedPhrase(text, f, suggestionEdit(text, f, f.suggestions[0]!)!))).toEqual(['DRUG USE', 'Drug use', 'drug use']);
    const ivdu = (await lintText('Known a IVDU.'))[0]!;
    expect(editedPhrase('Known a IVDU.', ivdu, suggestionEdit('Known a IVDU.', ivdu, ivdu.suggestions[0]!)!)).toBe('an injection drug use');
  });

  it('fixes "a"/"an" before the words for every suggestion, not only the first', async () => {
    const text = 'He is an addict.';
    const f = await finding(text, 'addict');
    for (const s of f.suggestions) {
      const out = applyEdit(text, suggestionEdit(text, f, s)!);
      expect(out).toBe(`He is a ${s}.`);
    }
    const upper = 'Pt is An addict.';
    const g = await finding(upper, 'addict');
    expect(applyEdit(upper, suggestionEdit(upper, g, g.suggestions[1]!)!)).toBe(`Pt is A ${g.suggestions[1]}.`);
  });

  it('fixes "a"/"an" before emphasis or a tag that opens the words, keeping the markup (a newcomer trial)', async () => {
    // An editor's quick fix in a handout wrote "If you are an **person with a substance use disorder**".
    const { markdownSegments } = await import('../src/fix/segments-markdown.js');
    const { htmlSegments } = await import('../src/fix/segments-html.js');
    for (const [text, syntax, segments, out] of [
      ['If you are an **addict**, call us.', 'markdown', markdownSegments, 'If you are a **S**, call us.'],
      ['If you are an _addict_, call us.', 'markdown', markdownSegments, 'If you are a _S_, call us.'],
      ['<p>If you are an <b>addict</b>, call us.</p>', 'html', htmlSegments, '<p>If you are a <b>S</b>, call us.</p>'],
      ['He is an *addict*.', 'text', undefined, 'He is a *S*.'],
      ['I am **an** addict.', 'markdown', markdownSegments, 'I am **a** S.'],
    ] as const) {
      const f = (await lintText(text, { syntax })).find((x) => x.actual === 'addict');
      expect(f, text).toBeDefined();
      for (const s of f!.suggestions) {
        const edit = suggestionEdit(text, f!, s, segments?.(text));
        expect(edit, `${text}: ${s}`).toBeDefined();
        expect(applyEdit(text, edit!)).toBe(out.replace('S', s));
      }
    }
  });

  it('reads an ampersand between two replaced words as "and", not as markup to keep (blind probe 7)', async () => {
    // "Ct was clean & sober 3 yrs" read "Ct was in & recovery 3 yrs" after a click.
    for (const [text, phrase, out] of [
      ['Ct was clean & sober 3 yrs before this episode.', 'clean & sober', 'Ct was in recovery 3 yrs before this episode.'],
      ['Sober & clean since March, per her sponsor.', 'Sober & clean', 'In recovery since March, per her sponsor.'],
    ] as const) {
      const f = await finding(text, phrase);
      expect(f.suggestions[0]).toBe('in recovery');
      expect(applyEdit(text, suggestionEdit(text, f, f.suggestions[0]!)!)).toBe(out);
    }
  });

  it('reads an article at the end of the line before the words, as --fix does', async () => {
    // "an" then a line break, "IVDU": the click kept "an" and took the line start for a sentence
    // start ("He is an\nPerson who injects drugs."), where --fix wrote "He is a\nperson who …".
    const text = 'He is an\nIVDU.';
    const [f] = await lintText(text);
    expect(applyEdit(text, f!.fix!)).toBe('He is a\nperson who injects drugs.');
    const clicked = (s: string) => applyEdit(text, suggestionEdit(text, { ...f!, fix: undefined }, s)!);
    expect(clicked(f!.suggestions[0]!)).toBe(applyEdit(text, f!.fix!));
    expect(clicked('injection drug use')).toBe('He is an\ninjection drug use.');
    // Not a capital "A" ending a line: the end of a name ("Hepatitis A" / "IVDU", a problem list).
    const list = 'Problems:\nHepatitis A\nIVDU\n';
    const [h] = await lintText(list);
    for (const s of h!.suggestions)
      expect(applyEdit(list, suggestionEdit(list, { ...h!, fix: undefined }, s)!)).toMatch(/^Problems:\nHepatitis A\n(?!IVDU)\p{L}/u);
    const crlf = 'He is an\r\nIVDU.';
    const [g] = await lintText(crlf);
    expect(applyEdit(crlf, suggestionEdit(crlf, { ...g!, fix: undefined }, g!.suggestions[0]!)!)).toBe(applyEdit(crlf, g!.fix!));
  });

  it('capitalizes at the start of a sentence or a line only', async () => {
    // ("Alcoholic, per family." is the family's words, reported as quoted: no edit. A newcomer trial.)
    // (Not "Known alcoholic.": the second wording, "person who engages in …", takes "Known" in, which opens the sentence.)
    const text = 'Seen today.\nAlcoholic since 2010. Pt is an alcoholic.';
    const findings = await lintText(text);
    const edits = findings.map((f) => suggestionEdit(text, f, f.suggestions[1] ?? f.suggestions[0]!)!);
    expect(edits[0]!.text.charAt(0)).toMatch(/\p{Lu}/u);
    expect(edits[1]!.text.charAt(0)).toMatch(/\p{Ll}/u);
  });

  it('leaves out the advice in parentheses at the end of a suggestion', async () => {
    const text = 'DRUG ABUSE noted.';
    const f = await finding(text, 'DRUG ABUSE');
    const advised = f.suggestions.find((s) => splitAdvice(s).advice);
    expect(advised, 'a suggestion with advice in parentheses').toBeDefined();
    const out = applyEdit(text, suggestionEdit(text, f, advised!)!);
    expect(out).toBe(`${splitAdvice(advised!).words.toUpperCase()} noted.`);
    expect(splitAdvice('person (not "patient") first')).toEqual({ words: 'person (not "patient") first' });
  });

  it('does not keep a negation or a history word the suggestion says in its own words', async () => {
    // A blind suggestion probe (2026-12-03): "no-did not attend", "a former person in recovery".
    for (const [text, phrase, out] of [
      ['Denies chest pain.', 'Denies', 'Reports no chest pain.'],
      ['He is a former addict who now works as a peer counselor.', 'former addict', 'He is a person in recovery who now works as a peer counselor.'],
    ] as const) {
      const f = await finding(text, phrase, 'all');
      expect(applyEdit(text, suggestionEdit(text, f, f.suggestions[0]!)!)).toBe(out);
    }
    // A hyphenated compound is not replaced by more words ("no-did not attend" kept "no"; "is
    // wheelchair-bound" would read "is uses a wheelchair"): no edit.
    const noShow = 'The patient no-showed his last two appointments.';
    const n = await finding(noShow, 'no-showed', 'all');
    expect(suggestionEdit(noShow, n, n.suggestions[0]!)).toBeUndefined();
    // Nor is half of it kept: "no-showed" -> "missed" wrote "no-missed" (a newcomer trial of 2026-12-03).
    expect(n.suggestions).toContain('missed');
    expect(suggestionEdit(noShow, n, 'missed')).toBeUndefined();
    // One the suggestion does not say is kept where it stands ("EtOH abuse hx" -> "Alcohol use hx").
    const hx = 'EtOH abuse hx noted.';
    const g = await finding(hx, 'EtOH abuse hx');
    expect(applyEdit(hx, suggestionEdit(hx, g, g.suggestions[0]!)!)).toBe('Alcohol use hx noted.');
  });

  it('refuses when the text no longer holds the phrase there', async () => {
    const text = 'Hx of IVDU.';
    const f = await finding(text, 'IVDU');
    expect(suggestionEdit('Hx of IVD.', f, f.suggestions[0]!)).toBeUndefined();
    expect(suggestionEdit('xx Hx of IVDU.', f, f.suggestions[0]!)).toBeUndefined();
  });

  it('never changes the text outside the phrase and an article before it (property)', async () => {
    let edited = 0;
    const phrases = ['addict', 'IVDU', 'drug abuse', 'alcoholic', 'junkie', 'substance abuser'];
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 30 }),
        fc.constantFrom(...phrases),
        fc.constantFrom('', 'a ', 'an ', 'An ', 'THE ', 'a known ', 'Known '),
        fc.string({ maxLength: 30 }),
        async (before, phrase, article, after) => {
          const text = `${before} ${article}${phrase} ${after}`;
          for (const f of await lintText(text)) {
            for (const s of f.suggestions) {
              const edit = suggestionEdit(text, f, s);
              // None for quoted words, a withheld fix, or an edit --fix's checks refuse (a name in Title Case).
              if (f.quoted || f.fixSkipped) expect(edit).toBeUndefined();
              if (!edit) continue;
              edited++;
              const [start, end] = edit.range;
              // Only the words that change ("drug abuse": its "abuse"), inside the phrase, and maybe
              // an article before it ("a IVDU" → "an injection drug use") or "known" ("a known IVDU"
              // → "a person known to inject drugs").
              expect((start >= f.start.offset || /^(?:an?\s+)?(?:known\s+)?$/i.test(text.slice(start, f.start.offset))) && end <= f.end.offset).toBe(true);
              const out = applyEdit(text, edit!);
              expect(out.slice(0, start)).toBe(text.slice(0, start));
              expect(out.slice(out.length - (text.length - end))).toBe(text.slice(end));
              const words = splitAdvice(s).words;
              expect(out.toLowerCase()).toContain((withKnown(text, f.start.offset, words)?.suggestion ?? words).toLowerCase());
              expect(out.slice(start, out.length - (text.length - end))).not.toMatch(/\)$/);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
    // Most runs put an edit in (every phrase has wording for the note): the property is not vacuous.
    expect(edited).toBeGreaterThan(150);
  });

  // A newcomer trial: the page and `serve` put in what --fix refuses, some of it changing what the note says.
  it.each([
    ['EtOH abuse hx noted.', ['Alcohol use hx noted.', 'Alcohol use disorder hx noted.', 'Unhealthy alcohol use hx noted.']], // never "Alcohol use disorder noted."
    ["The IVDU's wife visited.", []], // its possessive would be lost
    ['Hx of I.V.D.U. today.', []], // where would the stops go?
    ['Patient states "I am an addict".', []], // the patient's own words
    ['Pt is noncompliant with meds.', []], // "not taking [medication] as prescribed": a placeholder
    // "Known" goes into the person-first wording; "Known person with …" read as a famous person (a blind suggestion probe).
    ['Known heroin addict.', ['Person with known opioid use disorder.', 'Person known to use drugs.']],
    // The fix chose the person's wording or the behaviour's; the other reads wrong there.
    ['He is an IVDU.', ['He is a person who injects drugs.']], // never "He is an injection drug use."
    ['Hx of IV drug abuse.', ['Hx of injection drug use.']], // never "Hx of person who injects drugs."
  ])('%j: a click gives only what --fix would allow', async (text, expected) => {
    const edits = (await lintText(text)).flatMap((f) => f.suggestions.map((s) => suggestionEdit(text, f, s)).filter((e) => e !== undefined));
    expect(edits.map((e) => applyEdit(text, e))).toEqual(expected);
  });

  it('takes "known" before a label into the person-first wording (withKnown)', async () => {
    // A blind suggestion probe (2026-12-03): "is a known person with schizophrenia" reads as a famous
    // person; it accepted "a person with known schizophrenia".
    for (const [text, phrase, out] of [
      ['The patient is a known schizophrenic off medications.', 'schizophrenic', 'The patient is a person with known schizophrenia off medications.'],
      ['He is a known drug user.', 'drug user', 'He is a person known to use drugs.'],
      ['Known addicts were excluded.', 'addicts', 'People with a known substance use disorder were excluded.'],
    ] as const) {
      const f = await finding(text, phrase, 'all');
      expect(applyEdit(text, suggestionEdit(text, f, f.suggestions[0]!)!)).toBe(out);
    }
    expect(withKnown('a known x', 8, 'people who are in recovery')).toEqual({ start: 2, suggestion: 'people known to be in recovery' });
    expect(withKnown('a known x', 8, 'person who has diabetes')?.suggestion).toBe('person known to have diabetes');
    // No "known" there, another word ending in it, or a wording it cannot take: undefined.
    expect(withKnown('an unknown x', 11, 'person with opioid use disorder')).toBeUndefined();
    expect(withKnown('a known x', 8, 'injection drug use')).toBeUndefined();
    expect(withKnown('a known x', 8, 'person who was formerly incarcerated')).toBeUndefined();
    expect(withKnown('a known x', 8, 'person in recovery')).toBeUndefined();
  });

  it('never puts in an instruction to the writer or a placeholder', async () => {
    const seeker = await finding('A drug seeker.', 'drug seeker');
    expect(seeker.suggestions[0]).toMatch(/^describe /);
    expect(suggestionEdit('A drug seeker.', seeker, seeker.suggestions[0]!)).toBeUndefined();
    expect(isWording('describe the behaviour observed (e.g. "requested hydromorphone by name")')).toBe(false);
    expect(isWording('takes [medication] as prescribed')).toBe(false);
    expect(isWording('person with opioid use disorder')).toBe(true);
    expect(isWording('a substance use disorder (if diagnosed)')).toBe(true);
  });
});

// The README gives the page's size; it said about 790 KB when the build wrote 810 KB. Within 10% of
// the build, so it is corrected when it drifts that far.
describe("the page's size in the README", () => {
  it('is within 10% of dist/web/index.html', () => {
    const m = /`dist\/web\/index\.html`: one self-contained file \(about (\d+) KB\)/.exec(readFileSync(path.join(ROOT, 'README.md'), 'utf8'));
    expect(m).not.toBeNull();
    const kb = statSync(path.join(ROOT, 'dist', 'web', 'index.html')).size / 1024;
    expect(Math.abs(Number(m![1]) / kb - 1), `README ${m![1]} KB, built ${kb.toFixed(0)} KB`).toBeLessThan(0.1);
  });
});
