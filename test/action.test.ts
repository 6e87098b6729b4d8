// The GitHub Action (action.yml): its "Run dignify" step, taken from the file and run with bash as
// the runner would (inputs as environment variables, GITHUB_ACTION_PATH = this checkout), writes a
// SARIF log and the step outputs, and fails as dignify does. The setup-node and npm ci steps need
// the network and GitHub's runner, so they are checked for shape only. bash runs with the
// options GitHub uses for "shell: bash".
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { docxBytes } from './docx.js';
import { ROOT } from './helpers.js';

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;

// The SARIF 2.1.0 schema, as test/formats.test.ts validates dignify's own logs with it.
const require = createRequire(import.meta.url);
const Ajv04 = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
const SCHEMA_FILE = path.join(path.dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);

interface Log {
  runs: Array<{
    results: Array<{ ruleId: string }>;
    invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<{ level: string; message: { text: string } }> }>;
  }>;
}

function runStep(cwd: string, inputs: Record<string, string>, actionPath = ROOT) {
  const step = action.runs.steps.find((s) => s.id === 'lint')!;
  const values = { ...Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default])), ...inputs };
  const env: Record<string, string> = {};
  for (const [name, expression] of Object.entries(step.env ?? {})) {
    env[name] = expression.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, key: string) => values[key] ?? '');
  }
  const outputFile = path.join(cwd, '.github-output');
  writeFileSync(outputFile, '');
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
    cwd,
    env: { ...process.env, ...env, GITHUB_ACTION_PATH: actionPath, GITHUB_OUTPUT: outputFile, PATH: `${path.dirname(process.execPath)}:${process.env.PATH}` },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, outputs: readFileSync(outputFile, 'utf8') };
}

