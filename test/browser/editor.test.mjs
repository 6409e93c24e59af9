// What a writer sees in a real VS Code (code-server in headless Chromium): squiggles and the Problems panel,
// the quick-fix light bulb, snippet completion, and the preview, which must run no script from the draft.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { UI_TIMEOUT, activeEditor, editorLine, goTo, openFile, plain, previewFrame, runCommand, screenshotOnFailure, startEditor, textBox } from './support.mjs';

const workspaceDraft = (name) => fs.readFileSync(new URL(`../vscode/workspace/${name}`, import.meta.url), 'utf8');

// A clean determination whose case summary carries script payloads of the usual kinds.
const INJECTION = workspaceDraft('clean.imr.md')
  .replace('Tramadol 50 mg #120:  Upheld', 'Injection Probe Item:  Upheld')
  .replace(
    'The applicant returned to regular duty work.',
    [
      'The applicant returned to regular duty work.',
      '',
      '<img src=x onerror="document.title=\'pwned\'">',
      '',
      '<script>window.parent.postMessage(\'pwned\', \'*\'); document.title = \'pwned\';</script>',
      '',
      '<svg onload="console.log(\'pwned: svg onload\')"><circle r="4"/></svg>',
      '',
      '<a href="javascript:console.log(\'pwned: link\')">a link</a> and [another](javascript:console.log(\'pwned\'))',
      '',
      '<iframe src="javascript:console.log(\'pwned: iframe\')"></iframe>',
      '',
      '<div onclick="console.log(\'pwned: click\')" style="background:url(javascript:alert(1))">Payload end marker</div>',
    ].join('\n'),
  );

