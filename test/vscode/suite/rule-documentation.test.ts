// Rule pages inside the editor: a finding's link and "IMR: Show rule documentation" open the page rendered, read-only.
import * as assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import {
  activateExtension,
  closeAllEditors,
  openDraft,
  rangeOf,
  removeScratch,
  ruleOf,
  scratchDraft,
  waitFor,
  waitForDiagnostics,
  EXTENSION_ID,
} from './support';

/** The Markdown preview tab of a rule's page, if one is open. */
function rulePageTab(ruleId: string): vscode.Tab | undefined {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .find((tab) => tab.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(tab.input.viewType) && tab.label.includes(`${ruleId}.md`));
}

/** Runs a command; while its quick pick is open, accepts the item it shows first, as a writer pressing Enter does. */
async function acceptFirst(running: Thenable<unknown>): Promise<void> {
  let settled = false;
  void Promise.resolve(running).finally(() => (settled = true));
  const deadline = Date.now() + 15_000;
  while (!settled && Date.now() < deadline) {
    await new Promise((resolve) => setImmediate(resolve));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  assert.ok(settled, 'the command finished after its quick pick was accepted');
}

describe('rule documentation', () => {
  before(async () => {
    await activateExtension();
  });
  afterEach(async () => {
    await closeAllEditors();
  });
  after(async () => {
    await removeScratch();
  });

  it("opens the page of a finding's rule from the finding's link, in the Markdown preview", async () => {
    const uri = await scratchDraft('defective.imr.md');
    await openDraft(uri);
    const diagnostics = await waitForDiagnostics(
      uri,
      (current) => current.some((diagnostic) => ruleOf(diagnostic) === 'decision-value'),
      'the decision-value finding',
    );
    const { target } = diagnostics.find((diagnostic) => ruleOf(diagnostic) === 'decision-value')!.code as { target: vscode.Uri };
    assert.equal(rulePageTab('decision-value'), undefined);
    const opened = waitFor(vscode.window.tabGroups.onDidChangeTabs, () => rulePageTab('decision-value') !== undefined, 'the rule page to open');
    // What the hover and the Problems panel do with the link: run its command with its arguments.
    await vscode.commands.executeCommand(target.path, ...(JSON.parse(target.query) as unknown[]));
    await opened;
    assert.match(rulePageTab('decision-value')!.label, /^\[Preview\] decision-value\.md$/);
  });

  it('serves the page that ships with the extension from a file system nothing can write to', async () => {
    const page = await vscode.workspace.openTextDocument(vscode.Uri.parse('imr-rule:/decision-value.md'));
    const shipped = vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, 'docs', 'rules', 'decision-value.md');
    assert.equal(page.getText(), new TextDecoder().decode(await vscode.workspace.fs.readFile(shipped)));
    assert.equal(page.languageId, 'markdown');
    assert.equal(vscode.workspace.fs.isWritableFileSystem('imr-rule'), false, 'a read-only file system');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(page.uri, new TextEncoder().encode('x'))), 'nor written');
    // Only rule pages: no other file of the extension is reached through the scheme.
    for (const path of ['/..%2F..%2Fpackage.json', '/README.md', '/docs/rules/phi.md', '/PHI.md']) {
      await assert.rejects(Promise.resolve(vscode.workspace.openTextDocument(vscode.Uri.parse(`imr-rule:${path}`))), path);
    }
    const listed = (await vscode.workspace.fs.readDirectory(vscode.Uri.parse('imr-rule:/'))).map(([name]) => name);
    assert.ok(listed.includes('decision-value.md') && !listed.includes('README.md'), listed.join(', '));
  });

  it('"IMR: Show rule documentation" offers the rules of the findings at the cursor first', async () => {
    const uri = await scratchDraft('defective.imr.md');
    const editor = await openDraft(uri);
    await waitForDiagnostics(uri, (current) => current.some((diagnostic) => ruleOf(diagnostic) === 'credential-state'), 'the credential-state finding');
    const misspelt = rangeOf(editor.document.getText(), 'Californa');
    editor.selection = new vscode.Selection(misspelt.start.translate(0, 2), misspelt.start.translate(0, 2));
    const opened = waitFor(vscode.window.tabGroups.onDidChangeTabs, () => rulePageTab('credential-state') !== undefined, 'the page of the rule at the cursor');
    await acceptFirst(vscode.commands.executeCommand('imr.showRuleDocumentation'));
    await opened;
  });
});
