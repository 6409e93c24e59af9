// A real editor in a browser for the browser tests and the screenshots: the packaged extension in code-server,
// a copy of the suite's workspace, headless Chromium, and the few gestures a writer makes (Quick Open, the
// command palette, Go to Line).
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installExtension, launchBrowser, startCodeServer } from '../support/code-server.mjs';
import { WORKSPACE_DIR } from '../vscode/build.mjs';
import { packageExtension } from '../../scripts/package.mjs';

const ARTIFACTS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-results', 'browser');

/** Long enough for a loaded CI machine; every wait is for something visible, never a fixed delay. */
export const UI_TIMEOUT = 30_000;

// Runs in every frame, webviews included, before their own scripts: reports any message that carries the payload's word.
const MESSAGE_SPY = `window.addEventListener('message', (event) => {
  try { if (JSON.stringify(event.data).includes('pwned')) console.log('pwned: message reached ' + location.href); } catch {}
}, true);`;

/**
 * Packages and installs the extension, starts code-server on a copy of `source` (default: test/vscode/workspace)
 * named `name`, plus `files`, and opens the workbench in headless Chromium.
 */
export async function startEditor({ source = WORKSPACE_DIR, name = 'workspace', files = {}, settings = {}, viewport = { width: 1280, height: 800 } } = {}) {
  const work = await fsp.mkdtemp(path.join(os.tmpdir(), 'imr-browser-'));
  // A copy named as the writer would see it in the title bar and the explorer.
  const workspace = path.join(work, name);
  await fsp.cp(source, workspace, { recursive: true });
  let server;
  let browser;
  const stop = async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    await fsp.rm(work, { recursive: true, force: true });
  };
  try {
    for (const [file, text] of Object.entries(files)) await fsp.writeFile(path.join(workspace, file), text);
    const { vsix } = await packageExtension({ out: path.join(work, 'tools', 'imr-determinations.vsix'), quiet: true });
    const extensionsDir = path.join(work, 'tools', 'extensions');
    await installExtension(vsix, extensionsDir);
    // Nothing may distract from the draft: no hovers from a stray mouse, no minimap in screenshots.
    server = await startCodeServer({ workspace, extensionsDir, settings: { 'editor.minimap.enabled': false, 'workbench.tips.enabled': false, ...settings } });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport });
    await context.addInitScript(MESSAGE_SPY);
    const page = await context.newPage();
    const events = { dialogs: [], console: [] };
    page.on('dialog', (dialog) => {
      events.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => {});
    });
    page.on('console', (message) => events.console.push(message.text()));
    await page.goto(server.url, { waitUntil: 'domcontentloaded', timeout: UI_TIMEOUT * 2 });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: UI_TIMEOUT * 2 });
    // The explorer lists the workspace once the workbench has restored.
    const listed = fs
      .readdirSync(workspace)
      .filter((entry) => !entry.startsWith('.'))
      .sort()[0];
    await page.getByRole('treeitem', { name: listed }).waitFor({ timeout: UI_TIMEOUT });
    return { page, server, workspace, events, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Monaco renders spaces as no-break spaces. */
export function plain(text) {
  return (text ?? '').replace(/\u00a0/g, ' ');
}

/** Opens a workspace file with Quick Open (Ctrl+P), as a writer does, and waits for its editor. */
export async function openFile(page, name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await input.fill(name);
  // The focused row, not just any row: Enter opens the focused one, and the list refreshes as the filter applies.
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: name }).waitFor({ timeout: UI_TIMEOUT });
  await page.keyboard.press('Enter');
  // The active group's tab, by the file it holds: another group may show the same draft, or a preview named after it.
  await page.locator(`.editor-group-container.active .tab.active[data-resource-name="${name}"]`).waitFor({ timeout: UI_TIMEOUT });
  const editor = activeEditor(page);
  await editor.locator('.view-lines').waitFor({ timeout: UI_TIMEOUT });
  return editor;
}

/** The editor of the active editor group. */
export function activeEditor(page) {
  return page.locator('.editor-group-container.active .monaco-editor').first();
}

/** The text editor of the group whose active tab shows `fileName`, whichever group has the focus. */
export function editorOf(page, fileName) {
  return page
    .locator('.editor-group-container', { has: page.locator(`.tabs-container .tab.active[data-resource-name="${fileName}"]`) })
    .locator('.monaco-editor')
    .first();
}

