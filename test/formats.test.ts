// Output for machines: SARIF 2.1.0 validated against the SARIF 2.1.0 JSON schema, GitHub workflow
// commands, --redact across every reporter, and --max-warnings.
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatters } from '../src/index.js';
import { runMain } from './helpers.js';

// The SARIF 2.1.0 schema (rtm.5, the release that became the OASIS standard) as Microsoft's SARIF
// SDK ships it in @microsoft/jest-sarif; a JSON Schema draft-04 document, hence ajv-draft-04.
const require = createRequire(import.meta.url);
// CommonJS modules whose module.exports is the function itself.
const Ajv04 = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
const SCHEMA_FILE = path.join(path.dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
// unicodeRegExp: false because the schema's "language" pattern has a stray "]", an error only in
// unicode-mode regular expressions (the schema was written for non-unicode regex engines).
const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'dignify-formats-'));
}

interface SarifLog {
  runs: Array<{
    tool: {
      driver: {
        name: string;
        rules: Array<{
          id: string;
          shortDescription?: { text: string };
          fullDescription?: { text: string };
          help?: { text: string; markdown: string };
          helpUri?: string;
          defaultConfiguration?: { level: string };
        }>;
      };
    };
    columnKind: string;
    invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<{ message: { text: string } }> }>;
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: Array<{
        physicalLocation: {
          artifactLocation: { uri: string; uriBaseId?: string };
          region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
        };
      }>;
    }>;
  }>;
}

