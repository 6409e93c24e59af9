// Spawns the bundled language server and speaks LSP to it over stdio, as an editor would.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  PublishDiagnosticsNotification,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  ExitNotification,
  ShutdownRequest,
  ConfigurationRequest,
  type InitializeResult,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, type FileEvent } from 'vscode-languageserver-protocol/node';

export const SERVER_BUNDLE = path.resolve(import.meta.dirname, '../../dist/server.cjs');

export interface LspSession {
  connection: ProtocolConnection;
  process: ChildProcess;
  initializeResult: InitializeResult;
  /** When the process was spawned (performance.now()), and how long the initialize request took from then. */
  spawnedAt: number;
  initializeMs: number;
  /** Settings the server reads through workspace/configuration, by section. */
  settings: Record<string, unknown>;
  open(uri: string, text: string, languageId?: string, version?: number): void;
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void;
  close(uri: string): void;
  /** Resolves with the next diagnostics published for `uri` that satisfy `accept`. */
  diagnostics(uri: string, accept?: (params: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  stop(): Promise<void>;
}

export function fileUri(name: string): string {
  return pathToFileURL(path.resolve('/tmp/imr-lsp-test', name)).toString();
}

/** `debounceMs: 'default'` leaves the server's own debounce in place; tests default to 0. `bundle` runs another build of the server. */
export async function startServer(
  options: { debounceMs?: number | 'default'; settings?: Record<string, unknown>; workspaceFolders?: string[]; bundle?: string } = {},
): Promise<LspSession> {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [options.bundle ?? SERVER_BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stderr!.resume();
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting: { uri: string; accept: (params: PublishDiagnosticsParams) => boolean; resolve: (params: PublishDiagnosticsParams) => void }[] = [];
  const settings: Record<string, unknown> = { imr: options.settings ?? {} };
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    const index = waiting.findIndex((entry) => entry.uri === params.uri && entry.accept(params));
    if (index >= 0) waiting.splice(index, 1)[0].resolve(params);
  });
  connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => (item.section ? (settings[item.section] ?? null) : null)));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  const initializeResult = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: { publishDiagnostics: { versionSupport: true } },
    },
    initializationOptions: options.debounceMs === 'default' ? {} : { debounceMs: options.debounceMs ?? 0 },
    workspaceFolders: (options.workspaceFolders ?? []).map((folder) => ({ uri: pathToFileURL(folder).toString(), name: path.basename(folder) })),
  });
  const initializeMs = performance.now() - spawnedAt;
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    connection,
    process: child,
    initializeResult,
    spawnedAt,
    initializeMs,
    settings,
    open(uri, text, languageId = 'imr', version = 1) {
      void connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
    },
    change(uri, version, changes) {
      void connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    },
    close(uri) {
      void connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    },
    diagnostics(uri, accept = () => true) {
      return new Promise((resolve) => waiting.push({ uri, accept, resolve }));
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
      await connection.sendNotification(ExitNotification.type).catch(() => undefined);
      connection.dispose();
      const timer = setTimeout(() => child.kill(), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Applies LSP text edits as an editor does: every position refers to the text before any edit, and edits do not overlap. */
export function applyTextEdits(
  text: string,
  edits: readonly { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[],
): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    if (text[i] === '\n' || text[i] === '\r') lineStarts.push(i + 1);
  }
  const offsetAt = (position: { line: number; character: number }): number =>
    position.line >= lineStarts.length ? text.length : Math.min(lineStarts[position.line] + position.character, text.length);
  const located = edits
    .map((edit) => ({ start: offsetAt(edit.range.start), end: offsetAt(edit.range.end), newText: edit.newText }))
    .sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  for (const edit of located) {
    if (edit.start < cursor) throw new Error('overlapping edits');
    out += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}

/** The LSP position of a UTF-16 offset in `text`. */
export function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

/** Tells the server its settings changed, as VS Code does; the server then reads `session.settings` again. */
export function notifySettingsChanged(session: LspSession): void {
  void session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: session.settings });
}

/** Tells the server that files changed on disk, as the client's file watcher does. */
export function notifyFilesChanged(session: LspSession, changes: FileEvent[]): void {
  void session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
}
