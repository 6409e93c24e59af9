// The npm package as a user gets it: packed (prepack builds the bundles), installed offline into an empty prefix, and both commands run from there.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { installPackage, packPackage, type PackedPackage } from '../../scripts/npm-package.mjs';
import { runCli } from '../support/cli';
import { startServer, type ServerLaunch } from '../support/lsp';

const repo = path.resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { version: string; dependencies?: object; bin: Record<string, string> };
const DRAFT = path.join(repo, 'test/neovim/fixtures/lumbar-pasted.imr.md');
const SEED = path.join(repo, 'test/fixtures/seed.imr.md');
const FINDINGS = ['conclusion-decision', 'credential-state', 'decision-value', 'phi'];

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs an installed command by its path, as a shell would (through its shebang), in `cwd` and with no NODE_PATH. */
function runCommand(file: string, args: string[], cwd: string): Promise<Run> {
  const env = { ...process.env };
  delete env.NODE_PATH;
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('the npm package, installed from its tarball', { timeout: 180_000 }, () => {
  let scratch: string;
  let work: string;
  let packed: PackedPackage;
  let bin: string;
  let packageRoot: string;

  before(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'imr-npm-package-'));
    packed = await packPackage({ destination: scratch });
    const prefix = path.join(scratch, 'prefix');
    await mkdir(prefix);
    ({ bin, packageRoot } = await installPackage(packed.tarball, prefix));
    work = path.join(scratch, 'drafts');
    await mkdir(work);
    await copyFile(DRAFT, path.join(work, 'lumbar.imr.md'));
    await copyFile(SEED, path.join(work, 'seed.imr.md'));
  });
  after(async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('holds the two commands, the server and its checking thread, every rule page, the schema, the snippets and the docs, and nothing else', async () => {
    const rulePages = (await readdir(path.join(repo, 'docs/rules'))).map((page) => `docs/rules/${page}`);
    const expected = [
      'LICENSE',
      'README.md',
      'package.json',
      'dist/analysis-worker.cjs',
      'dist/cli.cjs',
      'dist/imr-language-server.cjs',
      'dist/server.cjs',
      'docs/configuration.md',
      ...rulePages,
      'schemas/imrlintrc.schema.json',
      'snippets/imr.code-snippets',
    ].sort();
    assert.deepEqual(packed.files.map((file) => file.path).sort(), expected);
    assert.ok(rulePages.includes('docs/rules/decision-value.md'));
  });

  it('ships production bundles, without source maps', async () => {
    for (const bundle of ['dist/cli.cjs', 'dist/server.cjs', 'dist/analysis-worker.cjs', 'dist/imr-language-server.cjs']) {
      assert.doesNotMatch(await readFile(path.join(packageRoot, bundle), 'utf8'), /sourceMappingURL/, bundle);
    }
  });

  it('makes both commands executable, with a node shebang', async () => {
    for (const [name, target] of Object.entries(manifest.bin)) {
      const file = packed.files.find((candidate) => candidate.path === path.normalize(target));
      assert.ok(file, `${target} is in the tarball`);
      assert.equal(file.mode & 0o111, 0o111, `${target} is executable in the tarball`);
      // The language server's shebang also sets its Node options and environment (see server/src/launch.ts).
      assert.match(
        await readFile(path.join(bin, name), 'utf8'),
        name === 'imr-language-server' ? /^#!\/usr\/bin\/env -S (?:\w+=\S+ )*node( --\S+)*\n/ : /^#!\/usr\/bin\/env node\n/,
      );
    }
  });

  it('needs nothing at run time: no dependencies, and the bundles load only Node built-ins', async () => {
    assert.equal(manifest.dependencies, undefined);
    assert.equal(existsSync(path.join(packageRoot, 'node_modules')), false);
    for (const bundle of ['cli.cjs', 'server.cjs', 'imr-language-server.cjs']) {
      const text = await readFile(path.join(packageRoot, 'dist', bundle), 'utf8');
      const required = [...text.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1]);
      assert.ok(required.length > 0, `${bundle} requires something`);
      assert.deepEqual(
        required.filter((name) => !isBuiltin(name)),
        [],
        `${bundle} requires only built-ins`,
      );
    }
  });

  it('imr-lint reports a defective draft with exit status 1, as the development build does, and a clean one with 0', async () => {
    const installed = await runCommand(path.join(bin, 'imr-lint'), ['lumbar.imr.md'], work);
    assert.equal(installed.status, 1, installed.stderr);
    assert.match(installed.stdout, /^lumbar\.imr\.md:43:26 +error +"Approved" is a utilization review word.* decision-value$/m);
    assert.match(installed.stdout, /4 problems \(2 errors, 2 warnings\) in 1 file/);
    const development = await runCli(['lumbar.imr.md'], { cwd: work });
    assert.equal(installed.stdout, development.stdout);

    const clean = await runCommand(path.join(bin, 'imr-lint'), ['--quiet', 'seed.imr.md'], work);
    assert.deepEqual([clean.status, clean.stdout, clean.stderr], [0, '', '']);
    const version = await runCommand(path.join(bin, 'imr-lint'), ['--version'], work);
    assert.equal(version.stdout.trim(), manifest.version);
  });

  it('imr-language-server prints its version and help, and rejects an unknown option with status 2', async () => {
    const command = path.join(bin, 'imr-language-server');
    const version = await runCommand(command, ['--version'], work);
    assert.deepEqual([version.status, version.stdout], [0, `${manifest.version}\n`]);
    const help = await runCommand(command, ['--help'], work);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: imr-language-server \[--stdio \| --node-ipc \| --socket=<port>/);
    const wrong = await runCommand(command, ['--tcp'], work);
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /unknown option "--tcp"/);
  });

  for (const transport of ['stdio', 'socket', 'node-ipc'] as const) {
    it(`imr-language-server over ${transport}${transport === 'stdio' ? ' (no option: the default)' : ''} publishes diagnostics that link to the installed rule pages`, async () => {
      const launch: ServerLaunch =
        transport === 'node-ipc'
          ? { command: path.join(packageRoot, manifest.bin['imr-language-server']), args: ['--node-ipc'], transport, cwd: work }
          : { command: path.join(bin, 'imr-language-server'), transport, cwd: work };
      const server = await startServer({ server: launch });
      try {
        assert.equal(server.initializeResult.serverInfo?.name, 'imr-language-server');
        const uri = pathToFileURL(path.join(work, 'lumbar.imr.md')).toString();
        const published = server.diagnostics(uri);
        server.open(uri, await readFile(path.join(work, 'lumbar.imr.md'), 'utf8'));
        const { diagnostics } = await published;
        assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code).sort(), FINDINGS);
        const page = diagnostics.find((diagnostic) => diagnostic.code === 'decision-value')!.codeDescription!.href;
        assert.equal(fileURLToPath(page), path.join(packageRoot, 'docs/rules/decision-value.md'));
        assert.ok(existsSync(fileURLToPath(page)), `${page} exists`);
      } finally {
        await server.stop();
      }
    });
  }
});
