// Registers the editing features (code actions, completion, hover, symbols, folding) on the connection.
import type { InitializeResult } from 'vscode-languageserver/node';
import type { ServerContext } from '../context';

/** Capabilities the features add to the server's initialize result. */
export function featureCapabilities(): InitializeResult['capabilities'] {
  return {};
}

export function registerFeatures(context: ServerContext): void {
  void context;
}
