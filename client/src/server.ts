// How the client's commands and preview reach the language server: started on demand, asked by document.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { DocumentParams } from '../../server/src/protocol';

/** The documents the client syncs to the server; others travel with the request that needs them. */
export const DOCUMENT_SELECTOR: { language: string; scheme?: string; pattern?: string }[] = [
  { language: 'imr' },
  { language: 'markdown', scheme: 'file' },
  { language: 'markdown', scheme: 'untitled' },
  { language: 'markdown', scheme: 'vscode-vfs' },
  { language: 'json', pattern: '**/.imrlintrc*' },
  { language: 'jsonc', pattern: '**/.imrlintrc*' },
];

export interface ImrServer {
  /** The running language client; starts the server when no determination has started it yet. */
  client(): Promise<LanguageClient>;
}

/** A document as a request names it: by URI when the server holds it, with its text when it does not. */
export function documentParams(client: LanguageClient, document: vscode.TextDocument): DocumentParams {
  const uri = client.code2ProtocolConverter.asUri(document.uri);
  return vscode.languages.match(DOCUMENT_SELECTOR, document) > 0 ? { uri } : { uri, text: document.getText(), languageId: document.languageId };
}

/** The reason a request failed, for a message. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
