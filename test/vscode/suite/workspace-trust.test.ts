// The extension validates whatever the workspace's trust: it runs no workspace code, so Restricted Mode must not disable it.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID, openDraft, removeScratch, ruleOf, scratchDraft, waitForDiagnostics } from './support';

/** Set by the runners: "trusted" or "restricted". */
const expected = process.env.IMR_TEST_WORKSPACE_TRUST;

describe('workspace trust', () => {
  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    await extension.activate();
  });
  after(async () => {
    await removeScratch();
  });

  it(`runs in the workspace trust state the runner asked for (${expected ?? 'unset'})`, () => {
    assert.ok(expected === 'trusted' || expected === 'restricted', `IMR_TEST_WORKSPACE_TRUST is "trusted" or "restricted", got ${JSON.stringify(expected)}`);
    assert.equal(vscode.workspace.isTrusted, expected === 'trusted');
  });

  it('declares support for untrusted workspaces and validates drafts in them', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { capabilities?: { untrustedWorkspaces?: { supported?: unknown } } };
    const supported = manifest.capabilities?.untrustedWorkspaces?.supported;
    assert.ok(
      supported === true || supported === 'limited',
      `capabilities.untrustedWorkspaces.supported is true or "limited", got ${JSON.stringify(supported)}`,
    );
    const uri = await scratchDraft('defective.imr.md');
    await openDraft(uri);
    const diagnostics = await waitForDiagnostics(uri, (current) => current.some((diagnostic) => ruleOf(diagnostic) === 'decision-value'), 'diagnostics');
    assert.ok(diagnostics.length > 0);
  });
});