/** Resolves with a file's text once `settled(text)` holds: a save in the editor reaches the disk a moment after the tab stops being dirty. */
export async function fileText(file, settled, timeout = UI_TIMEOUT) {
  const read = () => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  };
  return new Promise((resolve, reject) => {
    const check = () => {
      const text = read();
      if (text !== undefined && settled(text)) finish(() => resolve(text));
    };
    const watcher = fs.watch(path.dirname(file), check);
    const timer = setTimeout(
      () => finish(() => reject(new Error(`${file} did not reach the expected text in ${timeout} ms: ${JSON.stringify(read()?.slice(0, 200))}`))),
      timeout,
    );
    let done = false;
    const finish = (then) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      watcher.close();
      then();
    };
    // Watching first, then looking: a write between the two is not missed.
    check();
  });
}

/** Runs a command from the command palette (F1) by its title. */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: title }).waitFor({ timeout: UI_TIMEOUT });
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
}

/** Closes every editor; the workbench, not a webview that may hold the focus, takes the command. */
export async function closeAllEditors(page) {
  await page.locator('.editor-group-container .tab').first().click();
  await runCommand(page, 'View: Close All Editors');
  await page.locator('.editor-group-container .tab').first().waitFor({ state: 'detached', timeout: UI_TIMEOUT });
}

/** Moves the cursor with Go to Line (Ctrl+G), 1-based as the status bar shows it. */
export async function goTo(page, line, column) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  // Ctrl+G opens Quick Open with its ":" (go to line) prefix.
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
  await page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` }).waitFor({ timeout: UI_TIMEOUT });
}

/** The rendered line of `editor` that contains `text` (lines are rendered when in view). */
export function editorLine(editor, text) {
  return editor
    .locator('.view-line')
    .filter({ hasText: new RegExp(escapeRegExp(text).replace(/ /g, '[ \\u00a0]')) })
    .first();
}

/** The on-screen box of `needle` inside a rendered line, measured with a DOM Range over its text. */
export async function textBox(line, needle) {
  return line.evaluate((element, wanted) => {
    const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let text = '';
    const nodes = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push({ node, start: text.length });
      text += node.textContent;
    }
    const at = text.replace(/\u00a0/g, ' ').indexOf(wanted);
    if (at < 0) return undefined;
    const locate = (offset) => {
      const hit = nodes.findLast((entry) => entry.start <= offset);
      return [hit.node, offset - hit.start];
    };
    const range = element.ownerDocument.createRange();
    range.setStart(...locate(at));
    const [endNode, endOffset] = locate(at + wanted.length - 1);
    range.setEnd(endNode, endOffset + 1);
    const box = range.getBoundingClientRect();
    return { x: box.x, y: box.y, width: box.width, height: box.height };
  }, needle);
}

/** The workspace's error and warning counts, as the status bar shows them. */
export async function problemCounts(page) {
  const label = (await page.locator('[id="status.problems"]').getAttribute('aria-label')) ?? '';
  const count = (kind) => Number(new RegExp(`${kind}: (\\d+)`).exec(label)?.[1] ?? 0);
  return { errors: count('Errors'), warnings: count('Warnings') };
}

/** Waits until the status bar counts these errors and warnings: the server has checked the drafts as they now are. */
export async function problemsAre(page, { errors, warnings }) {
  const wanted = errors === 0 && warnings === 0 ? ['No Problems', 'Errors: 0, Warnings: 0'] : [`Errors: ${errors}, Warnings: ${warnings}`];
  try {
    await page.waitForFunction((labels) => labels.includes(document.getElementById('status.problems')?.getAttribute('aria-label')), wanted, {
      timeout: UI_TIMEOUT,
    });
  } catch (error) {
    const now = await problemCounts(page);
    error.message += `\n(the status bar counts ${now.errors} errors and ${now.warnings} warnings, not ${errors} and ${warnings})`;
    throw error;
  }
}

/** The preview's content frame: the webview's outer iframe, then its active frame. */
export function previewFrame(page) {
  return page.frameLocator('iframe.webview.ready').first().frameLocator('iframe#active-frame');
}

/** Runs a test's body; when it fails, keeps a screenshot of the workbench in test-results/browser/. */
export async function screenshotOnFailure(page, name, body) {
  try {
    return await body();
  } catch (error) {
    const file = path.join(ARTIFACTS, `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
    await fsp.mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: file }).catch(() => {});
    error.message += `\n(screenshot: ${path.relative(process.cwd(), file)})`;
    throw error;
  }
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
