/**
 * The ClassAd language server: a thin stdio wrapper around the language
 * service (src/lsp/service). It keeps the open documents (incremental sync),
 * publishes diagnostics when a document opens and, debounced, after it
 * changes, and answers hover, completion, formatting and document symbols.
 * LSP positions are UTF-16, as the service's offsets are.
 *
 * Documents: language id `classad` (`.ad`, `.classad`) in either syntax, and
 * `job_queue.log` files, recognized by name whatever their language id.
 */
import {
  CompletionItemKind,
  createConnection,
  DiagnosticSeverity,
  MarkupKind,
  ProposedFeatures,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
  type CompletionItem,
  type Connection,
  type Diagnostic,
  type DocumentSymbol,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  documentKindFor,
  formatDocument,
  getCompletions,
  getDiagnostics,
  getDocumentSymbols,
  getHover,
  type DocumentKind,
  type ServiceDiagnostic,
  type SymbolData,
} from './service/index.js';

/** Options of the server. */
export interface ServerOptions {
  /** Where requests come from (default: standard input). */
  input?: NodeJS.ReadableStream;
  /** Where responses go (default: standard output). */
  output?: NodeJS.WritableStream;
  /** Milliseconds to wait after a change before publishing diagnostics (default 30). */
  debounceMs?: number;
}

/** The file extensions of ad files. */
export const AD_FILE_EXTENSIONS = ['.ad', '.classad'];

/** The LSP language id of ClassAd documents. */
export const LANGUAGE_ID = 'classad';

const severities: Record<ServiceDiagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

function kindOf(doc: TextDocument): DocumentKind {
  return documentKindFor(decodeURIComponent(doc.uri));
}

function range(doc: TextDocument, start: number, end: number) {
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

function toDiagnostic(doc: TextDocument, d: ServiceDiagnostic): Diagnostic {
  return {
    range: range(doc, d.start, d.end),
    severity: severities[d.severity],
    code: d.code,
    source: 'classad',
    message: d.message,
    ...(d.replacement !== undefined ? { data: { replacement: d.replacement } } : {}),
  };
}

function toSymbol(doc: TextDocument, s: SymbolData): DocumentSymbol {
  return {
    name: s.name || ' ',
    detail: s.detail,
    kind: s.kind === 'ad' ? SymbolKind.Object : SymbolKind.Property,
    range: range(doc, s.start, s.end),
    selectionRange: range(doc, s.selectionStart, s.selectionEnd),
    children: s.children.map((c) => toSymbol(doc, c)),
  };
}

const completionKinds = {
  function: CompletionItemKind.Function,
  attribute: CompletionItemKind.Property,
  keyword: CompletionItemKind.Keyword,
} as const;

/**
 * Starts the language server on a pair of streams (standard input and
 * output by default) and returns its connection. Used by `classad-lsp
 * --stdio` and `classad lsp`.
 */
export function startServer(options: ServerOptions = {}): Connection {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  // Standard output carries the protocol: stray logging goes to standard error.
  if (output === process.stdout) console.log = console.error;
  const connection = createConnection(ProposedFeatures.all, input, output);
  const documents = new TextDocuments(TextDocument);
  const debounceMs = options.debounceMs ?? 30;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const publish = (uri: string) => {
    timers.delete(uri);
    const doc = documents.get(uri);
    if (!doc) return;
    let diagnostics: Diagnostic[];
    try {
      diagnostics = getDiagnostics(doc.getText(), kindOf(doc)).map((d) => toDiagnostic(doc, d));
    } catch (e) {
      connection.console.error(`classad-lsp: diagnostics of ${uri} failed: ${String(e)}`);
      return;
    }
    void connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
  };
  const schedule = (uri: string, delay: number) => {
    const pending = timers.get(uri);
    if (pending) clearTimeout(pending);
    timers.set(
      uri,
      setTimeout(() => publish(uri), delay),
    );
  };

  connection.onInitialize((): InitializeResult => ({
    capabilities: {
      textDocumentSync: {
        openClose: true,
        change: TextDocumentSyncKind.Incremental,
      },
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['.'] },
      documentFormattingProvider: true,
      documentSymbolProvider: true,
    },
    serverInfo: { name: 'classad-lsp' },
  }));

  // A document's first content (reported right after it opens) is checked at
  // once; changes wait for a pause in typing.
  const opening = new Set<string>();
  documents.onDidOpen((e) => {
    opening.add(e.document.uri);
    schedule(e.document.uri, 0);
  });
  documents.onDidChangeContent((e) => {
    if (!opening.delete(e.document.uri)) schedule(e.document.uri, debounceMs);
  });
  documents.onDidClose((e) => {
    opening.delete(e.document.uri);
    const pending = timers.get(e.document.uri);
    if (pending) clearTimeout(pending);
    timers.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onHover((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const h = getHover(doc.getText(), kindOf(doc), doc.offsetAt(params.position));
    if (!h) return null;
    return {
      contents: { kind: MarkupKind.Markdown, value: h.markdown },
      range: range(doc, h.start, h.end),
    };
  });

  connection.onCompletion((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const r = getCompletions(doc.getText(), kindOf(doc), doc.offsetAt(params.position));
    const replace = range(doc, r.start, r.end);
    return r.items.map((item): CompletionItem => ({
      label: item.label,
      kind: completionKinds[item.kind],
      detail: item.detail,
      documentation: item.documentation,
      sortText: item.sortText,
      textEdit: { range: replace, newText: item.label },
    }));
  });

  connection.onDocumentFormatting((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const r = formatDocument(doc.getText(), kindOf(doc));
    return r.edits.map((e) => ({ range: range(doc, e.start, e.end), newText: e.newText }));
  });

  connection.onDocumentSymbol((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    return getDocumentSymbols(doc.getText(), kindOf(doc)).map((s) => toSymbol(doc, s));
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}
