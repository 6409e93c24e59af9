// What the editor tests share: waiting on editor events, the extension, the workspace's drafts and their diagnostics.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'imr-tools.imr-determinations';

/** Generous: the first draft opened starts the language server, and CI machines are slow. */
export const EVENT_TIMEOUT = 30_000;

/**
 * Resolves with the first value of `event` that satisfies `predicate`, after checking `current`
 * (the state now) so a change that already happened is not waited for in vain.
 */
export function waitFor<T>(
  event: vscode.Event<T>,
  predicate: (value: T | undefined) => boolean,
  what: string,
  { timeout = EVENT_TIMEOUT, current = true }: { timeout?: number; current?: boolean } = {},
): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    if (current && predicate(undefined)) {
      resolve(undefined);
      return;
    }
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeout} ms waiting for ${what}`));
    }, timeout);
    const subscription = event((value) => {
      let satisfied: boolean;
      try {
        satisfied = predicate(value);
      } catch (error) {
        clearTimeout(timer);
        subscription.dispose();
        reject(error);
        return;
      }
      if (!satisfied) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
  });
}

/** Our extension, activated. */
export async function activateExtension(): Promise<vscode.Extension<{ ready(): Promise<void> }>> {
  const extension = vscode.extensions.getExtension<{ ready(): Promise<void> }>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is installed`);
  await extension.activate();
  return extension;
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests run in a workspace folder (test/vscode/workspace or a copy of it)');
  return folder.uri;
}

export function workspaceFile(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), name);
}

export async function readWorkspaceFile(name: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile(name)));
}

let scratchCount = 0;

/**
 * A fresh copy of a workspace draft (or new text) under `scratch/`, so every test starts from the
 * file as written and owns a document no other test has touched. Removed by `removeScratch`.
 */
export async function scratchDraft(name: string, text?: string): Promise<vscode.Uri> {
  const content = text ?? (await readWorkspaceFile(name));
  const base = name.replace(/\.imr\.md$|\.md$/, '');
  const extension = name.slice(base.length);
  const uri = vscode.Uri.joinPath(workspaceRoot(), 'scratch', `${base}-${process.pid}-${++scratchCount}${extension}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  return uri;
}

export async function removeScratch(): Promise<void> {
  await closeAllEditors();
  await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), 'scratch'), { recursive: true, useTrash: false }).then(
    () => undefined,
    () => undefined,
  );
}

/** Closes every editor without saving (tests edit drafts in memory only). */
export async function closeAllEditors(): Promise<void> {
  // A dirty editor would make "close all" ask whether to save, in a dialog no test answers.
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      if (tab.isDirty && tab.input instanceof vscode.TabInputText) {
        await vscode.window.showTextDocument(tab.input.uri, { viewColumn: group.viewColumn, preserveFocus: false });
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export async function openDraft(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

/** The diagnostic's rule id: the server sends a code with a link to the rule's page. */
export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function imrDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'imr');
}

/** Waits until the draft's `imr` diagnostics satisfy `predicate`, and returns them. */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeout = EVENT_TIMEOUT,
): Promise<vscode.Diagnostic[]> {
  const holds = (): boolean => predicate(imrDiagnostics(uri));
  try {
    await waitFor(
      vscode.languages.onDidChangeDiagnostics,
      (event) => (event === undefined || event.uris.some((changed) => changed.toString() === uri.toString())) && holds(),
      what,
      { timeout },
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; diagnostics now: ${describeDiagnostics(imrDiagnostics(uri))}`);
  }
  return imrDiagnostics(uri);
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return '(none)';
  return diagnostics.map((diagnostic) => `${ruleOf(diagnostic)}@${rangeText(diagnostic.range)}`).join(', ');
}

export function rangeText(range: vscode.Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/**
 * The range of the `occurrence`-th `needle` in `text`, counted here from the text itself, so a
 * test compares the server's range with an independent computation.
 */
export function rangeOf(text: string, needle: string, occurrence = 0): vscode.Range {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" occurs ${occurrence + 1} times in the draft`);
  }
  const position = (offset: number): vscode.Position => {
    const before = text.slice(0, offset).split(/\r\n|\r|\n/);
    return new vscode.Position(before.length - 1, before[before.length - 1].length);
  };
  return new vscode.Range(position(at), position(at + needle.length));
}

/** Applies a code action the way the editor does: its edit, then its command. */
export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `the edit of "${action.title}" applies`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/** Resolves once `document`'s text satisfies `predicate` (after an edit, a snippet, a command). */
export async function waitForText(document: vscode.TextDocument, predicate: (text: string) => boolean, what: string): Promise<string> {
  try {
    await waitFor(
      vscode.workspace.onDidChangeTextDocument,
      (event) => (event === undefined || event.document === document) && predicate(document.getText()),
      what,
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; text now:\n${document.getText()}`);
  }
  return document.getText();
}
