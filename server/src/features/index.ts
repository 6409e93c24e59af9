// Registers the editing features (code actions, completion, hover, symbols, folding) and the requests beyond LSP.
import type { InitializeResult } from 'vscode-languageserver/node';
import type { ServerContext } from '../context';
import { CODE_ACTION_KINDS, registerCodeActions } from './code-actions';
import { COMPLETION_TRIGGERS, registerCompletion } from './completion';
import { registerFolding } from './folding';
import { registerHover } from './hover';
import { registerRequests } from './requests';
import { registerSymbols } from './symbols';

/** Capabilities the features add to the server's initialize result. */
export function featureCapabilities(): InitializeResult['capabilities'] {
  return {
    codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
    completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
    hoverProvider: true,
    documentSymbolProvider: { label: 'IMR determination' },
    workspaceSymbolProvider: true,
    foldingRangeProvider: true,
  };
}

export function registerFeatures(context: ServerContext): void {
  registerCodeActions(context);
  registerCompletion(context);
  registerHover(context);
  registerSymbols(context);
  registerFolding(context);
  registerRequests(context);
}
