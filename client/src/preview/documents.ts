// Which editors the preview and export work on: IMR files, and Markdown files that are determinations.
import * as vscode from 'vscode';
import { isDetermination } from '../../../engine/src/detect';

export const DETERMINATION_CONTEXT_KEY = 'imr.isDetermination';

export function isDeterminationDocument(document: vscode.TextDocument): boolean {
  if (document.languageId === 'imr') return true;
  return document.languageId === 'markdown' && isDetermination(document.getText(), document.fileName);
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
