// Papercuts met trying dignify as a new user (branch newcomer, 2026-12-02 afternoon), each with
// its small input.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSyntaxError } from '../src/inputs/json-error.js';
import { ROOT, runMain, tempFolder } from './helpers.js';

const folder = (files: Record<string, string | Buffer>) => tempFolder('dignify-newcomer-', files);

describe('a line of an export that is not JSON', () => {
  // V8's message quoted the line: `not valid JSON (Unexpected token 'M', "Mr Ellis "... is not
  // valid JSON)` put a patient's name on stderr and in the JSON report, with --redact too; and the
  // token it names is the line's first letter (the newcomer trial of 2026-12-03): neither is shown.
  const dir = folder({
    'notes.jsonl': '{"id":"a1","text":"seen today"}\nMr Ellis Brandt, MRN 4471, heroin addict\n{"id":"a3","text":"known drug abuser"}\n',
    'bulk.ndjson': '{"resourceType":"Patient","id":"p1"}\nMrs Okafor DOB 1/2/1960\n',
  });

  it('is named by file, line and row, without the text of the line, in every output and with --redact', async () => {
    for (const args of [['notes.jsonl'], ['notes.jsonl', '--redact'], ['notes.jsonl', '--format', 'json'], ['notes.jsonl', '--format', 'jsonl', '--redact']]) {
      const r = await runMain(args, { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stdout + r.stderr).not.toMatch(/Ellis|Brandt|4471/);
      if (args.length === 1)
        expect(r.stderr).toContain('dignify: notes.jsonl: line 2 (row 2): skipped a malformed record: not valid JSON (Unexpected token)\n');
      // The records around it are still read.
      expect(r.stdout).toContain('drug abuser');
    }
  });

  it('in a FHIR Bulk Data file too', async () => {
    const r = await runMain(['bulk.ndjson'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('Okafor');
    expect(r.stderr).toContain('dignify: bulk.ndjson: line 2 (row 1): skipped a malformed record: not valid JSON (Unexpected token');
  });

  it("every form of V8's excerpt is cut, and a message with a position is kept whole", () => {
    const fault = (text: string) => {
      try {
        JSON.parse(text);
      } catch (e) {
        return jsonSyntaxError(e);
      }
      throw new Error(`parsed: ${text}`);
    };
    expect(fault('Ms Lindqvist is a known alcoholic')).toBe('not valid JSON (Unexpected token)');
    expect(fault('{"id": 1, "text": "Ms Lindqvist"} x')).toMatch(/^not valid JSON \(Unexpected non-whitespace character after JSON at position \d+/);
    expect(fault('{"id": 1, "text": "Ms Lindqvist", x}')).toMatch(/^not valid JSON \(Expected double-quoted property name in JSON at position \d+/);
    // The excerpt V8 takes from the middle of a long line: `..."text"...`.
    const long = `{"id": 1, "text": "${'Ms Lindqvist '.repeat(20)}" "more"}`;
    expect(fault(long)).not.toContain('Lindqvist');
    expect(jsonSyntaxError(new SyntaxError('Unexpected token \'x\', ..."Lindqvist "... is not valid JSON'))).toBe('not valid JSON (Unexpected token)');
    expect(fault('{"id": ')).toBe('not valid JSON (Unexpected end of JSON input)');
  });
});

describe('dignify help <something that is no command>', () => {
  // It printed the whole help and exited 0, as if "reprot" were a topic it knew.
  it('is a usage error naming the commands (and the one meant), exit 2', async () => {
    const typo = await runMain(['help', 'reprot']);
    expect(typo.code).toBe(2);
    expect(typo.stdout).toBe('');
    expect(typo.stderr).toBe(
      'dignify: help: no command "reprot"; did you mean "report"? the commands are rules, explain, lsp, serve, report (see dignify --help)\n',
    );
    const far = await runMain(['help', 'exports']);
    expect(far.code).toBe(2);
    expect(far.stderr).toMatch(/^dignify: help: no command "exports"; the commands are rules, /);
  });

  it('a command, or none, still shows its help (exit 0)', async () => {
    for (const args of [['help'], ['help', 'report'], ['help', 'help']]) {
      const r = await runMain(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout + r.stderr).toContain('Usage: dignify');
    }
  });
});

describe("a house rule file's mistakes", () => {
  // The schema's messages came through raw: "(file) must be object" for a file holding a list of
  // rules (the shape of the README's one-rule example), " must have required property 'sources'"
  // (a leading space), "/sources must NOT have fewer than 1 items".
  const rule = (extra: string) =>
    `  - id: house-style/frequent-visitor\n    description: 'Frequent visitor.'\n    severity: warning\n    match: ["frequent visitor"]\n    suggestions: ["has had several visits"]\n    note: 'Labels the patient.'\n${extra}    examples:\n      flag: ["Known frequent visitor."]\n      pass: ["Visitor policy."]\n`;
  const run = async (house: string) => {
    const dir = folder({ '.dignifyrc': 'extends:\n  - house.yaml\n', 'house.yaml': house, 'note.txt': 'A frequent visitor to the ED.\n' });
    return runMain(['note.txt'], { cwd: dir });
  };

  it.each([
    [
      'a list of rules alone',
      rule('    sources: [HouseGuide]\n'),
      'house.yaml: a rule file is a mapping with "category" (the rule ids\' prefix) and "rules" (the list of rules)',
    ],
    ['no category', `rules:\n${rule('    sources: [HouseGuide]\n')}`, 'house.yaml: lacks the key "category"'],
    ['a rule without sources', `category: house-style\nrules:\n${rule('')}`, 'house.yaml: rule "house-style/frequent-visitor": lacks the key "sources"\n'],
    [
      'empty sources',
      `category: house-style\nrules:\n${rule('    sources: []\n')}`,
      'house.yaml: rule "house-style/frequent-visitor": /sources must list at least 1 item\n',
    ],
    [
      'a mistyped key',
      `category: house-style\nrules:\n${rule('    sources: [HouseGuide]\n    sevrity: error\n')}`,
      'house.yaml: rule "house-style/frequent-visitor": unknown key "sevrity"\n',
    ],
  ])('%s: one line naming the file, the rule and the key, exit 2', async (_, house, said) => {
    const r = await run(house);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(said);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('the file written right is used', async () => {
    const r = await run(`category: house-style\nrules:\n${rule('    sources: [HouseGuide]\n')}`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('house-style/frequent-visitor');
    expect(r.code).toBe(1);
  });
});

describe("the README's house rule file", () => {
  it('loads, its examples hold, and it reports in a note', async () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const house = /```yaml\n# rules\/house-style\.yaml\n([\s\S]*?)```/.exec(readme);
    expect(house).not.toBeNull();
    const dir = folder({
      '.dignifyrc': 'extends:\n  - house-style.yaml\n',
      'house-style.yaml': house![1]!,
      'note.txt': 'Known frequent visitor to the clinic.\n',
    });
    const r = await runMain(['note.txt', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)[0].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['house-style/frequent-flyer']);
  });
});

describe('--fix with --fix-dry-run', () => {
  // Together they ran the dry run and wrote nothing, saying nothing of the --fix that was ignored.
  it('is a usage error naming both, before anything is read or written (exit 2)', async () => {
    const dir = folder({ 'leaflet.txt': 'Support for people with drug abuse.\n' });
    for (const args of [
      ['leaflet.txt', '--fix', '--fix-dry-run'],
      ['--fix-dry-run', 'leaflet.txt', '--fix'],
    ]) {
      const r = await runMain(args, { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^dignify: --fix(-dry-run)? cannot be used with --fix(-dry-run)?: [^\n]+\n$/);
      expect(readFileSync(path.join(dir, 'leaflet.txt'), 'utf8')).toBe('Support for people with drug abuse.\n');
    }
    const alone = await runMain(['leaflet.txt', '--fix-dry-run'], { cwd: dir });
    expect(alone.code).toBe(1);
    expect(alone.stdout).toContain('+Support for people with drug use.');
  });
});

describe('require("dignify") from CommonJS', () => {
  // The exports map had only an "import" condition, so require() failed with
  // ERR_PACKAGE_PATH_NOT_EXPORTED ('No "exports" main defined'), which reads as a broken package.
  // With "default" too, a Node whose require() loads ES modules loads dignify; an older one says
  // ERR_REQUIRE_ESM, whose message points to import().
  it('loads the API (or, on a Node that cannot, fails with ERR_REQUIRE_ESM)', () => {
    const app = mkdtempSync(path.join(tmpdir(), 'dignify-cjs-'));
    mkdirSync(path.join(app, 'node_modules'));
    symlinkSync(ROOT, path.join(app, 'node_modules', 'dignify'), 'dir');
    const script =
      "let d, p; try { d = require('dignify'); p = require('dignify/portable'); } catch (e) { console.log(e.code); process.exit(0); }" +
      " d.lintText('Known heroin addict.').then((f) => console.log(f.map((x) => x.ruleId).join(), typeof p.lintTextSync));";
    const r = spawnSync(process.execPath, ['-e', script], { cwd: app, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const loads = (process.features as { require_module?: boolean }).require_module === true;
    expect(r.stdout.trim()).toBe(loads ? 'substance-use/addict function' : 'ERR_REQUIRE_ESM');
  });
});

describe("the report page's account of how it read the export", () => {
  // It said "Text column: chosen by its name" and "Id column: chosen by its name, or none (row
  // numbers)" without naming either, and repeated the command line's advice ("choose with
  // --text-column and --id-column") on a page for a quality team. A FHIR export got the same rows.
  const dir = folder({
    'notes.csv': 'note_id,unit,note_text\nA1,ED,Known alcoholic.\nA2,ED,Seen today.\n',
    'plain.csv': 'unit,note_text\nED,Known alcoholic.\n',
    'bulk.ndjson': `${JSON.stringify({ resourceType: 'DocumentReference', id: 'd1', content: [{ attachment: { contentType: 'text/plain', data: Buffer.from('Known alcoholic.').toString('base64') } }] })}\n`,
  });
  const setup = async (args: string[]) => {
    const r = await runMain(['report', ...args], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    return /<section id="setup"[\s\S]*?<\/dl>/.exec(r.stdout)![0];
  };

  it('names the columns chosen by name, and the id column given', async () => {
    const chosen = await setup(['notes.csv']);
    expect(chosen).toContain('<dt>Text column</dt><dd>note_text (chosen by its name)</dd><dt>Id column</dt><dd>note_id (chosen by its name)</dd>');
    expect(chosen).not.toContain('choose with');
    const given = await setup(['notes.csv', '--text-column', 'note_text', '--id-column', 'unit']);
    expect(given).toContain('<dt>Text column</dt><dd>note_text</dd><dt>Id column</dt><dd>unit</dd>');
    expect(await setup(['plain.csv'])).toContain('<dt>Id column</dt><dd>none (row numbers)</dd>');
  });

  it('says what a FHIR export is read for, with no columns', async () => {
    const fhir = await setup(['bulk.ndjson']);
    expect(fhir).not.toContain('Text column');
    expect(fhir).toContain('<dt>Notes</dt><dd>the attachments and narratives of DocumentReference, DiagnosticReport and Composition resources</dd>');
  });
});

describe('npm install in a clone', () => {
  // npm (11.x) blocks dependencies' install scripts unless package.json's allowScripts covers them,
  // and ended the README's first command with "1 package has install scripts not yet covered by
  // allowScripts: esbuild … Run `npm install-scripts ls` to review": a newcomer's first stall.
  // esbuild needs no script (its binary is an optional dependency), so package.json denies it.
  it('every installed dependency with an install script has an allowScripts entry', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> };
    const covered = new Set(Object.keys(pkg.allowScripts ?? {}).map((k) => k.replace(/(?<=.)@.*$/, '')));
    const unreviewed: string[] = [];
    const visit = (modules: string) => {
      let names: string[];
      try {
        names = readdirSync(modules);
      } catch {
        return;
      }
      for (const name of names) {
        if (name.startsWith('.')) continue;
        if (name.startsWith('@')) {
          for (const scoped of readdirSync(path.join(modules, name))) check(path.join(modules, name, scoped), `${name}/${scoped}`);
        } else check(path.join(modules, name), name);
      }
    };
    const check = (dir: string, name: string) => {
      let manifest: { scripts?: Record<string, string> };
      try {
        manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
      } catch {
        return;
      }
      const scripts = manifest.scripts ?? {};
      const gyp = existsSync(path.join(dir, 'binding.gyp'));
      if ((scripts.preinstall || scripts.install || scripts.postinstall || gyp) && !covered.has(name)) unreviewed.push(name);
      visit(path.join(dir, 'node_modules'));
    };
    visit(path.join(ROOT, 'node_modules'));
    expect(unreviewed).toEqual([]);
  });
});

describe('--stdin-filename with paths and no "-"', () => {
  // It was dropped silently: a hook author who wrote `dignify leaflet.txt --stdin-filename x.md`
  // could not tell that the Markdown reading it asked for never happened.
  it('is a one-line warning; the files are linted as before', async () => {
    const dir = folder({ 'leaflet.txt': 'Hx of drug abuse.\n' });
    const r = await runMain(['leaflet.txt', '--stdin-filename', 'leaflet.md'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('substance-use/substance-abuse');
    expect(r.stderr).toBe('dignify: warning: --stdin-filename names standard input, which is not read (no "-" among the paths); ignored\n');
    const piped = await runMain(['-', 'leaflet.txt', '--stdin-filename', 'note.txt'], { cwd: dir, input: 'Known IVDU.\n' });
    expect(piped.stderr).toBe('');
    expect(piped.stdout).toContain('note.txt');
  });
});

describe('a --max-file-size under 0.05 MB', () => {
  // The refusal said "larger than 0 MB", which reads as no file could ever be read.
  it('is said in bytes', async () => {
    const dir = folder({ 'leaflet.txt': `${'Seen today. '.repeat(200)}\n` });
    const r = await runMain(['leaflet.txt', '--max-file-size', '0.001'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('dignify: leaflet.txt: larger than 1,048 bytes; not read (raise the limit with --max-file-size <MB>)\n');
    const mb = await runMain(['leaflet.txt', '--max-file-size', '0.5'], { cwd: dir });
    expect(mb.code).toBe(0);
  });
});
