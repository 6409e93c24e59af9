// Regenerates the README's screenshots from the real editor: the packaged extension in code-server, in headless Chromium.
//   docs/images/diagnostics.png  the defective example draft with its squiggles, a hover and the Problems panel
//   docs/images/preview.png      the same draft beside its preview (summary and letter)
//   docs/images/rule-page.png    a rule's page, rendered and read-only, opened with "IMR: Show rule documentation"
//   docs/images/report-page.png  imr-lint --format html over the example drafts
// Needs code-server and Chromium: bash scripts/install-code-server.sh --browser
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { UI_TIMEOUT, editorLine, goTo, openFile, previewFrame, runCommand, screenshotOnFailure, startEditor, textBox } from '../test/browser/support.mjs';
import { repoRoot } from './package.mjs';

const IMAGES = path.join(repoRoot, 'docs', 'images');
const VIEWPORT = { width: 1440, height: 900 };

const EXAMPLES = path.join(repoRoot, 'examples');
const DRAFT = 'defective.imr.md';
const draftLines = () => fs.readFileSync(path.join(EXAMPLES, DRAFT), 'utf8').split(/\r?\n/);

async function diagnostics(page) {
  // Hover the first wrong decision word of the example draft.
  const lines = draftLines();
  const index = lines.findIndex((line) => /:\s*(Approved|Denied|Certified|Modified)\s*$/.test(line));
  if (index < 0) throw new Error(`examples/${DRAFT} has no item with a utilization review word to show`);
  const word = /(Approved|Denied|Certified|Modified)\s*$/.exec(lines[index])[1];
  const view = await openFile(page, DRAFT);
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'is a utilization review word' }).waitFor({ timeout: UI_TIMEOUT });
  // The Problems panel took the focus; give it back to the draft and bring the defect into view.
  await page.keyboard.press('Control+1');
  await goTo(page, index + 1, 1);
  await view.locator('.squiggly-error').first().waitFor({ timeout: UI_TIMEOUT });
  const box = await textBox(editorLine(view, lines[index].trim()), word);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.locator('.monaco-hover', { hasText: 'utilization review word' }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  const file = path.join(IMAGES, 'diagnostics.png');
  await page.screenshot({ path: file });
  await page.mouse.move(0, 0);
  await runCommand(page, 'View: Hide Panel');
  return file;
}

async function preview(page) {
  await openFile(page, DRAFT);
  // Room for the letter: no side bar.
  await runCommand(page, 'View: Close Primary Side Bar');
  await goTo(page, 1, 1);
  await runCommand(page, 'IMR: Open Determination Preview to the Side');
  const frame = previewFrame(page);
  await frame.locator('.summary-title', { hasText: 'Summary' }).waitFor({ timeout: UI_TIMEOUT });
  await frame.getByText('CLINICAL CASE SUMMARY').first().waitFor({ timeout: UI_TIMEOUT });
  // The summary sits above the letter; the preview scrolls in step with the editor and may move after
  // it opens, so scroll to the summary and take the picture again if the preview moved meanwhile.
  const content = await (await frame.locator('body').elementHandle()).ownerFrame();
  const summaryInView = () => content.evaluate(() => document.querySelector('.summary-title').getBoundingClientRect().top >= 0);
  const file = path.join(IMAGES, 'preview.png');
  for (let attempt = 0; ; attempt++) {
    await content.evaluate(() => document.scrollingElement.scrollTo(0, 0));
    await page.screenshot({ path: file });
    if (await summaryInView()) break;
    if (attempt === 3) throw new Error('the preview kept scrolling away from its summary');
  }
  return file;
}

async function rulePage(page) {
  await openFile(page, DRAFT);
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>IMR: Show rule documentation');
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: 'IMR: Show rule documentation' }).waitFor({ timeout: UI_TIMEOUT });
  await page.keyboard.press('Enter');
  // The rule picker replaces the palette's list; then the rule is picked by typing its id.
  await page
    .locator('.quick-input-widget .monaco-list-row', { hasText: /^(?!IMR: Show rule documentation)/ })
    .first()
    .waitFor({ timeout: UI_TIMEOUT });
  await page.locator('.quick-input-widget input').fill('decision-value');
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: 'decision-value' }).waitFor({ timeout: UI_TIMEOUT });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: '[Preview] decision-value.md' }).waitFor({ timeout: UI_TIMEOUT });
  const rendered = page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
  await rendered.locator('h1', { hasText: 'decision-value' }).waitFor({ timeout: UI_TIMEOUT });
  const file = path.join(IMAGES, 'rule-page.png');
  await page.screenshot({ path: file });
  return file;
}

async function reportPage(page) {
  // The report of the command line over the example drafts, opened as a reviewer opens it: a file in the browser.
  const report = path.join(await fsp.mkdtemp(path.join(os.tmpdir(), 'imr-report-')), 'report.html');
  try {
    execFileSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.cjs'), '--format', 'html', '.'], {
      cwd: EXAMPLES,
      stdio: ['ignore', fs.openSync(report, 'w'), 'inherit'],
    });
  } catch (error) {
    // Findings make the run exit 1; the report is written all the same.
    if (error.status !== 1) throw error;
  }
  const viewer = await page.context().newPage();
  try {
    await viewer.goto(pathToFileURL(report).href);
    await viewer.locator('svg').first().waitFor({ timeout: UI_TIMEOUT });
    const file = path.join(IMAGES, 'report-page.png');
    await viewer.screenshot({ path: file, fullPage: false });
    return file;
  } finally {
    await viewer.close();
  }
}

async function main() {
  await fsp.mkdir(IMAGES, { recursive: true });
  const editor = await startEditor({ source: EXAMPLES, name: 'examples', viewport: VIEWPORT });
  try {
    for (const take of [diagnostics, preview, rulePage, reportPage]) {
      const file = await screenshotOnFailure(editor.page, `screenshots-${take.name}`, () => take(editor.page));
      const { size } = await fsp.stat(file);
      console.log(`${path.relative(process.cwd(), file)} (${(size / 1024).toFixed(0)} KiB)`);
    }
  } finally {
    await editor.stop();
  }
}

try {
  await main();
} catch (error) {
  console.error(`screenshots: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
  process.exit(1);
}
