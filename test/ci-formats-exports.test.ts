// github and SARIF for exports and .docx (issue 15, item 6): a finding in an export record points
// at the record's own line of the export (not line 1, the header) and names the record; a .docx
// finding names its paragraph instead of a line inside mammoth's text.
import { describe, expect, it } from 'vitest';
import { formatAll, formatters, type Finding, type LintResult } from '../src/index.js';

const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: 'substance-use/addict',
  category: 'substance-use',
  severity: 'error',
  message: 'Avoid "addict"',
  actual: 'addict',
  suggestions: [],
  start: { line: 2, column: 5, offset: 20 },
  end: { line: 2, column: 11, offset: 26 },
  url: 'https://example.org/docs/rules.md#x',
  ...over,
});

const record: LintResult = { file: 'notes.csv', record: { row: 3, id: 'N-7', idName: 'note_id', line: 5 }, findings: [finding()] };
// Parquet has no lines: its records say line 0 (see "JSON output" in the README).
const parquet: LintResult = { file: 'notes.parquet', record: { row: 3, id: 'P3', idName: 'note_id', line: 0 }, findings: [finding()] };
const docx: LintResult = {
  file: 'leaflet.docx',
  findings: [finding({ paragraph: 4, start: { line: 7, column: 1, offset: 90 }, end: { line: 7, column: 7, offset: 96 } })],
};
const plain: LintResult = { file: 'a.txt', findings: [finding()] };
const context = { why: false, color: false, cwd: process.cwd() };

describe('--format github', () => {
  it("points at the record's line of the export and names the record and the place in the note", () => {
    expect(formatAll(formatters.github!, [record], context)).toBe(
      '::error file=notes.csv,line=5,endLine=5,title=substance-use/addict::row 3 (note_id N-7), 2:5: Avoid "addict" [substance-use/addict]\n',
    );
  });

  it('names the paragraph of a .docx, with no line inside the zip', () => {
    expect(formatAll(formatters.github!, [docx], context)).toBe(
      '::error file=leaflet.docx,title=substance-use/addict::paragraph 4: Avoid "addict" [substance-use/addict]\n',
    );
  });

  it('names a Parquet record with no line (the format has none; GitHub has no line 0)', () => {
    // Before: "::error file=notes.parquet,line=0,endLine=0,…".
    expect(formatAll(formatters.github!, [parquet], context)).toBe(
      '::error file=notes.parquet,title=substance-use/addict::row 3 (note_id P3), 2:5: Avoid "addict" [substance-use/addict]\n',
    );
  });

  it('makes what is skipped with a warning a warning annotation: a FHIR attachment at its line, a file', () => {
    // Before: nothing; stderr alone said it, and SARIF as a notification.
    const attachment: LintResult = {
      file: 'bulk.ndjson',
      record: { row: 5, id: 'DocumentReference/d3', part: 'content[1]', line: 4 },
      findings: [],
      skipped: 'DocumentReference/d3 content[1]: content type application/pdf is not read (text/plain, text/html and text/markdown are)',
    };
    const binary: LintResult = { file: 'notes/image.txt', findings: [], skipped: 'binary file' };
    expect(formatAll(formatters.github!, [attachment, binary], context)).toBe(
      '::warning file=bulk.ndjson,line=4,title=dignify::row 5: skipped: DocumentReference/d3 content[1]: content type application/pdf is not read (text/plain, text/html and text/markdown are)\n' +
        '::warning file=notes/image.txt,title=dignify::skipped: binary file\n',
    );
  });

  it('keeps line and column for a plain file', () => {
    expect(formatAll(formatters.github!, [plain], context)).toBe(
      '::error file=a.txt,line=2,endLine=2,col=5,endColumn=11,title=substance-use/addict::Avoid "addict" [substance-use/addict]\n',
    );
  });
});

describe('--format sarif', () => {
  type Result = {
    message: { text: string };
    locations: Array<{ physicalLocation: { region?: Record<string, number> }; logicalLocations?: Array<{ name: string }> }>;
  };
  const results = (r: LintResult) => (JSON.parse(formatAll(formatters.sarif!, [r], context)) as { runs: Array<{ results: Result[] }> }).runs[0]!.results;

  it("points at the record's line of the export", () => {
    const [r] = results(record);
    expect(r!.locations[0]!.physicalLocation.region).toEqual({ startLine: 5, endLine: 5 });
    expect(r!.locations[0]!.logicalLocations).toEqual([{ name: 'row 3 (note_id N-7)', kind: 'element' }]);
    expect(r!.message.text).toBe('row 3 (note_id N-7), 2:5: Avoid "addict"');
  });

  it('gives a Parquet record no region (SARIF 2.1.0 wants startLine >= 1), and the record', () => {
    // Before: region { startLine: 0, endLine: 0 }, which fails the SARIF schema.
    const [r] = results(parquet);
    expect(r!.locations[0]!.physicalLocation.region).toBeUndefined();
    expect(r!.locations[0]!.logicalLocations).toEqual([{ name: 'row 3 (note_id P3)', kind: 'element' }]);
    expect(r!.message.text).toBe('row 3 (note_id P3), 2:5: Avoid "addict"');
  });

  it('gives a .docx finding no region, and its paragraph', () => {
    const [r] = results(docx);
    expect(r!.locations[0]!.physicalLocation.region).toBeUndefined();
    expect(r!.locations[0]!.logicalLocations).toEqual([{ name: 'paragraph 4', kind: 'element' }]);
    expect(r!.message.text).toBe('paragraph 4: Avoid "addict"');
  });
});
