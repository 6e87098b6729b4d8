// The engine: paths (files, folders, globs, exports) and standard input → one outcome per source
// or record, in input order. `lintOutcomes` is what the CLI's lint and report commands both call,
// so they cannot disagree: paths are expanded once, each file's configuration (nearest
// .dignifyrc, ignore files) comes from one ConfigSet, and large inputs go to the worker pool
// (lint-parallel.ts). Unreadable sources and malformed records are outcomes, not throws, so
// callers see every one. lintStream and lintFiles are the older shapes of the same stream.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Document, RecordRef } from '../inputs/document.js';
import { fixText } from '../fix/fix-text.js';
import { expandPaths } from '../inputs/files.js';
import { formatEntry, formatOf, INPUT_FORMATS } from '../inputs/formats.js';
import { walkLimits } from '../match/prefilter.js';
import { readEntryBatches, type SourceEvent, type SourceOptions, type StdinSource } from '../inputs/sources.js';
import type { Finding, LintWarning, Options } from '../types.js';
import { NotLoaded, withLoading } from './lazy.js';
import { lintDocument, lintDocumentBatches, preloadLint } from '../lint/lint-document.js';
import { directiveWarnings } from '../lint/directive-warnings.js';
import { lintInParallelBatches, type Linted, type PoolThreshold } from './lint-parallel.js';
import type { ResolvedOptions } from '../match/match.js';
import { checkOptionKeys, checkOptionShapes, FILES_OPTION_KEYS, OPTION_KEYS, OptionsError, resolveOptions, shown } from '../lint/options.js';
import { ConfigSet } from '../config/index.js';

/**
 * What the engine yields for each source, record or message, as a tagged union (`kind`):
 * - `linted`: a document or export record was linted; `findings` have `file` set, positions in `doc.text`
 *   (with LintOptions.fix and a fix made: positions in `output`, the fixed text; `inputFindings` in `doc.text`).
 *   With LintOptions.findingBatches a long document may give several in a row, each with `part` (see DocumentPart).
 * - `bad-record`: a malformed export record (the rest of the export is still read).
 * - `error`: a source that could not be read (missing, unreadable, no text column).
 * - `skipped`: a source (or, with `record`, a part of one: a FHIR attachment given by url) left alone on purpose (binary, not UTF-8); `reason` says why,
 *   and for a part `what` names its kind in a word or two, to count by (`application/pdf`, `url-only`, `no contentType`).
 * - `notice`: something to tell the user once about a source (which column is linted).
 */
export type LintOutcome =
  | {
      kind: 'linted';
      file: string;
      record?: RecordRef;
      findings: Finding[];
      doc: Document;
      output?: string;
      fixed?: number;
      inputFindings?: Finding[];
      part?: DocumentPart;
      /** What the CLI prints on stderr about the document (also given as `notice` outcomes before it); only set when there are some. */
      warnings?: LintWarning[];
    }
  | { kind: 'bad-record'; file: string; record: RecordRef; error: string }
  | { kind: 'error'; file: string; error: string }
  | { kind: 'skipped'; file: string; record?: RecordRef; reason: string; what?: string }
  | { kind: 'notice'; file: string; message: string };

/**
 * One batch of a document's findings (LintOptions.findingBatches): the document's batches come one
 * after another, the first with `first`, the last with `last`; together they hold its findings in
 * text order. A document whose findings fit in one batch has no `part`.
 */
export interface DocumentPart {
  first: boolean;
  last: boolean;
}

/** Where each file's configuration comes from: a ConfigSet (src/config), or anything shaped like one. */
export interface ConfigLookup {
  /** The configuration for a file (or standard input, by its shown name). May throw (ConfigError). */
  forFile(file: string): { options: ResolvedOptions };
  /** True when the file is ignored (.dignifyignore, the config's `ignore`): it is left out quietly. A path ending in a separator is a folder's. */
  isIgnored(file: string): boolean;
}

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
  /** One batch of a long document's findings (LintOptions.findingBatches): reporters continue the document's entry until `last`. */
  part?: DocumentPart;
  /**
   * What the command line warns about on stderr for this document: an inline-control directive
   * naming a rule id or category that no rule has (see LintWarning). Only set when there are some;
   * the API itself writes nothing to stdout or stderr.
   */
  warnings?: LintWarning[];
}

