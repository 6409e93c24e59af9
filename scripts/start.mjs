// The demo: lints the example drafts with imr-lint, then serves VS Code (code-server) with the extension
// installed on examples/ at http://127.0.0.1:<port>, until Ctrl+C.
//
// Port: $IMR_PORT, else $PORT, else 8080; when that one is taken, a free one (said so).
// Installs code-server (cached) with scripts/install-code-server.sh on first use, and only the Debian packages it
// needs that are missing (it says which and why first).
// IMR_CODE_SERVER_LOG=1 shows code-server's own output.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CODE_SERVER_VERSION, DEFAULT_SETTINGS, freePort, installExtension } from '../test/support/code-server.mjs';
import { packageExtension, repoRoot, run } from './package.mjs';

const EXAMPLES = path.join(repoRoot, 'examples');
const DEFAULT_PORT = 8080;

function step(message) {
  console.log(`\n== ${message}`);
}

/** bash scripts/install-code-server.sh: progress on stderr, the executable's path as its last stdout line. */
function installCodeServer() {
  return new Promise((resolve, reject) => {
    // stdin is the terminal's, so the installer can ask before it installs Debian packages.
    const child = spawn('bash', [path.join(repoRoot, 'scripts', 'install-code-server.sh')], { cwd: repoRoot, stdio: ['inherit', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const executable = out.trim().split('\n').pop();
      if (code === 0 && executable) resolve(executable);
      else reject(new Error(`scripts/install-code-server.sh failed (exit ${code}); see its messages above`));
    });
  });
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

async function choosePort() {
  const requested = process.env.IMR_PORT || process.env.PORT;
  const port = requested === undefined || requested === '' ? DEFAULT_PORT : Number(requested);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`the port must be a number from 1 to 65535; IMR_PORT/PORT is ${JSON.stringify(requested)}`);
  }
  if (await portIsFree(port)) return port;
  const free = await freePort();
  console.log(`port ${port} is in use; using ${free} instead (set IMR_PORT to choose another)`);
  return free;
}

async function waitUntilUp(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    try {
      const response = await fetch(new URL('healthz', url), { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

async function main() {
  if (!fs.existsSync(EXAMPLES)) throw new Error(`no examples/ folder in ${repoRoot}`);
  step(`code-server ${CODE_SERVER_VERSION} (VS Code in the browser)`);
  const codeServer = await installCodeServer();

  step('build, package and install the extension');
  await run(process.execPath, ['scripts/build.mjs'], { quiet: true });
  const tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'imr-demo-'));
  const cleanup = () => fs.rmSync(tmp, { recursive: true, force: true });
  process.on('exit', cleanup);
  const { vsix, bytes } = await packageExtension({ out: path.join(tmp, 'imr-determinations.vsix'), quiet: true });
  const extensionsDir = path.join(tmp, 'extensions');
  await installExtension(vsix, extensionsDir);
  console.log(`installed ${path.basename(vsix)} (${(bytes / 1024).toFixed(0)} KiB)`);

  step('imr-lint examples/');
  // The defective example is meant to have problems: the linter's exit status is shown, not fatal.
  const lint = spawn(process.execPath, [path.join(repoRoot, 'dist', 'cli.cjs'), 'examples'], { cwd: repoRoot, stdio: 'inherit' });
  const lintStatus = await new Promise((resolve) => lint.on('close', (code) => resolve(code)));
  console.log(`(imr-lint exit status ${lintStatus}: 0 clean, 1 errors found)`);

  step('start the editor');
  const port = await choosePort();
  const userData = path.join(tmp, 'user-data');
  await fsp.mkdir(path.join(userData, 'User'), { recursive: true });
  // examples/ sits inside this repository: no offer to open the repository in the demo.
  const settings = { ...DEFAULT_SETTINGS, 'git.openRepositoryInParentFolders': 'never' };
  await fsp.writeFile(path.join(userData, 'User', 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
  await fsp.writeFile(path.join(tmp, 'config.yaml'), 'auth: none\n');
  const env = { ...process.env, XDG_DATA_HOME: path.join(tmp, 'xdg-data') };
  // $PORT would override --bind-addr, and a VS Code terminal's variables would send the folder to that VS Code.
  for (const name of Object.keys(env)) if (/^(PORT|PASSWORD|HASHED_PASSWORD|VSCODE_.*|CODE_SERVER_.*)$/.test(name)) delete env[name];
  const echo = process.env.IMR_CODE_SERVER_LOG === '1';
  const child = spawn(
    process.execPath,
    [
      codeServer,
      '--config',
      path.join(tmp, 'config.yaml'),
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--user-data-dir',
      userData,
      '--extensions-dir',
      extensionsDir,
      EXAMPLES,
    ],
    { cwd: tmp, env, detached: true, stdio: ['ignore', echo ? 'inherit' : 'ignore', echo ? 'inherit' : 'pipe'] },
  );
  let errors = '';
  child.stderr?.on('data', (chunk) => (errors = (errors + chunk).slice(-4000)));
  const stop = (signal) => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    if (signal) console.log('\nstopped');
    cleanup();
    process.exit(signal ? 0 : 1);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  const url = `http://127.0.0.1:${port}/`;
  if (!(await waitUntilUp(url, child, 60_000))) {
    console.error(`code-server did not start on ${url}${errors ? `:\n${errors}` : ''}`);
    stop();
  }
  console.log(`\nIMR Determinations in VS Code (code-server ${CODE_SERVER_VERSION}) on examples/:`);
  console.log(`\n    ${url}\n`);
  console.log('Open defective.imr.md to see the checks, quick fixes (Ctrl+.) and the preview (Ctrl+K V). Ctrl+C stops.');
  child.on('exit', (code, signal) => {
    console.error(`code-server exited (${signal ?? `exit ${code}`})${errors ? `:\n${errors}` : ''}`);
    cleanup();
    process.exit(1);
  });
}

try {
  await main();
} catch (error) {
  console.error(`npm start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
