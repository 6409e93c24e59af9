// Where imr-lint checks drafts: a worker thread, each draft under the budget of one check; one over budget gets the
// finding and the run goes on.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { workerAnalysis, type WorkerAnalysis } from '../../engine/src';
import { printError } from './terminal';

let threads: WorkerAnalysis | undefined;

/** One thread for the run, started with the first draft; idle, it never keeps the process alive. */
export function checkingThreads(): WorkerAnalysis {
  threads ??= workerAnalysis({
    script: workerScript(),
    // Reports need findings only; fixes and letters are made in the thread itself.
    models: false,
    maxWorkers: 1,
    // Each draft is checked once: nothing is kept between checks for an edit to reuse.
    keptDocuments: 0,
    log: (message) => printError(message.replace(/^imr: /, '')),
  });
  return threads;
}

/** The thread's bundle ships beside dist/cli.cjs; run from source (the tests), this module takes the built one. */
function workerScript(): string {
  const here = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
  const beside = path.join(here, 'analysis-worker.cjs');
  return existsSync(beside) ? beside : path.join(here, '..', '..', 'dist', 'analysis-worker.cjs');
}
