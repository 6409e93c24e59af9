// Starting a draft: the imr-determination snippet and the "New IMR determination" command.
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
  waitForText,
  workspaceFile,
} from './support';

const TITLES = ['HOW THE IMR FINAL DETERMINATION WAS MADE', 'CLINICAL CASE SUMMARY', 'IMR ISSUES, DECISIONS AND RATIONALES'];

/** Rules about the letter's structure: what a skeleton must satisfy as inserted. */
const STRUCTURE_RULES = [
  'required-section',
  'section-order',
  'duplicate-section',
  'disputed-items',
  'decision-value',
  'item-fields',
  'field-order',
  'conclusion-decision',
  'credentials',
];

function titlesInOrder(text: string): boolean {
  let from = 0;
  for (const title of TITLES) {
    const at = text.indexOf(title, from);
    if (at < 0) return false;
    from = at + title.length;
  }
  return true;
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

describe('drafting', () => {
  before(async () => {
    await activateExtension();
  });
  afterEach(async () => {
    await closeAllEditors();
  });
  after(async () => {
    await removeScratch();
  });

  it('offers the imr-determination snippet in an empty draft, and inserting it gives the whole skeleton', async () => {
    const uri = await scratchDraft('new.imr.md', '');
    const editor = await openDraft(uri);
    assert.equal(editor.document.languageId, 'imr');
    const missing = await waitForDiagnostics(
      uri,
      (current) => current.filter((diagnostic) => ruleOf(diagnostic) === 'required-section').length === 3,
      'an empty draft to lack its three sections',
    );
    assert.equal(missing.length, 3);

    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(0, 0));
    const snippet = list.items.find((item) => labelOf(item) === 'imr-determination');
    assert.ok(snippet, `the imr-determination snippet among the completions: ${list.items.map(labelOf).join(', ')}`);
    assert.equal(snippet.kind, vscode.CompletionItemKind.Snippet);

    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'imr', name: 'IMR final determination' });
    const text = await waitForText(editor.document, titlesInOrder, "the snippet's three sections");
    assert.match(text, /^State\(s\) of Licensure: \[State\(s\) of licensure\]$/m);
    assert.match(text, /^Claims Administrator guideline: The Claims Administrator based their decision on the MTUS\. Decision based on MTUS /m);
    assert.match(text, /^Name of the disputed item: {2}Upheld$/m);
    assert.match(text, /Therefore, the request was not medically necessary\.$/m);

    // The linter agrees the skeleton is a whole letter: its structural findings are gone; what is left to fill in is an error on its line.
    const diagnostics = await waitForDiagnostics(
      uri,
      (current) => !current.some((diagnostic) => ruleOf(diagnostic) === 'required-section'),
      'the required-section errors to go',
    );
    assert.deepEqual(
      diagnostics.filter((diagnostic) => STRUCTURE_RULES.includes(ruleOf(diagnostic)!)).map((diagnostic) => `${ruleOf(diagnostic)}: ${diagnostic.message}`),
      [],
    );
    assertPlaceholdersReported(editor.document, diagnostics);
  });

  it('"New IMR determination" asks for the letter format and opens a new draft with its skeleton', async () => {
    const command = (await vscode.commands.getCommands(true)).includes('imr.newDetermination');
    assert.ok(command, 'the imr.newDetermination command is registered');
    const opened = waitFor(
      vscode.window.onDidChangeActiveTextEditor,
      (editor) => editor?.document.isUntitled === true && editor.document.languageId === 'imr',
      'a new untitled IMR draft',
      { current: false },
    );
    const running = vscode.commands.executeCommand('imr.newDetermination');
    // The command shows a quick pick of profiles, configured profile first; accept it as a writer pressing Enter does.
    await acceptQuickPick(running);
    const editor = (await opened)!;
    await running;
    const text = await waitForText(editor.document, titlesInOrder, 'the skeleton in the new draft');
    assert.match(text, /^profile: ca-dwc-imr$/m);
    assert.match(text, /^State\(s\) of Licensure: \[State\(s\) of licensure\]$/m);

    // An untitled draft is validated too: a wrong decision word is reported, and once put right the skeleton has no
    // structural finding; each placeholder inserted unchanged is an error that points at it.
    const diagnostics = await assertValidated(editor);
    assert.deepEqual(
      diagnostics.filter((diagnostic) => STRUCTURE_RULES.includes(ruleOf(diagnostic)!)).map((diagnostic) => `${ruleOf(diagnostic)}: ${diagnostic.message}`),
      [],
    );
    assertPlaceholdersReported(editor.document, diagnostics);
  });

  it('"Insert disputed item" in a folder whose configuration defines its own profile inserts that profile\'s labels and decision words', async () => {
    // acme/.imrlintrc.json selects "acme-iro": "Carrier guideline", "Reviewer guideline", "Reasons"; "Affirmed" or "Reversed".
    const uri = workspaceFile('acme/letter.imr.md');
    const editor = await openDraft(uri);
    const statesLine = (text: string): number => text.split('\n').findIndex((line) => line.startsWith('State(s) of Licensure:'));
    const stateFinding = (current: vscode.Diagnostic[], line: number): boolean =>
      current.some((diagnostic) => ruleOf(diagnostic) === 'credential-state' && diagnostic.range.start.line === line);
    // Checked against the folder's profile: "Reversed" is its word, so only the misspelt state is reported.
    const before = await waitForDiagnostics(uri, (current) => stateFinding(current, statesLine(editor.document.getText())), 'the misspelt state');
    assert.deepEqual(before.filter((diagnostic) => ruleOf(diagnostic) !== 'credential-state').map(ruleOf), []);

    // The cursor on the blank line after the item's last field, where a writer adds the next item.
    const blank =
      editor.document
        .getText()
        .split('\n')
        .findIndex((line) => line.startsWith('# REVIEWER CREDENTIALS')) - 1;
    editor.selection = new vscode.Selection(blank, 0, blank, 0);
    await vscode.commands.executeCommand('imr.insertItem');
    const text = await waitForText(editor.document, (current) => current.split('Carrier guideline:').length === 3, "a second item with the profile's fields");
    const inserted = text.slice(text.indexOf('Therefore, the request was medically necessary.') + 1);
    assert.match(inserted, /^Name of the disputed item: {2}Affirmed$/m);
    assert.match(inserted, /^Carrier guideline: The Carrier based their decision on the MTUS\. Decision based on MTUS /m);
    assert.match(inserted, /^Reviewer guideline: The Reviewer /m);
    assert.match(inserted, /^Reasons: .* Therefore, the request was not medically necessary\.$/m);
    assert.doesNotMatch(inserted, /Claims Administrator guideline|MAXIMUS guideline|Decision rationale|Upheld/);

    // The server checks the new text against the same profile: the inserted item is whole, only its placeholders are left to write.
    const after = await waitForDiagnostics(
      uri,
      (current) => stateFinding(current, statesLine(editor.document.getText())) && current.some((diagnostic) => ruleOf(diagnostic) === 'placeholder'),
      'the draft checked again',
    );
    assert.deepEqual(
      after
        .filter((diagnostic) => !['credential-state', 'placeholder'].includes(ruleOf(diagnostic)!))
        .map((diagnostic) => `${ruleOf(diagnostic)}: ${diagnostic.message}`),
      [],
    );
    assert.deepEqual(
      after.filter((diagnostic) => ruleOf(diagnostic) === 'placeholder').map((diagnostic) => editor.document.getText(diagnostic.range)),
      [
        'Name of the disputed item',
        '[source, chapter or topic, pages]',
        '[source, chapter or topic, pages]',
        '[Reasoning from the medical records and the cited guideline.]',
      ],
    );
  });
});

