// The warehouse build (dist/warehouse/dignify.js, made by the test setup's `npm run build`) runs in
// an empty vm context — nothing but the language's built-ins — and must give exactly lintText's
// findings, but where a given name decides (it has no list of them: pinned below, as the docs say).
// Every Node global is a trap in that context: reading one (even `typeof process`) fails.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusDir } from '../bench/corpus.js';
import { lintTextSync, warehouseFindings, type WarehouseFinding } from '../src/core/portable.js';
import { lintText } from '../src/index.js';
import { builtinRuleFiles } from '../src/rules/builtin.js';
import { builtinPresetRules } from '../src/rules/builtin-presets.js';
import { resolveOptions } from '../src/lint/options.js';
import { gzipSync } from 'node:zlib';
import * as parseLatin from '../node_modules/parse-latin/lib/expressions.js';
import { classRanges, compactModule, splitClasses } from '../scripts/compact-classes.js';
import { expectEqual, FULL_CORPUS, ROOT, runMain, sharedCorpusTexts } from './helpers.js';

const BUILD = path.join(ROOT, 'dist', 'warehouse', 'dignify.js');

// Globals Node (or a browser) has and ECMAScript does not: none may be read by the build.
const HOST_GLOBALS = [
  'process',
  'require',
  'module',
  'exports',
  'global',
  'Buffer',
  '__dirname',
  '__filename',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'clearTimeout',
  'clearInterval',
  'clearImmediate',
  'queueMicrotask',
  'console',
  'performance',
  'fetch',
  'TextEncoder',
  'TextDecoder',
  'URL',
  'URLSearchParams',
  'structuredClone',
  'window',
  'self',
  'navigator',
  'document',
  'crypto',
  'atob',
  'btoa',
  'WebAssembly',
];

/** Loads the build into a fresh context; `touched` lists the host globals it read. */
function loadBuild(): { findings: (text: unknown) => WarehouseFinding[]; touched: string[] } {
  const touched: string[] = [];
  const sandbox: Record<string, unknown> = {};
  for (const name of HOST_GLOBALS) {
    Object.defineProperty(sandbox, name, {
      get() {
        touched.push(name);
        return undefined;
      },
      configurable: true,
    });
  }
  const context = vm.createContext(sandbox);
  new vm.Script(readFileSync(BUILD, 'utf8'), { filename: 'dignify.js' }).runInContext(context);
  const fn = vm.runInContext('dignify_findings', context) as (text: unknown) => unknown;
  // Out of the other realm as plain data, so toEqual compares values only.
  return { findings: (text) => JSON.parse(JSON.stringify(fn(text))) as WarehouseFinding[], touched };
}

/**
 * The build's text with what it expands at start: the rule data and the code's long string literals
 * are compressed in the script (scripts/bundle-warehouse.js storeText) and handed to JSON.parse once
 * expanded, so the texts JSON.parse reads while the script starts are appended, and every string
 * they hold as it reads (a message's quotes unescaped: `unbalanced "("`, not `unbalanced \"(\"`).
 */
function expandedSource(): string {
  const context = vm.createContext({});
  vm.runInContext('globalThis.parsed = []; const parse = JSON.parse; JSON.parse = (text, reviver) => (parsed.push(text), parse(text, reviver));', context);
  const script = readFileSync(BUILD, 'utf8');
  new vm.Script(script, { filename: 'dignify.js' }).runInContext(context);
  const parsed = vm.runInContext('parsed', context) as string[];
  const strings: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (value && typeof value === 'object') for (const item of Object.values(value)) walk(item);
  };
  for (const text of parsed) walk(JSON.parse(text));
  return [script, ...parsed, ...strings].join('\n');
}

const asRows = (findings: Awaited<ReturnType<typeof lintText>>): WarehouseFinding[] =>
  findings.map((f) => ({
    rule_id: f.ruleId,
    category: f.category,
    severity: f.severity,
    start: f.start.offset,
    end: f.end.offset,
    actual: f.actual,
    suggestion: f.suggestions[0] ?? null,
  }));

