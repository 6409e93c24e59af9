// A reviewer's day in a real VS Code (code-server in headless Chromium): one concise hover, quick fixes in the order the
// writer means them, rule pages rendered and read-only in the editor, and a preview that comes back after a reload.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import {
  UI_TIMEOUT,
  closeAllEditors,
  editorLine,
  editorOf,
  goTo,
  openFile,
  plain,
  previewFrame,
  runCommand,
  screenshotOnFailure,
  startEditor,
  textBox,
} from './support.mjs';

const workspaceDraft = (name) => fs.readFileSync(new URL(`../vscode/workspace/${name}`, import.meta.url), 'utf8');

// The case summary names the treating physician and his number, as a draft pasted from the records does.
const NAMED = workspaceDraft('defective.imr.md').replace(
  'The applicant filed a claim',
  'The applicant, seen by Dr. Whitfield (916-555-0142) for the flare-up, filed a claim',
);
const MISSPELT = workspaceDraft('defective.imr.md').replace('Texas, Ohio, Californa', 'Texas, Ohoi, Californa');

describe("a reviewer's day in code-server", { timeout: 10 * 60_000 }, () => {
  let editor;
  before(async () => {
    editor = await startEditor({ files: { 'named.imr.md': NAMED, 'misspelt.imr.md': MISSPELT } });
  });
  after(async () => {
    await editor?.stop();
  });
  const check = (name, body) => it(name, () => screenshotOnFailure(editor.page, name, body));

  /** Hovers the word on the line and waits for the hover that carries this extension's part (its rule link). */
  async function hoverOn(view, line, word) {
    const { page } = editor;
    const box = await textBox(editorLine(view, line), word);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover:not(.hidden)').filter({ has: page.locator('a[data-href^="command:imr.showRuleDocumentation"]') });
    await hover.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    return hover;
  }

  /** Clicks into the word, presses Ctrl+. and returns the titles of the actions offered, in their order, and the focused one. */
  async function quickFixes(view, line, word) {
    const { page } = editor;
    const box = await textBox(editorLine(view, line), word);
    await page.mouse.click(box.x + 2, box.y + box.height / 2);
    await page.keyboard.press('Control+.');
    const focused = page.locator('.action-widget .monaco-list-row.focused');
    await focused.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    const offered = (await page.locator('.action-widget .monaco-list-row.action').allTextContents()).map((title) => plain(title).trim());
    const first = plain(await focused.textContent()).trim();
    await page.keyboard.press('Escape');
    await page.locator('.action-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
    return { offered, first };
  }

  check('shows each finding once in the hover, the decision in one line, and a link to the rule page', async () => {
    const { page } = editor;
    const view = await openFile(page, 'defective.imr.md');
    await view.locator('.squiggly-error').first().waitFor({ timeout: UI_TIMEOUT });
    const hover = await hoverOn(view, 'Tramadol 50 mg #120:  Denied', 'Denied');
    const text = plain(await hover.innerText());
    assert.equal(text.split('"Denied" is a utilization review word').length - 1, 1, `the finding once:\n${text}`);
    assert.equal(text.split('Upheld (not medically necessary)').length - 1, 1, `the decision words' meaning once:\n${text}`);
    assert.match(text, /^An IMR decision is Upheld \(not medically necessary\) or Overturned \(medically necessary\)\.$/m);
    assert.doesNotMatch(text, /The rationale must conclude|Read as/, 'no paragraph restating the finding');
    const links = hover.locator('a[data-href^="command:imr.showRuleDocumentation"]');
    assert.equal(await links.count(), 1, 'one link to the rule page in the extension part');
    assert.equal(plain(await links.textContent()), 'decision-value');
    await page.keyboard.press('Escape');
  });

  check('lists the fix of the finding under the cursor first, then the other fixes, the disable action, and fix-all last', async () => {
    const { page } = editor;
    const named = await openFile(page, 'named.imr.md');
    await named.locator('.squiggly-warning').first().waitFor({ timeout: UI_TIMEOUT });
    const line = 'The applicant, seen by Dr. Whitfield';
    const name = await quickFixes(named, line, 'Whitfield');
    assert.deepEqual(name.offered, [
      'Redact as [REDACTED]',
      'Replace with "the attending provider"',
      'Disable phi for this line',
      'Fix all fixable IMR findings',
    ]);
    assert.equal(name.first, 'Redact as [REDACTED]');
    const number = await quickFixes(named, line, '0142');
    assert.deepEqual(number.offered, ['Redact as [REDACTED]', 'Disable phi for this line', 'Fix all fixable IMR findings']);

    // Another misspelt state on the line: only the finding at the cursor is fixed here; fix-all does both.
    const misspelt = await openFile(page, 'misspelt.imr.md');
    await misspelt.locator('.squiggly-warning').first().waitFor({ timeout: UI_TIMEOUT });
    const state = await quickFixes(misspelt, 'State(s) of Licensure: Texas, Ohoi, Californa', 'Californa');
    assert.deepEqual(state.offered, ['Change to "California"', 'Disable credential-state for this line', 'Fix all fixable IMR findings']);
    assert.equal(state.first, 'Change to "California"');
  });

  check("opens a finding's rule page from the hover, rendered in the editor and read-only", async () => {
    const { page } = editor;
    const view = await openFile(page, 'defective.imr.md');
    await view.locator('.squiggly-error').first().waitFor({ timeout: UI_TIMEOUT });
    const hover = await hoverOn(view, 'Tramadol 50 mg #120:  Denied', 'Denied');
    await hover.locator('a[data-href^="command:imr.showRuleDocumentation"]').click();
    await page.locator('.tabs-container .tab.active', { hasText: '[Preview] decision-value.md' }).waitFor({ timeout: UI_TIMEOUT });
    // The built-in Markdown preview renders the page: its title, its table of cases, its code.
    const rendered = page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
    await rendered.locator('h1', { hasText: 'decision-value' }).waitFor({ timeout: UI_TIMEOUT });
    assert.ok((await rendered.locator('table th', { hasText: 'Written' }).count()) === 1, 'the table of what the rule reports, as a table');
    assert.ok((await rendered.locator('code', { hasText: 'Overturned' }).count()) > 0, 'code as code');
    assert.equal(await rendered.locator('textarea, input, [contenteditable="true"], [contenteditable=""]').count(), 0, 'nothing to edit in the page');

    // Its source is the page as shipped, in an editor that refuses typing.
    await runCommand(page, 'Markdown: Show Source');
    await page.locator('.tabs-container .tab.active[data-resource-name="decision-value.md"]').waitFor({ timeout: UI_TIMEOUT });
    const source = editorOf(page, 'decision-value.md');
    await editorLine(source, '# decision-value').click();
    await page.keyboard.type('x');
    await page.getByText('Editor is read-only because the file system of the file is read-only.').first().waitFor({ timeout: UI_TIMEOUT });
    await editorLine(source, '# decision-value').waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await editorLine(source, '# decision-valuex').count(), 0, 'the page is unchanged');
    assert.equal(await page.locator('.tabs-container .tab.active.dirty').count(), 0, 'and not dirty');
    await closeAllEditors(page);
  });

  check('"IMR: Show rule documentation" offers the rule of the finding at the cursor first', async () => {
    const { page } = editor;
    const view = await openFile(page, 'defective.imr.md');
    await view.locator('.squiggly-warning').first().waitFor({ timeout: UI_TIMEOUT });
    const word = await textBox(editorLine(view, 'State(s) of Licensure: Texas, Ohio, Californa'), 'Californa');
    await page.mouse.click(word.x + word.width / 2, word.y + word.height / 2);
    // The command opens a quick pick of its own: the palette's input stays open for it.
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill('>IMR: Show rule documentation');
    await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: 'IMR: Show rule documentation' }).waitFor({ timeout: UI_TIMEOUT });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'At the cursor' }).first().waitFor({ timeout: UI_TIMEOUT });
    const first = page.locator('.quick-input-widget .monaco-list-row').first();
    await first.waitFor({ timeout: UI_TIMEOUT });
    assert.match(plain(await first.textContent()), /^credential-state/);
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: '[Preview] credential-state.md' }).waitFor({ timeout: UI_TIMEOUT });
    await closeAllEditors(page);
  });

  check('brings the preview back after the window reloads, following the draft as before', async () => {
    const { page } = editor;
    await openFile(page, 'defective.imr.md');
    await runCommand(page, 'IMR: Open Determination Preview to the Side');
    await previewFrame(page).getByText('Disputed items (2)').waitFor({ timeout: UI_TIMEOUT });

    const reloaded = page.waitForEvent('load', { timeout: UI_TIMEOUT * 2 });
    await runCommand(page, 'Developer: Reload Window');
    await reloaded;
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: UI_TIMEOUT * 2 });
    await page.getByRole('tab', { name: 'Preview defective.imr.md' }).waitFor({ timeout: UI_TIMEOUT });
    const preview = previewFrame(page);
    await preview.getByText('Disputed items (2)').waitFor({ timeout: UI_TIMEOUT });
    await preview.locator('.count-error', { hasText: '1 error' }).waitFor({ timeout: UI_TIMEOUT });

    // Still the live preview: the decision put right in the draft is right in the preview.
    const view = await openFile(page, 'defective.imr.md');
    // "Tramadol 50 mg #120:  Denied": the word from column 23 to the end of the line.
    await goTo(page, 21, 23);
    await page.keyboard.press('Shift+End');
    await page.keyboard.type('Upheld');
    await editorLine(view, 'Tramadol 50 mg #120:  Upheld').waitFor({ timeout: UI_TIMEOUT });
    await preview.locator('.count-error', { hasText: '0 errors' }).waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await page.getByRole('tab', { name: /^Preview defective\.imr\.md/ }).count(), 1, 'one preview, not a second');
  });
});
