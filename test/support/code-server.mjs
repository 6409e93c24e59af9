// Helpers to run a real VS Code (code-server from npm) and drive it with
// headless Chromium (playwright-core + Debian's /usr/bin/chromium).
//
// Install first (cached, idempotent):  bash scripts/install-code-server.sh --browser
//
// Typical use:
//   const server = await startCodeServer({ workspace, extensionsDir, env: { FOO: '1' } });
//   const browser = await launchBrowser();
//   try {
//     const page = await openWorkbench(browser, server.url);
//     ...
//   } finally {
//     await browser.close();
//     await server.stop();
//   }
//
// Set IMR_CODE_SERVER_LOG=1 to echo code-server's output to stderr.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CODE_SERVER_VERSION = '4.100.3';
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Settings written to <userDataDir>/User/settings.json (merged with `settings`). */
export const DEFAULT_SETTINGS = Object.freeze({
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
});

/** Folder code-server is installed into by scripts/install-code-server.sh. */
export function codeServerDir() {
  const root = path.resolve(process.env.IMR_TOOLS_DIR || path.join(os.homedir(), '.cache', 'imr-tools'));
  return path.join(root, `code-server-${CODE_SERVER_VERSION}`);
}

/**
 * Path of the installed code-server executable (a symlink to
 * node_modules/code-server/out/node/entry.js, run with the current node).
 */
export function codeServerPath() {
  const dir = codeServerDir();
  const bin = path.join(dir, 'node_modules', '.bin', 'code-server');
  const marker = path.join(dir, '.imr-install-complete');
  if (!fs.existsSync(marker) || !fs.existsSync(bin)) {
    throw new Error(
      `code-server ${CODE_SERVER_VERSION} is not installed in ${dir} ` +
        `(looked for ${path.relative(dir, bin)} and ${path.basename(marker)}). ` +
        'Run `bash scripts/install-code-server.sh` first (IMR_TOOLS_DIR changes the tools folder).',
    );
  }
  return bin;
}

// Variables of the calling environment that would change what code-server
// does: $PORT overrides --bind-addr's port, VSCODE_IPC_HOOK_CLI (set in a VS
// Code terminal) makes it open the folder in that other instance, etc.
const STRIPPED_ENV = /^(PORT|PASSWORD|HASHED_PASSWORD|GITHUB_TOKEN|EXTENSIONS_GALLERY|CODE_SERVER_.*|CS_.*|VSCODE_.*|ELECTRON_.*)$/;

function childEnv(extra, xdgRoot) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!STRIPPED_ENV.test(k)) env[k] = v;
  }
  // code-server writes logs and a heartbeat file under $XDG_DATA_HOME/code-server
  // even with --user-data-dir: keep them in the temp folder.
  env.XDG_DATA_HOME = path.join(xdgRoot, 'xdg-data');
  return { ...env, ...extra };
}