describe('the warehouse build', () => {
  const build = loadBuild();

  it('is one script that defines dignify_findings and reads no host global', () => {
    const source = readFileSync(BUILD, 'utf8');
    expect(source).not.toMatch(/\bimport\s*\(|\brequire\(/);
    expect(build.findings('The patient is an addict.')).toEqual([
      expect.objectContaining({ rule_id: 'substance-use/addict', category: 'substance-use', start: 18, end: 24, actual: 'addict', severity: 'error' }),
    ]);
    expect(build.findings(null)).toEqual([]);
    expect(build.findings('')).toEqual([]);
    expect(build.touched).toEqual([]);
    console.log(`warehouse build: ${(statSync(BUILD).size / 1024).toFixed(0)} KB`);
  });

  // The one way the build's findings differ from lintText's: it has no list of given names (the size
  // budget), so a first name opening a sentence reads as someone else's and a pronoun is matched to
  // no name by gender. README and docs/warehouse.md said "exactly lintText's findings"; they now
  // give these examples, which fail here if the build ever carries the list (update the docs then).
  it('differs from lintText where a given name decides, as README and docs/warehouse.md say', async () => {
    const missed = 'Maria refused labs.';
    const extra = 'Dolores sat by the window. Frank came in. He was hostile.';
    expect(build.findings(missed)).toEqual([]);
    expect((await lintText(missed)).map((f) => f.ruleId)).toEqual(['compliance/refused']);
    expect(build.findings(extra).map((f) => f.rule_id)).toEqual(['demeanor/combative']);
    expect(await lintText(extra)).toEqual([]);
    // No name of the list: the same findings.
    expect(build.findings('Pt refused labs.')).toEqual(asRows(await lintText('Pt refused labs.')));
    for (const doc of ['README.md', 'docs/warehouse.md']) {
      const text = readFileSync(path.join(ROOT, doc), 'utf8').replace(/\s+/g, ' ');
      // Booleans, so a failure names the document and not its whole text.
      expect(text.includes("dignify_findings('Maria refused labs.')"), `${doc} gives the missed example`).toBe(true);
      expect(text.includes(extra), `${doc} gives the extra example`).toBe(true);
      expect(/exactly `?lintText`?'s findings with default options/.test(text), `${doc} says "exactly lintText's findings"`).toBe(false);
    }
  });

  // A Snowflake UDF keeps the script in its body, where Snowflake recommends 100 KB at most and
  // stores the code compressed (docs/warehouse.md). The script was 398 KB (117 KB gzipped): it held
  // the rules of the all preset, which a UDF never runs, their notes and sources, which its rows
  // never show, and all of retext-equality's ~1,000 patterns, of which dignify reports 14.
  it('holds only what lintText runs by default: the recommended rules and the equality patterns they report', () => {
    const source = expandedSource();
    const rules = builtinRuleFiles().flatMap((f) => f.rules);
    const allOnly = rules.filter((r) => r.presets && !r.presets.includes('recommended'));
    expect(allOnly.length).toBeGreaterThan(0);
    expect(allOnly.filter((r) => source.includes(JSON.stringify(r.id))).map((r) => r.id)).toEqual([]);
    expect(rules.filter((r) => !allOnly.includes(r) && !source.includes(JSON.stringify(r.id))).map((r) => r.id)).toEqual([]);
    const note = rules
      .find((r) => r.id === 'substance-use/addict')!
      .note.trim()
      .slice(0, 40);
    expect(source).not.toContain(note);
    for (const unused of ['ablebodied', 'actor-actress']) expect(source).not.toContain(JSON.stringify(unused));
    // compile.ts's RULE_CHECKS (errors in rule data the build already compiled) are dropped; a pattern's error stays.
    expect(source).not.toContain('is not one of suggestions');
    expect(source).not.toContain('already defined in another rule file');
    expect(source).not.toContain('unbalanced "("');
    // Snowflake's 100 KB: the subject model of 2026-12-01 took the build to 102 KB gzipped; parse-latin's
    // classes written as code-unit ranges (scripts/compact-classes.js) took it back to 97 KB (99,709 bytes);
    // later rules took it to 102,422 bytes, and the build's cuts of 2026-12-01 (the duration sets stored as
    // counts × units; no fix narrowing, unified or vfile path helpers, none called on plain text; no
    // equality notes or suggestions) back to 92,767 bytes (scripts/bundle-warehouse.js says why each);
    // later rules to 98,803, and of 2026-12-02 (vfile's stand-in, the rules' lists of strings joined) to 96,758;
    // later rules to 101,849, and of 2026-12-02 (first suggestions only, the rule data packed, the code's
    // word lists split from one string, no lazy examples) to 99,665; speed6's anchors and later rules to 102,976,
    // and the rule data compressed at build time (a context-mixing decoder expands it at start) to 97,248;
    // later rules to 102,392, and the decoder's better model (each table bucket checked against its
    // context, an adaptive probability map after the mix, the word pair, the last 12 bytes) to 100,403,
    // and resolveOptions as it resolves no options (the options' checks and messages gone) to 99,440;
    // later rules to 101,840, and the suggestions by the matched word's form (formSuggestions, first
    // suggestion of each entry) to 102,324 with conditionPatterns stood in (never called without stored expansions);
    // compile.ts's checks of the data across rule files dropped (RULE_CHECKS) to 101,952, and pattern.ts's
    // checks of a pattern's syntax to 101,707; the plural, article and copula forms of the person labels'
    // suggestions to 102,411, and the expansion's RuleFileError wrapper dropped too (RULE_CHECKS) to 102,289;
    // the suggestion probe's forms (intoxication, abstinence, born exposed) to 102,375; the message left out
    // (match/message.ts: rows carry none) to 102,087; relapse's substance and schizophrenic's copula to 102,138;
    // a house rule's docsUrl to 102,149; alcoholic before a person noun to 102,154; 102,181 on 2026-12-03,
    // then the code's long strings and the regular expressions made at start compressed with the rules
    // (storeText; the coder's mix kept from wrapping past 2^31) to 98,656, its String.raw templates to 97,161,
    // the coder's weights by word and no order-8 context to 96,996, and back to 97,218 with the strings read in
    // functions left as literals (V8 compares and splits a literal faster than a string of JSON.parse); with
    // that evening's rules and suggestions ("known" taken into a fix, the noun "drunk", "claims to be", the
    // possessive label, "is morbidly obese", "obese patients") 97,497 on 2026-12-04.
    expect(gzipSync(readFileSync(BUILD)).length).toBeLessThan(100 * 1024);
  });

  // The README and docs/warehouse.md give the script's size; they said 199 KB (95 KB gzipped) when the
  // build wrote 204 KB (98 KB). Within 10% of the build, so they are corrected when they drift that far.
  it('is the size the README and docs/warehouse.md say, within 10%', () => {
    const built = readFileSync(BUILD);
    const kb = (n: number) => n / 1024;
    for (const [doc, re] of [
      ['README.md', /`dist\/warehouse\/dignify\.js`: one self-contained script \((\d+) KB, (\d+) KB\s+gzipped\)/],
      ['docs/warehouse.md', /`dignify\.js`: one self-contained script \(about (\d+) KB, (\d+) KB gzipped\)/],
    ] as const) {
      const m = re.exec(readFileSync(path.join(ROOT, doc), 'utf8'));
      expect(m, doc).not.toBeNull();
      expect(Math.abs(Number(m![1]) / kb(built.length) - 1), `${doc}: ${m![1]} KB`).toBeLessThan(0.1);
      expect(Math.abs(Number(m![2]) / kb(gzipSync(built).length) - 1), `${doc}: ${m![2]} KB gzipped`).toBeLessThan(0.1);
    }
  });

  // The build stands in lint/options.ts with a resolveOptions that returns what resolveOptions() gives
  // for no options (scripts/bundle-warehouse.js, 'lint/options'): if the defaults change, so must it.
  it("stands in resolveOptions with what it resolves no options to, and holds none of the options' checks", () => {
    const { rules, ...rest } = resolveOptions();
    expect(rules).toBe(builtinPresetRules('recommended'));
    expect(rest).toEqual({ severities: {}, allow: [], quotes: 'info', preset: 'recommended' });
    // The message is one of the literals the build stores compressed (storeText): the expanded text holds it.
    const source = expandedSource();
    expect(source).toContain('no options in the warehouse build');
    expect(source).not.toContain('expected one of off, info, warning, error');
  });

  // The build writes parse-latin's regular expressions with their classes as code-unit ranges
  // (scripts/compact-classes.js). Flag-less, they read a string as UTF-16 code units, so the same
  // text around classes that match the same 65,536 code units is the same expression: checked here,
  // then tried on every BMP code unit and the astral characters (surrogate pairs) of four planes as well.
  it("writes parse-latin's expressions as the same expressions (every code unit of every class)", () => {
    const parseLatinExpressions: Record<string, RegExp> = { ...parseLatin };
    const out: Record<string, RegExp> = {};
    vm.runInNewContext(compactModule(parseLatinExpressions).replace(/^export const (\w+) =/gm, 'out.$1 ='), { out });
    const names = Object.keys(parseLatinExpressions);
    expect(Object.keys(out).sort()).toEqual([...names].sort());
    let classes = 0;
    for (const name of names) {
      const original = parseLatinExpressions[name]!;
      const compact = out[name]!;
      expect(compact.flags).toBe('');
      const before = splitClasses(original.source);
      const after = splitClasses(compact.source);
      // The split is faithful: the parts and classes put back together are the source.
      expect(before.parts.map((part, i) => part + (before.classes[i] ?? '')).join('')).toBe(original.source);
      expect(after.parts).toEqual(before.parts);
      expect(after.classes.map((cls) => classRanges(cls))).toEqual(before.classes.map((cls) => classRanges(cls)));
      classes += before.classes.length;
    }
    expect(classes).toBe(92);
    // Astral characters in planes 1–3 and 14, where parse-latin's surrogate pairs are (\uD800–\uD8BF, \uDB40).
    const highs = names.flatMap((name) =>
      [...parseLatinExpressions[name]!.source.matchAll(/\\u(d[89ab][0-9a-f]{2})/gi)].map((m) => Number.parseInt(m[1]!, 16)),
    );
    expect(highs.length).toBeGreaterThan(50);
    expect(highs.filter((high) => !(high <= 0xd8bf || (high >= 0xdb40 && high <= 0xdb7f)))).toEqual([]);
    const astral = [0x10000, 0x20000, 0x30000, 0xe0000].flatMap((plane) => Array.from({ length: 0x10000 }, (_, i) => plane + i));
    for (const point of astral) {
      const text = String.fromCodePoint(point);
      for (const name of ['word', 'punctuation', 'numerical', 'lowerInitial'] as const) {
        if (out[name]!.test(text) !== parseLatinExpressions[name]!.test(text)) expect.fail(`${name} differs on U+${point.toString(16)}`);
      }
    }
    for (let unit = 0; unit <= 0xffff; unit++) {
      const text = String.fromCharCode(unit);
      for (const name of names) {
        if (out[name]!.test(text) !== parseLatinExpressions[name]!.test(text)) expect.fail(`${name} differs on \\u${unit.toString(16)}`);
      }
    }
  });

  it('fails the test when the script reads a host global (the trap works)', () => {
    const touched: string[] = [];
    const sandbox = {};
    Object.defineProperty(sandbox, 'process', { get: () => (touched.push('process'), undefined) });
    vm.runInContext('typeof process', vm.createContext(sandbox));
    expect(touched).toEqual(['process']);
  });

  it('gives lintText findings on texts with UTF-16 surrogates, quotes, directives and equality phrases', async () => {
    const texts = [
      '😀 Pt is a known drug abuser 😀 and was "a junkie".',
      'He is wheelchair-bound and a crack baby. ',
      'IVDU, frequent flyer.\n\n<!-- dignify-disable-next-line -->\nAlcoholic, noncompliant.',
      'Clean and dry wound; history of sexual abuse; itched like crazy.',
      // retext-equality's phrases (the build's own vfile stand-in carries their messages).
      'Seating for the handicapped is at the front. Lifelong stutterer, walks with a gimp.',
    ];
    const ruleIds: string[] = [];
    for (const text of texts) {
      const expected = asRows(await lintText(text));
      expect(build.findings(text)).toEqual(expected);
      expect(warehouseFindings(text)).toEqual(expected);
      expect(lintTextSync(text)).toEqual(await lintText(text));
      ruleIds.push(...expected.map((f) => f.rule_id));
    }
    expect(ruleIds).toEqual(expect.arrayContaining(['inclusive/handicapped', 'inclusive/stutterer', 'inclusive/cripple']));
    expect(build.touched).toEqual([]);
  });

  // Found by the property below (seed 1402881922, "known IVDU "): the build dropped the rules' personSuggestion
  // and read no term as a person, so its row suggested "injection drug use" where lintText suggests "person who
  // injects drugs" first.
  it('suggests what lintText suggests first where a term names a person (personSuggestion) and where it does not', async () => {
    for (const text of ['known IVDU ', 'Patient is an IVDU.', 'Known IVDA and smoker.', 'Hx of IVDU, clean 2 yrs.', 'a known IVDU ']) {
      expectEqual(build.findings(text), asRows(await lintText(text)));
    }
    expect(build.findings('Patient is an IVDU.').map((f) => f.suggestion)).toEqual(['person who injects drugs']);
    expect(build.findings('Hx of IVDU.').map((f) => f.suggestion)).toEqual(['injection drug use']);
  });

  it('agrees with lintText on random text built from rule phrases, noise, quotes and line breaks (property)', async () => {
    const words = [
      'addict',
      'heroin',
      'abuser',
      'drug',
      'abuse',
      'alcoholic',
      'IVDU',
      'clean',
      'dirty',
      'urine',
      'noncompliant',
      'refuses',
      'claims',
      'frequent',
      'flyer',
      'wheelchair-bound',
      'crazy',
      'sexual',
      'history',
      'of',
      'the',
      'patient',
      'is',
      'a',
      'known',
      'and',
      'dry',
      'wound',
      '😀',
      'é',
    ];
    const seps = [' ', ' ', ' ', ', ', '. ', '\n', '\n\n', '"', '\u2019', ' -- ', '{{x}}', '\r\n'];
    const text = fc
      .array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...seps)), { maxLength: 30 })
      .map((parts) => parts.map(([w, s]) => w + s).join(''));
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        expectEqual(build.findings(t), asRows(await lintText(t)));
      }),
      { numRuns: 200 },
    );
    expect(build.touched).toEqual([]);
  }, 120_000);

  // The SQL the build writes, run as the warehouses run it: the body of a Snowflake UDF is a
  // function body over the uppercase argument; a UDTF's body is an object with initialize and
  // processRow; BigQuery loads the library, then runs the body as a function of note_text.
  describe('the SQL the build writes', () => {
    const sql = (name: string) => readFileSync(path.join(ROOT, 'dist', 'warehouse', name), 'utf8');
    const bodies = (text: string) => [...text.matchAll(/AS \$\$\n([^]*?)\n\$\$;/g)].map((m) => m[1]!);
    const text = 'Pt is a known drug abuser; IVDU.';

    it('Snowflake UDF: the body runs the script once per environment and returns the findings', async () => {
      const [udf] = bodies(sql('snowflake.sql'));
      const touched: string[] = [];
      const sandbox = {};
      for (const name of HOST_GLOBALS) Object.defineProperty(sandbox, name, { get: () => (touched.push(name), undefined) });
      const context = vm.createContext(sandbox);
      const call = vm.runInContext(`(function (NOTE_TEXT) {\n${udf}\n})`, context) as (t: string) => unknown;
      const expected = asRows(await lintText(text));
      expect(expected.length).toBe(2);
      expect(JSON.parse(JSON.stringify(call(text)))).toEqual(expected);
      const defined = vm.runInContext('dignify_findings', context) as unknown;
      expect(JSON.parse(JSON.stringify(call(text)))).toEqual(expected);
      expect(vm.runInContext('dignify_findings', context)).toBe(defined); // not evaluated again
      expect(touched).toEqual([]);
    });

    it('Snowflake UDTF: one row per finding, with the declared column names', async () => {
      const [, udtf] = bodies(sql('snowflake.sql'));
      const context = vm.createContext({});
      const handler = vm.runInContext(`(${udtf})`, context) as {
        initialize(a: unknown, c: unknown): void;
        processRow(r: unknown, w: unknown, c: unknown): void;
      };
      const rows: unknown[] = [];
      handler.initialize({}, {});
      handler.processRow({ NOTE_TEXT: text }, { writeRow: (r: unknown) => rows.push(JSON.parse(JSON.stringify(r))) }, {});
      expect(rows).toEqual(
        asRows(await lintText(text)).map((f) => ({
          RULE_ID: f.rule_id,
          CATEGORY: f.category,
          SEVERITY: f.severity,
          START_OFFSET: f.start,
          END_OFFSET: f.end,
          ACTUAL: f.actual,
          SUGGESTION: f.suggestion,
        })),
      );
      expect(sql('snowflake.sql')).toContain(
        'RETURNS TABLE (RULE_ID VARCHAR, CATEGORY VARCHAR, SEVERITY VARCHAR, START_OFFSET NUMBER, END_OFFSET NUMBER, ACTUAL VARCHAR, SUGGESTION VARCHAR)',
      );
    });

    it('BigQuery UDF: the library, then the body as a function of note_text', async () => {
      const bq = sql('bigquery.sql');
      const body = /AS r"""\n([^]*?)\n""";/.exec(bq)![1]!;
      const context = vm.createContext({});
      new vm.Script(readFileSync(BUILD, 'utf8')).runInContext(context);
      const call = vm.runInContext(`(function (note_text) {\n${body}\n})`, context) as (t: string) => unknown;
      expect(JSON.parse(JSON.stringify(call(text)))).toEqual(
        asRows(await lintText(text)).map((f) => ({
          rule_id: f.rule_id,
          category: f.category,
          severity: f.severity,
          start_offset: f.start,
          end_offset: f.end,
          actual: f.actual,
          suggestion: f.suggestion,
        })),
      );
      expect(bq).toContain("OPTIONS (library = ['gs://YOUR_BUCKET/dignify/dignify.js'])");
    });
  });

  const corpus = corpusDir();
  describe.skipIf(!corpus)('over the shared corpus', () => {
    if (!corpus) console.warn('warehouse.test: /work/shared/corpus not found, the differential check is skipped');
    // `npm test` compares every 20th text (a fixed sample that reaches every file, so a failure
    // reproduces; ~8,000 texts); `npm run test:corpus` (DIGNIFY_FULL_CORPUS=1) compares them all.
    const stride = FULL_CORPUS ? 1 : 20;
    it(`gives exactly the findings of lintText (every ${stride === 1 ? '' : `${stride}th `}text of every file)`, async () => {
      const texts = sharedCorpusTexts(corpus!);
      let compared = 0;
      let findings = 0;
      for (let i = 0; i < texts.length; i += stride) {
        const { text, file, field } = texts[i]!;
        const expected = asRows(await lintText(text));
        const actual = build.findings(text);
        if (JSON.stringify(actual) !== JSON.stringify(expected))
          expect({ file, field, text: text.slice(0, 300), actual }).toEqual({ file, field, text: text.slice(0, 300), actual: expected });
        compared++;
        findings += expected.length;
      }
      expect(compared).toBeGreaterThan(1000);
      expect(findings).toBeGreaterThan(50);
      expect(build.touched).toEqual([]);
    }, 300_000);
  });
});

