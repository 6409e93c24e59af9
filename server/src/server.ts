// The IMR determination language server: LSP in, the engine's service, LSP out.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createImrService, toNativePath } from '../../engine/src';
import { checkingThreads } from './checking';
import type { ServerContext } from './context';
import { imrDocument } from './documents';
import { featureCapabilities, registerFeatures } from './features';
import { ShutdownGate } from './shutdown';
import { configurationFileDiagnostics, configurationNotices, toDiagnostic } from './features/diagnostics';
import { LspHost } from './host';
import { DEFAULT_DEBOUNCE_MS, ValidationQueue } from './validation';
import { BaseWatchers } from './watchers';

const shutdown = new ShutdownGate();
const connection = createConnection(ProposedFeatures.all, { messageStrategy: shutdown });
shutdown.listen(connection);
const documents = new TextDocuments(TextDocument);
const host = new LspHost(connection);
const watchers = new BaseWatchers(connection);
// A configuration file outside every workspace folder is named by its native path.
const service = createImrService(host, { displayPath: toNativePath, analysis: checkingThreads(host) });

// The bundle lives in dist/; the rule pages ship beside it in docs/rules.
const docsRoot = path.join(__dirname, '..', 'docs', 'rules');
const docsUri = (ruleId: string): string => pathToFileURL(path.join(docsRoot, `${ruleId}.md`)).toString();

const queue = new ValidationQueue({ get: (uri) => documents.get(uri), validate }, DEFAULT_DEBOUNCE_MS);

async function validate(document: TextDocument): Promise<void> {
  const { uri, version } = document;
  const current = imrDocument(document);
  const isCurrent = (): boolean => documents.get(uri)?.version === version;
  // A configuration file is diagnosed as configuration, never checked as a draft.
  if (service.isConfigurationFile(current)) {
    const problems = await service.diagnoseConfigurationFile(current);
    if (isCurrent()) void connection.sendDiagnostics({ uri, version, diagnostics: configurationFileDiagnostics(problems) });
    return;
  }
  let result;
  try {
    void watchers.watch((await service.configuration(current)).files);
    result = await service.check(current);
  } catch (error) {
    connection.console.error(`imr: could not check ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return;
  }
  // A newer edit arrived meanwhile: its own validation publishes.
  if (!isCurrent()) return;
  if (!result) {
    void connection.sendDiagnostics({ uri, version, diagnostics: [] });
    return;
  }
  for (const failure of result.failures) connection.console.error(`imr: rule ${failure.ruleId} failed on ${uri}: ${failure.error}`);
  const diagnostics = [...configurationNotices(result.configuration), ...result.findings.map((finding) => toDiagnostic(finding, docsUri))];
  void connection.sendDiagnostics({ uri, version, diagnostics });
}

/** Settings or a configuration file changed: every open document is checked again. */
function configurationChanged(): void {
  service.configurationChanged();
  for (const document of documents.all()) queue.schedule(document.uri, true);
}

connection.onInitialize((params): InitializeResult => {
  host.initialize(params);
  watchers.initialize(params);
  const debounce = (params.initializationOptions as { debounceMs?: number } | undefined)?.debounceMs;
  if (typeof debounce === 'number' && debounce >= 0) queue.debounceMs = debounce;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      ...featureCapabilities(),
    },
    serverInfo: { name: 'imr-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(() => host.initialized());
connection.onDidChangeConfiguration(configurationChanged);
connection.onDidChangeWatchedFiles(configurationChanged);
connection.onNotification('imr/didGrantWorkspaceTrust', () => {
  host.grantTrust();
  configurationChanged();
});

// didOpen also fires a content change; the open handler has already scheduled that one.
const opening = new Set<string>();
documents.onDidOpen((event) => {
  opening.add(event.document.uri);
  queue.schedule(event.document.uri, true);
});
documents.onDidChangeContent((event) => {
  if (opening.delete(event.document.uri)) return;
  queue.schedule(event.document.uri);
});
documents.onDidClose((event) => {
  opening.delete(event.document.uri);
  queue.cancel(event.document.uri);
  service.closeDocument(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

registerFeatures({ connection, documents, service, docsUri } satisfies ServerContext);

documents.listen(connection);
connection.listen();
