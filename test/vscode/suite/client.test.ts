// What VS Code's client asks of the server: published diagnostics, its own command to reopen completion, and the
// server's watchers for configuration files.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { activateExtension, openDraft, removeScratch, ruleOf, scratchDraft, waitForDiagnostics, workspaceRoot } from './support';

describe('the client', () => {
  let client: LanguageClient;

  before(async () => {
    const extension = await activateExtension();
    await openDraft(await scratchDraft('clean.imr.md'));
    const api = extension.exports as unknown as { ready(): Promise<void>; client(): LanguageClient | undefined };
    await api.ready();
    client = api.client()!;
    assert.ok(client, 'the language server runs');
  });

  after(async () => {
    await removeScratch();
  });

  it('has diagnostics published, not pulled: checked on the debounce as the writer types', () => {
    assert.equal(client.initializeResult?.capabilities.diagnosticProvider, undefined);
  });

  it('gets completion items that reopen the list with its own command, after a field label', async () => {
    const text = (await vscode.workspace.fs.readFile(vscode.Uri.joinPath(workspaceRoot(), 'clean.imr.md'))).toString();
    // A new, empty paragraph in the item, before its MAXIMUS guideline: where a writer starts a field.
    const at = text.indexOf('MAXIMUS guideline:');
    const uri = await scratchDraft('clean.imr.md', `${text.slice(0, at)}\n\n${text.slice(at)}`);
    await openDraft(uri);
    const line = text.slice(0, at).split('\n').length;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(line - 1, 0));
    const label = list.items.find((item) => (typeof item.label === 'string' ? item.label : item.label.label) === 'MAXIMUS guideline');
    assert.ok(label, 'the field labels are offered');
    assert.equal(label.command?.command, 'editor.action.triggerSuggest');
  });

  it("follows a configuration file written beside a draft, through the server's own watchers", async () => {
    const uri = await scratchDraft('defective.imr.md');
    await openDraft(uri);
    await waitForDiagnostics(uri, (current) => current.some((diagnostic) => ruleOf(diagnostic) === 'decision-value'), 'the wrong decision word');
    const config = vscode.Uri.joinPath(uri, '..', '.imrlintrc.json');
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('{ "rules": { "decision-value": "off" } }\n'));
    try {
      await waitForDiagnostics(
        uri,
        (current) => !current.some((diagnostic) => ruleOf(diagnostic) === 'decision-value'),
        'decision-value turned off by the file',
      );
    } finally {
      await vscode.workspace.fs.delete(config);
    }
    await waitForDiagnostics(
      uri,
      (current) => current.some((diagnostic) => ruleOf(diagnostic) === 'decision-value'),
      'decision-value back once the file is gone',
    );
  });
});