export type LintOptions = Options &
  SourceOptions & {
    /**
     * Per-file configuration (e.g. a ConfigSet: nearest .dignifyrc and ignore files). Every file's
     * configuration is looked up before the first outcome, so a bad config throws before any output.
     */
    configs?: ConfigLookup;
    /**
     * A config file for every file (a path, as `--config`), or `true`: each file's nearest
     * .dignifyrc and its ignore files, as the command line reads them. Default: none. `preset`,
     * `quotes`, `rules`, `allow` and `ruleSet` apply on top, as the command line's flags do.
     * Not with `configs` (a ConfigSet built with `config` is the same thing).
     */
    config?: string | boolean;
    /** Options for one file; the resolved `options` otherwise. Superseded by `configs`. */
    optionsFor?: (file: string) => ResolvedOptions;
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
     * A function fixes only the findings it returns true for (as ESLint's `fix`): the CLI's
     * `--quiet` fixes errors only, the findings it shows.
     */
    fix?: boolean | ((finding: Finding) => boolean);
    /** Called when the worker pool starts (with the thread count), and with 1 when adaptive threads stop it because it did not pay (for tests and progress). */
    onPool?: (threads: number) => void;
    /** When the pool starts (default: 500 documents and 16 M characters). For tests and benchmarks. */
    poolFrom?: PoolThreshold;
    /** Told the files the paths expanded to (before any is read), e.g. to count them for progress. */
    onFiles?: (files: readonly string[]) => void;
    /**
     * Hand out the findings of a long plain-text document (or export note) in batches, each a
     * `linted` outcome with `part`, as they are found, so memory is bounded by a batch and not by the
     * document (a dense 100 MB note has half a million findings). `fromChars`: documents longer than
     * this many UTF-16 code units (default 1 M); `findings`: per batch (default FINDINGS_PER_BATCH,
     * lint-document.ts). Not with `fix`, which needs all of a document's findings.
     */
    findingBatches?: { fromChars?: number; findings?: number };
  };

/** A result (with the document it came from, when one was read), or something to tell the user once about a source (which column is linted). */
export type LintEvent = { result: LintResult; doc?: Document } | { notice: string; file: string };

/**
 * Lints paths and then `stdin`, yielding one LintOutcome per source or record in input order.
 * `paths`: files, folders and globs; one path may be given as a string (as ESLint's lintFiles takes it).
 * Throws (before the first outcome) OptionsError for an option it cannot use, ConfigError when a
 * file's configuration is invalid.
 */
export async function* lintOutcomes(paths: string | readonly string[], options: LintOptions = {}, stdin?: StdinSource): AsyncGenerator<LintOutcome> {
  for await (const batch of lintOutcomeBatches(paths, options, stdin)) yield* batch;
}

/**
 * lintOutcomes in batches (never empty), in input order: an export's records a batch per chunk read,
 * so the generators between the reader and the caller run once per batch and not once per record
 * (about 22 µs of fixed cost per record before, and V8 optimizing each generator of the chain).
 * The batches of a long document's findings (LintOptions.findingBatches) come one per batch, each
 * made when it is asked for.
 */
export function lintOutcomeBatches(paths: string | readonly string[], options: LintOptions = {}, stdin?: StdinSource): AsyncGenerator<LintOutcome[]> {
  return outcomeBatches(() => startLint(paths, options, stdin));
}

/** A run started (lintOutcomeBatches): the linted batches, and what making their outcomes needs. */
interface Started {
  linted: AsyncIterable<Linted[]>;
  optionsOf: (file: string) => ResolvedOptions;
  /** Which findings are fixed (LintOptions.fix), or false. */
  fix: false | ((finding: Finding) => boolean);
  /** Findings per batch of a deferred document (LintOptions.findingBatches). */
  perBatch: number | undefined;
}

/** The Options a ConfigSet gives each file (its `base`), lint/options.ts OPTION_KEYS: with `configs`, they are its to give. */
const BASE_KEYS = OPTION_KEYS;

/**
 * The keys of LintOptions: what lintFiles, lintOutcomes and lintStream read (all three start here,
 * startLint). Any other key is an OptionsError, as lintText's is: `{ preset: 'all', thread: 2 }`
 * linted on one thread without a word.
 */
const LINT_OPTION_KEYS = [...OPTION_KEYS, ...FILES_OPTION_KEYS] as const satisfies readonly (keyof LintOptions)[];
// Every key of LintOptions is in the list: a key added to the type and not here fails to compile
// ("does not satisfy the constraint 'never'"), where the check would reject the new option. Exported
// only so that it is read (an unused alias is a lint warning); always never.
type Never<T extends never> = T;
export type UnlistedLintOptions = Never<Exclude<keyof LintOptions, (typeof LINT_OPTION_KEYS)[number]>>;

/**
 * The configs of a run: `configs` as given, or a ConfigSet for `config`. `preset`, `quotes`, … given
 * beside `configs` were dropped without a word (each file's options come from the ConfigSet), so
 * that is an error (OptionsError) that says where they go.
 */
function configsOf(options: LintOptions): ConfigLookup | undefined {
  const given = BASE_KEYS.filter((key) => options[key] !== undefined);
  if (options.configs) {
    if (options.config !== undefined) throw new OptionsError('config: not with configs; give the file to the ConfigSet: new ConfigSet({ cwd, config })');
    if (given.length > 0)
      throw new OptionsError(
        `${given.join(', ')}: not used with configs, which give each file its options; pass ${given.length > 1 ? 'them' : 'it'} as the ConfigSet's base: new ConfigSet({ cwd, base: { ${given[0]}: … } })`,
      );
    return options.configs;
  }
  if (options.config === undefined || options.config === false) return undefined;
  const base = Object.fromEntries(given.map((key) => [key, options[key]]));
  return new ConfigSet({ cwd: process.cwd(), base, ...(typeof options.config === 'string' && { config: options.config }) });
}

// Why lintFiles does not read an option lintText does.
const FILES_HINTS: Readonly<Record<string, string>> = {
  syntax: "a file's syntax comes from its extension, or from inputFormat for them all",
};

/**
 * Checks the options only lintFiles and its kin read, and the shapes of the rest (resolveOptions
 * checks their values): a wrong one was a bare TypeError from inside the readers (inputFormat
 * 'rtf', extensions 'csv,jsonl') or, for threads 0, -1 or 'x', taken without a word (--threads 0
 * is a usage error). A key that is no option (LINT_OPTION_KEYS) is one too. Once per call, for
 * lintFiles, lintOutcomes and lintStream alike. Throws OptionsError naming the option.
 */
function checkLintOptions(options: LintOptions): void {
  checkOptionShapes(options);
  checkOptionKeys(options, LINT_OPTION_KEYS, 'lintFiles, lintOutcomes or lintStream', FILES_HINTS);
  const { inputFormat, extensions, threads } = options;
  if (inputFormat !== undefined && !INPUT_FORMATS.includes(inputFormat))
    throw new OptionsError(`inputFormat: expected one of ${INPUT_FORMATS.join(', ')}, got ${shown(inputFormat)}`);
  if (extensions !== undefined && !(Array.isArray(extensions) && extensions.every((e) => typeof e === 'string')))
    throw new OptionsError(`extensions: expected a list of extensions (["txt", "csv"]), got ${shown(extensions)}`);
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1))
    throw new OptionsError(`threads: expected a whole number, 1 or more (1: no worker threads), got ${shown(threads)}`);
}