describe('--format sarif', async () => {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'patient ed #2'));
  // An emoji (two UTF-16 code units) before the phrase; a phrase broken over a line; a quoted phrase (info).
  writeFileSync(path.join(dir, 'patient ed #2', 'leaflet.md'), '😀 Heroin addict.\nHx of EtOH\nabuse. He said "I am an addict".\n');
  writeFileSync(path.join(dir, 'note.txt'), 'Used dirty needles.\n');
  const r = await runMain(['patient ed #2/leaflet.md', 'note.txt', 'missing.txt', '-f', 'sarif'], { cwd: dir });
  const log = JSON.parse(r.stdout) as SarifLog;
  const run = log.runs[0]!;

  it('is valid against the SARIF 2.1.0 schema (and the validator does reject a broken log)', () => {
    expect(r.code).toBe(2); // the missing file
    const valid = validateSarif(log);
    expect(validateSarif.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    const broken = structuredClone(log);
    (broken.runs[0]!.results[0] as { level: string }).level = 'fatal';
    expect(validateSarif(broken)).toBe(false);
  });

  it('gives each finding a region in UTF-16 columns, a level and its rule', () => {
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(
      run.results.map((x) => {
        const { artifactLocation, region } = x.locations[0]!.physicalLocation;
        return [x.ruleId, x.level, artifactLocation.uri, region.startLine, region.startColumn, region.endLine, region.endColumn];
      }),
    ).toEqual([
      ['substance-use/addict', 'error', 'patient%20ed%20%232/leaflet.md', 1, 4, 1, 17],
      ['substance-use/substance-abuse', 'error', 'patient%20ed%20%232/leaflet.md', 2, 7, 3, 6],
      ['substance-use/addict', 'note', 'patient%20ed%20%232/leaflet.md', 3, 25, 3, 31],
      ['substance-use/dirty-needles', 'warning', 'note.txt', 1, 6, 1, 19],
    ]);
    for (const x of run.results) expect(run.tool.driver.rules[x.ruleIndex]!.id).toBe(x.ruleId);
    expect(run.invocations[0]!.executionSuccessful).toBe(false);
    expect(run.invocations[0]!.toolExecutionNotifications[0]!.message.text).toBe('missing.txt: no such file or directory');
  });

  it('names a malformed export record in its notification (line and row, as on stderr) and points at its line', async () => {
    const d = tempDir();
    writeFileSync(path.join(d, 'export.csv'), 'id,text\n1,known heroin addict\n2,"never closed\n');
    const bad = await runMain(['export.csv', '--text-column', 'text', '-f', 'sarif'], { cwd: d });
    expect(bad.code).toBe(2);
    const badLog = JSON.parse(bad.stdout) as SarifLog;
    expect(validateSarif(badLog), JSON.stringify(validateSarif.errors)).toBe(true);
    const [note] = badLog.runs[0]!.invocations[0]!.toolExecutionNotifications as Array<{
      message: { text: string };
      locations?: Array<{ physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }>;
    }>;
    expect(note!.message.text).toBe('export.csv: line 3 (row 2): unterminated quoted field');
    expect(note!.locations?.[0]?.physicalLocation.artifactLocation.uri).toBe('export.csv');
    expect(note!.locations?.[0]?.physicalLocation.region?.startLine).toBe(3);
    expect(badLog.runs[0]!.results.map((x) => x.ruleId)).toEqual(['substance-use/addict']);
  });

  it('describes each rule: short and full description, help with the suggestions, helpUri to its docs', () => {
    const abuse = run.tool.driver.rules.find((x) => x.id === 'substance-use/substance-abuse')!;
    // The rule's one-line description; the help names the sources with titles and links.
    expect(abuse.shortDescription!.text).toContain('"Substance abuse"');
    expect(abuse.help!.text).toMatch(/NIDA-WM: Words Matter.*https:\/\/nida\.nih\.gov\//);
    expect(abuse.fullDescription!.text).toMatch(/"Abuse" implies willful misconduct/);
    expect(abuse.help!.text).toContain('Prefer: substance use; a substance use disorder (if diagnosed)');
    expect(abuse.help!.markdown).toContain('- substance use\n');
    expect(abuse.helpUri).toMatch(/^https:\/\/.*docs\/rules\.md#substance-usesubstance-abuse$/);
    expect(abuse.defaultConfiguration!.level).toBe('error');
    expect(run.tool.driver.rules.map((x) => x.id)).toEqual(['substance-use/addict', 'substance-use/substance-abuse', 'substance-use/dirty-needles']);
  });

  // "a:b.txt" was written as the uri "a:b.txt": an absolute URI with the scheme "a" (RFC 3986
  // section 4.2), not a path under %SRCROOT%.
  it('writes a file name with a colon as a relative reference that resolves under %SRCROOT%', async () => {
    const d = tempDir();
    mkdirSync(path.join(d, 'x:y'));
    writeFileSync(path.join(d, 'a:b.txt'), 'Known heroin addict.\n');
    writeFileSync(path.join(d, 'x:y', 'c:d.txt'), 'Known heroin addict.\n');
    const colon = JSON.parse((await runMain(['a:b.txt', 'x:y/c:d.txt', '-f', 'sarif'], { cwd: d })).stdout) as SarifLog;
    const root = 'file:///project/';
    const resolved = colon.runs[0]!.results.map((x) => {
      const { uri, uriBaseId } = x.locations[0]!.physicalLocation.artifactLocation;
      expect(uriBaseId).toBe('%SRCROOT%');
      return decodeURIComponent(new URL(uri, root).href);
    });
    expect(resolved).toEqual(['file:///project/a:b.txt', 'file:///project/x:y/c:d.txt']);
  });

  it('is a valid, empty log when nothing is found', async () => {
    const clean = JSON.parse((await runMain(['-f', 'sarif'], { input: 'Clean and dry.\n' })).stdout) as SarifLog;
    expect(validateSarif(clean)).toBe(true);
    expect(clean.runs[0]!.results).toEqual([]);
  });
});

describe('--format github', () => {
  it('prints one workflow command per finding, escaped as the Actions runner expects', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a,b.txt'), 'Hx of EtOH\nabuse. He said "addict".\n');
    const r = await runMain(['a,b.txt', '-f', 'github'], { cwd: dir });
    expect(r.stdout.trim().split('\n')).toEqual([
      '::error file=a%2Cb.txt,line=1,endLine=2,col=7,endColumn=6,title=substance-use/substance-abuse::Avoid "EtOH%0Aabuse"; prefer "alcohol use" or "alcohol use disorder (if diagnosed)" [substance-use/substance-abuse]',
      expect.stringMatching(/^::notice file=a%2Cb\.txt,line=2,endLine=2,col=17,endColumn=23,title=substance-use\/addict::Avoid "addict"/),
    ]);
  });
});

