// Packages the extension as a VSIX with @vscode/vsce: production bundles (no source maps) plus the files .vscodeignore lets in.
// Usage: node scripts/package.mjs [--out <file.vsix>]   (default: imr-determinations-<version>.vsix in the repository)
//
// The build runs in a staging copy of the repository, so packaging never rewrites the dist/ that tests
// and the debugger use (development bundles with source maps).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VSCE = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');

// Not copied to the staging folder: built, installed or produced here.
const NOT_STAGED = new Set(['.git', 'node_modules', 'dist', 'test-results', '.vscode-test', '.tools', 'coverage']);

export function manifest() {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
}

export function defaultVsixPath() {
  const { name, version } = manifest();
  return path.join(repoRoot, `${name}-${version}.vsix`);
}

/** Runs a command; rejects with its output when it fails. Never reads stdin, so nothing can prompt. */
export function run(command, args, { cwd = repoRoot, quiet = false, env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk) => {
      output += chunk;
      if (!quiet) process.stderr.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${path.basename(command)} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${output}`));
    });
  });
}

/** A copy of the repository's sources in a temporary folder, with the repository's node_modules linked in; the caller removes it. */
export async function stageRepository(prefix) {
  const staging = await fsp.mkdtemp(path.join(os.tmpdir(), prefix));
  for (const entry of await fsp.readdir(repoRoot)) {
    if (NOT_STAGED.has(entry) || entry.endsWith('.vsix') || entry.endsWith('.tgz')) continue;
    await fsp.cp(path.join(repoRoot, entry), path.join(staging, entry), { recursive: true });
  }
  await fsp.symlink(path.join(repoRoot, 'node_modules'), path.join(staging, 'node_modules'), 'dir');
  return staging;
}

/**
 * Builds the production bundles in a staging copy and packages it.
 * @returns {Promise<{ vsix: string, bytes: number, files: string[] }>}
 */
export async function packageExtension({ out = defaultVsixPath(), quiet = false } = {}) {
  const staging = await stageRepository('imr-package-');
  try {
    // .vscodeignore says what the VSIX holds; npm's "files" list is the npm package's, and vsce refuses the two together.
    const stagedManifest = path.join(staging, 'package.json');
    const { files: _npmFiles, ...extensionManifest } = JSON.parse(await fsp.readFile(stagedManifest, 'utf8'));
    await fsp.writeFile(stagedManifest, `${JSON.stringify(extensionManifest, null, 2)}\n`);
    // What `npm run build` does, for production: the configuration schema, then bundles without source maps.
    if (fs.existsSync(path.join(staging, 'scripts', 'generate-schema.mjs'))) {
      await run(process.execPath, ['--import', 'tsx', 'scripts/generate-schema.mjs'], { cwd: staging, quiet });
    }
    await run(process.execPath, ['scripts/build.mjs', '--production'], { cwd: staging, quiet });
    const vsix = path.resolve(out);
    await fsp.mkdir(path.dirname(vsix), { recursive: true });
    // No repository is published yet: README links stay relative (they resolve inside the package).
    const options = ['--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links'];
    await run(process.execPath, [VSCE, 'package', ...options, '--out', vsix], { cwd: staging, quiet });
    const listing = await run(process.execPath, [VSCE, 'ls', '--no-dependencies'], { cwd: staging, quiet: true });
    const files = listing
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .sort();
    return { vsix, bytes: (await fsp.stat(vsix)).size, files };
  } finally {
    await fsp.rm(staging, { recursive: true, force: true });
  }
}

async function main() {
  const at = process.argv.indexOf('--out');
  const out = at > 0 ? process.argv[at + 1] : undefined;
  if (at > 0 && !out) throw new Error('--out needs a file name, e.g. --out imr.vsix');
  const { vsix, bytes, files } = await packageExtension({ out });
  console.log(`\n${path.relative(process.cwd(), vsix) || vsix}: ${(bytes / 1024).toFixed(1)} KiB, ${files.length} files`);
  for (const file of files) console.log(`  ${file}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await main();
  } catch (error) {
    console.error(`package: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