/** Expands the paths, looks up every configuration (throws ConfigError), and starts reading and linting. Throws OptionsError for a bad option. */
async function startLint(given: string | readonly string[], options: LintOptions, stdin?: StdinSource): Promise<Started> {
  // A string is one path: it was iterated as its characters, each linted as a path ('.' the working folder).
  const paths = typeof given === 'string' ? [given] : given;
  if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string'))
    throw new OptionsError(`paths: expected a path or a list of paths (["notes/", "*.txt"]), got ${shown(paths)}`);
  checkLintOptions(options);
  const configs = configsOf(options);
  const resolved = configs || options.optionsFor ? undefined : resolveOptions(options);
  const optionsOf = (file: string): ResolvedOptions => resolved ?? (configs ? configs.forFile(file).options : options.optionsFor!(file));
  // A folder a walk could not read is said (exit 2), unless an ignore file excludes it: ignoring it
  // is how to quiet one that is meant to be unreadable.
  const entries = (await expandPaths(paths, options.extensions)).filter((e) => !('error' in e && e.folder && configs?.isIgnored(path.join(e.path, path.sep))));
  // A bad config stops the run before any output: look every file's up first (cached per folder).
  if (configs) for (const entry of entries) if (!('error' in entry)) configs.forFile(entry.path);
  if (stdin && configs) configs.forFile(stdin.name);
  options.onFiles?.(entries.filter((e) => !('error' in e)).map((e) => e.path));
  if (walkLimits.total > 0 && entries.some((e) => !('error' in e) && largeExport(e.path, options.inputFormat))) walkLimits.total = 0;
  const include =
    configs && options.include
      ? (file: string) => !configs.isIgnored(file) && options.include!(file)
      : configs
        ? (file: string) => !configs.isIgnored(file)
        : options.include;
  const sources = readEntryBatches(entries, { ...options, ...(include && { include }) }, stdin);
  const docOptions = (doc: Document) => optionsOf(doc.file);
  const batches = options.findingBatches && !options.fix ? options.findingBatches : undefined;
  // Linted here, batch by batch, as the outcomes are taken (not by the pool, nor ahead of time).
  const defer = batches && ((doc: Document) => doc.syntax === 'text' && !doc.paragraphs && doc.text.length > (batches.fromChars ?? 1 << 20));
  const linted =
    (options.threads ?? 1) > 1
      ? lintInParallelBatches(sources, docOptions, options.threads!, options.onPool, options.poolFrom, options.adaptiveThreads, undefined, defer)
      : lintHere(sources, docOptions, defer);
  const fix = typeof options.fix === 'function' ? options.fix : options.fix ? () => true : false;
  return { linted, optionsOf, fix, perBatch: batches?.findings };
}

