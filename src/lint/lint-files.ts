// lintFiles and lintStream: the Node API over paths (files, folders, globs, exports). Unreadable
// sources and malformed records come back as results with an error rather than a throw, so
// callers see every outcome. lintStream yields results one at a time, in input order, with
// memory flat however large an export is; the CLI writes each as it comes. Large inputs can be
// linted on worker threads (lint-parallel.ts).
import type { Document, RecordRef } from '../inputs/document.js';
import { readSources, type SourceEvent, type SourceOptions, type StdinSource } from '../inputs/sources.js';
import { fixText } from '../fix/fix-text.js';
import type { Finding, Options } from '../types.js';
import { withLoading } from './lazy.js';
import { lintDocument } from './lint-document.js';
import { lintInParallel, type Linted } from './lint-parallel.js';
import type { MatchOptions } from './match.js';
import { resolveOptions } from './options.js';

export interface LintResult {
  file: string;
  /** For a note in an export: its row, id and the line of the export where it starts. Finding positions are then inside the note's text. */
  record?: RecordRef;
  findings: Finding[];
  /** Why the file (or, with `record`, the part of it: a FHIR attachment given by url) was not linted although it exists (binary, not UTF-8). */
  skipped?: string;
  /** Why the file (or, with `record`, the record) could not be read. */
  error?: string;
  /**
   * With `fix`: the document's fixed text, only when a fix changed it (as ESLint's `output`).
   * `findings` are then those left in it, with positions in `output`. Never set for a record of
   * an export or for a .docx (see LintOptions.fix).
   */
  output?: string;
  /** With `fix`: how many fixes `output` holds. */
  fixed?: number;
  /** With `output`: the findings of the document as read, before fixing (positions in the file as it is on disk). */
  inputFindings?: Finding[];
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
    /**
     * Start the workers only when they pay off (a free core, linting most of this thread's
     * time; lint-parallel.ts): the CLI's default. Without it `threads` > 1 always starts them
     * for a large input.
     */
    adaptiveThreads?: boolean;
    /**
     * Fix each document (plain text, Markdown, HTML) as it is linted: its result then carries
     * `output` and `fixed`. Nothing is written; records of exports and .docx files are not fixed.
     */
    fix?: boolean;
    /** Called when the worker pool starts (for tests and progress). */
    onPool?: (threads: number) => void;
  };

/** A result (with the document it came from, when one was read), or something to tell the user once about a source (which column is linted). */
export type LintEvent = { result: LintResult; doc?: Document } | { notice: string; file: string };

export async function* lintStream(paths: readonly string[], options: LintOptions = {}, stdin?: StdinSource): AsyncGenerator<LintEvent> {
  const resolved = options.optionsFor ? undefined : resolveOptions(options);
  const optionsOf = (doc: Document) => resolved ?? options.optionsFor!(doc.file);
  const sources = readSources(paths, options, stdin);
  const linted = (options.threads ?? 1) > 1 ? lintInParallel(sources, optionsOf, options.threads!, options.onPool, options.adaptiveThreads) : lintHere(sources, optionsOf);
  for await (const { event, findings: found } of linted) {
    switch (event.kind) {
      case 'document': {
        const { doc } = event;
        if (options.fix && !doc.record && !doc.paragraphs && found!.some((f) => f.fix)) {
          // The findings just made are the first pass: the text is linted again only once fixed.
          const fixed = await fixText(doc.text, (text) => withLoading(() => lintDocument({ ...doc, text }, optionsOf(doc))), found);
          const findings = fixed.findings.map((f) => ({ ...f, file: doc.file }));
          const inputFindings = fixed.inputFindings.map((f) => ({ ...f, file: doc.file }));
          yield { result: fixed.output === doc.text ? { file: doc.file, findings } : { file: doc.file, findings, output: fixed.output, fixed: fixed.fixed, inputFindings }, doc };
          break;
        }
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
        yield { result: { file: event.file, ...(event.record && { record: event.record }), findings: [], skipped: event.reason } };
        break;
      case 'notice':
        yield { notice: event.message, file: event.file };
        break;
    }
  }
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
