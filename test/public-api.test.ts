// The public surface, pinned (as retext-equality pins its exports): a change to this list is a
// change to the API and must be deliberate. Type exports are pinned by the type-only import
// below (typecheck fails when one goes missing); the compiled rule set stays opaque; and src/ has
// no import cycle.
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import type {
  ColumnOptions,
  CompiledRules,
  ConditionDefinition,
  ConfigLookup,
  ConfigSetOptions,
  DignifyConfig,
  Document,
  ExampleDefinition,
  Finding,
  Fix,
  FixSkipped,
  FixSkipReason,
  FixTextResult,
  FormatContext,
  Formatter,
  InputFormat,
  LintEvent,
  LintOptions,
  LintOutcome,
  LintResult,
  LintTextOptions,
  LintWarning,
  LoadedRuleFile,
  Options,
  Point,
  PoolThreshold,
  PresetName,
  QuoteHandling,
  RecordRef,
  Reporter,
  ResolvedConfig,
  ResolvedOptions,
  Rule,
  RuleDefinition,
  RuleFileDefinition,
  RuleSet,
  SetDefinition,
  SetValue,
  Severity,
  SeveritySetting,
  SourceOptions,
  StdinSource,
} from '../src/index.js';
// @ts-expect-error scripts/ is plain JavaScript without declarations
import { importCycles } from '../scripts/import-cycles.js';

type PublicTypes = [
  ColumnOptions,
  CompiledRules,
  ConditionDefinition,
  ConfigLookup,
  ConfigSetOptions,
  DignifyConfig,
  Document,
  ExampleDefinition,
  Finding,
  Fix,
  FixSkipped,
  FixSkipReason,
  FixTextResult,
  FormatContext,
  Formatter,
  InputFormat,
  LintEvent,
  LintOptions,
  LintOutcome,
  LintResult,
  LintTextOptions,
  LintWarning,
  LoadedRuleFile,
  Options,
  Point,
  PoolThreshold,
  PresetName,
  QuoteHandling,
  RecordRef,
  Reporter,
  ResolvedConfig,
  ResolvedOptions,
  Rule,
  RuleDefinition,
  RuleFileDefinition,
  RuleSet,
  SetDefinition,
  SetValue,
  Severity,
  SeveritySetting,
  SourceOptions,
  StdinSource,
];

describe('public API', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(api).sort()).toEqual([
      'ConfigError',
      'ConfigSet',
      'OptionsError',
      'RuleFileError',
      'applyFixes',
      'builtinRules',
      'compileRules',
      'formatAll',
      'formatters',
      'lintFiles',
      'lintOutcomes',
      'lintStream',
      'lintText',
      'loadRuleFiles',
      'parseRuleFile',
      'resultOf',
      'retextDignify',
    ]);
    const pinned: PublicTypes | undefined = undefined;
    expect(pinned).toBeUndefined();
  });

  // OptionsError was not exported (ConfigError and RuleFileError were), so a caller could not tell a
  // bad option from a bug, and its name was 'Error'.
  it('exports OptionsError, the error a bad option rejects with, named so', async () => {
    // @ts-expect-error not a preset name: a JavaScript caller's mistake
    const error = await api.lintText('Known addict.', { preset: 'strict' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(api.OptionsError);
    expect((error as Error).name).toBe('OptionsError');
    expect((error as Error).message).toMatch(/^preset: unknown preset "strict"/);
  });

  // Finding.url was declared optional though every finding has one (README's JSON shape: url:
  // string), so a typed caller had to check for a url that is always there. Pinned both ways: the
  // type (typecheck fails if it turns optional again) and the findings each entry point makes.
  it('declares Finding.url required, and every entry point gives one', async () => {
    type UrlRequired = undefined extends Finding['url'] ? false : true;
    const required: UrlRequired = true;
    expect(required).toBe(true);
    const text = 'Known heroin addict. Brother is deaf and dumb.'; // a phrase rule and a retext-equality one
    const { lintTextSync } = await import('../src/core/portable.js'); // the web and warehouse builds' core
    const { unified } = await import('unified');
    const { default: retextEnglish } = await import('retext-english');
    const { default: retextStringify } = await import('retext-stringify');
    const file = unified().use(retextEnglish).use(api.retextDignify).use(retextStringify).processSync(text);
    const urls = [...(await api.lintText(text)), ...lintTextSync(text)].map((f) => f.url).concat(file.messages.map((m) => m.url as string));
    expect(urls).toHaveLength(6);
    for (const url of urls) expect(url).toMatch(/^https:\/\/.*docs\/rules\.md#[a-z-]+$/);
  });

  it('keeps the compiled rule set opaque: only its rules can be read', () => {
    const set: RuleSet = api.builtinRules();
    expect(set.rules.length).toBeGreaterThan(10);
    // @ts-expect-error the matcher's index is not part of the API
    void set.index;
  });

  it('lets a rule set from compileRules be used as Options.ruleSet', async () => {
    const files = api.parseRuleFile(
      'category: house\nrules:\n  - id: house/x\n    severity: warning\n    match: ["zorp"]\n    suggestions: ["y"]\n    note: n\n    sources: [s]\n    examples: { flag: ["A zorp."], pass: ["No."] }\n',
      'house.yaml',
    );
    const findings = await api.lintText('A zorp here.', { ruleSet: api.compileRules([files]) });
    expect(findings.map((f) => f.ruleId)).toEqual(['house/x']);
  });

  it('has no import cycle in src/', () => {
    expect(importCycles()).toEqual([]);
  });

  // A strict TypeScript 7 project with @types/node failed on dist/inputs/*.d.ts ("Cannot find
  // name 'Buffer'", "Cannot find namespace 'NodeJS'"): since TypeScript 6 "types" is [] unless set.
  // tsc keeps a reference directive in the .d.ts only when it says preserve="true".
  it("brings Node's types into a project that type-checks against dist/index.d.ts", async () => {
    const { readFileSync } = await import('node:fs');
    const source = readFileSync(new URL('../src/index.ts', import.meta.url), 'utf8');
    const firstCode = source.split('\n').find((line) => !line.startsWith('//') || line.startsWith('///'));
    expect(firstCode).toBe('/// <reference types="node" preserve="true" />');
  });
});
