// Runs the unit, LSP and CLI tests with Node's test runner (TypeScript through tsx).
// Usage: node scripts/run-tests.mjs [glob ...]   (default: every test/**/*.test.ts)
import { spawn } from 'node:child_process';
import { glob } from 'tinyglobby';

const patterns = process.argv.slice(2);
const files = (await glob(patterns.length > 0 ? patterns : ['test/**/*.test.ts'], { ignore: ['**/node_modules/**', 'test/vscode/**'] })).sort();
if (files.length === 0) {
  console.error('run-tests: no test files matched');
  process.exit(1);
}
const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
