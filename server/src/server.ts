// The IMR determination language server: LSP in, the engine's service, LSP out.
import * as path from 'node:path';
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type DidChangeWatchedFilesParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createImrService, toNativePath } from '../../engine/src';
import { basicClient, clientFeatures } from './client';
import { ConfigurationFiles, scopeOf } from './configuration-files';
import { checkingThreads } from './checking';
import type { ServerContext } from './context';
import { imrDocument } from './documents';
import { featureCapabilities, registerFeatures } from './features';
import { ShutdownGate } from './shutdown';
import { diagnosticsOf } from './features/diagnostics';
import { PULL_DIAGNOSTICS, PullDiagnostics } from './features/pull-diagnostics';
import { LspHost, pathOfUri } from './host';
import { debounceGiven } from './settings';
import { RuleLinks } from './rule-links';
import { DEFAULT_DEBOUNCE_MS, ValidationQueue } from './validation';
import { Watchers } from './watchers';

const shutdown = new ShutdownGate();
const connection = createConnection(ProposedFeatures.all, { messageStrategy: shutdown });
shutdown.listen(connection);
const documents = new TextDocuments(TextDocument);
const client = basicClient();
const configurationFiles = new ConfigurationFiles();
const host = new LspHost(connection, configurationFiles.fileSystem);
const watchers = new Watchers(connection, client);
// A configuration file outside every workspace folder is named by its native path.
const service = createImrService(host, { displayPath: toNativePath, analysis: checkingThreads(host) });

// The bundle lives in dist/; the rule pages ship beside it in docs/rules.
const ruleLinks = new RuleLinks(path.join(__dirname, '..', 'docs', 'rules'));
const docsUri = (ruleId: string): string => ruleLinks.href(ruleId);

const queue = new ValidationQueue({ get: (uri) => documents.get(uri), validate }, DEFAULT_DEBOUNCE_MS);
const context: ServerContext = { connection, documents, service, client, docsUri };
const pull = new PullDiagnostics(context, {
  workspaceFolders: () => host.workspaceFolders(),
  noticeConfigurationEdits,
  governs,
});
/** The configuration files that govern each open document: what the server looks at where the editor cannot watch files. */
const governing = new Map<string, readonly string[]>();

function governs(uri: string, files: readonly string[]): void {
  if (documents.get(uri)) governing.set(uri, files);
  void watchers.watch(files);
}

async function validate(document: TextDocument): Promise<void> {
  const { uri, version } = document;
  // A configuration file changed: every open document is checked again, this one first.
  if (noticeConfigurationEdits()) return;
  let diagnostics;
  try {
    diagnostics = await diagnosticsOf(context, imrDocument(document), (files) => governs(uri, files));
  } catch (error) {
    connection.console.error(`imr: could not check ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return;
  }
  // A newer edit arrived meanwhile: its own validation publishes.
  if (documents.get(uri)?.version !== version) return;
  void connection.sendDiagnostics({ uri, version, diagnostics: diagnostics ?? [] });
}

/** Settings or a configuration file changed: every open document is checked again (pulled again, where the editor pulls). */
function configurationChanged(): void {
  service.configurationChanged();
  configurationFiles.reset();
  if (client.pullsDiagnostics) pull.configurationChanged();
  else for (const document of documents.all()) queue.schedule(document.uri, true);
}

/**
 * An editor that cannot watch files: a configuration file of an open draft written, created or removed is noticed
 * at the next check (of `everything` the configuration ever read, for the workspace's diagnostics).
 */
function noticeConfigurationEdits(everything = false): boolean {
  if (client.watchesFiles) return false;
  const open = documents.all().flatMap((document) => pathOfUri(document.uri) ?? []);
  const scope = everything ? undefined : scopeOf(open, [...governing.values()].flat());
  if (!configurationFiles.changed(scope)) return false;
  configurationChanged();
  return true;
}

function filesChanged({ changes }: DidChangeWatchedFilesParams): void {
  const paths = changes.flatMap((change) => pathOfUri(change.uri) ?? []);
  if (paths.some((path) => watchers.isConfiguration(path))) configurationChanged();
  else if (client.pullsDiagnostics) pull.draftsChanged();
}

connection.onInitialize((params): InitializeResult => {
  Object.assign(client, clientFeatures(params));
  host.initialize(params);
  queue.debounceMs = debounceGiven(params.initializationOptions) ?? queue.debounceMs;
  ruleLinks.initialize(params.initializationOptions);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      ...featureCapabilities(),
      // Pulled or pushed, never both.
      ...(client.pullsDiagnostics ? { diagnosticProvider: PULL_DIAGNOSTICS } : {}),
    },
    serverInfo: { name: 'imr-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  host.initialized();
  watchers.initialized();
});
connection.onDidChangeConfiguration(({ settings }) => {
  host.didChangeConfiguration(settings);
  queue.debounceMs = debounceGiven(settings) ?? queue.debounceMs;
  configurationChanged();
});
connection.onDidChangeWatchedFiles(filesChanged);
connection.onNotification('imr/didGrantWorkspaceTrust', () => {
  host.grantTrust();
  configurationChanged();
});

// didOpen also fires a content change; the open handler has already scheduled that one.
const opening = new Set<string>();
// Where the editor pulls diagnostics, it asks after each edit; the server publishes nothing.
documents.onDidOpen((event) => {
  if (client.pullsDiagnostics) return;
  opening.add(event.document.uri);
  queue.schedule(event.document.uri, true);
});
documents.onDidChangeContent((event) => {
  if (client.pullsDiagnostics || opening.delete(event.document.uri)) return;
  queue.schedule(event.document.uri);
});
documents.onDidClose((event) => {
  opening.delete(event.document.uri);
  queue.cancel(event.document.uri);
  service.closeDocument(event.document.uri);
  governing.delete(event.document.uri);
  if (!client.pullsDiagnostics) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

registerFeatures(context);
pull.register();

documents.listen(connection);
connection.listen();
