// The extension's client: starts the language server once a determination is open.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { createFeatures, Features } from './features';
import { isDeterminationDocument, trackDeterminationContext } from './preview/documents';
import { PREVIEW_VIEW_TYPE } from './preview/view-type';
import { registerRuleDocumentation, RULE_DOCUMENTATION_COMMAND } from './rules/documentation';
import { SERVER_ENVIRONMENT, SERVER_NODE_OPTIONS } from '../../server/src/launch';
import { DOCUMENT_SELECTOR, type ImrServer } from './server';

/** Commands whose handlers live in dist/features.cjs; `imr.insertItem` acts on the active editor. */
const LAZY_COMMANDS = ['imr.newDetermination', 'imr.showPreview', 'imr.showPreviewToSide', 'imr.exportHtml'];
const LAZY_EDITOR_COMMANDS = ['imr.insertItem'];

let client: LanguageClient | undefined;
let starting: Promise<void> | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  const api: ExtensionApi = { ready: () => starting ?? Promise.resolve(), client: () => client };
  // Commands that need the server start it when no determination has yet; a failed start can be tried again.
  const server = async (): Promise<LanguageClient> => {
    starting ??= startClient(context);
    try {
      await starting;
    } catch (error) {
      starting = undefined;
      throw error;
    }
    return client!;
  };
  registerLazyCommands(context, { client: server });
  registerRuleDocumentation(context);
  context.subscriptions.push(trackDeterminationContext());
  const startIfDetermination = (document: vscode.TextDocument): void => {
    if (starting || !isDeterminationDocument(document)) return;
    void server().catch(() => undefined);
  };
  vscode.workspace.textDocuments.forEach(startIfDetermination);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(startIfDetermination));
  context.subscriptions.push({ dispose: () => void client?.stop() });
  return api;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
  starting = undefined;
}

/** What tests and other extensions can reach. */
export interface ExtensionApi {
  /** Resolves once the language server is running (immediately when none is needed yet). */
  ready(): Promise<void>;
  client(): LanguageClient | undefined;
}

/**
 * Activation stays light: the commands and the preview load only when a command first needs them; the
 * engine runs in the language server's own process.
 */
function registerLazyCommands(context: vscode.ExtensionContext, server: ImrServer): void {
  let features: Features | undefined;
  const load = (): Features => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    features ??= (require(context.asAbsolutePath(path.join('dist', 'features.cjs'))) as { createFeatures: typeof createFeatures }).createFeatures(
      context,
      server,
    );
    return features;
  };
  for (const id of LAZY_COMMANDS) {
    context.subscriptions.push(vscode.commands.registerCommand(id, (...args: unknown[]) => load().commands[id](...args)));
  }
  for (const id of LAZY_EDITOR_COMMANDS) {
    context.subscriptions.push(vscode.commands.registerTextEditorCommand(id, (editor) => load().commands[id](editor)));
  }
  // A preview open when the window reloaded comes back (activation event onWebviewPanel:imr.preview).
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, { deserializeWebviewPanel: (panel, state) => load().restorePreview(panel, state) }),
  );
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.cjs'));
  // The server's own options and environment (see server/src/launch.ts), as the imr-language-server command starts it;
  // the client adds the environment to the editor's.
  const env = { ...SERVER_ENVIRONMENT };
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS], env } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS, '--nolazy', '--inspect=6019'], env } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    // The server registers its own watchers for configuration files.
    synchronize: { configurationSection: 'imr' },
    initializationOptions: {
      debounceMs: vscode.workspace.getConfiguration('imr').get<number>('debounceMs', 150),
      // An untrusted workspace's configuration files cannot raise limits (see docs/security.md).
      trusted: vscode.workspace.isTrusted,
      // After a citation prefix or a source, the list of what comes next opens by itself.
      retriggerCommand: 'editor.action.triggerSuggest',
      // Published: checked on the server's debounce as the user types, open drafts only (pulled, VS Code would
      // check visible drafts only and poll the whole workspace every two seconds).
      pullDiagnostics: false,
      // Rule links open the rule pages here, rendered (see rules/documentation.ts); the hovers may run that command and no other.
      ruleDocumentationCommand: RULE_DOCUMENTATION_COMMAND,
    },
    markdown: { isTrusted: { enabledCommands: [RULE_DOCUMENTATION_COMMAND] } },
    // The server is restarted if it dies; the user's text lives in the editor, never in the server.
    connectionOptions: { maxRestartCount: 5 },
  };
  client = new LanguageClient('imr', 'IMR Determinations', serverOptions, clientOptions);
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification('imr/didGrantWorkspaceTrust')));
  await client.start();
}
