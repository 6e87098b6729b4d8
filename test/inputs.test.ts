// The readers: every format's findings point to the right record and position; placeholders are
// not words; malformed records are reported and lose no other record.
import { readFileSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintFiles, lintText, type LintResult } from '../src/index.js';
import { oneByte } from '../src/inputs/decode.js';
import { readSources } from '../src/inputs/sources.js';
import { binaryUnit, ROOT, runMain } from './helpers.js';

const fixture = (name: string) => path.join(ROOT, 'fixtures', 'inputs', name);
const tempFile = (name: string, content: string | Buffer) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'dignify-inputs-')), name);
  writeFileSync(file, content);
  return file;
};
const found = (results: LintResult[]) => results.flatMap((r) => r.findings.map((f) => [r.record?.row, r.record?.id, f.start.line, f.start.column, f.actual]));

describe('oneByte (an export field stored one byte per character when it can be)', () => {
  it('never changes the text', async () => {
    const text = fc.oneof(fc.string({ unit: fc.constantFrom('a', 'é', 'ÿ', '\u0100', '’', '\u00a0', '🙂') }), fc.string({ unit: binaryUnit }));
    fc.assert(
      fc.property(text, (s) => {
        expect(oneByte(s)).toBe(s);
      }),
    );
    expect(oneByte('caf\u00e9 \u00ff')).toBe('café ÿ');
  });
});