describe('action.yml', () => {
  it('is a composite action that sets up Node 20 and installs itself', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps[0]!.uses).toMatch(/^actions\/setup-node@/);
    expect(action.runs.steps[1]!.run).toContain('npm ci');
  });

  it('writes a SARIF log for the given paths (globs kept for dignify) and fails the step on findings', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-action-'));
    mkdirSync(path.join(dir, 'leaflets'));
    writeFileSync(path.join(dir, 'leaflets', 'a.md'), 'Support for people with drug abuse.\n');
    writeFileSync(path.join(dir, 'leaflets', 'b.md'), 'Clean and dry.\n');
    writeFileSync(path.join(dir, 'notes.txt'), 'Known heroin addict.\n');
    const r = runStep(dir, { paths: 'leaflets/*.md\n  notes.txt', 'sarif-file': 'out.sarif' });
    expect(r.code).toBe(1);
    expect(r.outputs).toBe('sarif-file=out.sarif\nexit-code=1\n');
    const log = JSON.parse(readFileSync(path.join(dir, 'out.sarif'), 'utf8')) as {
      version: string;
      runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }>;
    };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]!.results.map((x) => [x.ruleId, x.locations[0]!.physicalLocation.artifactLocation.uri])).toEqual([
      ['substance-use/substance-abuse', 'leaflets/a.md'],
      ['substance-use/addict', 'notes.txt'],
    ]);
  });

  // A CI maintainer's trial: the step failed on findings with nothing in its log but the exit code
  // (the findings went to the SARIF file only); now the log lists them and counts them.
  it("lists the findings in the step's log, as compact does, with a count", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-action-'));
    mkdirSync(path.join(dir, 'patient info'));
    writeFileSync(path.join(dir, 'patient info', 'a b.md'), '| Term | Note |\n|---|---|\n| A friend with **drug abuse** history | x |\n');
    writeFileSync(path.join(dir, 'b.txt'), 'Hx of EtOH\nabuse. Used dirty needles.\n');
    writeFileSync(path.join(dir, 'c.docx'), await docxBytes(['Consent', 'Known heroin addict.']));
    const r = runStep(dir, { paths: '"patient info/*.md" b.txt c.docx' });
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')).toEqual([
      'patient info/a b.md:3:19: error Avoid "drug abuse"; prefer "drug use" or "a substance use disorder (if diagnosed)" [substance-use/substance-abuse]',
      'b.txt:1:7: error Avoid "EtOH abuse"; prefer "alcohol use" or "alcohol use disorder (if diagnosed)" [substance-use/substance-abuse]',
      expect.stringMatching(/^b\.txt:2:13: warning Avoid "dirty needles"; .* \[substance-use\/dirty-needles\]$/),
      expect.stringMatching(/^c\.docx: error paragraph 2: Avoid "heroin addict"; .* \[substance-use\/addict\]$/),
      'dignify: 4 findings (3 errors, 1 warning, 0 info) in dignify.sarif',
      '',
    ]);
    writeFileSync(path.join(dir, 'ok.txt'), 'Clean and dry.\n');
    expect(runStep(dir, { paths: 'ok.txt' }).stdout).toBe('dignify: 0 findings (0 errors, 0 warnings, 0 info) in dignify.sarif\n');
  });

  // A CI maintainer's trial: "sarif-file: reports/dignify.sarif" in a folder not yet made failed the
  // redirect, and the step exited 1 (dignify's code for findings) with no log for upload-sarif.
  it("makes the log's folder, and a log that cannot be written is an error (exit 2)", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-action-'));
    writeFileSync(path.join(dir, 'a.txt'), 'Known heroin addict.\n');
    const r = runStep(dir, { paths: 'a.txt', 'sarif-file': 'reports/ci/dignify.sarif' });
    expect(r.code).toBe(1);
    expect(r.outputs).toBe('sarif-file=reports/ci/dignify.sarif\nexit-code=1\n');
    const log = JSON.parse(readFileSync(path.join(dir, 'reports', 'ci', 'dignify.sarif'), 'utf8')) as Log;
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    expect(log.runs[0]!.results.map((x) => x.ruleId)).toEqual(['substance-use/addict']);
    mkdirSync(path.join(dir, 'folder.sarif'));
    const bad = runStep(dir, { paths: 'a.txt', 'sarif-file': 'folder.sarif' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('dignify: sarif-file: cannot write folder.sarif\n');
    expect(bad.outputs).toBe('sarif-file=folder.sarif\nexit-code=2\n');
  });

  it("does not keep an earlier run's log when the paths cannot be split", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-action-'));
    writeFileSync(path.join(dir, 'a.txt'), 'Known heroin addict.\n');
    expect(runStep(dir, { paths: 'a.txt' }).code).toBe(1);
    const r = runStep(dir, { paths: '"a.txt' });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const log = JSON.parse(readFileSync(path.join(dir, 'dignify.sarif'), 'utf8')) as Log;
    expect(log.runs[0]!.results).toEqual([]);
    expect(log.runs[0]!.invocations[0]!.executionSuccessful).toBe(false);
  });

  it('passes with extra arguments and a higher fail-on threshold', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-action-'));
    writeFileSync(path.join(dir, 'a.txt'), 'Used dirty needles.\n');
    const r = runStep(dir, { 'fail-on': 'error', args: '--quotes flag' });
    expect(r.code).toBe(0);
    expect(r.outputs).toContain('exit-code=0');
    expect(readFileSync(path.join(dir, 'dignify.sarif'), 'utf8')).toContain('substance-use/dirty-needles');
  });
});

// When dignify exits 2 before any output (a bad config, a bad --fail-on) the redirect left an
// empty dignify.sarif, and the README's upload-sarif step (if: always()) failed on invalid JSON,
// though the step's comment promised a log whatever the outcome.
describe('the SARIF log when dignify stops before writing one', () => {
  /** Runs the step in a folder with a.txt (a finding) and `files`; returns its result and the log it left. */
  function stopped(inputs: Record<string, string>, files: Record<string, string> = {}) {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-action-'));
    writeFileSync(path.join(dir, 'a.txt'), 'Known heroin addict.\n');
    for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
    const r = runStep(dir, { 'sarif-file': 'out.sarif', ...inputs });
    const log = JSON.parse(readFileSync(path.join(dir, 'out.sarif'), 'utf8')) as Log;
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    return { ...r, log };
  }

  it.each([
    ['a config that does not validate', {}, { '.dignifyrc': 'rules:\n  substance-use/addict: err\n' }],
    ['a --fail-on that is no severity', { 'fail-on': 'fatal' }, {}],
    ['an unclosed quotation mark in paths', { paths: '"a.txt' }, {}],
  ] as Array<[string, Record<string, string>, Record<string, string>]>)('%s: a valid log whose run failed, with the error line', (_, inputs, files) => {
    const r = stopped(inputs, files);
    expect(r.code).toBe(2);
    expect(r.outputs).toBe('sarif-file=out.sarif\nexit-code=2\n');
    const line = r.stderr.trim();
    expect(line).toMatch(/^dignify: [^\n]+$/);
    const [run] = r.log.runs;
    expect(run!.results).toEqual([]);
    expect(run!.invocations).toEqual([{ executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: line } }] }]);
  });

  it("keeps dignify's own log when it wrote one and exited 2 (a file it could not read)", () => {
    const r = stopped({ paths: 'a.txt missing.txt' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('dignify: missing.txt: no such file or directory\n');
    expect(r.log.runs[0]!.results.map((x) => x.ruleId)).toEqual(['substance-use/addict']);
  });
});

