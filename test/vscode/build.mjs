// Bundles the editor suite (mocha included) for an extension host, and packages the code-server test host extension.
import { build } from 'esbuild';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'tinyglobby';
import { run } from '../../scripts/package.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const VSCE = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');

/** Where the runners put what they build (inside dist/, which is ignored by git and by .vscodeignore's allow-list). */
export const OUT_DIR = path.join(repoRoot, 'dist', 'editor-test');
export const WORKSPACE_DIR = path.join(here, 'workspace');

// 'imr:suite-files' requires every suite/*.test.ts, each evaluated only when loadSuiteFiles() runs (after mocha's pre-require).
const suiteFiles = {
  name: 'imr-suite-files',
  setup(builder) {
    builder.onResolve({ filter: /^imr:suite-files$/ }, () => ({ path: 'suite-files', namespace: 'imr-suite' }));
    builder.onLoad({ filter: /.*/, namespace: 'imr-suite' }, async () => {
      const files = (await glob(['suite/*.test.ts'], { cwd: here })).sort();
      if (files.length === 0) throw new Error('no test/vscode/suite/*.test.ts files');
      const requires = files.map((file) => `  require(${JSON.stringify(`./${path.basename(file)}`)});`).join('\n');
      return { contents: `export function loadSuiteFiles() {\n${requires}\n}\n`, resolveDir: path.join(here, 'suite'), loader: 'js' };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  sourcemap: 'inline',
  logLevel: 'warning',
  // mocha's parallel mode resolves its worker files at run time; the suite runs serially and never loads them.
  logOverride: { 'require-resolve-not-external': 'silent' },
  plugins: [suiteFiles],
  // Bundled ESM (mocha 12) may read import.meta.url; in a CommonJS bundle it is the bundle's own URL.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

/** dist/editor-test/suite.cjs: the suite with a `run()` for @vscode/test-electron's extensionTestsPath. */
export async function buildSuite(outDir = OUT_DIR) {
  const outfile = path.join(outDir, 'suite.cjs');
  await build({ ...common, entryPoints: [path.join(here, 'suite', 'index.ts')], outfile });
  return outfile;
}

/**
 * The test host extension (test/vscode/host) and the suite bundle beside it, packaged as a VSIX.
 * @returns {Promise<string>} the .vsix path
 */
export async function packageTestHost(outDir = OUT_DIR) {
  const staging = await fsp.mkdtemp(path.join(os.tmpdir(), 'imr-test-host-'));
  try {
    await build({ ...common, entryPoints: [path.join(here, 'host', 'extension.ts')], outfile: path.join(staging, 'extension.cjs') });
    await buildSuite(staging);
    await fsp.copyFile(path.join(here, 'host', 'package.json'), path.join(staging, 'package.json'));
    await fsp.copyFile(path.join(repoRoot, 'LICENSE'), path.join(staging, 'LICENSE'));
    await fsp.writeFile(
      path.join(staging, 'README.md'),
      '# IMR editor test host\n\nRuns the IMR Determinations editor suite in code-server. For tests only.\n',
    );
    await fsp.mkdir(outDir, { recursive: true });
    const vsix = path.join(outDir, 'imr-editor-test-host.vsix');
    await run(process.execPath, [VSCE, 'package', '--no-dependencies', '--allow-missing-repository', '--out', vsix], { cwd: staging, quiet: true });
    return vsix;
  } finally {
    await fsp.rm(staging, { recursive: true, force: true });
  }
}

/** A fresh copy of the suite's workspace (the tests write scratch files and settings into it). */
export async function copyWorkspace(prefix = 'imr-editor-ws-') {
  const target = await fsp.mkdtemp(path.join(os.tmpdir(), prefix));
  await fsp.cp(WORKSPACE_DIR, target, { recursive: true });
  return target;
}