describe('CSV, TSV and JSON Lines exports', () => {
  const rows = parse(readFileSync(fixture('mtsamples-excerpt.csv')), { columns: true }) as Array<Record<string, string>>;
  const expected = [
    [1, '129', 1, 506, 'drug abuse'],
    [3, '1782', 1, 502, 'substance abuse'],
    // "a pleasant but demented 80-year-old male": the label before an age (identity/crazy-person).
    [4, '3126', 1, 93, 'demented'],
    [6, '4148', 1, 347, 'alcohol abuse'],
  ];

  it('gives one result per record, findings at line:column inside the note, offsets into the note', async () => {
    const results = await lintFiles([fixture('mtsamples-excerpt.csv')], { textColumn: 'transcription', idColumn: 'note_id' });
    expect(results.map((r) => r.record?.id)).toEqual(rows.map((r) => r.note_id));
    expect(found(results)).toEqual(expected);
    for (const r of results) {
      const note = rows[r.record!.row - 1]!.transcription!;
      for (const f of r.findings) expect(note.slice(f.start.offset, f.end.offset)).toBe(f.actual);
    }
    // record.line is the export's line where the record starts.
    const lines = readFileSync(fixture('mtsamples-excerpt.csv'), 'utf8').split('\n');
    for (const r of results) expect(lines[r.record!.line - 1]!.startsWith(`${r.record!.id},`)).toBe(true);
  });

  it('reads the same notes from TSV and from nested JSON Lines fields', async () => {
    expect(found(await lintFiles([fixture('mtsamples-excerpt.tsv')], { textColumn: 'transcription', idColumn: 'note_id' }))).toEqual(expected);
    const jsonl = await lintFiles([fixture('mtsamples-excerpt.jsonl')], { textColumn: 'note.text', idColumn: 'id' });
    expect(found(jsonl)).toEqual(expected);
    expect(jsonl.map((r) => r.record!.line)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('handles a BOM, CRLF line ends, UTF-16 with a BOM, and a multi-megabyte field', async () => {
    const csv = 'id,note\r\n1,"Hx of\r\nIVDU."\r\n2,clean\r\n';
    const expectIvdu = async (file: string) => expect(found(await lintFiles([file]))).toEqual([[1, '1', 2, 1, 'IVDU']]);
    await expectIvdu(tempFile('bom.csv', `\ufeff${csv}`));
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]);
    await expectIvdu(tempFile('utf16le.csv', le));
    const be = Buffer.from(le);
    be.swap16();
    await expectIvdu(tempFile('utf16be.csv', be));
    const long = `${'Vitals stable. '.repeat(70_000)}Known heroin addict.`;
    const [r] = await lintFiles([tempFile('long.csv', `id,text\n7,"${long}"\n`)]);
    expect(r!.findings.map((f) => [f.actual, f.start.offset])).toEqual([['heroin addict', long.indexOf('heroin addict')]]);
  });

  it('reports an unterminated quote at its line and reads every record after it', async () => {
    const file = tempFile('bad.csv', 'id,text\n1,"hx of drug abuse\n2,IVDU\n3,"said ""IVDU"" once"\n4,heroin addict\n');
    const results = await lintFiles([file]);
    expect(results.map((r) => [r.record!.row, r.record!.line, r.error ?? r.findings.map((f) => f.actual)])).toEqual([
      [1, 2, expect.stringMatching(/quot/)],
      [2, 3, ['IVDU']],
      [3, 4, ['IVDU']],
      [4, 5, ['heroin addict']],
    ]);
    // At the end of the file too.
    const eof = await lintFiles([tempFile('eof.csv', 'id,text\n1,IVDU\n2,"never closed\n3,drug abuse\n')]);
    expect(eof.map((r) => [r.record!.row, r.error ? 'error' : r.findings.map((f) => f.actual)])).toEqual([
      [1, ['IVDU']],
      [2, 'error'],
      [3, ['drug abuse']],
    ]);
  });

  it('TSV has no quoting (a quotation mark is text); a stray non-UTF-8 byte costs no record', async () => {
    const tsv = await lintFiles([tempFile('q.tsv', 'id\ttext\n1\tHe is 5\'10" tall, hx IVDU\n2\t"drug abuse"\n')]);
    expect(found(tsv)).toEqual([
      [1, '1', 1, 22, 'IVDU'],
      [2, '2', 1, 2, 'drug abuse'],
    ]);
    const latin1 = tempFile('latin1.csv', Buffer.from('id,text\n1,caf\xe9 IVDU\n2,drug abuse\n', 'latin1'));
    expect(found(await lintFiles([latin1]))).toEqual([
      [1, '1', 1, 6, 'IVDU'],
      [2, '2', 1, 1, 'drug abuse'],
    ]);
    expect((await runMain([latin1])).stderr).toContain('warning: not valid UTF-8; the bad bytes are read as \uFFFD');
  });

  it('reports a record with a missing column, a line that is not JSON and a missing field', async () => {
    const csv = await lintFiles([tempFile('cols.csv', 'id,text,extra\n1,IVDU,x\n2,IVDA\n3,drug abuse,y\n')]);
    expect(csv.map((r) => r.error ?? r.findings[0]!.actual)).toEqual(['IVDU', '2 fields where the header has 3', 'drug abuse']);
    const jsonl = await lintFiles([tempFile('bad.jsonl', '{"text":"IVDU"}\n\n{"text": "drug abuse"\n{"body":"x"}\n[1]\n{"text":"heroin addict"}\n')]);
    expect(jsonl.map((r) => [r.record!.row, r.record!.line, r.error ?? r.findings[0]!.actual])).toEqual([
      [1, 1, 'IVDU'],
      [2, 3, expect.stringMatching(/^not valid JSON/)],
      [3, 4, 'no field "text"'],
      [4, 5, 'not a JSON object'],
      [5, 6, 'heroin addict'],
    ]);
  });
});

describe('export reader options: columns kept, bytes read', () => {
  it('keeps only the columns asked for on each record, by the name asked for', async () => {
    const results = await lintFiles([fixture('mtsamples-excerpt.csv')], { textColumn: 'transcription', fields: ['medical_specialty', 'Sample Name'] });
    const rows = parse(readFileSync(fixture('mtsamples-excerpt.csv')), { columns: true }) as Array<Record<string, string>>;
    expect(results.map((r) => r.record!.fields)).toEqual(rows.map((r) => ({ medical_specialty: r.medical_specialty, 'Sample Name': r.sample_name })));
    // Without `fields`, nothing else is kept.
    const plain = await lintFiles([fixture('mtsamples-excerpt.csv')], { textColumn: 'transcription' });
    expect(plain.every((r) => r.record!.fields === undefined)).toBe(true);
  });

  it('keeps nested JSON Lines fields by their dotted path; a field a later record lacks is left out', async () => {
    const jsonl = await lintFiles([fixture('mtsamples-excerpt.jsonl')], { textColumn: 'note.text', fields: ['specialty', 'note.title'] });
    expect(jsonl[0]!.record!.fields).toEqual({ specialty: 'Urology', 'note.title': 'Flank Pain - Consult' });
    const mixed = await lintFiles([tempFile('m.jsonl', '{"text":"a","unit":{"n":4},"x":null}\n{"text":"b","x":7}\n')], { fields: ['unit.n', 'x'] });
    expect(mixed.map((r) => r.record!.fields)).toEqual([{ 'unit.n': '4', x: '' }, { x: '7' }]);
  });

  it('a column to keep that the header (or first JSON record) lacks is an error naming it and those present', async () => {
    const [csv] = await lintFiles([fixture('mtsamples-excerpt.csv')], { textColumn: 'transcription', fields: ['ward'] });
    expect(csv!.record).toBeUndefined();
    expect(csv!.error).toBe('no column "ward"; the columns are "note_id", "description", "medical_specialty", "sample_name", "transcription", "keywords"');
    const [jsonl] = await lintFiles([fixture('mtsamples-excerpt.jsonl')], { textColumn: 'note.text', fields: ['note.ward'] });
    expect(jsonl!.error).toBe('no field "note.ward"; the fields are "id", "specialty", "note"');
  });

  it('onBytes tells how much of an export has been read, up to its size', async () => {
    const file = fixture('mtsamples-excerpt.csv');
    const seen: number[] = [];
    let records = 0;
    for await (const event of readSources([file], { textColumn: 'transcription', onBytes: (f, n) => (expect(f).toBe(file), seen.push(n)) }))
      if (event.kind === 'document') records++;
    expect(records).toBe(6);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(statSync(file).size);
  });
});

describe('Markdown, HTML and Word documents', () => {
  const check = (text: string, results: LintResult[]) => {
    for (const f of results[0]!.findings) expect(text.slice(f.start.offset, f.end.offset)).toBe(f.actual);
    return results[0]!.findings.map((f) => [f.start.line, f.start.column, f.actual]);
  };

  it('Markdown: positions in the file; code, front matter, URLs, link targets, comments and placeholders are not prose', async () => {
    const text = readFileSync(fixture('handout.md'), 'utf8');
    expect(check(text, await lintFiles([fixture('handout.md')]))).toEqual([
      [8, 38, 'drug abuser'],
      [10, 30, 'heroin\n> addict'],
      [26, 52, 'IVDU'],
      // The row "| drug | abuse |" reads as "drug: abuse" (a row is one statement): "abuse" is
      // reported by abuse-verb, its substance in the row's other cell; "drug abuse" is never one
      // phrase across the cell border.
      [27, 10, 'abuse'],
      [29, 27, 'heroin addict'],
    ]);
  });

  it('Markdown: positions stay exact after entities, escapes and list indentation', async () => {
    const text = 'Tom &amp; Jerry \\*said\\* it: drug abuse.\n\n- item one,\n  then IVDU\n';
    expect(check(text, await lintFiles([tempFile('x.md', text)]))).toEqual([
      [1, 30, 'drug abuse'],
      [4, 8, 'IVDU'],
    ]);
  });

  it('HTML: positions in the file; script, style, pre, code, comments and attributes are skipped', async () => {
    const text = readFileSync(fixture('handout.html'), 'utf8');
    expect(check(text, await lintFiles([fixture('handout.html')]))).toEqual([
      [10, 43, 'drug abuser'],
      [11, 33, 'heroin\n     addict'],
      [17, 73, 'IVDU'],
    ]);
  });

  // Found by a newcomer's trial as a patient-education team: a page's "<title>", a FAQ's "<summary>", a form's
  // "<legend>" and an old handout's top-level "<center>" or "<font>" lost their text (the converter
  // to retext's tree reads text only in paragraphs, flow containers and phrasing among them).
  it('HTML: the text of title, summary, legend, center and font is read', async () => {
    const title = '<html><head><title>Drug abuse help</title></head><body><p>Hi.</p></body></html>\n';
    expect(check(title, await lintFiles([tempFile('t.html', title)]))).toEqual([[1, 20, 'Drug abuse']]);
    expect((await lintText(title, { syntax: 'html', fix: true })).output).toBe(title.replace('Drug abuse', 'Drug use'));
    const text =
      '<details><summary>Drug abuse help</summary><p>Call us.</p></details>\n<fieldset><legend>Hx of IVDU</legend></fieldset>\n<center>Known addict.</center>\nHx of <font color="red">drug</font> abuse.\n';
    expect(check(text, await lintFiles([tempFile('faq.html', text)]))).toEqual([
      [1, 19, 'Drug abuse'],
      [2, 25, 'IVDU'],
      [3, 15, 'addict'],
      [4, 25, 'drug</font> abuse'],
    ]);
  });

  // The markup task (a newcomer's trial of patient-education pages): an image's "alt" text (read aloud
  // by a screen reader), a "title" tooltip and a page's '<meta name="description" content="…">' were
  // never read, while Markdown's image alt text was. Each value is its own paragraph, its quotes no
  // quotation; a finding points into the value; --fix leaves it (no text node) and says so.
  it('HTML: alt, title and a meta description are read, where they stand; other attributes are not', async () => {
    const page = [
      '<html><head><meta name="description" content="Help for the heroin addict &amp; family"></head><body>',
      '<p>Clean and dry wound.</p><img src="drug-abuse.png" class="addict" alt="A drug abuser sharing dirty needles">',
      '<abbr title=\'Known IVDU\'>IVDU</abbr> <a href=x title=addicts data-x="drug abuse">help</a>',
      '<img alt="Clean and dry dressing"><script>var s = \'<img alt="addict">\';</script>',
      '</body></html>\n',
    ].join('\n');
    const findings = await lintText(page, { syntax: 'html' });
    expect(findings.map((f) => [f.start.line, f.start.column, f.actual, page.slice(f.start.offset, f.end.offset), f.quoted ?? false])).toEqual([
      [1, 60, 'heroin addict', 'heroin addict', false],
      [2, 76, 'drug abuser', 'drug abuser', false],
      [2, 96, 'dirty needles', 'dirty needles', false],
      [3, 20, 'IVDU', 'IVDU', false],
      [3, 26, 'IVDU', 'IVDU', false],
      [3, 54, 'addicts', 'addicts', false],
    ]);
    // --fix edits the text (the abbreviation) and never an attribute: that fix is withheld, and says why.
    const fixed = await lintText(page, { syntax: 'html', fix: true });
    expect(fixed.output).toBe(page.replace('>IVDU</abbr>', '>Injection drug use</abbr>'));
    const skipped = fixed.findings.find((f) => f.actual === 'IVDU' && f.start.column === 20)!;
    expect(skipped.fixSkipped).toEqual({ reason: 'markup', message: expect.stringContaining("an attribute's value") });
    // At the start of a value, Title Case is no name: the reason is the attribute.
    const [alt] = await lintText('<img alt="Known IVDU sharing needles">', { syntax: 'html' });
    expect(alt!.fixSkipped?.reason).toBe('markup');
  });

  it('Markdown: alt and title of HTML read as in HTML, beside its image alt text', async () => {
    const text = '# T\n\n<div class="c"><img alt="drug abuse help" src="x"></div>\n\nSee <img alt="Known addict"> here.\n\n![Drug abuse](x.png)\n';
    expect((await lintText(text, { syntax: 'markdown' })).map((f) => [f.start.line, f.start.column, f.actual])).toEqual([
      [3, 26, 'drug abuse'],
      [5, 21, 'addict'],
      [7, 3, 'Drug abuse'],
    ]);
  });

  // Found by the same trial: an HTML block in Markdown ('<div class="callout">' around a warning,
  // a "<details>" summary) was never read, though a reader of the handout sees its text.
  it('Markdown: the text of an HTML block is read as HTML, where it stands', async () => {
    const text =
      '# Handout\n\n<div class="callout">\nNever share dirty needles.\n</div>\n\n<details><summary>Drug abuse</summary>\n\nHelp for drug abuse.\n\n</details>\n\n<!-- a comment block: drug abuse -->\n<div><pre>drug abuse</pre><p>Known addict. <!-- dignify-disable-line --></p></div>\n\n> <p>Hx of IVDU</p>\n\nAn <abbr title="x">IVDU</abbr> clinic.\n';
    const [r] = await lintFiles([tempFile('h.md', text)]);
    expect(check(text, [r!])).toEqual([
      [4, 13, 'dirty needles'],
      [7, 19, 'Drug abuse'],
      [9, 10, 'drug abuse'],
      [16, 12, 'IVDU'],
      [18, 20, 'IVDU'],
    ]);
    // Old Mac line ends (CR alone) count as line breaks there too.
    const cr = '# H\r\r<div>\rHx of IVDU.\r</div>\r';
    expect(check(cr, await lintFiles([tempFile('cr.md', cr)]))).toEqual([[4, 7, 'IVDU']]);
    // A Markdown fix never edits inside an HTML block: reported, its fix withheld.
    expect(r!.findings.filter((f) => f.start.line === 7).map((f) => f.fixSkipped?.reason)).toEqual(['markup']);
  });

  it('Word: findings name the paragraph and quote the sentence', async () => {
    const [r] = await lintFiles([fixture('handout.docx')]);
    expect(r!.findings.map((f) => [f.paragraph, f.actual, f.context])).toEqual([
      [3, 'drug abuser', 'Your care team knows you are not a drug abuser; you are a person.'],
      [4, 'heroin addict', 'People once called a known heroin addict "hopeless".'],
      [6, 'IVDU', 'Tell us about any IVDU history.'],
    ]);
  });

  it('--input-format overrides the extension', async () => {
    const file = tempFile('page.txt', '<p>IVDU</p><code>drug abuse</code>');
    expect((await lintFiles([file])).flatMap((r) => r.findings.map((f) => f.actual))).toEqual(['IVDU', 'drug abuse']);
    expect((await lintFiles([file], { inputFormat: 'html' })).flatMap((r) => r.findings.map((f) => f.actual))).toEqual(['IVDU']);
  });
});

describe('template placeholders', () => {
  it('are never flagged, never glue onto words, and do not break a phrase around them', async () => {
    const actuals = async (t: string) => (await lintText(t)).map((f) => f.actual);
    expect(await actuals('Pt is a known @AGE@ y/o heroin addict.')).toEqual(['heroin addict']);
    expect(await actuals('{{drug_abuse}} [[IVDU]] @ADDICT@ {SmartList:123 drug abuse} *** noted.')).toEqual([]);
    expect(await actuals('Hx of {{x}}IVDU and ***addict')).toEqual(['IVDU', 'addict']);
    expect(await actuals('History of drug *** abuse.')).toEqual(['drug *** abuse']);
  });

  // Found by a newcomer's trial as a template author: the tags of Jinja, Liquid, Django and
  // Nunjucks ("{% if ivdu %}"), their comments ("{# … #}"), "${…}" (FreeMarker, Velocity,
  // JavaScript) and "<%= … %>" (ERB, EJS) were read as prose: a variable named "ivdu" was flagged,
  // and --fix wrote "{% if injection drug use %}", a template that no longer parses.
  it('leaves template code alone: its tags are blanks, and --fix never writes inside one', async () => {
    const actuals = async (t: string, syntax?: 'markdown' | 'html') => (await lintText(t, { syntax })).map((f) => f.actual);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template language's "${…}", on purpose
    const tags = '{% if ivdu %}x{% endif %} {%- if drug_abuse -%}y{%- endif %} {# IVDU here #} ${ivdu} <%= ivdu %> {% if a/b %}drug abuse{% endif %}';
    for (const syntax of [undefined, 'markdown', 'html'] as const) {
      expect(await actuals(tags, syntax)).toEqual(['drug abuse']);
      // The words between the tags are the template's text, and still read.
      expect(await actuals('{% if x %}Hx of IVDU.{% endif %} Known {{ age }} y/o heroin addict.', syntax)).toEqual(['IVDU', 'heroin addict']);
    }
    // A phrase around a tag is still reported, and its fix withheld as around any placeholder.
    const { output, findings } = await lintText('Pt with {% if ivdu %}IVDU{% endif %}, hx of drug {# note #} abuse.', { fix: true });
    expect(output).toBe('Pt with {% if ivdu %}injection drug use{% endif %}, hx of drug {# note #} abuse.');
    expect(findings.map((f) => [f.actual, f.fixSkipped?.reason])).toEqual([['drug {# note #} abuse', 'markup']]);
  });

  // Found by the markup task: a tag written over several lines ("{% if ivdu\n or x %}", "{{ name\n }}")
  // was read as prose (the masks held one line each): its variables flagged, and --fix wrote into it.
  it('blanks template tags that run over several lines, line breaks kept, and reads the text between them', async () => {
    const actuals = async (t: string, syntax?: 'markdown' | 'html') => (await lintText(t, { syntax })).map((f) => [f.actual, f.start.line]);
    const tags = [
      '{% if ivdu',
      '   or drug_abuse %}',
      'Hx of drug abuse.',
      '{%- endif',
      '-%} {{ addict_flag',
      '}} {# IVDU',
      'note #} <%= ivdu',
      '%> Known addict.',
    ].join('\n');
    for (const syntax of [undefined, 'markdown', 'html'] as const) {
      expect(await actuals(tags, syntax)).toEqual([
        ['drug abuse', 3],
        ['addict', 8],
      ]);
    }
    // --fix edits the text between the tags and never the tags.
    const { output } = await lintText('{% if ivdu\n  %}Hx of IVDU.{% endif %}', { fix: true });
    expect(output).toBe('{% if ivdu\n  %}Hx of injection drug use.{% endif %}');
    // A tag left open does not blank the paragraph after a blank line.
    expect(await actuals('{% if x\n\nHx of drug abuse. %}')).toEqual([['drug abuse', 3]]);
  });
});

describe('the CLI on exports', () => {
  it('says the column it chose once, prints row and id, and nests records in JSON', async () => {
    const r = await runMain([fixture('mtsamples-excerpt.csv')]);
    expect(r.code).toBe(1);
    expect(r.stderr.match(/linting the column "transcription" \(record id: "note_id"\)/g)).toHaveLength(1);
    expect(r.stdout).toMatch(/^ {2}row 1 \(note_id 129\) {2}1:506 {2}error {4}"drug abuse" → "drug use"/m);
    const json = JSON.parse(
      (await runMain([fixture('mtsamples-excerpt.jsonl'), '--text-field', 'note.text', '--id-field', 'id', '-f', 'json'])).stdout,
    ) as Array<{
      file: string;
      records: Array<{ row: number; id: string; line: number; findings: Array<{ actual: string }> }>;
      records_read: number;
    }>;
    expect(json).toHaveLength(1);
    expect(json[0]!.records.map((x) => [x.row, x.id, x.line, x.findings.map((f) => f.actual)])).toEqual([
      [1, '129', 1, ['drug abuse']],
      [3, '1782', 3, ['substance abuse']],
      [4, '3126', 4, ['demented']],
      [6, '4148', 6, ['alcohol abuse']],
    ]);
    expect(json[0]!.records_read).toBe(6);
    expect((await runMain([fixture('mtsamples-excerpt.csv'), '-f', 'compact'])).stdout).toContain(
      'mtsamples-excerpt.csv:row 3 (note_id 1782):1:502: error Avoid "substance abuse"',
    );
  });

  it('exits 2 with the list of columns when none holds note text', async () => {
    const r = await runMain([tempFile('x.csv', 'a,b\n1,IVDU\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no column looks like note text; name it with --text-column (the columns are "a", "b")');
    expect((await runMain([tempFile('y.csv', 'a,b\n1,IVDU\n'), '--text-column', 'c'])).stderr).toContain('no column "c"; the columns are "a", "b"');
  });

  it('shows no column name that reads like note text, and none with --redact (a CSV without a header row)', async () => {
    // The first record is read as the header: its note was echoed to stderr, with --redact too.
    const note = 'Pt is a heroin addict with hx of IVDU';
    const file = tempFile('nohdr.csv', `1,${note}\n2,Clean and dry.\n`);
    const r = await runMain([file]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('heroin');
    expect(r.stderr).toContain(
      'the columns are "1", column 2; one name reads like note text and is not shown: is the first row a record? An export needs a header row',
    );
    const redacted = await runMain([file, '--redact']);
    expect(redacted.code).toBe(2);
    expect(redacted.stderr).toContain('the columns are column 1, column 2; names are not shown with --redact');
    // A header's names are still listed, but for --redact.
    const header = tempFile('hdr.csv', 'id,remark,when\n1,IVDU,2024\n');
    expect((await runMain([header, '--text-column', 'note'])).stderr).toContain('no column "note"; the columns are "id", "remark", "when"');
    expect((await runMain([header, '--redact'])).stderr).toContain('(the columns are column 1, column 2, column 3; names are not shown with --redact)');
    // The report, which holds no note text without --include-snippets, says the same on its stderr.
    const report = await runMain(['report', file, '-o', path.join(path.dirname(file), 'r.html')]);
    expect(report.code).toBe(2);
    expect(report.stderr).not.toContain('heroin');
  });

  it('a malformed record: one line naming file, line and row; exit 2, or with --skip-bad-records a count; the records read and linted said with it', async () => {
    const file = tempFile('bad.csv', 'id,text\n1,"broken\n2,IVDU\n');
    const r = await runMain([file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: line 2 (row 1): skipped a malformed record: unterminated quoted field`);
    expect(r.stdout).toContain('"IVDU"');
    // An analyst's trial: the count of malformed records did not say how many were read and linted.
    expect(r.stderr).toContain(`${file}: 2 records read, 1 linted; 1 malformed record skipped (exit 2; --skip-bad-records accepts them)\n`);
    const s = await runMain([file, '--skip-bad-records']);
    expect(s.code).toBe(1);
    expect(s.stderr).toContain(`${file}: 2 records read, 1 linted; 1 malformed record skipped\n`);
    // FHIR: a record is a note (an attachment); a line that is not JSON is one too.
    const fhir = tempFile(
      'bad.ndjson',
      `${JSON.stringify({ resourceType: 'DocumentReference', id: 'a', content: [{ attachment: { contentType: 'text/plain', data: Buffer.from('Known IVDU.').toString('base64') } }, { attachment: { contentType: 'text/plain', data: '@@not base64' } }] })}\n{"resourceType":\n`,
    );
    expect((await runMain([fhir, '-f', 'jsonl'])).stderr).toContain(`${fhir}: 3 records read, 1 linted; 2 malformed records skipped (exit 2;`);
  });

  it('reads an export from standard input, by --stdin-filename or --input-format', async () => {
    expect((await runMain(['--stdin-filename', 'notes.jsonl', '-f', 'compact'], { input: '{"note":"Hx IVDU"}\n' })).stdout).toMatch(
      /^notes\.jsonl:row 1:1:4: error/,
    );
    expect((await runMain(['--input-format', 'tsv', '-f', 'compact'], { input: 'id\ttext\n9\tHx IVDU\n' })).stdout).toMatch(
      /^<stdin>:row 1 \(id 9\):1:4: error/,
    );
  });
});
