// Bundles the client, server and CLI with esbuild (the unified packages are ESM-only; VS Code loads CommonJS).
import { build } from 'esbuild';
import { chmod, readFile } from 'node:fs/promises';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // jsonc-parser's UMD build hides its modules from the bundler; its ESM build does not.
  mainFields: ['module', 'main'],
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  // Some ESM dependencies read import.meta.url; in a CommonJS bundle it is the bundle's own URL.
  define: { IMR_VERSION: JSON.stringify(pkg.version), 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

// The installed commands run as `imr-lint` and `imr-language-server`: a shebang, and executable even before npm links them.
const command = { banner: { js: `#!/usr/bin/env node\n${common.banner.js}` } };
// The language server starts with the options and environment of server/src/launch.json, as the editor's client starts it.
const launch = JSON.parse(await readFile(new URL('../server/src/launch.json', import.meta.url), 'utf8'));
const serverShebang = [
  '#!/usr/bin/env -S',
  ...Object.entries(launch.environment).map(([name, value]) => `${name}=${value}`),
  'node',
  ...launch.nodeOptions,
].join(' ');
const serverCommand = { banner: { js: `${serverShebang}\n${common.banner.js}` } };

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.cjs', external: ['vscode'] }),
  // Loaded by the client on the first command that needs the engine, so activation stays light.
  build({ ...common, entryPoints: ['client/src/features.ts'], outfile: 'dist/features.cjs', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.cjs' }),
  // The checking thread of the server and the CLI: each check runs there, under its time and memory budget.
  build({ ...common, entryPoints: ['engine/src/service/workers/worker.ts'], outfile: 'dist/analysis-worker.cjs' }),
  build({ ...common, ...command, entryPoints: ['cli/src/bin.ts'], outfile: 'dist/cli.cjs' }),
  // A small entry that chooses the transport, then loads server.cjs beside it (one copy of the server in the package).
  build({ ...common, ...serverCommand, entryPoints: ['server/src/bin.ts'], outfile: 'dist/imr-language-server.cjs' }),
]);
await Promise.all(['dist/cli.cjs', 'dist/imr-language-server.cjs'].map((file) => chmod(file, 0o755)));
