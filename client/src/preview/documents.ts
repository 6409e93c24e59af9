// Which editors the preview and export work on, and when the server starts: IMR files, and Markdown files that are determinations.
import * as vscode from 'vscode';
import { isDeterminationDocument as isDetermination } from '../../../engine/src';

export const DETERMINATION_CONTEXT_KEY = 'imr.isDetermination';

/** The service's own gate, with the defaults: the client decides before any configuration is read. */
export function isDeterminationDocument(document: vscode.TextDocument): boolean {
  return isDetermination({ uri: document.uri.toString(), languageId: document.languageId, text: document.getText() });
}

/** Keeps `imr.isDetermination` true while the active editor holds a determination, for menus and keys. */
export function trackDeterminationContext(): vscode.Disposable {
  let current: boolean | undefined;
  const update = (): void => {
    const document = vscode.window.activeTextEditor?.document;
    const value = document !== undefined && isDeterminationDocument(document);
    if (value === current) return;
    current = value;
    void vscode.commands.executeCommand('setContext', DETERMINATION_CONTEXT_KEY, value);
  };
  update();
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeTextDocument((event) => {
      // A Markdown file becomes a determination as its titles are typed.
      if (event.document === vscode.window.activeTextEditor?.document) update();
    }),
    vscode.workspace.onDidOpenTextDocument(update),
  );
}
