// Spawns the bundled language server and speaks LSP to it over stdio (or a socket, or Node IPC), as an editor would.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import * as net from 'node:net';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  SocketMessageReader,
  SocketMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageReader,
  type MessageWriter,
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
  DiagnosticRefreshRequest,
  type ClientCapabilities,
  type Registration,
  type RegistrationParams,
  type InitializeResult,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, type FileEvent } from 'vscode-languageserver-protocol/node';
import { SERVER_ENVIRONMENT, SERVER_NODE_OPTIONS } from '../../server/src/launch';

/** A client that pulls diagnostics and can be asked to pull again, as Neovim 0.10 and later and Sublime Text's LSP are. */
export const PULLING_CLIENT: ClientCapabilities = {
  workspace: { configuration: true, diagnostics: { refreshSupport: true } },
  textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false }, publishDiagnostics: { versionSupport: true } },
};

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
  /** Every diagnostics notification the server published, in order. */
  published: PublishDiagnosticsParams[];
  /** How many times the server asked for workspace/configuration, and for a diagnostics refresh. */
  requests: { configuration: number; refresh: number };
  /** Resolves at the server's next workspace/diagnostic/refresh request. */
  refreshed(): Promise<void>;
  /** What the server registered with client/registerCapability, in order. */
  registrations: Registration[];
  /** Resolves with the first registration of `method`, at once if the server has made one already. */
  registered(method: string): Promise<Registration>;
  open(uri: string, text: string, languageId?: string, version?: number): void;
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void;
  close(uri: string): void;
  /** Resolves with the next diagnostics published for `uri` that satisfy `accept`. */
  diagnostics(uri: string, accept?: (params: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  stop(): Promise<void>;
}

/**
 * How the server is started: a command and its arguments, and the transport the editor offers it. With `socket`
 * the editor listens and the command gets `--socket=<port>`; with `node-ipc` the command is a Node script, forked.
 */
export interface ServerLaunch {
  command: string;
  args?: string[];
  transport?: 'stdio' | 'socket' | 'node-ipc';
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/** A build of the server over stdio, started as the editor's client and the imr-language-server command start it. */
export function bundleLaunch(bundle = SERVER_BUNDLE): ServerLaunch {
  return { command: process.execPath, args: [...SERVER_NODE_OPTIONS, bundle, '--stdio'], env: { ...process.env, ...SERVER_ENVIRONMENT } };
}

async function launch(server: ServerLaunch): Promise<{ child: ChildProcess; reader: MessageReader; writer: MessageWriter }> {
  const { command, args = [], transport = 'stdio', cwd, env } = server;
  if (transport === 'node-ipc') {
    // No execArgv: the test runner's own (--import tsx) would be resolved from the server's folder.
    const child = fork(command, args, { cwd, env, execArgv: [], stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
    child.stdout!.resume();
    return { child, reader: new IPCMessageReader(child), writer: new IPCMessageWriter(child) };
  }
  if (transport === 'socket') {
    const listener = net.createServer();
    listener.listen(0, '127.0.0.1');
    await once(listener, 'listening');
    const { port } = listener.address() as net.AddressInfo;
    const child = spawn(command, [...args, `--socket=${port}`], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.resume();
    const exited = once(child, 'exit').then(([code]) => Promise.reject(new Error(`the server exited (${code}) before connecting to port ${port}`)));
    try {
      const [socket] = (await Promise.race([once(listener, 'connection'), exited])) as [net.Socket];
      return { child, reader: new SocketMessageReader(socket), writer: new SocketMessageWriter(socket) };
    } finally {
      exited.catch(() => undefined);
      listener.close();
    }
  }
  const child = spawn(command, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
  return { child, reader: new StreamMessageReader(child.stdout!), writer: new StreamMessageWriter(child.stdin!) };
}

export function fileUri(name: string): string {
  return pathToFileURL(path.resolve('/tmp/imr-lsp-test', name)).toString();
}

/** `debounceMs: 'default'` leaves the server's own debounce in place; tests default to 0. `bundle` runs another build of the server. */
export async function startServer(
  options: {
    debounceMs?: number | 'default';
    settings?: Record<string, unknown>;
    workspaceFolders?: string[];
    initializationOptions?: Record<string, unknown>;
    server?: ServerLaunch;
    /** Another build of the server bundle, spoken to over stdio (the benchmark compares builds). */
    bundle?: string;
    /** The client's capabilities, instead of those of a client with workspace/configuration and push diagnostics. */
    capabilities?: ClientCapabilities;
  } = {},
): Promise<LspSession> {
  const spawnedAt = performance.now();
  const { child, reader, writer } = await launch(options.server ?? bundleLaunch(options.bundle));
  // The end of what the server printed, for the message when it dies before answering.
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-2000)));
  const died = once(child, 'exit').then(([code, signal]) => {
    throw new Error(`the server exited (${signal ?? `status ${code}`}) before answering initialize:\n${stderr}`);
  });
  died.catch(() => undefined);
  const connection = createProtocolConnection(reader, writer);
  const waiting: { uri: string; accept: (params: PublishDiagnosticsParams) => boolean; resolve: (params: PublishDiagnosticsParams) => void }[] = [];
  const settings: Record<string, unknown> = { imr: options.settings ?? {} };
  const published: PublishDiagnosticsParams[] = [];
  const requests = { configuration: 0, refresh: 0 };
  let refreshWaiters: (() => void)[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.push(params);
    const index = waiting.findIndex((entry) => entry.uri === params.uri && entry.accept(params));
    if (index >= 0) waiting.splice(index, 1)[0].resolve(params);
  });
  connection.onRequest(ConfigurationRequest.type, (params) => {
    requests.configuration++;
    return params.items.map((item) => (item.section ? (settings[item.section] ?? null) : null));
  });
  connection.onRequest(DiagnosticRefreshRequest.method, () => {
    requests.refresh++;
    const resolve = refreshWaiters;
    refreshWaiters = [];
    resolve.forEach((done) => done());
    return null;
  });
  const registrations: Registration[] = [];
  let registrationWaiters: { method: string; resolve: (registration: Registration) => void }[] = [];
  connection.onRequest('client/registerCapability', (params: RegistrationParams) => {
    registrations.push(...params.registrations);
    registrationWaiters = registrationWaiters.filter(({ method, resolve }) => {
      const registration = params.registrations.find((candidate) => candidate.method === method);
      if (registration) resolve(registration);
      return !registration;
    });
    return null;
  });
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  const initialize = connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: options.capabilities ?? {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: { publishDiagnostics: { versionSupport: true } },
    },
    initializationOptions: { ...(options.debounceMs === 'default' ? {} : { debounceMs: options.debounceMs ?? 0 }), ...options.initializationOptions },
    workspaceFolders: (options.workspaceFolders ?? []).map((folder) => ({ uri: pathToFileURL(folder).toString(), name: path.basename(folder) })),
  });
  const initializeResult = await Promise.race([initialize, died]);
  const initializeMs = performance.now() - spawnedAt;
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    connection,
    process: child,
    initializeResult,
    spawnedAt,
    initializeMs,
    settings,
    published,
    requests,
    registrations,
    registered(method) {
      const made = registrations.find((registration) => registration.method === method);
      return made ? Promise.resolve(made) : new Promise((resolve) => registrationWaiters.push({ method, resolve }));
    },
    refreshed() {
      return new Promise((resolve) => refreshWaiters.push(resolve));
    },
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
