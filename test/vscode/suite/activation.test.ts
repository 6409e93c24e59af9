// Activation stays lazy: nothing of the extension runs until a determination (or Markdown) is opened.
// Runs first (files load in name order), before any other test opens a draft.
import * as assert from 'node:assert/strict';
import { after, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID, openDraft, removeScratch, scratchDraft, waitForDiagnostics } from './support';

describe('activation', () => {
  after(async () => {
    await removeScratch();
  });

  it('is not active at startup, and starts when a determination is opened', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    assert.equal(extension.isActive, false, 'not activated before a draft is opened');
    const uri = await scratchDraft('defective.imr.md');
    await openDraft(uri);
    await waitForDiagnostics(uri, (current) => current.length > 0, 'the language server to validate the opened draft');
    assert.equal(extension.isActive, true);
  });
});