describe('--redact', () => {
  const NOTE = 'Mr SECRETNAME is a known heroin addict; used dirty needles.\n';
  it.each(Object.keys(formatters))('keeps positions, rule ids and the phrase only, with --format %s', async (format) => {
    const r = await runMain(['-f', format, '--redact', '--why', '--stdin-filename', 'n.txt'], { input: NOTE });
    expect(r.code).toBe(1);
    for (const phrase of ['heroin addict', 'dirty needles', 'substance-use/addict', 'substance-use/dirty-needles']) expect(r.stdout).toContain(phrase);
    expect(r.stdout).toMatch(/col=26|"startColumn": 26|"column": ?26|1:26/); // jsonl: compact JSON
    for (const leak of ['SECRETNAME', 'known', 'person with', 'prefer', 'syringes', 'Sources', 'reduces a person', 'rules.md'])
      expect(r.stdout).not.toContain(leak);
  });

  it('refuses --fix-dry-run, whose diff would show note text', async () => {
    const r = await runMain(['--redact', '--fix-dry-run'], { input: 'Hx of drug abuse.\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--redact cannot be used with --fix-dry-run');
  });
});

describe('--max-warnings', () => {
  const WARNING_ONLY = 'Used dirty needles and dirty works.\n';
  it('exits 1 when there are more warnings than allowed, as ESLint does', async () => {
    expect((await runMain(['--fail-on', 'error'], { input: WARNING_ONLY })).code).toBe(0);
    expect((await runMain(['--fail-on', 'error', '--max-warnings', '2'], { input: WARNING_ONLY })).code).toBe(0);
    const over = await runMain(['--fail-on', 'error', '--max-warnings', '1'], { input: WARNING_ONLY });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('dignify: too many warnings: 2 (--max-warnings 1)');
  });

  it('rejects a value that is not a whole number', async () => {
    const r = await runMain(['--max-warnings', 'lots'], { input: WARNING_ONLY });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('expected a whole number');
  });
});

// A CI maintainer's trial: GitHub places a code scanning alert (upload-sarif does not read
// originalUriBaseIds) and a workflow annotation by a path from the repository's root. Run from a
// subfolder (a step's working-directory, a monorepo's content folder), dignify named files from
// that folder ("leaflets/a.md" for "content/leaflets/a.md"), so alerts and annotations pointed at
// files that do not exist.
describe('SARIF and github name files from the repository root', () => {
  function repository(dotGit: 'folder' | 'file' | 'none') {
    const repo = realpathSync(tempDir());
    if (dotGit === 'folder') mkdirSync(path.join(repo, '.git'));
    if (dotGit === 'file') writeFileSync(path.join(repo, '.git'), 'gitdir: /elsewhere/.git/worktrees/x\n'); // a worktree or submodule
    mkdirSync(path.join(repo, 'content', 'leaflets'), { recursive: true });
    writeFileSync(path.join(repo, 'content', 'leaflets', 'a b.md'), 'Hx of drug abuse.\n');
    return { repo, cwd: path.join(repo, 'content') };
  }

  it.each(['folder', 'file'] as const)('from a subfolder of a repository whose .git is a %s', async (dotGit) => {
    const { repo, cwd } = repository(dotGit);
    const log = JSON.parse((await runMain(['leaflets', '-f', 'sarif'], { cwd })).stdout) as SarifLog & {
      runs: Array<{ originalUriBaseIds: Record<string, { uri: string }> }>;
    };
    expect(validateSarif(log)).toBe(true);
    expect(log.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation)).toEqual([
      { uri: 'content/leaflets/a%20b.md', uriBaseId: '%SRCROOT%' },
    ]);
    expect(log.runs[0]!.originalUriBaseIds['%SRCROOT%']!.uri).toBe(pathToFileURL(`${repo}/`).href);
    const github = await runMain([path.join(cwd, 'leaflets', 'a b.md'), '-f', 'github'], { cwd });
    expect(github.stdout).toMatch(/^::error file=content\/leaflets\/a b\.md,line=1,endLine=1,col=7,/);
    // The human formats still name files from the working folder, as given.
    expect((await runMain(['leaflets', '-f', 'compact'], { cwd })).stdout).toMatch(/^leaflets\/a b\.md:1:7: error/);
  });

  it('a file named through a symbolic link to the repository, from the root all the same', async () => {
    const { repo, cwd } = repository('folder');
    const link = path.join(tempDir(), 'checkout');
    symlinkSync(repo, link);
    const file = path.join(link, 'content', 'leaflets', 'a b.md');
    const log = JSON.parse((await runMain([file, '-f', 'sarif'], { cwd })).stdout) as SarifLog;
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'content/leaflets/a%20b.md', uriBaseId: '%SRCROOT%' });
    expect((await runMain([file, '-f', 'github'], { cwd })).stdout).toMatch(/^::error file=content\/leaflets\/a b\.md,/);
  });

  it('outside a repository, from the working folder as before', async () => {
    const { cwd } = repository('none');
    const log = JSON.parse((await runMain(['leaflets', '-f', 'sarif'], { cwd })).stdout) as SarifLog;
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('leaflets/a%20b.md');
    expect((await runMain(['leaflets', '-f', 'github'], { cwd })).stdout).toMatch(/^::error file=leaflets\/a b\.md,/);
  });
});
