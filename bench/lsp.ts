// A minimal LSP client over stdio for the benchmark: spawns the bundled server, opens drafts, times diagnostics.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const SERVER_BUNDLE = path.resolve(import.meta.dirname, '../dist/server.cjs');

export interface BenchServer {
  process: ChildProcess;
  connection: ProtocolConnection;
  /** Milliseconds from spawning the process to the initialize response. */
  initializeMs: number;
  spawnedAt: number;
  open(uri: string, text: string): void;
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void;
  /** Resolves with the next diagnostics for `uri` at `version` (any version when omitted). */
  diagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams>;
  /** Resident and peak resident memory of the server process, in bytes (Linux /proc). */
  memory(): { rss: number; peak: number } | undefined;
  stop(): Promise<void>;
}

/** `debounceMs` undefined leaves the server's own default in place. */
export async function startBenchServer(options: { debounceMs?: number } = {}): Promise<BenchServer> {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stderr!.resume();
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting: { uri: string; version?: number; resolve: (params: PublishDiagnosticsParams) => void }[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    const index = waiting.findIndex((entry) => entry.uri === params.uri && (entry.version === undefined || entry.version === params.version));
    if (index >= 0) waiting.splice(index, 1)[0].resolve(params);
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    initializationOptions: options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs },
    workspaceFolders: null,
  });
  const initializeMs = performance.now() - spawnedAt;
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    process: child,
    connection,
    initializeMs,
    spawnedAt,
    open(uri, text) {
      void connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'imr', version: 1, text } });
    },
    change(uri, version, changes) {
      void connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    },
    diagnostics(uri, version) {
      return new Promise((resolve) => waiting.push({ uri, version, resolve }));
    },
    memory() {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const field = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
        return { rss: field('VmRSS'), peak: field('VmHWM') };
      } catch {
        return undefined;
      }
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
