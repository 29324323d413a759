// An LSP client for the tests: starts the real server (test/lsp/server.mjs)
// as a child process and talks to it over stdio with vscode-languageserver-protocol.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  CompletionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CompletionItem,
  type CompletionList,
  type DocumentSymbol,
  type Hover,
  type InitializeResult,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type SymbolInformation,
  type TextDocumentContentChangeEvent,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';

const serverMain = join(import.meta.dirname, 'server.mjs');

/** A running server and a connection to it. */
export class LspClient {
  private readonly published: PublishDiagnosticsParams[] = [];
  private waiters: {
    match: (p: PublishDiagnosticsParams) => boolean;
    resolve: (p: PublishDiagnosticsParams) => void;
  }[] = [];

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
    readonly initialized: InitializeResult,
  ) {}

  /** Spawns `node test/lsp/server.mjs`, then initialize / initialized. */
  static async start(): Promise<LspClient> {
    const child = spawn(process.execPath, [serverMain, '--stdio'], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    let client: LspClient | undefined;
    const early: PublishDiagnosticsParams[] = [];
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      if (client) client.receive(p);
      else early.push(p);
    });
    connection.listen();
    const initialized = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
    });
    await connection.sendNotification(InitializedNotification.type, {});
    client = new LspClient(child, connection, initialized);
    for (const p of early) client.receive(p);
    return client;
  }

  private receive(p: PublishDiagnosticsParams): void {
    this.published.push(p);
    const waiter = this.waiters.find((w) => w.match(p));
    if (waiter) {
      this.waiters = this.waiters.filter((w) => w !== waiter);
      waiter.resolve(p);
    }
  }

  /** The next diagnostics published for `uri` (for `version`, when given), including ones already received. */
  diagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    const match = (p: PublishDiagnosticsParams) =>
      p.uri === uri && (version === undefined || p.version === version);
    const i = this.published.findIndex(match);
    if (i >= 0) return Promise.resolve(this.published.splice(i, 1)[0]!);
    return new Promise((resolve) => {
      this.waiters.push({
        match,
        resolve: (p) => {
          this.published.splice(this.published.indexOf(p), 1);
          resolve(p);
        },
      });
    });
  }

  /** textDocument/didOpen. */
  open(uri: string, text: string, languageId = 'classad', version = 1): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version, text },
    });
  }

  /** textDocument/didChange. */
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes,
    });
  }

  /** textDocument/didClose. */
  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, {
      textDocument: { uri },
    });
  }

  /** textDocument/hover. */
  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  /** textDocument/completion, as a list of items. */
  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const r: CompletionItem[] | CompletionList | null = await this.connection.sendRequest(
      CompletionRequest.type,
      { textDocument: { uri }, position },
    );
    return Array.isArray(r) ? r : (r?.items ?? []);
  }

  /** textDocument/formatting. */
  async formatting(uri: string): Promise<TextEdit[]> {
    return (
      (await this.connection.sendRequest(DocumentFormattingRequest.type, {
        textDocument: { uri },
        options: { tabSize: 2, insertSpaces: true },
      })) ?? []
    );
  }

  /** textDocument/documentSymbol. */
  async symbols(uri: string): Promise<DocumentSymbol[]> {
    const r: DocumentSymbol[] | SymbolInformation[] | null = await this.connection.sendRequest(
      DocumentSymbolRequest.type,
      { textDocument: { uri } },
    );
    return (r ?? []) as DocumentSymbol[];
  }

  /** shutdown, exit, and the process's exit code. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => {
      if (this.child.exitCode !== null) resolve(this.child.exitCode);
      else this.child.once('exit', (code) => resolve(code));
    });
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}
