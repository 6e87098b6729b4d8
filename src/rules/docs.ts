// docs/rules.md, generated from the rule files (npm run docs). Each rule gets a heading whose
// GitHub anchor is what ruleUrl() links to: "### substance-use/addict" → #substance-useaddict.
import type { ConditionDefinition, ExampleDefinition, RuleDefinition } from '../types.js';
import type { LoadedRuleFile } from './load.js';
import { builtinSources, type Source } from './sources.js';

/** Per evaluation set, per rule id: the findings judged right and wrong (see src/eval/precision.ts). */
export type RulePrecision = Record<string, Record<string, { truePositives: number; falsePositives: number }>>;

const code = (s: string) => `\`${s.replace(/\n/g, '\\n').replace(/`/g, "'")}\``;

/** How a condition's words and regular expressions are written: code spans here (Markdown); plain in the terminal. */
export interface ConditionQuoting {
  word: (s: string) => string;
  regex: (s: string) => string;
}

const MARKDOWN: ConditionQuoting = { word: code, regex: code };

/**
 * A condition of a rule (rules/*.yaml `conditions`) as one line of English: docs/rules.md and
 * `dignify explain` write it, each quoting its own way. Every kind of condition the schema has is
 * named (a kind left out was shown by `explain` as a line regex "undefined").
 */
export function describeCondition(c: ConditionDefinition, quote: ConditionQuoting = MARKDOWN): string {
  const forms = c.forms ? ` (for ${c.forms.map(quote.word).join(', ')})` : '';
  const child = c.patient === 'child' ? ', in a note about a child' : c.patient === 'young-child' ? ', in a note about a young child (5 or under)' : '';
  return describeTest(c, quote) + (c.except ? `, except ${c.except.map(quote.word).join(', ')}` : '') + forms + child;
}

function describeTest(c: ConditionDefinition, quote: ConditionQuoting): string {
  const within = c.within ?? 3;
  const span = `within ${within} word${within === 1 ? '' : 's'}`;
  const clause = c.clause ? ', same clause' : c.phrase ? ', same noun phrase' : '';
  const words = (list: string[]) => list.map((w) => (w === '*' ? 'any word' : quote.word(w))).join(', ');
  if (c.line !== undefined) return `the line matches ${quote.regex(c.line)}`;
  if (c.table !== undefined) return `alone in a table cell whose header row matches ${quote.regex(c.table)}`;
  if (c.column !== undefined) return `alone in a table cell whose column's header cell matches ${quote.regex(c.column)}`;
  if (c.list) return 'the match is an item of an enumeration (three items or more)';
  if (c.before) return `${words(c.before)} ${span} before${clause}`;
  if (c.after) return `${words(c.after)} ${span} after${clause}`;
  if (c.subject) return `its subject is ${words(c.subject)}`;
  if (c.described)
    return c.described === 'other-in-phrase'
      ? 'it describes the noun of its phrase, not the patient'
      : 'it describes someone or something other than the patient';
  const around = [c.previous && 'the sentence before', c.next && 'the sentence after (for a match among its last words)'].filter(Boolean);
  return `${words(c.sentence ?? [])} in the sentence${around.length ? ` or ${around.join(' or ')}` : ''}`;
}

function exampleLine(e: ExampleDefinition): string {
  if (typeof e === 'string') return `- ${code(e)}`;
  const parts = [code(e.text)];
  if (e.actual !== undefined) parts.push(`reports ${code(e.actual)}`);
  if (e.suggestion !== undefined) parts.push(`suggests “${e.suggestion}”`);
  if (e.fixed !== undefined) parts.push(`fixed: ${code(e.fixed)}`);
  return `- ${parts.join(' → ')}`;
}

function measuredLine(id: string, measured: RulePrecision): string {
  const parts: string[] = [];
  for (const [set, rules] of Object.entries(measured)) {
    const c = rules[id];
    const n = c ? c.truePositives + c.falsePositives : 0;
    // The audit of real text is the figure a user meets first: a rule it never saw fire is said to be
    // unmeasured there (n = 0) rather than left out, and a figure from few findings is marked small.
    if (set === AUDIT_SET && n === 0) parts.push(`unmeasured on real text (no finding on \`${set}\`'s slices, n = 0)`);
    if (!c || n === 0) continue;
    const small = set === AUDIT_SET && n < SMALL_N ? `, n = ${n}: small` : '';
    parts.push(`${(c.truePositives / n).toFixed(2)} (${c.truePositives}/${n}${small}) on \`${set}\``);
  }
  return `- measured precision: ${parts.length ? parts.join('; ') : 'no findings on the evaluation sets'}`;
}

/** The set `node scripts/audit.mjs --write-precision` writes: judged findings on real, unlabelled text. */
const AUDIT_SET = 'fixtures/audit';
/** Below this many judged findings a precision figure is marked as small. */
const SMALL_N = 10;