describe("docs/warehouse.md's Spark pipe", () => {
  // Spark's toJSON() leaves a NULL column out of its object (spark.sql.jsonGenerator.ignoreNullFields,
  // true by default), and the documented command cannot read a record without its text field: the
  // first such record stops the partition, a later one exits 2, and either fails the task. The
  // snippet piped every note, NULL ones included.
  it('runs the documented command, which a note left out by toJSON stops, so the snippet passes only notes with text', async () => {
    const doc = readFileSync(path.join(ROOT, 'docs', 'warehouse.md'), 'utf8');
    const command = /"sh -c 'dignify (- [^"]*)"\s*"([^"]*); test/.exec(doc);
    expect(command).not.toBeNull();
    const args = `${command![1]}${command![2]}`.trim().split(/\s+/);
    expect(args).toContain('--text-field');
    const nullNote = await runMain(args, { input: '{"note_id":1}\n{"note_id":2,"note_text":"Hx of IVDU."}\n' });
    expect(nullNote.code).toBe(2);
    const withText = await runMain(args, { input: '{"note_id":2,"note_text":"Hx of IVDU."}\n' });
    expect(withText.code).toBe(1);
    expect(JSON.parse(withText.stdout.split('\n')[0]!)).toMatchObject({ record: { id: '2' }, ruleId: 'substance-use/injection-drug-abuse' });
    const python = doc.slice(doc.indexOf('```python'), doc.indexOf('```', doc.indexOf('```python') + 3));
    expect(python).toMatch(/notes\.where\(F\.col\("note_text"\)\.isNotNull\(\)\)\s*\.select\("note_id", "note_text"\)\.toJSON\(\)/);
  });
});