/**
 * Whether `file` is an export larger than the scanner's walking budget (prefilter.ts walkLimits.total).
 * Its notes are then scanned by the trie regex from the first: the scanner walks short texts in
 * JavaScript only until walkLimits.total characters, then compiles the regex anyway, and walking an
 * export's first notes cost V8 optimizing compiles of the walk and the walker's trie (callgrind, the
 * first 1,000 MTSamples records: about 4% of the instructions). The findings are the same (the walk
 * finds a superset of the regex's hits, each checked alike: test/word-walk.test.ts).
 */
function largeExport(file: string, inputFormat: LintOptions['inputFormat']): boolean {
  if (formatEntry(formatOf(file, inputFormat)).read !== 'export') return false;
  try {
    return statSync(file).size > walkLimits.total;
  } catch {
    return false; // the reader says what is wrong with it
  }
}

/**
 * The outcomes of a run, a batch for each batch linted. Kept small: it runs once per batch, and V8
 * optimizes a generator at a cost that grows with its size (this loop with the fix and deferred
 * paths inline took TurboFan 120-370 ms of a MTSamples run, on a busy machine).
 */
async function* outcomeBatches(start: () => Promise<Started>): AsyncGenerator<LintOutcome[]> {
  const { linted, optionsOf, fix, perBatch } = await start();
  for await (const items of linted) {
    const out: LintOutcome[] = [];
    const i = outcomesInto(items, 0, out, optionsOf, fix);
    if (i < items.length) yield* awaitedOutcomes(items, i, out, optionsOf, fix, perBatch);
    else if (out.length) yield out;
  }
}

/**
 * The rest of a batch from `i`, a document that needs an await (outcomesInto), after the outcomes
 * in `out`: a deferred document's findings in batches, one at a time as they are asked for; a
 * document fixed (its text linted again once fixed).
 */
