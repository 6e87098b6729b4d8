// Inline control comments in plain text, Markdown and HTML: -next-line, -line, disable … enable,
// with rule ids or categories, a reason after "--", and look-alikes that are not directives.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles, lintText } from '../src/index.js';
import { applyInlineControl, findDirectives } from '../src/match/inline-control.js';
import { docxBytes } from './docx.js';
import { runMain } from './helpers.js';

async function reported(text: string): Promise<string[]> {
  return applyInlineControl(text, await lintText(text)).map((f) => `${f.start.line}:${f.actual}`);
}

describe('inline control', () => {
  it.each([
    ['a line of its own (plain text)', 'dignify-disable-next-line\nKnown heroin addict.\nHx of drug abuse.\n'],
    ['an HTML comment (Markdown, HTML)', '<!-- dignify-disable-next-line -->\nKnown heroin addict.\nHx of drug abuse.\n'],
    ['a # comment', '# dignify-disable-next-line\nKnown heroin addict.\nHx of drug abuse.\n'],
    ['a // comment', '  // dignify-disable-next-line\nKnown heroin addict.\nHx of drug abuse.\n'],
    ['an HTML comment inside a tag line', '<p><!--dignify-disable-next-line--></p>\n<p>Known heroin addict.</p>\n<p>Hx of drug abuse.</p>\n'],
  ])('disable-next-line works in %s', async (_, text) => {
    expect(await reported(text)).toEqual(['3:drug abuse']);
  });

  it('limits a directive to the rule ids or categories it names, and ignores a reason after --', async () => {
    const text = [
      'dignify-disable-next-line substance-use/substance-abuse -- quoting the referral letter',
      'Heroin addict with hx of drug abuse.',
      '<!-- dignify-disable-next-line substance-use -->',
      'Heroin addict with hx of drug abuse.',
      '# dignify-disable-next-line substance-use/addict, substance-use/dirty-needles',
      'Heroin addict with hx of drug abuse.',
    ].join('\n');
    expect(await reported(text)).toEqual(['2:Heroin addict', '6:drug abuse']);
  });

  it('disables a range until dignify-enable, per rule or for every rule', async () => {
    const text = [
      'Heroin addict.', // 1 reported
      '<!-- dignify-disable -->',
      'Heroin addict, drug abuse.', // 3 off
      '<!-- dignify-enable substance-use/addict -->',
      'Heroin addict, drug abuse.', // 5 addict only
      '<!-- dignify-enable -->',
      'Drug abuse.', // 7 reported
      '# dignify-disable substance-use/substance-abuse',
      'Heroin addict, drug abuse.', // 9 addict only
      'Drug abuse. dignify-disable-line', // bare word mid-line is not a directive: reported? no: the range still holds
    ].join('\n');
    expect(await reported(text)).toEqual(['1:Heroin addict', '5:Heroin addict', '7:Drug abuse', '9:Heroin addict']);
  });

  it('supports disable-line in a trailing comment', async () => {
    expect(await reported('Heroin addict. <!-- dignify-disable-line -->\nHeroin addict. // dignify-disable-line substance-use\nHeroin addict.\n')).toEqual([
      '3:Heroin addict',
    ]);
  });

  it('does not take look-alikes for directives', () => {
    expect(findDirectives('We use dignify-disabled wording.\nSee http://x.org//dignify-enable\nNot dignify-disable here\n')).toEqual([]);
    expect(findDirectives('<!-- dignify-disable substance-use/addict, substance-use -->')).toEqual([
      { kind: 'disable', line: 1, rules: ['substance-use/addict', 'substance-use'], from: 0, to: 60 },
    ]);
  });

  it('works through the CLI for Markdown and HTML files alike', async () => {
    const md = await runMain(['-f', 'compact', '--stdin-filename', 'a.md'], {
      input: '# Intake\n\n<!-- dignify-disable-next-line -->\nKnown heroin addict.\nHx of drug abuse.\n',
    });
    expect(md.stdout.trim().split('\n')).toHaveLength(1);
    expect(md.stdout).toContain('a.md:5:7: error');
  });

  // A newcomer's trial: "<!-- dignify-disable-line -->" put inside a tag (the tag runs on to the next
  // line, or the text sits in an attribute's value) is no comment to the browser, yet silenced the
  // finding on its line. README: a directive counts only in a real comment.
  it('disables nothing from inside a tag, in HTML and in Markdown', async () => {
    const lines = async (text: string, syntax: 'markdown' | 'html') => (await lintText(text, { syntax })).map((f) => `${f.start.line}:${f.actual}`);
    const inTag = '<p>Known addict <a <!-- dignify-disable-line -->\n href="x">help</a></p>\n';
    const inValue = '<p>Hx of drug abuse <a title="<!-- dignify-disable-line -->" href="x">help</a></p>\n';
    for (const syntax of ['markdown', 'html'] as const) {
      expect(await lines(inTag, syntax)).toEqual(['1:addict']);
      expect(await lines(inValue, syntax)).toEqual(['1:drug abuse']);
      // A real comment beside the tag still counts.
      expect(await lines('<p>Hx of drug abuse <a href="x">help</a> <!-- dignify-disable-line --></p>\n', syntax)).toEqual([]);
    }
  });
});

