// Runner 2: the editor suite (test/vscode/suite) inside code-server's real extension host, driven by headless Chromium.
//
// Packages the extension and the test host (test/vscode/host), installs both into code-server, opens a
// fresh copy of test/vscode/workspace in the browser (which starts the extension host), and waits for the
// test host to write mocha's results. Runs twice: workspace trust off, and Restricted Mode (trust on,
// folder not trusted), where the extension must still validate.
//
// Usage: node scripts/test-code-server.mjs [--mode trusted|restricted]   (default: both)
// Needs code-server and Chromium: bash scripts/install-code-server.sh --browser
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { codeServerPath, installExtension, launchBrowser, openWorkbench, startCodeServer } from '../test/support/code-server.mjs';
import { copyWorkspace, packageTestHost } from '../test/vscode/build.mjs';
import { waitForResults } from '../test/vscode/results.mjs';
import { packageExtension, repoRoot } from './package.mjs';

const RESULTS_TIMEOUT_MS = Number(process.env.IMR_TEST_TIMEOUT_MS) || 5 * 60_000;
const ARTIFACTS = path.join(repoRoot, 'test-results', 'code-server');

const MODES = {
  trusted: { 'security.workspace.trust.enabled': false },
  restricted: {
    'security.workspace.trust.enabled': true,
    // Never ask: the folder stays untrusted, which is Restricted Mode.
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.banner': 'never',
  },
};

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

function parseModes(argv) {
  const at = argv.indexOf('--mode');
  if (at < 0) return Object.keys(MODES);
  const mode = argv[at + 1];
  if (!(mode in MODES)) throw new Error(`--mode is one of ${Object.keys(MODES).join(', ')}; got ${JSON.stringify(mode)}`);
  return [mode];
}

/** Keeps what explains a failure: code-server's logs (extension host included) and a screenshot. */
async function keepArtifacts(mode, server, page) {
  const target = path.join(ARTIFACTS, mode);
  await fsp.rm(target, { recursive: true, force: true });
  await fsp.mkdir(target, { recursive: true });
  await fsp.writeFile(path.join(target, 'code-server.log'), server.logs());
  await fsp.cp(path.join(server.userDataDir, 'logs'), path.join(target, 'logs'), { recursive: true }).catch(() => {});
  await page?.screenshot({ path: path.join(target, 'workbench.png') }).catch(() => {});
  return target;
}

async function runMode(mode, extensionsDir) {
  const started = Date.now();
  const workspace = await copyWorkspace(`imr-editor-ws-${mode}-`);
  const resultsDir = await fsp.mkdtemp(path.join(os.tmpdir(), `imr-editor-results-${mode}-`));
  let server;
  let browser;
  let page;
  try {
    server = await startCodeServer({
      workspace,
      extensionsDir,
      settings: MODES[mode],
      env: { IMR_TEST_RESULTS: resultsDir, IMR_TEST_WORKSPACE_TRUST: mode },
    });
    browser = await launchBrowser();
    page = await openWorkbench(browser, server.url);
    console.log(`[${mode}] workbench open at ${server.url} after ${seconds(Date.now() - started)}; running the suite in the extension host`);
    let results;
    try {
      console.log(`\n[${mode}] mocha (spec reporter) in code-server's extension host:`);
      results = await waitForResults(resultsDir, {
        timeoutMs: RESULTS_TIMEOUT_MS,
        stopped: () =>
          server.process.exitCode !== null || server.process.signalCode !== null
            ? `code-server exited (${server.process.exitCode ?? server.process.signalCode})`
            : undefined,
      });
    } catch (error) {
      const kept = await keepArtifacts(mode, server, page);
      console.error(`[${mode}] ${error.message}\n[${mode}] code-server logs, extension host logs and a screenshot: ${path.relative(process.cwd(), kept)}`);
      console.error(server.logs().split('\n').slice(-40).join('\n'));
      return { mode, ok: false, passes: 0, failures: 0, ms: Date.now() - started };
    }
    const { ok, done, stats } = results;
    if (done.error) console.error(`[${mode}] the suite could not run: ${done.error}`);
    if (!ok) {
      const kept = await keepArtifacts(mode, server, page);
      console.error(`[${mode}] logs and a screenshot: ${path.relative(process.cwd(), kept)}`);
    }
    const ms = Date.now() - started;
    console.log(
      `[${mode}] ${stats.passes} passing, ${stats.failures} failing, ${stats.pending} pending (mocha ${seconds(stats.duration ?? 0)}, run ${seconds(ms)})`,
    );
    return { mode, ok, passes: stats.passes, failures: stats.failures, ms };
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    await fsp.rm(workspace, { recursive: true, force: true });
    await fsp.rm(resultsDir, { recursive: true, force: true });
  }
}

async function main() {
  const modes = parseModes(process.argv.slice(2));
  const started = Date.now();
  codeServerPath(); // fails early, saying how to install, when code-server is missing
  const work = await fsp.mkdtemp(path.join(os.tmpdir(), 'imr-editor-'));
  try {
    const [extension, host] = await Promise.all([
      packageExtension({ out: path.join(work, 'imr-determinations.vsix'), quiet: true }),
      packageTestHost(path.join(work, 'host')),
    ]);
    console.log(`packaged the extension (${(extension.bytes / 1024).toFixed(0)} KiB) and the test host in ${seconds(Date.now() - started)}`);
    const extensionsDir = path.join(work, 'extensions');
    await installExtension(extension.vsix, extensionsDir);
    await installExtension(host, extensionsDir);
    console.log(`installed both into code-server after ${seconds(Date.now() - started)}`);
    const outcomes = [];
    for (const mode of modes) outcomes.push(await runMode(mode, extensionsDir));
    console.log('\ncode-server editor suite:');
    for (const { mode, ok, passes, failures, ms } of outcomes) {
      console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${mode.padEnd(10)} ${passes} passing, ${failures} failing (${seconds(ms)})`);
    }
    console.log(`  total ${seconds(Date.now() - started)}`);
    return outcomes.every((outcome) => outcome.ok);
  } finally {
    await fsp.rm(work, { recursive: true, force: true });
  }
}

try {
  process.exit((await main()) ? 0 : 1);
} catch (error) {
  console.error(`test:code-server: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