/** A free TCP port on 127.0.0.1 (the OS picks it). */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// Process groups still running (→ their temp dir); ended and removed if the
// test process exits or is signalled without calling stop().
const live = new Map();
function endAllNow() {
  for (const [child, tmp] of live) {
    killGroup(child, 'SIGKILL');
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  live.clear();
}
process.on('exit', endAllNow);
let signalsHooked = false;
function track(child, tmp) {
  live.set(child, tmp);
  if (signalsHooked) return;
  signalsHooked = true;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(sig, () => {
      endAllNow();
      // Nobody else handles it: die of the signal as if we had not listened.
      if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
    });
  }
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

function captureOutput(child, echo) {
  const lines = [];
  const add = (chunk) => {
    const text = chunk.toString();
    if (echo) process.stderr.write(text);
    for (const line of text.split('\n')) if (line) lines.push(line);
    if (lines.length > 400) lines.splice(0, lines.length - 400);
  };
  child.stdout.on('data', add);
  child.stderr.on('data', add);
  return () => lines.join('\n');
}

async function isUp(port) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * Start code-server on 127.0.0.1:<free port>, without auth, on `workspace`.
 *
 * @param {object} opts
 * @param {string} [opts.workspace]      folder (or .code-workspace) to open; none → empty window
 * @param {string} [opts.extensionsDir]  --extensions-dir (default: new temp dir, removed by stop())
 * @param {string} [opts.userDataDir]    --user-data-dir (default: new temp dir, removed by stop());
 *                                       its User/settings.json is overwritten
 * @param {Record<string,string>} [opts.env]  extra environment (reaches the extension host)
 * @param {object} [opts.settings]       user settings merged over DEFAULT_SETTINGS
 * @param {string[]} [opts.args]         extra code-server arguments
 * @param {number} [opts.timeoutMs=60000] how long to wait for the HTTP port
 * @returns {Promise<{url: string, port: number, process: import('node:child_process').ChildProcess,
 *   userDataDir: string, extensionsDir: string, logs: () => string, stop: () => Promise<void>}>}
 */
export async function startCodeServer({ workspace, extensionsDir, userDataDir, env = {}, settings = {}, args = [], timeoutMs = 60_000 } = {}) {
  const bin = codeServerPath();
  const tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'imr-code-server-'));
  const udd = userDataDir ?? path.join(tmp, 'user-data');
  const ext = extensionsDir ?? path.join(tmp, 'extensions');
  await fsp.mkdir(path.join(udd, 'User'), { recursive: true });
  await fsp.mkdir(ext, { recursive: true });
  await fsp.writeFile(path.join(udd, 'User', 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2) + '\n');
  const configFile = path.join(tmp, 'config.yaml');
  await fsp.writeFile(configFile, 'auth: none\n');

  const echo = process.env.IMR_CODE_SERVER_LOG === '1';
  let lastError;
  // A port picked by freePort() can be taken by someone else before
  // code-server binds it: retry with a new port a couple of times.
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = await freePort();
    const argv = [
      bin,
      '--config',
      configFile,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--user-data-dir',
      udd,
      '--extensions-dir',
      ext,
      ...args,
      ...(workspace ? [path.resolve(workspace)] : []),
    ];
    const child = spawn(process.execPath, argv, {
      cwd: tmp,
      env: childEnv(env, tmp),
      detached: true, // own process group, so stop() also ends the extension host & co.
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    track(child, tmp);
    const logs = captureOutput(child, echo);
    let exited = null;
    const exitPromise = new Promise((resolve) => {
      child.on('exit', (code, signal) => resolve((exited = { code, signal })));
      child.on('error', (error) => resolve((exited = { code: null, signal: null, error })));
    });

    const deadline = Date.now() + timeoutMs;
    let up = false;
    while (!exited && Date.now() < deadline) {
      if (await isUp(port)) {
        up = true;
        break;
      }
      await Promise.race([exitPromise, new Promise((r) => setTimeout(r, 150))]);
    }

    const endProcess = async () => {
      if (!exited) {
        killGroup(child, 'SIGTERM');
        await Promise.race([exitPromise, new Promise((r) => setTimeout(r, 5000))]);
      }
      // Leftovers of the group (extension host, pty host, watcher) go too.
      killGroup(child, 'SIGKILL');
      await Promise.race([exitPromise, new Promise((r) => setTimeout(r, 2000))]);
      live.delete(child);
    };

    if (up && !exited) {
      let stopping;
      return {
        url: `http://127.0.0.1:${port}/`,
        port,
        process: child,
        userDataDir: udd,
        extensionsDir: ext,
        logs,
        stop: () =>
          (stopping ??= (async () => {
            await endProcess();
            await fsp.rm(tmp, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
          })()),
      };
    }

    const output = logs();
    await endProcess();
    lastError = exited
      ? new Error(
          `code-server exited before answering on 127.0.0.1:${port} (code ${exited.code}, signal ${exited.signal}` +
            `${exited.error ? `, ${exited.error.message}` : ''}). Output:\n${output}`,
        )
      : new Error(`code-server did not answer on 127.0.0.1:${port} within ${timeoutMs} ms. Output:\n${output}`);
    if (!/EADDRINUSE/.test(output)) break;
  }
  await fsp.rm(tmp, { recursive: true, force: true }).catch(() => {});
  throw lastError;
}

/**
 * `code-server --install-extension <vsix> --extensions-dir <dir>`.
 * @returns {Promise<string>} code-server's output
 */
export async function installExtension(vsixPath, extensionsDir, { timeoutMs = 120_000 } = {}) {
  if (!extensionsDir) throw new Error('installExtension: extensionsDir is required');
  const bin = codeServerPath();
  const vsix = path.resolve(vsixPath);
  if (!fs.existsSync(vsix)) throw new Error(`installExtension: no such file ${vsix}`);
  await fsp.mkdir(extensionsDir, { recursive: true });
  const tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'imr-code-server-install-'));
  try {
    const argv = [
      bin,
      '--config',
      path.join(tmp, 'config.yaml'),
      '--user-data-dir',
      path.join(tmp, 'user-data'),
      '--extensions-dir',
      path.resolve(extensionsDir),
      '--install-extension',
      vsix,
      '--force',
    ];
    const child = spawn(process.execPath, argv, {
      cwd: tmp,
      env: childEnv({}, tmp),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    track(child, tmp);
    const logs = captureOutput(child, process.env.IMR_CODE_SERVER_LOG === '1');
    const result = await new Promise((resolve) => {
      const timer = setTimeout(() => {
        killGroup(child, 'SIGKILL');
        resolve({ timedOut: true });
      }, timeoutMs);
      child.on('error', (error) => {
        clearTimeout(timer);
        resolve({ error });
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal });
      });
    });
    killGroup(child, 'SIGKILL');
    live.delete(child);
    const output = logs();
    if (result.timedOut) throw new Error(`code-server --install-extension ${vsix} timed out after ${timeoutMs} ms:\n${output}`);
    if (result.error) throw new Error(`could not run code-server: ${result.error.message}`);
    if (result.code !== 0 || /Failed Installing/i.test(output)) {
      throw new Error(`code-server --install-extension ${vsix} failed (code ${result.code}, signal ${result.signal}):\n${output}`);
    }
    return output;
  } finally {
    await fsp.rm(tmp, { recursive: true, force: true }).catch(() => {});
  }
}