describe('the words of paths and args', () => {
  // A stand-in for bin/dignify.cjs (the bin action.yml runs) that writes the arguments it got (to the SARIF file).
  function argvOf(inputs: Record<string, string>) {
    const fake = mkdtempSync(path.join(tmpdir(), 'dignify-action-path-'));
    mkdirSync(path.join(fake, 'bin'));
    writeFileSync(path.join(fake, 'bin', 'dignify.cjs'), 'process.stdout.write(JSON.stringify(process.argv.slice(2)));\n');
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-action-'));
    const r = runStep(dir, inputs, fake);
    expect(r.stderr).toBe('');
    return JSON.parse(readFileSync(path.join(dir, 'dignify.sarif'), 'utf8')) as string[];
  }

  // On a Windows runner paths are written with backslashes. xargs, which split the words before,
  // read a backslash as an escape: docs\leaflets reached dignify as docsleaflets.
  it('keeps backslashes as written (Windows paths), quoted or not', () => {
    expect(argvOf({ paths: 'docs\\leaflets "C:\\My notes\\" templates\\*.txt', args: '--ext "txt,md"' })).toEqual([
      'docs\\leaflets',
      'C:\\My notes\\',
      'templates\\*.txt',
      '--ext',
      'txt,md',
      '--format',
      'sarif',
      '--fail-on',
      'warning',
    ]);
  });

  it('splits on white space and new lines, groups quoted words, and keeps empty quoted words', () => {
    expect(argvOf({ paths: ` a\tb\n\n "c d"'e f' "" x"'"y `, args: '' })).toEqual(['a', 'b', 'c de f', '', `x'y`, '--format', 'sarif', '--fail-on', 'warning']);
  });
});

describe("the README's workflow", () => {
  // The README's example passes `paths: patient-education/ "templates/**/*.txt"`, quoted as in a
  // shell; the step used to split on white space only, so dignify got the glob with its quotation
  // marks, matched nothing and failed the job with exit 2.
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const block = /# \.github\/workflows\/dignify\.yml\n([\s\S]*?)```/.exec(readme)![1]!;
  const workflow = parse(block) as { jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, string> }> }> };
  const withs = Object.values(workflow.jobs)
    .flatMap((job) => job.steps)
    .find((s) => s.uses?.startsWith('dignify-lint/dignify@'))!.with!;

  it('lints the paths its example names, quoted globs included', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-action-'));
    mkdirSync(path.join(dir, 'patient-education'));
    mkdirSync(path.join(dir, 'templates', 'er'), { recursive: true });
    writeFileSync(path.join(dir, 'patient-education', 'a.md'), 'Support for people with drug abuse.\n');
    writeFileSync(path.join(dir, 'templates', 'er', 'b.txt'), 'Known heroin addict.\n');
    const r = runStep(dir, withs);
    expect(r.stderr).toBe('');
    expect(r.outputs).toBe(`sarif-file=${withs['sarif-file']}\nexit-code=1\n`);
    const log = JSON.parse(readFileSync(path.join(dir, withs['sarif-file']!), 'utf8')) as {
      runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }>;
    };
    expect(log.runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri)).toEqual(['patient-education/a.md', 'templates/er/b.txt']);
  });

  it('takes quoted words whole, and an unmatched quotation mark is a one-line error (exit 2)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-action-'));
    mkdirSync(path.join(dir, 'my notes'));
    writeFileSync(path.join(dir, 'my notes', 'a.txt'), 'Known heroin addict.\n');
    writeFileSync(path.join(dir, "it's.txt"), 'Hx of IVDU.\n');
    const ok = runStep(dir, { paths: `"my notes/" 'it'"'"'s.txt'`, args: "--quotes 'flag'" });
    expect(ok.stderr).toBe('');
    expect(ok.outputs).toContain('exit-code=1');
    const sarif = readFileSync(path.join(dir, 'dignify.sarif'), 'utf8');
    expect(sarif).toContain('my%20notes/a.txt');
    expect(sarif).toContain('substance-use/injection-drug-abuse');
    const bad = runStep(dir, { paths: '"my notes/' });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/^dignify: paths: /);
  });
});
