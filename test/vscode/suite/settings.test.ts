// Settings reach the server: turning a rule off in "imr.rules" takes its diagnostics away, turning it back on restores them.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { activateExtension, openDraft, removeScratch, ruleOf, scratchDraft, waitForDiagnostics } from './support';

describe('settings', () => {
  before(async () => {
    await activateExtension();
  });
  after(async () => {
    await vscode.workspace.getConfiguration('imr').update('rules', undefined, vscode.ConfigurationTarget.Global);
    await removeScratch();
  });

  it('applies "imr.rules" to open drafts as soon as it changes', async () => {
    const uri = await scratchDraft('defective.imr.md');
    await openDraft(uri);
    const rules = (current: vscode.Diagnostic[]): string[] => current.map((diagnostic) => ruleOf(diagnostic)!).sort();
    await waitForDiagnostics(uri, (current) => rules(current).join() === 'credential-state,decision-value,decision-value', "the defective draft's diagnostics");

    await vscode.workspace.getConfiguration('imr').update('rules', { 'decision-value': 'off' }, vscode.ConfigurationTarget.Global);
    const off = await waitForDiagnostics(uri, (current) => !rules(current).includes('decision-value'), 'decision-value to be turned off');
    assert.deepEqual(rules(off), ['credential-state'], 'the other rules still run');

    await vscode.workspace.getConfiguration('imr').update('rules', { 'decision-value': 'off', 'credential-state': 'error' }, vscode.ConfigurationTarget.Global);
    const raised = await waitForDiagnostics(
      uri,
      (current) => current.some((diagnostic) => ruleOf(diagnostic) === 'credential-state' && diagnostic.severity === vscode.DiagnosticSeverity.Error),
      'credential-state to become an error',
    );
    assert.deepEqual(rules(raised), ['credential-state']);

    await vscode.workspace.getConfiguration('imr').update('rules', undefined, vscode.ConfigurationTarget.Global);
    const restored = await waitForDiagnostics(uri, (current) => rules(current).includes('decision-value'), 'decision-value to come back');
    assert.deepEqual(rules(restored), ['credential-state', 'decision-value', 'decision-value']);
    assert.equal(restored.find((diagnostic) => ruleOf(diagnostic) === 'credential-state')!.severity, vscode.DiagnosticSeverity.Warning);
  });
});