/**
 * Headless Chromium (Debian's /usr/bin/chromium) through playwright-core.
 * Each call gets a fresh temporary profile (playwright's launch() default),
 * and CHROME_CONFIG_HOME points at a temp dir so Chromium's crash-report
 * database does not land in ~/.config/chromium; it is removed on close.
 */
export async function launchBrowser({ headless = true, args = [], env = {} } = {}) {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} not found: run \`bash scripts/install-code-server.sh --browser\` (installs Debian's chromium)`);
  }
  const configHome = await fsp.mkdtemp(path.join(os.tmpdir(), 'imr-chromium-'));
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless,
      env: { ...process.env, CHROME_CONFIG_HOME: configHome, ...env },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        ...args,
      ],
    });
  } catch (err) {
    await fsp.rm(configHome, { recursive: true, force: true }).catch(() => {});
    throw err;
  }
  browser.on('disconnected', () => fs.rmSync(configHome, { recursive: true, force: true }));
  return browser;
}

/**
 * Open the workbench at `url` in a new page and wait for `.monaco-workbench`.
 * @returns {Promise<import('playwright-core').Page>}
 */
export async function openWorkbench(browser, url, { timeoutMs = 60_000, viewport = { width: 1280, height: 800 } } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
  await page.waitForSelector('.monaco-workbench', { state: 'visible', timeout: timeoutMs });
  return page;
}
