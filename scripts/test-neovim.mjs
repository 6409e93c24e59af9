// The headless Neovim suite: packs the npm package, installs it into a temporary prefix, and runs
// test/neovim/lsp-suite.lua in `nvim --headless` against the installed imr-language-server.
// Usage: node scripts/test-neovim.mjs [--prefix <installed prefix>] [--keep]
//   --prefix  use a package already installed there (npm install -g --prefix <dir> <tarball>) instead of packing one
//   --keep    keep the temporary workspace and prefix (their paths are printed)
import { spawn } from 'node:child_process';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { installPackage, packPackage } from './npm-package.mjs';
import { repoRoot } from './package.mjs';

const SUITE = path.join(repoRoot, 'test', 'neovim', 'lsp-suite.lua');
const README = path.join(repoRoot, 'README.md');
/** The README's configuration the suite runs as written: the first Lua block under this heading. */
const README_HEADING = '### Neovim 0.7 to 0.10';
const FIXTURES = path.join(repoRoot, 'test', 'neovim', 'fixtures');
const DRAFT = 'lumbar-pasted.imr.md';
/** Folders the suite opens the draft in: one per check that needs a client or configuration of its own. */
const FOLDERS = ['.', 'settings-capability', 'settings', 'init-options', 'config-edit', 'readme'];
const SAMPLES = 5;
/** Every wait in the suite has its own timeout; this one only stops a Neovim that never got to run the suite. */
const SUITE_TIMEOUT_MS = 3 * 60 * 1000;

function option(name) {
  const at = process.argv.indexOf(name);
  if (at < 0) return undefined;
  const value = process.argv[at + 1];
  if (!value || value.startsWith('--')) throw new Error(`${name} needs a value`);
  return value;
}

function capture(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', (error) => resolve({ status: null, out, error }));
    child.on('close', (status) => resolve({ status, out }));
  });
}

async function neovimVersion() {
  const { status, out, error } = await capture('nvim', ['--version']);
  if (error || status !== 0) {
    throw new Error(
      `nvim is not installed or does not run (${error ? error.message : `exit ${status}`}). On Debian: apt-get update && apt-get install -y --no-install-recommends neovim`,
    );
  }
  return out.split('\n')[0];
}

/** The Lua block that follows README_HEADING, as a reader would copy it into init.lua. */
export function readmeNeovimConfig(readme) {
  const start = readme.indexOf(`\n${README_HEADING}\n`);
  if (start < 0) throw new Error(`README.md has no "${README_HEADING}" section`);
  const block = /```lua\n([\s\S]*?)```/.exec(readme.slice(start));
  if (!block) throw new Error(`README.md's "${README_HEADING}" section has no lua block`);
  return block[1];
}

async function makeWorkspace(root) {
  const folders = [...FOLDERS, ...Array.from({ length: SAMPLES }, (_, index) => path.join('timing', String(index + 1)))];
  for (const folder of folders) {
    await fsp.mkdir(path.join(root, folder), { recursive: true });
    await fsp.copyFile(path.join(FIXTURES, DRAFT), path.join(root, folder, DRAFT));
  }
}

function runSuite({ server, workspace, home, readmeConfig }) {
  return new Promise((resolve, reject) => {
    const args = ['--headless', '-n', '-i', 'NONE', '-u', 'NONE', '--noplugin', '-c', `luafile ${SUITE}`];
    const env = {
      ...process.env,
      IMR_LANGUAGE_SERVER: server,
      IMR_WORKSPACE: workspace,
      IMR_SAMPLES: String(SAMPLES),
      IMR_README_CONFIG: readmeConfig,
      // The README's configuration starts `imr-language-server` by name, as an installed package is found.
      PATH: `${path.dirname(server)}${path.delimiter}${process.env.PATH ?? ''}`,
      // Neovim's LSP log and state go to the temporary home, never the user's.
      XDG_CONFIG_HOME: path.join(home, 'config'),
      XDG_DATA_HOME: path.join(home, 'data'),
      XDG_STATE_HOME: path.join(home, 'state'),
      XDG_CACHE_HOME: path.join(home, 'cache'),
    };
    const child = spawn('nvim', args, { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines = [];
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      pending += chunk;
      const complete = pending.split('\n');
      pending = complete.pop();
      for (const line of complete) {
        lines.push(line);
        console.log(line);
      }
    });
    let errors = '';
    child.stderr.setEncoding('utf8').on('data', (chunk) => (errors += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), SUITE_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      if (pending) lines.push(pending);
      resolve({ status, signal, lines, errors });
    });
  });
}

async function main() {
  const keep = process.argv.includes('--keep');
  const givenPrefix = option('--prefix');
  console.log(`== ${await neovimVersion()}`);
  const scratch = await fsp.mkdtemp(path.join(os.tmpdir(), 'imr-neovim-'));
  try {
    let prefix = givenPrefix && path.resolve(givenPrefix);
    if (!prefix) {
      console.log('== packing the npm package (prepack builds the production bundles)');
      const packed = await packPackage({ destination: scratch });
      console.log(`   ${path.basename(packed.tarball)}: ${(packed.bytes / 1024).toFixed(1)} KiB, ${packed.files.length} files`);
      prefix = path.join(scratch, 'prefix');
      await fsp.mkdir(prefix);
      console.log(`== npm install --global --prefix ${prefix} --offline`);
      await installPackage(packed.tarball, prefix);
    }
    const server = path.join(prefix, 'bin', 'imr-language-server');
    const workspace = path.join(scratch, 'workspace');
    await makeWorkspace(workspace);
    const readmeConfig = path.join(scratch, 'readme-init.lua');
    await fsp.writeFile(readmeConfig, readmeNeovimConfig(await fsp.readFile(README, 'utf8')));
    console.log('== nvim --headless: test/neovim/lsp-suite.lua');
    const { status, signal, lines, errors } = await runSuite({ server, workspace, home: path.join(scratch, 'home'), readmeConfig });
    const summary = lines.find((line) => /^\d+ passed, \d+ failed/.test(line));
    if (status !== 0 || !summary) {
      if (errors.trim()) console.error(`-- nvim's messages:\n${errors.trim()}`);
      if (signal) console.error(`nvim was stopped after ${SUITE_TIMEOUT_MS / 1000} s (${signal}): the suite never finished`);
      else if (!summary) console.error('nvim exited without running the suite to its end');
      return status || 1;
    }
    return 0;
  } finally {
    if (keep) console.log(`kept ${scratch}`);
    else await fsp.rm(scratch, { recursive: true, force: true });
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`test-neovim: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
}
