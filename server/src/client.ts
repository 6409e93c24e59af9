// What the editor can do, read once from initialize: the server adapts to it rather than assume VS Code.
import type { InitializeParams } from 'vscode-languageserver/node';

export interface ClientFeatures {
  /** Answers workspace/configuration; otherwise settings come from initializationOptions and didChangeConfiguration. */
  configuration: boolean;
  /** Registers file watchers for the server (didChangeWatchedFiles, dynamic registration); otherwise the server checks the files itself. */
  watchesFiles: boolean;
  /** Pulls diagnostics (textDocument/diagnostic, workspace/diagnostic); otherwise the server publishes them. Never both. */
  pullsDiagnostics: boolean;
  /** Pulls again when the server asks (workspace/diagnostic/refresh). */
  refreshesDiagnostics: boolean;
  /** The client's own command that reopens completion, run after an item that leaves more to choose; none unless the client names it. */
  retriggerCommand?: string;
}

/** What the server assumes until initialize says otherwise: nothing beyond the protocol's basics. */
export function basicClient(): ClientFeatures {
  return { configuration: false, watchesFiles: false, pullsDiagnostics: false, refreshesDiagnostics: false };
}

/** A command name is a short identifier ("editor.action.triggerSuggest"), never anything else a client sends. */
const COMMAND_NAME = /^[\w.:/-]{1,200}$/;

/**
 * The client's features, from its capabilities and these initializationOptions: `retriggerCommand`, the command
 * it runs to reopen completion; `pullDiagnostics: false`, to keep published diagnostics in a client that could pull.
 */
export function clientFeatures(params: InitializeParams): ClientFeatures {
  const { capabilities } = params;
  const options = (params.initializationOptions ?? {}) as { retriggerCommand?: unknown; pullDiagnostics?: unknown };
  const retrigger = options.retriggerCommand;
  return {
    configuration: capabilities.workspace?.configuration === true,
    watchesFiles: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    pullsDiagnostics: capabilities.textDocument?.diagnostic !== undefined && options.pullDiagnostics !== false,
    refreshesDiagnostics: capabilities.workspace?.diagnostics?.refreshSupport === true,
    retriggerCommand: typeof retrigger === 'string' && COMMAND_NAME.test(retrigger) ? retrigger : undefined,
  };
}