describe('inline control in a Word document (.docx)', () => {
  /** A minimal .docx (test/docx.ts) in a folder of its own; its path. */
  async function docx(paragraphs: string[]): Promise<string> {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'dignify-docx-control-')), 'consent.docx');
    writeFileSync(file, await docxBytes(paragraphs));
    return file;
  }

  // mammoth puts a blank line between paragraphs, so the line after a directive's paragraph was
  // always empty: a -next-line paragraph disabled nothing, while disable … enable and -line worked.
  it('a dignify-disable-next-line paragraph covers the next paragraph, and no other', async () => {
    const file = await docx([
      'dignify-disable-next-line substance-use',
      'Known alcoholic.',
      'Hx of IVDU.',
      '# dignify-disable-next-line',
      'Heroin addict.',
      'Hx of drug abuse.',
    ]);
    const [r] = await lintFiles([file]);
    expect(r!.findings.map((f) => `${f.paragraph}:${f.actual}`)).toEqual(['3:IVDU', '6:drug abuse']);
  });

  it('leaves plain text as it was: -next-line is the line right after, blank or not', async () => {
    expect(await reported('dignify-disable-next-line\n\nKnown heroin addict.\n')).toEqual(['3:heroin addict']);
  });
});

// A CI maintainer's trial: a Jinja or Liquid template cannot hold "# dignify-disable-next-line" (the
// line would be rendered into the patient's letter), so its author writes the directive in the
// template language's own comment, which the template engine drops: it disabled nothing.
describe('inline control in a template language comment', () => {
  it.each([
    ['Jinja, Nunjucks, Twig {# #}', '{# dignify-disable-next-line substance-use -- quoted policy #}'],
    ['Jinja with whitespace control', '{#- dignify-disable-next-line -#}'],
    ['Liquid, Django {% comment %}', '{% comment %} dignify-disable-next-line {% endcomment %}'],
    ['Liquid with whitespace control', '{%- comment -%}dignify-disable-next-line substance-use/substance-abuse{%- endcomment -%}'],
    ['Liquid inline {% # %}', '{% # dignify-disable-next-line %}'],
    ['ERB, EJS <%# %>', '<%# dignify-disable-next-line %>'],
    ['Handlebars, Mustache {{! }}', '{{! dignify-disable-next-line }}'],
    ['Handlebars {{!-- --}}', '{{!-- dignify-disable-next-line -- a quotation --}}'],
  ])('disable-next-line works in %s', async (_, directive) => {
    expect(await reported(`Dear {{ name }},\n${directive}\nWe talked about your drug abuse.\nHx of drug abuse.\n`)).toEqual(['4:drug abuse']);
  });

  it('takes disable-line and a range from template comments, and the rule ids they name', async () => {
    const text = [
      'Hx of drug abuse. {# dignify-disable-line #}', // 1 off
      '{% comment %}dignify-disable substance-use/addict{% endcomment %}',
      'Heroin addict, drug abuse.', // 3 addict off
      '{# dignify-enable #}',
      'Heroin addict.', // 5 reported
    ].join('\n');
    expect(await reported(text)).toEqual(['3:drug abuse', '5:Heroin addict']);
    expect(findDirectives('{#- dignify-disable-line substance-use/addict, substance-use -#}')).toEqual([
      { kind: 'disable-line', line: 1, rules: ['substance-use/addict', 'substance-use'], from: 0, to: 64 },
    ]);
  });

  it('is no directive in a template tag that is not a comment, nor in an unclosed comment', () => {
    expect(findDirectives('{% if dignify-disable-line %}\n{{ dignify-disable-line }}\n{# dignify-disable-line\n')).toEqual([]);
  });

  it('works through lintFiles for a .j2 template', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-template-directive-'));
    const file = path.join(dir, 'letter.txt.j2');
    writeFileSync(file, '{# dignify-disable-next-line -- quoting the 1998 flyer #}\nHx of drug abuse.\nHx of IVDU.\n');
    const [result] = await lintFiles([file]);
    expect(result!.findings.map((f) => `${f.start.line}:${f.actual}`)).toEqual(['3:IVDU']);
  });
});