/** Every placeholder a template leaves ("Name of the disputed item", "[source, ...]", "[Reasoning ...]") has an error on its line. */
function assertPlaceholdersReported(document: vscode.TextDocument, diagnostics: vscode.Diagnostic[]): void {
  const lines = document
    .getText()
    .split('\n')
    .flatMap((line, index) => (/^Name of the disputed item:|\[(?:source|Reasoning|State|Certification|Summary)[^\]]*\]/.test(line) ? [index] : []));
  assert.ok(lines.length >= 5, `placeholders left in the template: ${lines.length}`);
  for (const line of lines) {
    assert.ok(
      diagnostics.some(
        (diagnostic) => ruleOf(diagnostic) === 'placeholder' && diagnostic.severity === vscode.DiagnosticSeverity.Error && diagnostic.range.start.line === line,
      ),
      `a placeholder error on line ${line + 1}`,
    );
  }
}

/** Breaks the draft's first decision and puts it back, waiting for the server each time; returns the final diagnostics. */
async function assertValidated(editor: vscode.TextEditor): Promise<vscode.Diagnostic[]> {
  const uri = editor.document.uri;
  const decision = rangeOf(editor.document.getText(), ':  Upheld');
  const word = new vscode.Range(decision.start.translate(0, 3), decision.end);
  assert.ok(await editor.edit((edit) => edit.replace(word, 'Approved')));
  await waitForDiagnostics(uri, (current) => current.some((diagnostic) => ruleOf(diagnostic) === 'decision-value'), '"Approved" to be reported');
  assert.ok(await editor.edit((edit) => edit.replace(new vscode.Range(word.start, word.start.translate(0, 'Approved'.length)), 'Upheld')));
  return waitForDiagnostics(uri, (current) => !current.some((diagnostic) => ruleOf(diagnostic) === 'decision-value'), 'the decision to be accepted again');
}

/**
 * Presses Enter in the quick pick the command opens. The API has no event for a quick pick being shown,
 * so the accept is retried on each turn of the event loop until the command moves on (or gives up).
 */
async function acceptQuickPick(running: Thenable<unknown>): Promise<void> {
  let settled = false;
  void Promise.resolve(running).finally(() => (settled = true));
  const deadline = Date.now() + 15_000;
  while (!settled && Date.now() < deadline) {
    await new Promise((resolve) => setImmediate(resolve));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  assert.ok(settled, 'the command finished after its quick pick was accepted');
}
