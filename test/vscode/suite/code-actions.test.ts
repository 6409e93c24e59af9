// Quick fixes and fix-all, asked for the way the editor asks (the light bulb, the Source Action menu) and applied.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { activateExtension, applyCodeAction, openDraft, rangeOf, removeScratch, ruleOf, scratchDraft, waitForDiagnostics, waitForText } from './support';

function isCodeAction(action: vscode.Command | vscode.CodeAction): action is vscode.CodeAction {
  return !('command' in action && typeof action.command === 'string');
}

async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.Command | vscode.CodeAction)[]>('vscode.executeCodeActionProvider', uri, range, kind, 10);
  return (actions ?? []).filter(isCodeAction);
}

describe('code actions', () => {
  before(async () => {
    await activateExtension();
  });
  after(async () => {
    await removeScratch();
  });

  it('offers the obvious quick fix on a wrong decision word, and applying it removes the error', async () => {
    const uri = await scratchDraft('defective.imr.md');
    const editor = await openDraft(uri);
    const text = editor.document.getText();
    const denied = rangeOf(text, 'Denied');
    await waitForDiagnostics(uri, (current) => current.some((diagnostic) => diagnostic.range.isEqual(denied)), 'the "Denied" error');

    const actions = await codeActions(uri, denied);
    const quickFixes = actions.filter((action) => action.kind && vscode.CodeActionKind.QuickFix.contains(action.kind));
    const fix = quickFixes.find((action) => action.title === 'Change to "Upheld"');
    assert.ok(fix, `a quick fix "Change to "Upheld"" among: ${actions.map((action) => action.title).join(' | ')}`);
    assert.equal(fix.isPreferred, true, 'the one obvious fix is preferred (Ctrl+. then Enter, or "auto fix")');
    // Only the fixes of findings under the cursor: the misspelt state's fix is not offered here.
    assert.ok(!actions.some((action) => action.title.includes('California')), 'no fix of another line');

    await applyCodeAction(fix);
    const line = editor.document.lineAt(denied.start.line).text;
    assert.equal(line, 'Tramadol 50 mg #120:  Upheld');
    const diagnostics = await waitForDiagnostics(
      uri,
      (current) => !current.some((diagnostic) => diagnostic.range.start.line === denied.start.line),
      'the fixed line to have no diagnostic',
    );
    assert.deepEqual(diagnostics.map(ruleOf).sort(), ['credential-state', 'decision-value']);
  });

  it('offers a quick fix to disable the rule for the line', async () => {
    const uri = await scratchDraft('defective.imr.md');
    const editor = await openDraft(uri);
    const text = editor.document.getText();
    const californa = rangeOf(text, 'Californa');
    await waitForDiagnostics(uri, (current) => current.some((diagnostic) => diagnostic.range.isEqual(californa)), 'the misspelt state');
    const actions = await codeActions(uri, californa);
    const disable = actions.find((action) => action.title === 'Disable credential-state for this line');
    assert.ok(disable, `"Disable credential-state for this line" among: ${actions.map((action) => action.title).join(' | ')}`);
    await applyCodeAction(disable);
    assert.equal(editor.document.lineAt(californa.start.line).text, '<!-- imr-disable-next-line credential-state -->');
    await waitForDiagnostics(uri, (current) => !current.some((diagnostic) => ruleOf(diagnostic) === 'credential-state'), 'the disabled finding to go');
  });

  it('fixes every fixable finding at once with source.fixAll.imr', async () => {
    const uri = await scratchDraft('defective.imr.md');
    const editor = await openDraft(uri);
    const text = editor.document.getText();
    await waitForDiagnostics(uri, (current) => current.length >= 3, "the defective draft's diagnostics");

    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
    const actions = await codeActions(uri, whole, 'source.fixAll.imr');
    assert.equal(actions.length, 1, `one fix-all action, got: ${actions.map((action) => action.title).join(' | ')}`);
    const [fixAll] = actions;
    assert.ok(fixAll.kind && vscode.CodeActionKind.SourceFixAll.append('imr').contains(fixAll.kind), `kind ${fixAll.kind?.value}`);
    await applyCodeAction(fixAll);

    const expected = text
      .replace('Texas, Ohio, Californa', 'Texas, Ohio, California')
      .replace('#120:  Denied', '#120:  Upheld')
      .replace('Lumbar MRI:  overturned', 'Lumbar MRI:  Overturned');
    await waitForText(editor.document, (current) => current === expected, 'the draft with every fix applied');
    const diagnostics = await waitForDiagnostics(
      uri,
      (current) => !current.some((diagnostic) => diagnostic.severity <= vscode.DiagnosticSeverity.Warning),
      'no error or warning after fix-all',
    );
    assert.deepEqual(
      diagnostics.filter((diagnostic) => diagnostic.severity <= vscode.DiagnosticSeverity.Warning),
      [],
    );

    // Nothing left to fix: no fix-all is offered.
    assert.deepEqual(await codeActions(uri, whole, 'source.fixAll.imr'), []);
  });
});
