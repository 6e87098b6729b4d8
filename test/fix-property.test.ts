// Properties of fixing, over generated documents (fast-check), every Markdown and HTML fixture,
// and documents built from the shared corpus (MedQuAD answers, MTSamples transcriptions) wrapped
// in markup. After fixing:
// - the document parses to the same tree shape: node types in order, link and image URLs, code,
//   comments, HTML tags and attributes;
// - it differs only in the text of changed words (inside text nodes, no punctuation or markup
//   added or removed);
// - fixing it again changes nothing and leaves the same findings, and no finding with a fix is left.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { diffArrays } from 'diff';
import fc from 'fast-check';
import type { Nodes as HastNodes } from 'hast';
import type { Nodes as MdastNodes } from 'mdast';
import rehypeParse from 'rehype-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { corpusDir } from '../bench/corpus.js';
import { lintText } from '../src/index.js';
import { expectEqual, FULL_CORPUS, propertyRuns, ROOT, sharedCorpusTexts, surelyEqual } from './helpers.js';

type Syntax = 'markdown' | 'html';
const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();
const html = unified().use(rehypeParse).freeze();
const NOT_PROSE = new Set(['script', 'style', 'code', 'pre', 'kbd', 'samp', 'textarea', 'noscript', 'template']);

/** The tree without its prose: one line per node, and the prose text nodes apart. */
function shape(text: string, syntax: Syntax): { nodes: string[]; prose: string[] } {
  const nodes: string[] = [];
  const prose: string[] = [];
  const walk = (node: MdastNodes | HastNodes, inCode: boolean) => {
    const {
      type,
      position: _p,
      children,
      ...rest
    } = node as { type: string; position?: unknown; children?: Array<MdastNodes | HastNodes> } & Record<string, unknown>;
    if (type === 'text' && !inCode) {
      nodes.push('text');
      prose.push(String(rest.value));
    } else if (syntax === 'markdown' && type === 'image') {
      // The alt text and the title (a tooltip) are prose; the URL is not.
      nodes.push(JSON.stringify({ type, url: rest.url }));
      prose.push(String(rest.alt ?? ''), String(rest.title ?? ''));
    } else if (syntax === 'markdown' && (type === 'link' || type === 'definition')) {
      const { title, ...markup } = rest;
      nodes.push(JSON.stringify({ type, ...markup }));
      prose.push(String(title ?? ''));
    } else nodes.push(JSON.stringify({ type, ...rest }));
    const code = inCode || (type === 'element' && NOT_PROSE.has(String(rest.tagName)));
    for (const child of children ?? []) walk(child, code);
  };
  walk((syntax === 'markdown' ? markdown : html).parse(text) as MdastNodes | HastNodes, false);
  return { nodes, prose };
}

