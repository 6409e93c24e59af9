// Smoke test of the code-server + headless Chromium infrastructure.
// Installs nothing: run `bash scripts/install-code-server.sh --browser` first.
//
// Starts code-server on a temp workspace holding hello.md, opens it in
// headless Chromium, waits for the workbench, saves a screenshot to
// test-results/code-server-smoke.png and prints the time to workbench.
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openWorkbench, startCodeServer } from '../test/support/code-server.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const screenshot = path.join(repoRoot, 'test-results', 'code-server-smoke.png');

async function main() {
  const workspace = await fsp.mkdtemp(path.join(os.tmpdir(), 'imr-smoke-ws-'));
  await fsp.writeFile(path.join(workspace, 'hello.md'), '# Hello\n\nThis is the code-server smoke test.\n');
  let server;
  let browser;
  try {
    const t0 = performance.now();
    server = await startCodeServer({ workspace });
    const tServer = performance.now();
    console.log(`code-server up at ${server.url} in ${((tServer - t0) / 1000).toFixed(1)} s`);

    browser = await launchBrowser();
    console.log(`chromium ${browser.version()}`);
    const page = await openWorkbench(browser, server.url);
    const tWorkbench = performance.now();
    // The explorer shows the workspace's file once the workbench is restored.
    await page.getByRole('treeitem', { name: 'hello.md' }).waitFor({ timeout: 30_000 });
    const tExplorer = performance.now();
    console.log(
      `workbench visible ${((tWorkbench - tServer) / 1000).toFixed(1)} s after code-server was up ` +
        `(${((tWorkbench - t0) / 1000).toFixed(1)} s from start); explorer lists hello.md after ` +
        `${((tExplorer - t0) / 1000).toFixed(1)} s`,
    );
    // Open hello.md in an editor: proves the file system and editor work.
    await page.getByRole('treeitem', { name: 'hello.md' }).click();
    await page.locator('.monaco-editor .view-lines', { hasText: 'This is the code-server smoke test.' }).waitFor({ timeout: 30_000 });
    console.log(`hello.md open in an editor after ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    await fsp.mkdir(path.dirname(screenshot), { recursive: true });
    await page.screenshot({ path: screenshot });
    console.log(`screenshot: ${path.relative(process.cwd(), screenshot) || screenshot}`);
  } finally {
    const tStop = performance.now();
    await browser?.close().catch(() => {});
    await server?.stop();
    console.log(`browser and code-server stopped in ${((performance.now() - tStop) / 1000).toFixed(1)} s`);
    await fsp.rm(workspace, { recursive: true, force: true });
  }
}

try {
  await main();
  console.log('code-server smoke test passed');
  process.exit(0);
} catch (err) {
  console.error(`code-server smoke test FAILED: ${err?.stack ?? err}`);
  process.exit(1);
}
