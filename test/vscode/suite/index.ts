// Runs the editor suite with mocha inside a VS Code extension host (desktop VS Code through test-electron, or code-server).
import Mocha from 'mocha';
import { loadSuiteFiles } from 'imr:suite-files';
import { runAndReport } from './report';

export { runAndReport, RESULT_FILES } from './report';

export interface SuiteOptions {
  reporter?: string | Mocha.ReporterConstructor;
  reporterOptions?: Record<string, unknown>;
  color?: boolean;
}

/** Runs every test of the suite; resolves with the number of failures. */
export function runSuite({ reporter = 'spec', reporterOptions, color = false }: SuiteOptions = {}): Promise<number> {
  const mocha = new Mocha({
    ui: 'bdd',
    // Per test: the first draft opened starts the language server; waits inside tests have their own limits.
    timeout: 90_000,
    color,
    reporter,
    reporterOptions,
    // A suite that loads no test must not pass.
    failZero: true,
  });
  // Test files import describe/it from 'mocha'; those reach the instance through its pre-require event.
  mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, globalThis, 'imr-editor-suite', mocha);
  loadSuiteFiles();
  mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_POST_REQUIRE, globalThis, 'imr-editor-suite', mocha);
  return new Promise((resolve) => mocha.run(resolve));
}

/**
 * The entry point @vscode/test-electron calls (extensionTestsPath). The spec goes to the console; with
 * IMR_TEST_RESULTS set (scripts/test-vscode.mjs sets it), mocha's results also go to that folder.
 */
export async function run(): Promise<void> {
  const folder = process.env.IMR_TEST_RESULTS;
  const failures = folder ? (await runAndReport(folder, { echo: true })).failures : await runSuite({ color: true });
  if (failures !== 0) throw new Error(failures < 0 ? 'the editor suite could not run' : `${failures} editor test${failures === 1 ? '' : 's'} failed`);
}
