// `dignify lsp --stdio`: a language server (LSP 3.17, vscode-languageserver) for template and
// patient-material authors. It lints a document when it is opened and, debounced, when it changes
// (only that document); each diagnostic carries the rule id, a link to the rule's docs, and the
// suggestions its code actions offer. Configuration is resolved as the CLI resolves it (the
// .dignifyrc nearest the document) and re-read when a config file changes.
//
// Never logs note text: the client's log gets rule ids, counts and config errors only.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createConnection,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILES, ConfigSet } from '../config/index.js';
import type { Document } from '../inputs/document.js';
import { formatOf } from '../inputs/formats.js';
import { withLoading } from '../engine/lazy.js';
import { commentRuns, editableRuns, lintDocument } from '../lint/lint-document.js';
import type { ResolvedOptions } from '../match/match.js';
import { resolveOptions } from '../lint/options.js';
import { builtinSources, sourceTitleLink } from '../rules/sources.js';
import type { Segment } from '../fix/refine.js';
import type { Finding, Rule } from '../types.js';
import { codeActions, hoverAt, SOURCE, toDiagnostic, type SourceRenderer, type Syntax } from './diagnostics.js';

export interface LanguageServerOptions {
  /**
   * Wait this long (ms) after the last change before linting a changed document (default 20: a
   * burst of keystrokes is linted once). A client can set it with initializationOptions.debounceMs.
   */
  debounceMs?: number;
  /** Turns a rule's source keys into lines for hovers (default: bibliographySources, titles and links). */
  renderSources?: SourceRenderer;
}

/** The syntax a document is linted as, from the client's language id or the file's extension; undefined: not linted. */
export function syntaxOf(languageId: string, uri: string): Syntax | undefined {
  if (languageId === 'markdown') return 'markdown';
  if (languageId === 'html') return 'html';
  if (languageId === 'plaintext') return 'text';
  const name = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
  const ext = path.extname(name).toLowerCase();
  if (ext === '.txt' || ext === '.text') return 'text';
  const format = formatOf(name);
  return format === 'markdown' || format === 'html' ? format : undefined;
}

interface Linted {
  version: number;
  findings: Finding[];
  diagnostics: Diagnostic[];
  rules: Map<string, Rule>;
  /** Markdown and HTML: the runs of this version's text an edit may touch (src/fix/segments-*.ts), once asked for. */
  segments?: readonly Segment[];
  /** Markdown and HTML: where a comment parses (the segments, and in Markdown its HTML blocks' text), found with them. */
  places?: readonly Segment[];
}

/**
 * A hover's sources as the bibliography (rules/sources.yaml) gives them: "[Title](url) (by, year)",
 * as `--why` and `dignify explain` show them; a key it does not know (a house rule's own) as it is.
 * The bare keys ("NIDA-WM", "Kelly10") were all a hover showed before (a newcomer trial).
 */
export function bibliographySources(keys: readonly string[]): string[] {
  const sources = builtinSources();
  return keys.map((key) => sourceTitleLink(key, sources));
}

/**
 * Starts the server on a connection (by default stdio) and returns it. Resolves nothing and throws
 * nothing itself: a bad config is shown to the user (window/showMessage) and the document gets no
 * diagnostics until it is fixed.
 */
