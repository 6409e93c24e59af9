// Test host: on startup runs the editor suite with mocha and writes mocha's JSON and spec output where the runner waits for them.
import { appendFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';
import { runSuite } from '../suite/index';

/** Files the runner (scripts/test-code-server.mjs) reads from $IMR_TEST_RESULTS. */
export const RESULT_FILES = { json: 'mocha.json', spec: 'spec.txt', done: 'done.json' } as const;

export function activate(): void {
  const folder = process.env.IMR_TEST_RESULTS;
  // Installed by accident in an ordinary editor: do nothing.
  if (!folder) return;
  // Outside activation, so the workbench finishes starting while the suite runs.
  setTimeout(() => void runAndReport(folder), 0);
}

export function deactivate(): void {}

async function runAndReport(folder: string): Promise<void> {
  mkdirSync(folder, { recursive: true });
  // Appended line by line, so the runner can show progress while the suite runs.
  const spec = path.join(folder, RESULT_FILES.spec);
  writeFileSync(spec, '');
  const started = Date.now();
  let done: { failures: number; error?: string; durationMs?: number };
  const consoleLog = Mocha.reporters.Base.consoleLog;
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => {
    appendFileSync(spec, `${format(...args)}\n`);
  };
  try {
    const failures = await runSuite({ reporter: HostReporter, reporterOptions: { output: path.join(folder, RESULT_FILES.json) } });
    done = { failures };
  } catch (error) {
    done = { failures: -1, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  } finally {
    Mocha.reporters.Base.consoleLog = consoleLog;
  }
  done.durationMs = Date.now() - started;
  // Written last and renamed into place: its presence means the other files are complete.
  const pending = path.join(folder, `${RESULT_FILES.done}.tmp`);
  writeFileSync(pending, JSON.stringify(done, null, 2));
  renameSync(pending, path.join(folder, RESULT_FILES.done));
}

/** Mocha's spec reporter (captured as text) and its JSON reporter (written to reporterOptions.output), on one run. */
class HostReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options: Mocha.MochaOptions) {
    super(runner, options);
    new Mocha.reporters.Spec(runner, options);
    new Mocha.reporters.JSON(runner, options);
  }
}
