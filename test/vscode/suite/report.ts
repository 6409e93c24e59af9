// Runs the suite and leaves mocha's own results in a folder for the runner: spec text (as it goes), JSON, then done.json.
import { appendFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { findSourceMap } from 'node:module';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';
import { runSuite } from './index';

/** What the runners (scripts/test-code-server.mjs, scripts/test-vscode.mjs) read from the results folder. */
export const RESULT_FILES = { json: 'mocha.json', spec: 'spec.txt', done: 'done.json' } as const;

export interface Done {
  /** Mocha's failure count; -1 when the suite could not run at all. */
  failures: number;
  error?: string;
  durationMs: number;
}

/** Runs the suite with mocha's spec reporter (into spec.txt, and the console when `echo`) and JSON reporter (mocha.json). */
export async function runAndReport(folder: string, { echo = false }: { echo?: boolean } = {}): Promise<Done> {
  mkdirSync(folder, { recursive: true });
  // Appended line by line, so the runner can show progress while the suite runs.
  const spec = path.join(folder, RESULT_FILES.spec);
  writeFileSync(spec, '');
  const started = Date.now();
  const { Base } = Mocha.reporters;
  const consoleLog = Base.consoleLog;
  Base.consoleLog = (...args: unknown[]) => {
    appendFileSync(spec, `${format(...args)}\n`);
    if (echo) consoleLog(...args);
  };
  let outcome: Omit<Done, 'durationMs'>;
  try {
    outcome = { failures: await runSuite({ reporter: ResultsReporter, reporterOptions: { output: path.join(folder, RESULT_FILES.json) } }) };
  } catch (error) {
    outcome = { failures: -1, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  } finally {
    Base.consoleLog = consoleLog;
  }
  const done: Done = { ...outcome, durationMs: Date.now() - started };
  // Written last and renamed into place: its presence means the other files are complete.
  const pending = path.join(folder, `${RESULT_FILES.done}.tmp`);
  writeFileSync(pending, JSON.stringify(done, null, 2));
  renameSync(pending, path.join(folder, RESULT_FILES.done));
  return done;
}

/** Mocha's spec and JSON reporters on one run, with failures' stacks pointing at the suite's sources. */
class ResultsReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options: Mocha.MochaOptions) {
    super(runner, options);
    // Registered before the other reporters read the error.
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, (_test, error: Error) => {
      if (typeof error?.stack === 'string') error.stack = mapStack(error.stack);
    });
    new Mocha.reporters.Spec(runner, options);
    new Mocha.reporters.JSON(runner, options);
  }
}

/**
 * Bundle positions mapped to test/vscode/... sources, when the bundle was loaded with source maps on: an
 * extension host formats stacks itself, so Node does not apply the map on its own.
 */
function mapStack(stack: string): string {
  const map = findSourceMap(__filename);
  if (!map) return stack;
  const bundle = path.basename(__filename).replace(/[.]/g, '\\.');
  return stack.replace(new RegExp(`(?:file://)?[^\\s()]*${bundle}:(\\d+):(\\d+)`, 'g'), (whole, line: string, column: string) => {
    const entry = map.findEntry(Number(line) - 1, Number(column) - 1) as { originalSource?: string; originalLine?: number; originalColumn?: number };
    if (!entry?.originalSource || entry.originalLine === undefined) return whole;
    const source = /test\/vscode\/.*$/.exec(entry.originalSource)?.[0] ?? entry.originalSource;
    return `${source}:${entry.originalLine + 1}:${(entry.originalColumn ?? 0) + 1}`;
  });
}
