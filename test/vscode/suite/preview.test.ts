// The letter preview: "Open Preview to the Side" opens a webview beside the draft.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, openDraft, removeScratch, scratchDraft, waitFor } from './support';

function previewTabs(): { tab: vscode.Tab; group: vscode.TabGroup }[] {
  return vscode.window.tabGroups.all.flatMap((group) =>
    group.tabs.filter((tab) => tab.input instanceof vscode.TabInputWebview && /imr/i.test(tab.input.viewType)).map((tab) => ({ tab, group })),
  );
}

describe('preview', () => {
  before(async () => {
    await activateExtension();
  });
  after(async () => {
    await removeScratch();
  });

  it('opens the preview of the active draft in a webview beside it', async () => {
    const uri = await scratchDraft('defective.imr.md');
    const editor = await openDraft(uri);
    const draftColumn = editor.viewColumn;
    assert.deepEqual(previewTabs(), []);
    const opened = waitFor(vscode.window.tabGroups.onDidChangeTabs, () => previewTabs().length > 0, 'a preview webview tab');
    await vscode.commands.executeCommand('imr.showPreviewToSide');
    await opened;

    const [{ tab, group }] = previewTabs();
    assert.equal(previewTabs().length, 1);
    assert.match(tab.label, /defective/, `the tab names the draft: "${tab.label}"`);
    assert.notEqual(group.viewColumn, draftColumn, 'beside the draft, not over it');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the draft keeps the focus');

    // Asking again for the same draft shows the same preview rather than a second one.
    await vscode.commands.executeCommand('imr.showPreviewToSide');
    assert.equal(previewTabs().length, 1);

    const closed = waitFor(vscode.window.tabGroups.onDidChangeTabs, () => previewTabs().length === 0, 'the preview to close');
    await closeAllEditors();
    await closed;
  });
});
