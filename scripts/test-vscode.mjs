// Runner 1: the editor suite (test/vscode/suite) in desktop VS Code through @vscode/test-electron.
//
// Uses VSCODE_EXECUTABLE when set (an installed VS Code: `code` is not enough, point at the Electron
// binary, e.g. /usr/share/code/code); otherwise downloads VS Code (VSCODE_VERSION, default "stable")
// into .vscode-test/. Where VS Code cannot be downloaded it says so and fails: it never passes without
// running the suite. On a machine without a display, run it under xvfb-run.
//
// Usage: node scripts/test-vscode.mjs
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildSuite, copyWorkspace } from '../test/vscode/build.mjs';
import { readResults } from '../test/vscode/results.mjs';
import { repoRoot, run } from './package.mjs';

// The download is bounded: where the update server is unreachable, say so within seconds.
const DOWNLOAD_TIMEOUT_MS = Number(process.env.IMR_VSCODE_DOWNLOAD_TIMEOUT_MS) || 8_000;

async function vscodeExecutable() {
  const configured = process.env.VSCODE_EXECUTABLE;
  if (configured) {
    if (!fs.existsSync(configured)) throw new Error(`VSCODE_EXECUTABLE is ${configured}, which does not exist`);
    return configured;
  }
  const version = process.env.VSCODE_VERSION || 'stable';
  console.log(`downloading VS Code ${version} (VSCODE_EXECUTABLE is not set; at most ${DOWNLOAD_TIMEOUT_MS / 1000} s)...`);
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the VS Code update server within ${DOWNLOAD_TIMEOUT_MS / 1000} s`)), DOWNLOAD_TIMEOUT_MS);
  });
  try {
    return await Promise.race([downloadAndUnzipVSCode({ version, timeout: DOWNLOAD_TIMEOUT_MS, cachePath: path.join(repoRoot, '.vscode-test') }), timeout]);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const failure = new Error(`VS Code could not be downloaded (${reason.split('\n')[0]}); set VSCODE_EXECUTABLE to an installed VS Code to run this suite`);
    failure.plain = true;
    throw failure;
  } finally {
    clearTimeout(timer);
  }
}

async function main() {
  const executable = await vscodeExecutable();
  await run(process.execPath, ['scripts/build.mjs'], { quiet: true });
  const suite = await buildSuite();
  const workspace = await copyWorkspace('imr-editor-ws-electron-');
  const resultsDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'imr-editor-results-electron-'));
  try {
    const code = await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suite,
      // test-electron adds --disable-workspace-trust: the suite checks it runs trusted.
      extensionTestsEnv: { IMR_TEST_WORKSPACE_TRUST: 'trusted', IMR_TEST_RESULTS: resultsDir },
      launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
    }).catch((error) => {
      console.error(`VS Code ended the run: ${error instanceof Error ? error.message : error}`);
      return 1;
    });
    // Passing means mocha's own results say so, not only an exit status of 0.
    const { ok, done, stats } = await readResults(resultsDir);
    if (!done) console.error(`no mocha results in ${resultsDir}: is ${executable} a VS Code executable?`);
    else console.log(`\ndesktop VS Code: ${stats.passes} passing, ${stats.failures} failing, ${stats.pending} pending`);
    return code === 0 && ok;
  } finally {
    await fsp.rm(workspace, { recursive: true, force: true });
    await fsp.rm(resultsDir, { recursive: true, force: true });
  }
}

try {
  const ok = await main();
  if (!ok) console.error('test:vscode: the editor suite failed');
  process.exit(ok ? 0 : 1);
} catch (error) {
  console.error(error?.plain ? error.message : `test:vscode: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
  process.exit(1);
}