async function* awaitedOutcomes(
  items: readonly Linted[],
  i: number,
  out: LintOutcome[],
  optionsOf: (file: string) => ResolvedOptions,
  fix: Started['fix'],
  perBatch: number | undefined,
): AsyncGenerator<LintOutcome[]> {
  for (; i < items.length; i = outcomesInto(items, i + 1, out, optionsOf, fix)) {
    const { doc } = items[i]!.event as Extract<SourceEvent, { kind: 'document' }>;
    const found = items[i]!.findings;
    const resolved = optionsOf(doc.file);
    const warnings = directiveWarnings(doc, resolved);
    out.push(...noticesOf(doc.file, warnings));
    if (!found) {
      if (out.length) yield out.splice(0);
      for await (const outcome of inBatches(doc, resolved, perBatch, warnings)) yield [outcome];
      continue;
    }
    const fixed = await fixText(doc.text, (text) => withLoading(() => lintDocument({ ...doc, text }, resolved)), found, fix || undefined);
    const findings = fixed.findings.map((f) => ({ ...f, file: doc.file }));
    const inputFindings = fixed.inputFindings.map((f) => ({ ...f, file: doc.file }));
    out.push(
      fixed.output === doc.text
        ? { kind: 'linted', file: doc.file, findings, doc, ...(warnings.length && { warnings }) }
        : { kind: 'linted', file: doc.file, findings, doc, output: fixed.output, fixed: fixed.fixed, inputFindings, ...(warnings.length && { warnings }) },
    );
  }
  if (out.length) yield out;
}

/**
 * The outcomes of `items` from `from` on, pushed to `out` (a document's directive notices before
 * it), up to the first document that needs an await: one deferred (no findings) or, with `fix`,
 * one to fix. Returns that document's index (its notices not pushed yet), or items.length.
 */
function outcomesInto(items: readonly Linted[], from: number, out: LintOutcome[], optionsOf: (file: string) => ResolvedOptions, fix: Started['fix']): number {
  for (let i = from; i < items.length; i++) {
    const { event, findings: found } = items[i]!;
    if (event.kind !== 'document') {
      out.push(sourceOutcome(event));
      continue;
    }
    const { doc } = event;
    if (!found) return i;
    // Whether a document may be rewritten is the registry's word for the format it was read as
    // (--input-format text on a .csv makes it a text document); export records and .docx never are.
    // A legacy-encoded .txt (read as Windows-1252) is not rewritten either: the write would change its encoding.
    if (fix && !doc.legacyEncoding && (doc.format ? formatEntry(doc.format).rewritable : !doc.record && !doc.paragraphs) && found.some((f) => f.fix && fix(f)))
      return i;
    const warnings = directiveWarnings(doc, optionsOf(doc.file));
    if (warnings.length) out.push(...noticesOf(doc.file, warnings));
    out.push(lintedOutcome(doc, found, warnings));
  }
  return items.length;
}

/** The outcome of a document linted (not fixed): its findings with `file` set, and its warnings when it has some. */
function lintedOutcome(doc: Document, found: readonly Finding[], warnings: LintWarning[]): LintOutcome {
  const findings = found.map((f) => ({ ...f, file: doc.file }));
  return { kind: 'linted', file: doc.file, ...(doc.record && { record: doc.record }), findings, doc, ...(warnings.length && { warnings }) };
}

/** The outcome of a source event that is not a document. */
function sourceOutcome(event: Exclude<SourceEvent, { kind: 'document' }>): LintOutcome {
  switch (event.kind) {
    case 'bad-record':
      return { kind: 'bad-record', file: event.file, record: event.record, error: event.error };
    case 'error':
      return { kind: 'error', file: event.file, error: event.error };
    case 'skipped':
      return {
        kind: 'skipped',
        file: event.file,
        ...(event.record && { record: event.record }),
        reason: event.reason,
        ...(event.what && { what: event.what }),
      };
    case 'notice':
      return { kind: 'notice', file: event.file, message: event.message };
  }
}

/** The LintResult an outcome stands for (undefined for a notice). */
export function resultOf(outcome: LintOutcome): LintResult | undefined {
  switch (outcome.kind) {
    case 'linted': {
      const { file, record, findings, output, fixed, inputFindings, part, warnings } = outcome;
      return {
        file,
        ...(record && { record }),
        findings,
        ...(output !== undefined && { output, fixed, inputFindings }),
        ...(part && { part }),
        ...(warnings && { warnings }),
      };
    }
    case 'bad-record':
      return { file: outcome.file, record: outcome.record, findings: [], error: outcome.error };
    case 'error':
      return { file: outcome.file, findings: [], error: outcome.error };
    case 'skipped':
      return { file: outcome.file, ...(outcome.record && { record: outcome.record }), findings: [], skipped: outcome.reason };
    case 'notice':
      return undefined;
  }
}

