// Papercuts met trying dignify as a new user (branch newcomer, 2026-12-02 afternoon), each with
// its small input.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSyntaxError } from '../src/inputs/json-error.js';
import { runMain } from './helpers.js';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dignify-newcomer-'));
  for (const [name, body] of Object.entries(files)) writeFileSync(path.join(dir, name), body);
  return dir;
}

describe('a line of an export that is not JSON', () => {
  // V8's message quoted the line: `not valid JSON (Unexpected token 'M', "Mr Ellis "... is not
  // valid JSON)` put a patient's name on stderr and in the JSON report, with --redact too.
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
        expect(r.stderr).toContain("dignify: notes.jsonl: line 2 (row 2): skipped a malformed record: not valid JSON (Unexpected token 'M')\n");
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
    expect(fault('Ms Lindqvist is a known alcoholic')).toBe("not valid JSON (Unexpected token 'M')");
    expect(fault('{"id": 1, "text": "Ms Lindqvist"} x')).toMatch(/^not valid JSON \(Unexpected non-whitespace character after JSON at position \d+/);
    expect(fault('{"id": 1, "text": "Ms Lindqvist", x}')).toMatch(/^not valid JSON \(Expected double-quoted property name in JSON at position \d+/);
    // The excerpt V8 takes from the middle of a long line: `..."text"...`.
    const long = `{"id": 1, "text": "${'Ms Lindqvist '.repeat(20)}" "more"}`;
    expect(fault(long)).not.toContain('Lindqvist');
    expect(jsonSyntaxError(new SyntaxError('Unexpected token \'x\', ..."Lindqvist "... is not valid JSON'))).toBe("not valid JSON (Unexpected token 'x')");
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
