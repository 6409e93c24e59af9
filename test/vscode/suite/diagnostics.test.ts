// Diagnostics in a real editor: published on open, updated on edit, cleared on close, absent from ordinary Markdown.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import {
  activateExtension,
  describeDiagnostics,
  imrDiagnostics,
  openDraft,
  rangeOf,
  removeScratch,
  ruleOf,
  scratchDraft,
  waitFor,
  waitForDiagnostics,
  workspaceFile,
} from './support';

describe('diagnostics', () => {
  before(async () => {
    await activateExtension();
  });
  after(async () => {
    await removeScratch();
  });

  it('reports each defect of a draft with the rule id, range, severity, source and a link to the rule page', async () => {
    const uri = await scratchDraft('defective.imr.md');
    const editor = await openDraft(uri);
    assert.equal(editor.document.languageId, 'imr');
    const text = editor.document.getText();
    const diagnostics = await waitForDiagnostics(uri, (current) => current.length >= 3, "the defective draft's diagnostics");

    const expected = [
      { rule: 'credential-state', range: rangeOf(text, 'Californa'), severity: vscode.DiagnosticSeverity.Warning },
      { rule: 'decision-value', range: rangeOf(text, 'Denied'), severity: vscode.DiagnosticSeverity.Error },
      { rule: 'decision-value', range: rangeOf(text, 'overturned'), severity: vscode.DiagnosticSeverity.Warning },
    ];
    const actual = diagnostics
      .filter((diagnostic) => diagnostic.severity <= vscode.DiagnosticSeverity.Warning)
      .map((diagnostic) => ({ rule: ruleOf(diagnostic), range: diagnostic.range, severity: diagnostic.severity }))
      .sort((a, b) => a.range.start.compareTo(b.range.start));
    assert.deepEqual(
      actual.map(({ rule, range, severity }) => ({
        rule,
        start: [range.start.line, range.start.character],
        end: [range.end.line, range.end.character],
        severity,
      })),
      expected.map(({ rule, range, severity }) => ({
        rule,
        start: [range.start.line, range.start.character],
        end: [range.end.line, range.end.character],
        severity,
      })),
    );
    for (const diagnostic of diagnostics) {
      assert.equal(diagnostic.source, 'imr');
      const code = diagnostic.code as { value: string; target: vscode.Uri };
      assert.equal(typeof code, 'object', 'the code links to the rule page');
      // In VS Code the link runs the command that shows the page rendered (test/vscode/suite/rule-documentation.test.ts).
      assert.equal(code.target.scheme, 'command');
      assert.equal(code.target.path, 'imr.showRuleDocumentation');
      assert.deepEqual(JSON.parse(code.target.query), [ruleOf(diagnostic)]);
    }
    const denied = diagnostics.find((diagnostic) => diagnostic.range.isEqual(rangeOf(text, 'Denied')))!;
    assert.match(denied.message, /"Denied" is a utilization review word/);
    assert.match(denied.message, /"Upheld"/);
  });

  it('updates the diagnostics as the draft is edited, without saving it', async () => {
    const uri = await scratchDraft('defective.imr.md');
    const editor = await openDraft(uri);
    const text = editor.document.getText();
    await waitForDiagnostics(uri, (current) => current.some((diagnostic) => diagnostic.range.isEqual(rangeOf(text, 'Denied'))), 'the "Denied" error');

    // Correct one decision word: its error goes, the other findings stay.
    assert.ok(await editor.edit((edit) => edit.replace(rangeOf(text, 'Denied'), 'Upheld')));
    const afterFix = await waitForDiagnostics(
      uri,
      (current) => !current.some((diagnostic) => ruleOf(diagnostic) === 'decision-value' && diagnostic.severity === vscode.DiagnosticSeverity.Error),
      'the "Denied" error to go after the edit',
    );
    assert.deepEqual(afterFix.map(ruleOf).sort(), ['credential-state', 'decision-value']);
    assert.ok(editor.document.isDirty, 'the edit is in memory only');

    // Introduce a new defect: it is reported where it was typed, on the line shifted by the edit.
    const marker = 'Tramadol 50 mg #120:  Upheld';
    const current = editor.document.getText();
    assert.ok(await editor.edit((edit) => edit.replace(rangeOf(current, marker), 'Tramadol 50 mg #120:  Approved')));
    const edited = editor.document.getText();
    const approved = rangeOf(edited, 'Approved');
    const withNew = await waitForDiagnostics(
      uri,
      (diagnostics) => diagnostics.some((diagnostic) => ruleOf(diagnostic) === 'decision-value' && diagnostic.range.isEqual(approved)),
      'a decision-value error on "Approved"',
    );
    const error = withNew.find((diagnostic) => diagnostic.range.isEqual(approved))!;
    assert.equal(error.severity, vscode.DiagnosticSeverity.Error);
  });

  it('clears the diagnostics of a draft when it is closed', async () => {
    const uri = await scratchDraft('defective.imr.md');
    // Opened as a writer opens it (the explorer, Quick Open): an extension's openTextDocument would keep
    // the document alive for minutes after its editor closes.
    await vscode.commands.executeCommand('vscode.open', uri);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    await waitForDiagnostics(uri, (current) => current.length > 0, 'diagnostics of the open draft');
    const closed = waitFor(
      vscode.workspace.onDidCloseTextDocument,
      (document) => document?.uri.toString() === uri.toString(),
      "the draft's document to close",
      { current: false },
    );
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await closed;
    await waitForDiagnostics(uri, (current) => current.length === 0, 'the diagnostics to clear after closing');
  });

  it('publishes no error or warning for a clean determination', async () => {
    const uri = await scratchDraft('clean.imr.md');
    const editor = await openDraft(uri);
    // A clean draft may publish nothing at all, so prove the server read it: an edit that breaks it is reported...
    const text = editor.document.getText();
    assert.ok(await editor.edit((edit) => edit.replace(rangeOf(text, 'Upheld'), 'Uphold')));
    await waitForDiagnostics(uri, (current) => current.some((diagnostic) => ruleOf(diagnostic) === 'decision-value'), 'the misspelt decision to be reported');
    // ...and undoing it leaves no error or warning.
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), text);
    const diagnostics = await waitForDiagnostics(uri, (current) => !current.some((diagnostic) => ruleOf(diagnostic) === 'decision-value'), 'the clean draft');
    assert.deepEqual(
      diagnostics.filter((diagnostic) => diagnostic.severity <= vscode.DiagnosticSeverity.Warning).map(ruleOf),
      [],
      describeDiagnostics(diagnostics),
    );
  });

  it('leaves ordinary Markdown alone', async () => {
    // notes.md says "Decision: Approved" but is no determination: no diagnostics, even after a determination was open.
    const uri = workspaceFile('notes.md');
    const editor = await openDraft(uri);
    assert.equal(editor.document.languageId, 'markdown');
    const probe = await scratchDraft('defective.imr.md');
    await openDraft(probe);
    await waitForDiagnostics(probe, (current) => current.length > 0, 'the server to run');
    const notes = await vscode.window.showTextDocument(editor.document);
    assert.ok(await notes.edit((edit) => edit.insert(new vscode.Position(notes.document.lineCount, 0), '\nItem one:  Approved\n')));
    // The server answers the determination after the edit; by then any diagnostics for notes.md would have come first.
    const probeEditor = await openDraft(probe);
    assert.ok(await probeEditor.edit((edit) => edit.insert(new vscode.Position(0, 0), '\n')));
    await waitFor(
      vscode.languages.onDidChangeDiagnostics,
      (event) => event?.uris.some((changed) => changed.toString() === probe.toString()) ?? false,
      'a publication for the determination',
      {
        current: false,
      },
    );
    assert.deepEqual(imrDiagnostics(uri), []);
  });
});