function renderRule(rule: RuleDefinition, sources: Map<string, Source>, measured?: RulePrecision): string[] {
  const out = [`### ${rule.id}`, ''];
  const presets = rule.presets ?? ['recommended', 'all'];
  if (rule.description) out.push(`${rule.description}`, '');
  out.push(
    `**${rule.severity}**${rule.fixable ? ' · fixable' : ''} · ${presets.includes('recommended') ? 'recommended' : '**all only**'} — ${rule.note.trim()}`,
    '',
  );
  if (rule.equality) out.push(`- retext-equality rules: ${rule.equality.map(code).join(', ')}`);
  out.push(`- terms: ${rule.match.map(code).join(', ')}`);
  out.push(`- suggestions: ${rule.suggestions.map((s) => `“${s}”`).join('; ')}`);
  for (const entry of rule.formSuggestions ?? []) out.push(`- for ${entry.forms.map(code).join(', ')}: ${entry.suggestions.map((s) => `“${s}”`).join('; ')}`);
  if (rule.personSuggestion)
    out.push(`- where the term names a person ("is an IVDU", a sentence-opening "Known", an -er form): “${rule.personSuggestion}” first`);
  const byId = Object.entries(rule.equalitySuggestions ?? {});
  if (byId.length)
    out.push(`- suggestions by retext-equality rule: ${byId.map(([id, list]) => `${code(id)} ${list.map((s) => `“${s}”`).join('; ')}`).join(', ')}`);
  out.push(`- sources: ${rule.sources.map((key) => (sources.has(key) ? `[${key}](#${anchorOf(key)})` : key)).join(', ')}`);
  for (const c of rule.conditions?.requires ?? []) out.push(`- only when: ${describeCondition(c)}`);
  for (const c of rule.conditions?.unless ?? []) out.push(`- not when: ${describeCondition(c)}`);
  if (rule.exceptions?.length) out.push(`- exceptions: ${rule.exceptions.map(code).join(', ')}`);
  if (measured) out.push(measuredLine(rule.id, measured));
  out.push('', 'Flags:', '', ...rule.examples.flag.map(exampleLine), '', 'Passes:', '', ...rule.examples.pass.map((p) => `- ${code(p)}`), '');
  return out;
}

/** The anchor of a bibliography entry in docs/rules.md (GitHub's heading-less anchors: an explicit id). */
function anchorOf(key: string): string {
  return `source-${key.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

/** The bibliography section: every source any rule cites, with its title, authors, year and link. */
function renderBibliography(files: readonly LoadedRuleFile[], sources: Map<string, Source>): string[] {
  const used = [...new Set(files.flatMap((f) => f.rules.flatMap((r) => r.sources)))].sort((a, b) => a.localeCompare(b));
  const out = [
    '## Sources',
    '',
    'The works the rules cite (rules/sources.yaml). Where no page of the document itself was recorded, the link goes to the publisher or to a PubMed search for the title, as the note says.',
    '',
  ];
  for (const key of used) {
    const s = sources.get(key);
    if (!s) {
      out.push(`- <a id="${anchorOf(key)}"></a>**${key}**`);
      continue;
    }
    out.push(
      `- <a id="${anchorOf(key)}"></a>**${key}**: ${s.by}. *${s.title}*${s.published_in ? `. ${s.published_in}` : ''} (${s.year}). <${s.url}>${s.note ? ` (${s.note})` : ''}`,
    );
  }
  out.push('');
  return out;
}

/**
 * docs/rules.md. With `measured` (fixtures/eval-genres/precision.json's `sets`), each rule shows its
 * measured precision per evaluation set; `sources` is the bibliography (rules/sources.yaml).
 */
export function renderRulesDoc(files: readonly LoadedRuleFile[], measured?: RulePrecision, sources: Map<string, Source> = builtinSources()): string {
  const count = files.reduce((n, f) => n + f.rules.length, 0);
  const out = [
    '# dignify rules',
    '',
    `<!-- Generated from rules/*.yaml by \`npm run docs\` (scripts/generate-docs.js). Do not edit by hand: a test fails when this file is stale. -->`,
    '',
    `${count} rules in ${files.length} categories. Severity, terms (the pattern language is described in the README), suggestions (best first), the sources (linked to the [bibliography](#sources) at the end), the context conditions and the examples each rule is tested with. Rows of the reference term table that no rule covers are listed in [coverage.md](coverage.md).`,
    '',
  ];
  if (measured)
    out.push(
      'Measured precision: of the findings a rule made on a labelled set, the share a reader judged right (`npm run eval`). `fixtures/eval` is the set the rules were tuned on; `fixtures/eval-genres` holds genres they were not tuned on (dialogue, patient education, notes) and hand-written look-alikes (see its README); `fixtures/eval-new` was labelled blind (its README); `fixtures/audit` is a judged sample of the findings on real text no labelled set uses (MTSamples, MedQuAD, PriMock57, ACI-Bench dialogue; `node scripts/audit.mjs`, its README), in the preset that holds the rule.',
      '',
    );
  const allOnly = files.flatMap((f) => f.rules).filter((r) => r.presets && !r.presets.includes('recommended'));
  out.push(
    '## Presets',
    '',
    `- **recommended** (the default): ${count - allOnly.length} rules, the ones that are precise on real clinical text.`,
    `- **all** (\`--preset all\`, \`preset: all\` in a config, \`{ preset: 'all' }\` in the API): all ${count} rules, adding ${allOnly.length} that cover terms the published lexicons list but that are often neutral in a note (marked **all only** below). A rule id turned on in a config's \`rules\` runs under either preset.`,
    '',
  );
  for (const file of files) out.push(`- [${file.category}](#${file.category}) (${file.rules.length})`);
  out.push('');
  for (const file of files) {
    out.push(`## ${file.category}`, '');
    if (file.description) out.push(file.description.trim(), '');
    for (const rule of file.rules) out.push(...renderRule(rule, sources, measured));
  }
  out.push(...renderBibliography(files, sources));
  return `${out.join('\n').trimEnd()}\n`;
}