describe('the extension in code-server, as a writer sees it', { timeout: 10 * 60_000 }, () => {
  let editor;
  before(async () => {
    editor = await startEditor({ files: { 'quickfix.imr.md': workspaceDraft('defective.imr.md'), 'empty.imr.md': '', 'injection.imr.md': INJECTION } });
  });
  after(async () => {
    await editor?.stop();
  });
  const check = (name, body) => it(name, () => screenshotOnFailure(editor.page, name, body));

  check('underlines the wrong decision word with an error squiggle and lists it in the Problems panel', async () => {
    const { page } = editor;
    const view = await openFile(page, 'defective.imr.md');
    const error = view.locator('.squiggly-error');
    await error.first().waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await error.count(), 1, 'one error in the draft: "Denied"');
    // "Californa" is in view (the other warning, "overturned", is further down the draft).
    const californa = await textBox(editorLine(view, 'State(s) of Licensure: Texas, Ohio, Californa'), 'Californa');
    await view.locator('.squiggly-warning').first().waitFor({ timeout: UI_TIMEOUT });
    const warning = await view.locator('.squiggly-warning').first().boundingBox();
    assert.ok(californa && warning && Math.abs(warning.x - californa.x) <= 2 && Math.abs(warning.y - californa.y) < californa.height, 'a warning squiggle under "Californa"');

    // The squiggle sits under the word itself.
    const line = editorLine(view, 'Tramadol 50 mg #120:  Denied');
    const word = await textBox(line, 'Denied');
    const squiggle = await error.first().boundingBox();
    assert.ok(word && squiggle, 'the word and the squiggle are on screen');
    assert.ok(Math.abs(squiggle.x - word.x) <= 2 && Math.abs(squiggle.x + squiggle.width - (word.x + word.width)) <= 2, `squiggle ${JSON.stringify(squiggle)} spans "Denied" ${JSON.stringify(word)}`);
    assert.ok(squiggle.y < word.y + word.height && squiggle.y + squiggle.height > word.y, 'on the same line');

    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    try {
      await panel.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      const row = panel.locator('.monaco-list-row', { hasText: 'is a utilization review word' });
      await row.waitFor({ timeout: UI_TIMEOUT });
      const text = plain(await row.textContent());
      assert.match(text, /"Denied" is a utilization review word/);
      assert.match(text, /imr\W*decision-value/);
      assert.match(text, /\[Ln 21, Col 23\]/);
      assert.equal(await row.locator('.codicon-error, .codicon-light-bulb, .codicon-lightbulb').count() > 0 || /error/i.test((await row.getAttribute('aria-label')) ?? ''), true, 'listed as an error');
      await panel.locator('.monaco-list-row', { hasText: '"Californa" is not a state' }).waitFor({ timeout: UI_TIMEOUT });
      const file = panel.locator('.monaco-list-row', { hasText: 'defective.imr.md' }).first();
      assert.equal(plain(await file.locator('.monaco-count-badge').textContent()).trim(), '3', 'the file row counts three problems');
    } finally {
      await runCommand(page, 'View: Hide Panel');
    }
  });

  check('shows the light bulb on the defect, and Ctrl+. then Enter applies the fix', async () => {
    const { page } = editor;
    const view = await openFile(page, 'quickfix.imr.md');
    await goTo(page, 21, 1);
    await view.locator('.squiggly-error').first().waitFor({ timeout: UI_TIMEOUT });
    // Click into the wrong word, as a writer does: the light bulb shows, marked as having a preferred fix.
    const word = await textBox(editorLine(view, 'Tramadol 50 mg #120:  Denied'), 'Denied');
    await page.mouse.click(word.x + word.width / 2, word.y + word.height / 2);
    const bulb = view.locator('.lightBulbWidget');
    await bulb.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    assert.match((await bulb.getAttribute('class')) ?? '', /codicon-lightbulb-autofix/);

    await page.keyboard.press('Control+.');
    const focused = page.locator('.action-widget .monaco-list-row.focused');
    await focused.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    assert.equal(plain(await focused.textContent()).trim(), 'Change to "Upheld"');
    const offered = (await page.locator('.action-widget .monaco-list-row.action').allTextContents()).map((title) => plain(title).trim());
    assert.deepEqual(offered, ['Change to "Upheld"', 'Disable decision-value for this line', 'Fix all fixable IMR findings']);
    await page.keyboard.press('Enter');

    await editorLine(view, 'Tramadol 50 mg #120:  Upheld').waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await editorLine(view, 'Tramadol 50 mg #120:  Denied').count(), 0);
    await view.locator('.squiggly-error').first().waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    assert.ok((await view.locator('.squiggly-warning').count()) >= 1, 'the warnings stay');
  });

  check('completes "imr-determination" in an empty draft into the whole skeleton', async () => {
    const { page } = editor;
    const view = await openFile(page, 'empty.imr.md');
    await view.locator('.view-lines').click();
    await page.keyboard.type('imr-determination');
    await page.keyboard.press('Control+Space');
    const suggestion = page.locator('.suggest-widget.visible .monaco-list-row.focused');
    await suggestion.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    assert.match(plain(await suggestion.textContent()), /imr-determination/);
    await page.keyboard.press('Enter');

    await editorLine(view, 'HOW THE IMR FINAL DETERMINATION WAS MADE').waitFor({ timeout: UI_TIMEOUT });
    await editorLine(view, 'State(s) of Licensure: California').waitFor({ timeout: UI_TIMEOUT });
    await editorLine(view, 'CLINICAL CASE SUMMARY').waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await editorLine(view, 'imr-determination').count(), 0, 'the prefix was replaced');
    // The skeleton has its three sections: the missing-section errors of the empty draft are gone.
    await view.locator('.squiggly-error').first().waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  });

  check('previews the letter and its summary beside the draft', async () => {
    const { page } = editor;
    await openFile(page, 'defective.imr.md');
    await runCommand(page, 'IMR: Open Determination Preview to the Side');
    const preview = previewFrame(page);
    await preview.getByText('CLINICAL CASE SUMMARY').first().waitFor({ timeout: UI_TIMEOUT });
    await preview.getByText('The applicant filed a claim for chronic low back pain', { exact: false }).first().waitFor({ timeout: UI_TIMEOUT });
    // The summary: the items with their decisions, and the findings.
    await preview.locator('.summary-title', { hasText: 'Summary' }).waitFor({ timeout: UI_TIMEOUT });
    await preview.getByText('Disputed items (2)').waitFor({ timeout: UI_TIMEOUT });
    const items = preview.locator('.summary-items li');
    assert.equal(await items.count(), 2);
    assert.match(plain(await items.nth(0).textContent()), /Tramadol 50 mg #120/);
    assert.match(plain(await items.nth(1).textContent()), /Lumbar MRI/);
    assert.match(plain(await preview.locator('.count-error').textContent()), /1 error/);
    // The draft keeps its editor beside the preview.
    assert.ok(await page.getByRole('tab', { name: 'defective.imr.md', exact: true }).isVisible());
  });

  check('runs no script from the draft in the preview', async () => {
    const { page, events } = editor;
    await openFile(page, 'injection.imr.md');
    await runCommand(page, 'IMR: Open Determination Preview to the Side');
    const preview = previewFrame(page);
    await preview.getByText('Injection Probe Item').first().waitFor({ timeout: UI_TIMEOUT });
    await preview.getByText('Payload end marker').first().waitFor({ timeout: UI_TIMEOUT });

    const content = preview.locator('#imr-preview');
    const dangerous = await content.evaluate((main) => ({
      handlers: [...main.querySelectorAll('*')].filter((element) => [...element.attributes].some((attribute) => /^on/i.test(attribute.name))).map((element) => element.outerHTML),
      scripts: main.querySelectorAll('script').length,
      pageScripts: [...main.ownerDocument.scripts].filter((script) => /pwned/.test(script.textContent ?? '')).length,
      frames: main.querySelectorAll('iframe, object, embed').length,
      javascriptUrls: [...main.querySelectorAll('[href], [src]')].map((element) => element.getAttribute('href') ?? element.getAttribute('src')).filter((url) => /^\s*javascript:/i.test(url)),
      styles: [...main.querySelectorAll('[style]')].map((element) => element.getAttribute('style')).filter((style) => /javascript:/i.test(style)),
      svgs: main.querySelectorAll('svg').length,
      title: main.ownerDocument.title,
    }));
    assert.deepEqual(dangerous.handlers, [], 'no element keeps an on* handler');
    assert.equal(dangerous.scripts, 0, 'no <script> in the letter');
    assert.equal(dangerous.pageScripts, 0, 'no script with the payload anywhere in the page');
    assert.equal(dangerous.frames, 0, 'no frames or plugins');
    assert.deepEqual(dangerous.javascriptUrls, [], 'no javascript: URLs');
    assert.deepEqual(dangerous.styles, [], 'no javascript: in styles');
    assert.equal(dangerous.svgs, 0, 'no inline SVG');
    assert.notEqual(dangerous.title, 'pwned');

    for (const frame of page.frames()) {
      const title = await frame.evaluate(() => document.title).catch(() => undefined);
      assert.notEqual(title, 'pwned', `frame ${frame.url()} kept its title`);
    }
    assert.doesNotMatch(await page.title(), /pwned/);
    assert.deepEqual(events.dialogs, [], 'no alert, confirm or prompt');
    assert.deepEqual(events.console.filter((message) => /pwned/.test(message)), [], 'no payload reached the console or a message listener');
  });
});
