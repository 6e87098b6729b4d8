// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. A SARIF log is one JSON document;
// its results are written as they come (a run of half a million findings holds none of them), so
// the run object lists "results" first and then what is known only at the end: the tool with the
// descriptors of the rules that reported, and the invocation (JSON objects are unordered; SARIF
// readers parse the log whole). Each rule that reported gets a
// descriptor (short and full description, help with the suggestions, helpUri to the rule's docs);
// each finding a result with its region in UTF-16 code units (SARIF's default column kind).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LintResult } from '../engine/lint-files.js';
import { renderSuggestion } from '../match/suggest.js';
import { builtinRules } from '../rules/builtin.js';
import type { CompiledRules } from '../rules/compile.js';
import { PACKAGE_ROOT } from '../rules/load.js';
import type { Finding, Severity } from '../types.js';
import type { Formatter } from './types.js';
import { builtinSources, sourceLine, sourceLink } from '../rules/sources.js';
import { ciPlace, fromRoot, recordLabel, sourceRoot } from './where.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/dignify-lint/dignify';

function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * A file's location: relative to `root` (%SRCROOT%: the repository's root, see sourceRoot) when
 * inside it, else a file: URI. `file` is absolute or relative to `cwd`; a name in angle brackets
 * ("<stdin>") is kept as it is.
 */
function artifactLocation(file: string, cwd: string, root: string): { uri: string; uriBaseId?: string } {
  const rel = file.startsWith('<') ? file : fromRoot(file, cwd, root);
  if (rel !== undefined) {
    // ':' too: a relative reference whose first segment holds one reads as an absolute URI
    // ("a:b.txt" has the scheme "a"; RFC 3986 section 4.2), which a viewer then does not resolve
    // against %SRCROOT%.
    return { uri: encodeURI(rel).replace(/[?#:]/g, encodeURIComponent), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(path.resolve(cwd, file)).href };
}

function ruleDescriptor(id: string, sets: readonly CompiledRules[], example: Finding) {
  const owner = sets.find((s) => s.byId.has(id));
  const rule = owner?.byId.get(id)?.rule;
  if (!owner || !rule) {
    return { id, shortDescription: { text: id }, helpUri: example.url, properties: { tags: [example.category] } };
  }
  const suggestions = rule.suggestions.map((t) => renderSuggestion(t, new Map(), owner.sets));
  // Sources with titles and links (rules/sources.yaml), so a reviewer can follow them from the alert.
  const sourcesText = rule.sources.map((key) => `- ${sourceLine(key)}`).join('\n');
  const sourcesMarkdown = rule.sources
    .map((key) => `- ${sourceLink(key)}${builtinSources().has(key) ? `: ${builtinSources().get(key)!.title}` : ''}`)
    .join('\n');
  const helpText = `${rule.note}\n\nPrefer: ${suggestions.join('; ')}.${rule.sources.length ? `\n\nSources:\n${sourcesText}` : ''}\n\nRule documentation: ${rule.url}`;
  const helpMarkdown = `${rule.note}\n\n**Prefer:**\n\n${suggestions.map((s) => `- ${s}`).join('\n')}${rule.sources.length ? `\n\n**Sources:**\n\n${sourcesMarkdown}` : ''}\n\n[Rule documentation](${rule.url})`;
  return {
    id,
    name: rule.id.split('/')[1],
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.note },
    help: { text: helpText, markdown: helpMarkdown },
    helpUri: rule.url,
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags: ['stigmatizing-language', rule.category], fixable: rule.fixable },
  };
}

const indent = (text: string, by: string) => text.replace(/^/gm, by);

export const sarif: Formatter = ({ cwd, ruleSets, redact, skipBadRecords }) => {
  // Every RuleSet is a CompiledRules inside (compileRules makes them all).
  let sets: readonly CompiledRules[] | undefined;
  // Where file names start from: the repository's root, as code scanning reads them.
  const root = sourceRoot(cwd);
  const ruleIndex = new Map<string, number>();
  const rules: Array<ReturnType<typeof ruleDescriptor> | { id: string }> = [];
  const notifications: Array<{ level: string; message: { text: string }; locations?: unknown[] }> = [];
  let failed = false;
  let started = false;
  let written = 0; // results written
  const head = () => {
    if (started) return '';
    started = true;
    return `{\n  "$schema": ${JSON.stringify(SCHEMA)},\n  "version": "2.1.0",\n  "runs": [\n    {\n      "results": [`;
  };
  return {
    result(r: LintResult) {
      let out = head();
      if (r.error) {
        // A malformed export record: say which (its line and row, as on stderr), and point at its
        // line. Accepted by --skip-bad-records, it is a warning and the run still succeeds.
        const record = r.record;
        const accepted = record !== undefined && Boolean(skipBadRecords);
        if (!accepted) failed = true;
        const where = record ? `${record.line ? `line ${record.line} (row ${record.row})` : `row ${record.row}`}: ` : '';
        notifications.push({
          level: accepted ? 'warning' : 'error',
          message: { text: `${r.file}: ${where}${r.error}` },
          ...(record && {
            locations: [
              { physicalLocation: { artifactLocation: artifactLocation(r.file, cwd, root), ...(record.line && { region: { startLine: record.line } }) } },
            ],
          }),
        });
      }
      if (r.skipped) notifications.push({ level: 'warning', message: { text: `${r.file}: skipped: ${r.skipped}` } });
      for (const f of r.findings) {
        let index = ruleIndex.get(f.ruleId);
        if (index === undefined) {
          sets ??= (ruleSets?.() as readonly CompiledRules[] | undefined) ?? [builtinRules()];
          index = rules.push(redact ? { id: f.ruleId } : ruleDescriptor(f.ruleId, sets, f)) - 1;
          ruleIndex.set(f.ruleId, index);
        }
        // An export record points at its own line of the export; a .docx has no region (see ciPlace).
        const place = ciPlace(r, f);
        const result = {
          ruleId: f.ruleId,
          ruleIndex: index,
          level: LEVEL[f.severity],
          message: { text: `${place.prefix}${f.message}` },
          locations: [
            {
              physicalLocation: { artifactLocation: artifactLocation(f.file ?? r.file, cwd, root), ...(place.region && { region: place.region }) },
              // The record or paragraph, for viewers that show logical locations.
              ...(r.record
                ? { logicalLocations: [{ name: recordLabel(r), kind: 'element' }] }
                : f.paragraph !== undefined
                  ? { logicalLocations: [{ name: `paragraph ${f.paragraph}`, kind: 'element' }] }
                  : {}),
            },
          ],
        };
        out += `${written++ ? ',' : ''}\n${indent(JSON.stringify(result, null, 2), '        ')}`;
      }
      return out;
    },
    end() {
      const rest = {
        tool: { driver: { name: 'dignify', version: packageVersion(), informationUri: INFORMATION_URI, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(root.endsWith(path.sep) ? root : root + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: !failed, toolExecutionNotifications: notifications }],
      };
      // The run's other members, after its results: `rest` without its braces, at the run's depth.
      const members = indent(JSON.stringify(rest, null, 2).slice(2, -2), '    ');
      return `${head()}${written ? '\n      ]' : ']'},\n${members}\n    }\n  ]\n}\n`;
    },
  };
};
