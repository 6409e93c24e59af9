// The npm package: packed as `npm pack` packs it from a clean checkout (prepack builds the production bundles),
// and installed from the tarball into a prefix of its own, offline, as `npm install -g` installs it on a user's machine.
// Usage: node scripts/npm-package.mjs [--out <folder>]   (prints the tarball's size and file list)
import { spawn } from 'node:child_process';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot, stageRepository } from './package.mjs';

/** The npm that runs this script (under `npm run`), else the one on PATH. */
function npmCommand() {
  const cli = process.env.npm_execpath;
  return cli && /npm-cli\.[cm]?js$/.test(cli) ? [process.execPath, cli] : ['npm'];
}

/** npm's own settings from a surrounding `npm run` (its local prefix above all) would make a nested npm act on the repository. */
function cleanEnvironment() {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_(config|package|lifecycle)_/i.test(name)));
}

/** Runs npm; resolves with its standard output, rejects with everything it printed. */
export function npm(args, { cwd = repoRoot, quiet = true } = {}) {
  const [command, ...prefix] = npmCommand();
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...prefix, ...args], { cwd, env: cleanEnvironment(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      stderr += chunk;
      if (!quiet) process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`npm ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${stderr}${stdout}`));
    });
  });
}

/**
 * Packs the package from a staging copy of the repository, so the working tree's development bundles stay as they are.
 * @returns {Promise<{ tarball: string, bytes: number, unpackedBytes: number, files: { path: string, size: number, mode: number }[] }>}
 */
export async function packPackage({ destination, quiet = true } = {}) {
  const staging = await stageRepository('imr-npm-pack-');
  try {
    const out = path.resolve(destination ?? repoRoot);
    await fsp.mkdir(out, { recursive: true });
    const stdout = await npm(['pack', '--json', '--pack-destination', out], { cwd: staging, quiet });
    const [packed] = JSON.parse(stdout);
    return {
      tarball: path.join(out, packed.filename),
      bytes: packed.size,
      unpackedBytes: packed.unpackedSize,
      files: packed.files.map(({ path: file, size, mode }) => ({ path: file, size, mode })).sort((a, b) => a.path.localeCompare(b.path)),
    };
  } finally {
    await fsp.rm(staging, { recursive: true, force: true });
  }
}

/**
 * Installs the tarball globally into `prefix` with no network: the package must need nothing but itself.
 * @returns {Promise<{ bin: string, packageRoot: string }>} where the commands and the installed package are
 */
export async function installPackage(tarball, prefix) {
  await npm(['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], { cwd: prefix });
  const { name } = JSON.parse(await fsp.readFile(path.join(repoRoot, 'package.json'), 'utf8'));
  const windows = process.platform === 'win32';
  return {
    bin: windows ? prefix : path.join(prefix, 'bin'),
    packageRoot: windows ? path.join(prefix, 'node_modules', name) : path.join(prefix, 'lib', 'node_modules', name),
  };
}

async function main() {
  const at = process.argv.indexOf('--out');
  const out = at > 0 ? process.argv[at + 1] : undefined;
  if (at > 0 && !out) throw new Error('--out needs a folder, e.g. --out /tmp/packages');
  const { tarball, bytes, unpackedBytes, files } = await packPackage({ destination: out, quiet: false });
  const kib = (size) => `${(size / 1024).toFixed(1)} KiB`;
  console.log(`\n${path.relative(process.cwd(), tarball) || tarball}: ${kib(bytes)} packed, ${kib(unpackedBytes)} unpacked, ${files.length} files`);
  for (const file of files) console.log(`  ${(file.mode & 0o111 ? 'x ' : '  ') + file.path.padEnd(44)} ${kib(file.size).padStart(12)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await main();
  } catch (error) {
    console.error(`npm-package: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