/** Words, and the runs of other characters between them. */
const tokens = (text: string) => text.split(/([\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*)/u).filter(Boolean);

/** Parts of a text node that changed, when anything but words and the spaces or hyphens between them changed. */
function nonWordChanges(before: string, after: string): string[] {
  return diffArrays(tokens(before), tokens(after))
    .filter((part) => part.added || part.removed)
    .flatMap((part) => part.value.filter((t) => !/^(?:[\p{L}\p{N}'’]+|[ -])$/u.test(t)).map((t) => `${part.added ? '+' : '-'}${JSON.stringify(t)}`));
}

async function checkFix(text: string, syntax: Syntax): Promise<{ changed: boolean }> {
  const once = await lintText(text, { fix: true, syntax });
  const before = shape(text, syntax);
  // An unchanged document has the same tree (the parsers are deterministic): not parsed again.
  const after = once.output === text ? before : shape(once.output, syntax);
  if (!surelyEqual(after.nodes, before.nodes))
    expect(after.nodes, `tree shape after fixing ${JSON.stringify(text)} → ${JSON.stringify(once.output)}`).toEqual(before.nodes);
  expect(after.prose.length).toBe(before.prose.length);
  before.prose.forEach((value, i) => {
    if (value === after.prose[i]) return; // an unchanged text node changed nothing
    expect(nonWordChanges(value, after.prose[i]!), `text node ${JSON.stringify(value)} → ${JSON.stringify(after.prose[i])}`).toEqual([]);
  });
  expect(once.findings.filter((f) => f.fix)).toEqual([]);
  const twice = await lintText(once.output, { fix: true, syntax });
  expect(twice.output).toBe(once.output);
  expect(twice.fixed).toBe(0);
  // The same findings left, at the same places (test/fix.test.ts leaves the large fixtures to this).
  expectEqual(twice.findings, once.findings);
  return { changed: once.output !== text };
}

// Words that make phrases (fixable or not, names, acronyms) and markup to put between them.
const WORDS = [
  'Hx',
  'of',
  'drug',
  'abuse',
  'EtOH',
  'IVDU',
  'a',
  'an',
  'IVDA',
  'IV',
  'alcoholic',
  'cirrhosis',
  'liver',
  'disease',
  'heroin',
  'addict',
  'Drug',
  'Abuse',
  'Alcohol',
  'Clinic',
  'Resistance',
  'noted',
  'hx',
  'denies',
  'no',
  'DRUG',
  'ABUSE',
  'alcohol',
  'cocaine',
  'substance',
  'patient',
  'clean',
];
const MD_GAPS = [
  ' ',
  ' ',
  ' ',
  '\n',
  ' *',
  '* ',
  ' **',
  '** ',
  ' _',
  '_ ',
  ' <!-- c --> ',
  ' [',
  '](https://example.org/drug-abuse) ',
  ' `',
  '` ',
  '. ',
  ', ',
  '\n\n',
  '\n> ',
  '\n- ',
  ' <b>',
  '</b> ',
  ' ![',
  '](img/drug-abuse.png) ',
  // Titles in each form: the words between are a tooltip a fix may edit, delimiters kept.
  '](https://example.org "',
  '") ',
  "](img/a.png '",
  "') ",
  '](u (',
  ')) ',
  ' https://example.org/drug-abuse ',
  ' ivdu@example.org ',
  '\\* ',
  ' &amp; ',
  '\n## ',
];
const HTML_GAPS = [
  ' ',
  ' ',
  ' ',
  '\n',
  ' <b>',
  '</b> ',
  ' <i>',
  '</i> ',
  ' <!-- c --> ',
  '<br>',
  ' <a href="https://example.org/drug-abuse">',
  '</a> ',
  ' &amp; ',
  '&nbsp;',
  ' <code>',
  '</code> ',
  '. ',
  ', ',
  '</p><p>',
  ' <span title="drug abuse">',
  '</span> ',
  ' https://example.org/drug-abuse ',
  ' <img alt="drug abuse" src="a.png"> ',
];

function documentOf(gaps: readonly string[]) {
  return fc
    .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...gaps)), { minLength: 1, maxLength: 24 })
    .map((pairs) => pairs.map(([word, gap]) => word + gap).join(''));
}

describe('fixing keeps the document (generated)', () => {
  it('Markdown', async () => {
    await fc.assert(
      fc.asyncProperty(documentOf(MD_GAPS), async (text) => void (await checkFix(text, 'markdown'))),
      { numRuns: propertyRuns(60, 300) },
    );
  });
  it('HTML', async () => {
    await fc.assert(
      fc.asyncProperty(
        documentOf(HTML_GAPS).map((t) => `<p>${t}</p>`),
        async (text) => void (await checkFix(text, 'html')),
      ),
      { numRuns: propertyRuns(60, 300) },
    );
  });
});

// Every Markdown and HTML file under fixtures/ in `npm run test:corpus`; in `npm test` the input
// fixtures and three of the long READMEs (headings, tables, code spans and quoted terms), not all
// twelve: each README is fixed and linted again, 0.4-2 s apiece, and they share their markup.
const SAMPLE_READMES = new Set(['audit/README.md', 'eval/README.md', 'eval-blind/README.md']);

describe('fixing keeps the document (fixtures)', () => {
  const files = (readdirSync(path.join(ROOT, 'fixtures'), { recursive: true }) as string[])
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => /\.(md|html?)$/.test(f))
    .filter((f) => FULL_CORPUS || f.startsWith('inputs/') || f.startsWith('fhir/') || SAMPLE_READMES.has(f));
  it('has Markdown and HTML fixtures', () => expect(files.length).toBeGreaterThanOrEqual(FULL_CORPUS ? 6 : 5));
  it.each(files)('%s', async (file) => {
    await checkFix(readFileSync(path.join(ROOT, 'fixtures', file), 'utf8'), file.endsWith('.md') ? 'markdown' : 'html');
  });
});

// Documents from the shared corpus: sentences with a phrase to fix, wrapped in markup that sits
// between, around and inside the phrases (emphasis, links, comments, line breaks, tags). The first
// 140 such sentences in `npm test`, 400 in `npm run test:corpus`.
// The folder the corpus-wide tests read (bench/corpus.js), so the worker's parsed texts are shared with them.
const CORPUS = corpusDir();
const PHRASE = /\b(?:abuse|ivd[au]|alcoholic|etoh)\b/i;

function corpusSentences(dir: string): string[] {
  const count = FULL_CORPUS ? 400 : 140;
  // From the corpus texts the worker has parsed for the corpus-wide tests (sharedCorpusTexts), in corpus
  // order: the MedQuAD substance-use answers, then the MTSamples transcriptions. Parsing mtsamples.csv
  // again here was ~1.2 s of CPU per run; the sentences are the same (compared when this changed).
  const texts = sharedCorpusTexts(dir);
  const sentencesOf = (file: string, field: string) =>
    texts.filter((t) => t.file === file && t.field === field).flatMap((t) => t.text.split(/(?<=[.!?])\s+/).filter((s) => PHRASE.test(s)));
  const all = [...sentencesOf('medquad_substance_use_subset.jsonl', 'answer'), ...sentencesOf('mtsamples.csv', 'transcription')];
  return [...new Set(all)].filter((s) => s.length < 400).slice(0, count);
}

/** Deterministic markup: word i of sentence n gets one of several wrappers, or none. */
function wrap(sentence: string, n: number, syntax: Syntax): string {
  let i = 0;
  return sentence.replace(/[A-Za-z]+/g, (w) => {
    const k = (i++ * 7 + n * 3) % 13;
    if (syntax === 'markdown') return [`*${w}*`, `**${w}**`, `[${w}](https://example.org/${w}.html)`, `${w}\n`, `${w} <!-- x -->`, `\`${w}\``][k] ?? w;
    return [`<b>${w}</b>`, `<i>${w}</i>`, `<a href="/${w}">${w}</a>`, `${w}\n`, `${w} <!-- x -->`, `${w}<br>`, `<code>${w}</code>`][k] ?? w;
  });
}

describe.skipIf(!CORPUS)('fixing keeps the document (corpus text in markup)', () => {
  const sentences = CORPUS ? corpusSentences(CORPUS) : [];
  it('finds enough corpus sentences', () => expect(sentences.length).toBeGreaterThan(100));
  for (const syntax of ['markdown', 'html'] as const) {
    it(`${syntax}: plain and wrapped`, async () => {
      let changed = 0;
      for (let start = 0; start < sentences.length; start += 8) {
        const chunk = sentences.slice(start, start + 8);
        const plain = syntax === 'markdown' ? `# Handout\n\n${chunk.join('\n\n')}\n` : `<h1>Handout</h1>\n${chunk.map((s) => `<p>${s}</p>`).join('\n')}\n`;
        const wrapped =
          syntax === 'markdown'
            ? chunk.map((s, n) => `- ${wrap(s, start + n, syntax)}`).join('\n')
            : `<ul>${chunk.map((s, n) => `<li>${wrap(s, start + n, syntax)}</li>`).join('\n')}</ul>`;
        for (const doc of [plain, wrapped]) if ((await checkFix(doc, syntax)).changed) changed++;
      }
      expect(changed).toBeGreaterThan(20); // the documents did hold fixes
    }, 120_000);
  }
});
