// The IMR determination language server: LSP in, engine, LSP out.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyse, forgetDocument, type Analysis } from './documents';
import { toDiagnostic } from './features/diagnostics';
import { DEFAULT_DEBOUNCE_MS, ValidationQueue } from './validation';
import { ConfigurationStore } from './configuration';
import type { ServerContext } from './context';
import { featureCapabilities, registerFeatures } from './features';
import { ShutdownGate } from './shutdown';

const shutdown = new ShutdownGate();
const connection = createConnection(ProposedFeatures.all, { messageStrategy: shutdown });
shutdown.listen(connection);
const documents = new TextDocuments(TextDocument);
const analyses = new Map<string, Analysis>();
const configuration = new ConfigurationStore(connection);

// The bundle lives in dist/; the rule pages ship beside it in docs/rules.
const docsRoot = path.join(__dirname, '..', 'docs', 'rules');
const docsUri = (ruleId: string): string => pathToFileURL(path.join(docsRoot, `${ruleId}.md`)).toString();

const queue = new ValidationQueue(
  {
    get: (uri) => documents.get(uri),
    validate: (document) => validate(document),
  },
  DEFAULT_DEBOUNCE_MS,
);

async function validate(document: TextDocument): Promise<void> {
  const version = document.version;
  // A configuration file is diagnosed as configuration, never linted as a draft.
  if (configuration.isConfigurationFile(document.uri)) {
    const diagnostics = await configuration.diagnoseConfigurationFile(document);
    if (documents.get(document.uri)?.version === version) void connection.sendDiagnostics({ uri: document.uri, version, diagnostics });
    return;
  }
  const config = await configuration.forDocument(document.uri);
  // A newer edit arrived while configuration loaded: its own validation will publish.
  if (documents.get(document.uri)?.version !== version) return;
  let analysis: Analysis | undefined;
  try {
    analysis = config.ignored ? undefined : analyse(document, config.config);
  } catch (error) {
    connection.console.error(`imr: could not check ${document.uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return;
  }
  if (documents.get(document.uri)?.version !== version) return;
  if (!analysis) {
    analyses.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, version, diagnostics: [] });
    return;
  }
  analyses.set(document.uri, analysis);
  for (const failure of analysis.result.failures) connection.console.error(`imr: rule ${failure.ruleId} failed on ${document.uri}: ${failure.error}`);
  const diagnostics = [...config.diagnostics, ...analysis.result.findings.map((finding) => toDiagnostic(finding, docsUri))];
  void connection.sendDiagnostics({ uri: document.uri, version, diagnostics });
}

connection.onInitialize((params): InitializeResult => {
  configuration.initialize(params);
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

connection.onInitialized(() => configuration.initialized());

configuration.onDidChange(() => {
  for (const document of documents.all()) queue.schedule(document.uri, true);
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
  configuration.forget(event.document.uri);
  analyses.delete(event.document.uri);
  forgetDocument(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

registerFeatures({ connection, documents, analyses, configuration, docsUri } satisfies ServerContext);

documents.listen(connection);
connection.listen();
