// Test host for code-server: on startup runs the editor suite and leaves mocha's results where the runner waits for them.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type * as Suite from '../suite/index';

export function activate(): void {
  const folder = process.env.IMR_TEST_RESULTS;
  // Installed by accident in an ordinary editor: do nothing.
  if (!folder) return;
  // Outside activation, so the workbench finishes starting while the suite runs.
  setTimeout(() => {
    try {
      void loadSuite().runAndReport(folder);
    } catch (error) {
      // The runner waits for done.json: say why there are no results rather than let it time out.
      mkdirSync(folder, { recursive: true });
      writeFileSync(
        path.join(folder, 'done.json'),
        JSON.stringify({ failures: -1, error: error instanceof Error ? (error.stack ?? error.message) : String(error), durationMs: 0 }),
      );
    }
  }, 0);
}

export function deactivate(): void {}

/** The suite bundle beside this file, loaded with source maps on so failures can point at the .ts lines. */
function loadSuite(): typeof Suite {
  process.setSourceMapsEnabled(true);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle found at run time, beside this file
  return require(path.join(__dirname, 'suite.cjs')) as typeof Suite;
}
