// Browser tests: test/browser/*.test.mjs (node:test) drive the packaged extension in code-server with headless Chromium.
// Needs code-server and Chromium: bash scripts/install-code-server.sh --browser
import { spawn } from 'node:child_process';
import { glob } from 'tinyglobby';
import { codeServerPath } from '../test/support/code-server.mjs';

try {
  codeServerPath();
} catch (error) {
  console.error(`test:browser: ${error.message}`);
  process.exit(1);
}
const files = (await glob(process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['test/browser/**/*.test.mjs'])).sort();
if (files.length === 0) {
  console.error('test:browser: no test files matched');
  process.exit(1);
}
// One editor session per file, one file at a time: two code-servers and two Chromiums would only compete for the cores.
const child = spawn(process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=1', ...files], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
