// lintFiles and lintStream: the Node API over paths (files, folders, globs, exports). Unreadable
// sources and malformed records come back as results with an error rather than a throw, so
// callers see every outcome. lintStream yields results one at a time, in input order, with
// memory flat however large an export is; the CLI writes each as it comes. Large inputs can be
// linted on worker threads (lint-parallel.ts).
import type { Document, RecordRef } from '../inputs/document.js';
import { readSources, type SourceEvent, type SourceOptions, type StdinSource } from '../inputs/sources.js';
import type { Finding, Options } from '../types.js';
import { withLoading } from './lazy.js';
import { codeSpans, lintDocument } from './lint-document.js';
import { unknownDirectiveRules, type CodeSpans } from './inline-control.js';
import { lintInParallel, type Linted } from './lint-parallel.js';
import type { MatchOptions } from './match.js';
import { resolveOptions } from './options.js';

export interface LintResult {
  file: string;
  /** For a note in an export: its row, id and the line of the export where it starts. Finding positions are then inside the note's text. */
  record?: RecordRef;
  findings: Finding[];
  /** Why the file was not linted although it exists (binary, not UTF-8). */
  skipped?: string;
  /** Why the file (or, with `record`, the record) could not be read. */
  error?: string;
}

export type LintOptions = Options &
  SourceOptions & {
    /** Options for one file (e.g. from its nearest config); the resolved `options` otherwise. */
    optionsFor?: (file: string) => MatchOptions;
    /**
     * Threads that lint a large input, this one included (default 1: no workers). With more, the
     * documents after the first POOL_MIN_DOCUMENTS are linted on this thread and a pool of
     * `threads - 1` workers; results keep input order.
     */
    threads?: number;
    /** Called when the worker pool starts (for tests and progress). */
    onPool?: (threads: number) => void;
  };

/** A result (with the document it came from, when one was read), or something to tell the user once about a source (which column is linted). */
export type LintEvent = { result: LintResult; doc?: Document } | { notice: string; file: string };

export async function* lintStream(paths: readonly string[], options: LintOptions = {}, stdin?: StdinSource): AsyncGenerator<LintEvent> {
  const resolved = options.optionsFor ? undefined : resolveOptions(options);
  const optionsOf = (doc: Document) => resolved ?? options.optionsFor!(doc.file);
  const sources = readSources(paths, options, stdin);
  const linted = (options.threads ?? 1) > 1 ? lintInParallel(sources, optionsOf, options.threads!, options.onPool) : lintHere(sources, optionsOf);
  for await (const { event, findings: found } of linted) {
    switch (event.kind) {
      case 'document': {
        const { doc } = event;
        for (const notice of directiveNotices(doc, optionsOf(doc))) yield { notice, file: doc.file };
        const findings = found!.map((f) => ({ ...f, file: doc.file }));
        yield { result: doc.record ? { file: doc.file, record: doc.record, findings } : { file: doc.file, findings }, doc };
        break;
      }
      case 'bad-record':
        yield { result: { file: event.file, record: event.record, findings: [], error: event.error } };
        break;
      case 'error':
        yield { result: { file: event.file, findings: [], error: event.error } };
        break;
      case 'skipped':
        yield { result: { file: event.file, findings: [], skipped: event.reason } };
        break;
      case 'notice':
        yield { notice: event.message, file: event.file };
        break;
    }
  }
}

// Rule ids and categories of a rule set, for the check of inline-control directives.
const namesOf = new WeakMap<MatchOptions['rules'], Set<string>>();

/** A warning for each rule id or category an inline-control directive names that no rule has (a typo would silently disable nothing, or everything). */
function directiveNotices(doc: Document, resolved: MatchOptions): string[] {
  if (!doc.text.includes('dignify-')) return [];
  let names = namesOf.get(resolved.rules);
  if (!names) {
    names = new Set<string>();
    for (const rule of resolved.rules.rules) {
      names.add(rule.id);
      names.add(rule.category ?? rule.id.split('/')[0]!);
    }
    for (const id of resolved.rules.equality.keys()) names.add(id);
    namesOf.set(resolved.rules, names);
  }
  const known = names;
  let code: CodeSpans;
  try {
    code = codeSpans(doc);
  } catch {
    code = []; // the Markdown or HTML parser is not loaded: nothing was linted in it either
  }
  return unknownDirectiveRules(doc.text, (name) => known.has(name), code).map(
    ({ line, name }) => `warning: line ${line}: a dignify directive names "${name}", which is no rule id or category (see dignify rules)`,
  );
}

async function* lintHere(sources: AsyncIterable<SourceEvent>, optionsOf: (doc: Document) => MatchOptions): AsyncGenerator<Linted> {
  for await (const event of sources) {
    yield event.kind === 'document' ? { event, findings: await withLoading(() => lintDocument(event.doc, optionsOf(event.doc))) } : { event };
  }
}

/** Lints paths; an export gives one result per record (see LintResult.record). */
export async function lintFiles(paths: readonly string[], options?: LintOptions): Promise<LintResult[]> {
  const results: LintResult[] = [];
  for await (const event of lintStream(paths, options)) if ('result' in event) results.push(event.result);
  return results;
}