export function startLanguageServer(connection: Connection = createConnection(process.stdin, process.stdout), options: LanguageServerOptions = {}): Connection {
  const documents = new TextDocuments(TextDocument);
  let debounceMs = options.debounceMs ?? 20;
  const renderSources = options.renderSources ?? bibliographySources;
  const timers = new Map<string, NodeJS.Timeout>();
  const linted = new Map<string, Linted>();
  const shownErrors = new Set<string>();
  let root = process.cwd();
  let configs = new ConfigSet({ cwd: root });
  let watchDynamically = false;

  const optionsFor = (uri: string): ResolvedOptions | undefined => {
    if (!uri.startsWith('file:')) return resolveOptions();
    const file = fileURLToPath(uri);
    try {
      if (configs.isIgnored(file)) return undefined;
      return configs.forFile(file).options;
    } catch (error) {
      const message = (error as Error).message;
      if (!shownErrors.has(message)) {
        shownErrors.add(message);
        // A notification, not window/showMessageRequest: there is nothing for the user to choose.
        void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `dignify: ${message}` });
      }
      return undefined;
    }
  };

  const lint = async (uri: string): Promise<void> => {
    const document = documents.get(uri);
    if (!document) return;
    const syntax = syntaxOf(document.languageId, uri);
    const resolved = syntax && optionsFor(uri);
    const version = document.version;
    let findings: Finding[] = [];
    if (syntax && resolved) {
      const doc: Document = { file: uri, syntax, text: document.getText() };
      findings = await withLoading(() => lintDocument(doc, resolved));
    }
    // A newer version may have arrived while this one was linted: its own lint will publish.
    if (documents.get(uri)?.version !== version) return;
    const diagnostics = findings.map(toDiagnostic);
    linted.set(uri, { version, findings, diagnostics, rules: new Map((resolved?.rules.rules ?? []).map((r) => [r.id, r])) });
    await connection.sendDiagnostics({ uri, version, diagnostics });
  };

  const schedule = (uri: string, delay: number) => {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        lint(uri).catch((error: Error) => connection.console.error(`dignify: could not lint a document: ${error.name}`));
      }, delay),
    );
  };

  connection.onInitialize((params): InitializeResult => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    if (folder?.startsWith('file:')) root = fileURLToPath(folder);
    configs = new ConfigSet({ cwd: root });
    const requested = (params.initializationOptions as { debounceMs?: unknown } | undefined)?.debounceMs;
    if (typeof requested === 'number' && requested >= 0 && Number.isFinite(requested)) debounceMs = requested;
    watchDynamically = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.dignify'] },
        hoverProvider: true,
      },
      serverInfo: { name: 'dignify' },
    };
  });

  connection.onInitialized(() => {
    if (watchDynamically) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: CONFIG_FILES.map((name) => ({ globPattern: `**/${name}` })),
      });
    }
  });

  // A config file changed (or appeared): forget every resolved config and lint the open documents again.
  connection.onDidChangeWatchedFiles(() => {
    configs = new ConfigSet({ cwd: root });
    shownErrors.clear();
    for (const document of documents.all()) schedule(document.uri, 0);
  });

  // TextDocuments fires onDidChangeContent right after onDidOpen: the open lint (not debounced) covers it.
  const justOpened = new Set<string>();
  documents.onDidOpen(({ document }) => {
    justOpened.add(document.uri);
    schedule(document.uri, 0);
  });
  documents.onDidChangeContent(({ document }) => {
    if (!justOpened.delete(document.uri)) schedule(document.uri, debounceMs);
  });
  documents.onDidClose(({ document }) => {
    clearTimeout(timers.get(document.uri));
    timers.delete(document.uri);
    linted.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.onCodeAction(async (params) => {
    const document = documents.get(params.textDocument.uri);
    const state = linted.get(params.textDocument.uri);
    if (!document || !state || state.version !== document.version) return [];
    const syntax = syntaxOf(document.languageId, document.uri) ?? 'text';
    // Markdown and HTML: the runs an edit may touch, found once per version of the document (an
    // editor asks for code actions at every move of the cursor), only when a dignify diagnostic has a
    // suggestion to place; the parsers load on first use, as lint's do.
    if (syntax !== 'text' && state.segments === undefined && params.context.diagnostics.some((d) => d.source === SOURCE && d.data)) {
      const runs = await editableRuns(syntax, document.getText());
      const places = await commentRuns(syntax, document.getText());
      if (linted.get(params.textDocument.uri) === state) (state.segments = runs), (state.places = places);
    }
    if (state.version !== document.version) return [];
    return codeActions(document, syntax, params.context.diagnostics, state.diagnostics, params.context.only, state.segments, state.places);
  });

  connection.onHover((params) => {
    const document = documents.get(params.textDocument.uri);
    const state = linted.get(params.textDocument.uri);
    if (!document || !state || state.version !== document.version) return undefined;
    return hoverAt(state.findings, state.rules, params.position, renderSources);
  });

  connection.onShutdown(() => {
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}