/** lintOutcomes in the older shape: `{ result, doc }` or `{ notice, file }`. */
export async function* lintStream(paths: string | readonly string[], options: LintOptions = {}, stdin?: StdinSource): AsyncGenerator<LintEvent> {
  for await (const outcome of lintOutcomes(paths, options, stdin)) {
    if (outcome.kind === 'notice') yield { notice: outcome.message, file: outcome.file };
    else if (outcome.kind === 'linted') yield { result: resultOf(outcome)!, doc: outcome.doc };
    else yield { result: resultOf(outcome)! };
  }
}

/** The CLI's notices (stderr lines) for a document's warnings: `warning: line 3: a dignify directive names …`. */
function noticesOf(file: string, warnings: readonly LintWarning[]): LintOutcome[] {
  return warnings.map((w) => ({ kind: 'notice', file, message: `warning: ${w.message}` }));
}

/** The sources' batches linted on this thread (documents deferred are passed on without findings). */
async function* lintHere(
  sources: AsyncIterable<SourceEvent[]>,
  optionsOf: (doc: Document) => ResolvedOptions,
  defer?: (doc: Document) => boolean,
): AsyncGenerator<Linted[]> {
  for await (const batch of sources) {
    const out: Linted[] = [];
    // lintInto stops at a document that needs a part of lint not loaded yet (lazy.ts): it is loaded, and that document linted again.
    for (let missing = lintInto(batch, out, optionsOf, defer); missing; missing = lintInto(batch, out, optionsOf, defer)) await missing.load();
    yield out;
  }
}

/**
 * Lints the documents of `batch` from `out.length` on, synchronously, pushing each event with its
 * findings to `out`; returns the NotLoaded that stopped it (the part to load before calling again),
 * or undefined when the batch is done. As withLoading, for a batch: one await per load, not per document.
 */
export function lintInto(
  batch: readonly SourceEvent[],
  out: Linted[],
  optionsOf: (doc: Document) => ResolvedOptions,
  defer?: (doc: Document) => boolean,
): NotLoaded | undefined {
  for (let i = out.length; i < batch.length; i++) {
    const event = batch[i]!;
    if (event.kind !== 'document' || defer?.(event.doc)) {
      out.push({ event });
      continue;
    }
    try {
      out.push({ event, findings: lintDocument(event.doc, optionsOf(event.doc)) });
    } catch (error) {
      if (error instanceof NotLoaded) return error;
      throw error;
    }
  }
  return undefined;
}

/** A long document's `linted` outcomes, one per batch of findings (LintOptions.findingBatches), each made when it is asked for. */
async function* inBatches(doc: Document, resolved: ResolvedOptions, perBatch: number | undefined, warnings: LintWarning[]): AsyncGenerator<LintOutcome> {
  await preloadLint(); // the batches are made synchronously, and a generator cannot be run again by withLoading
  const outcome = (findings: Finding[], part?: DocumentPart): LintOutcome => {
    for (const f of findings) f.file = doc.file; // the batch is this document's own: no copy
    // The document's warnings go with its first batch.
    const first = !part || part.first;
    return {
      kind: 'linted',
      file: doc.file,
      ...(doc.record && { record: doc.record }),
      findings,
      doc,
      ...(part && { part }),
      ...(first && warnings.length && { warnings }),
    };
  };
  let previous: Finding[] | undefined;
  let first = true;
  for (const batch of lintDocumentBatches(doc, resolved, perBatch)) {
    if (previous) {
      yield outcome(previous, { first, last: false });
      first = false;
    }
    previous = batch;
  }
  // A document whose findings fit in one batch is an outcome as any other.
  yield outcome(previous ?? [], first ? undefined : { first: false, last: true });
}

/**
 * Lints paths (files, folders, globs; one path may be given as a string), resolving to one
 * LintResult per file, and per record of an export (see LintResult.record), in input order. Rejects
 * with OptionsError for an option it cannot use, ConfigError for a config that is invalid.
 */
export async function lintFiles(paths: string | readonly string[], options?: LintOptions): Promise<LintResult[]> {
  const results: LintResult[] = [];
  for await (const outcome of lintOutcomes(paths, options)) {
    const result = resultOf(outcome);
    if (result) results.push(result);
  }
  return results;
}
