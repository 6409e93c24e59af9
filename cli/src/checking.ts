// Where imr-lint checks drafts: checking threads, each draft under the budget of one check; one over budget gets the
// finding and the run goes on.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { workerAnalysis, type WorkerAnalysis } from '../../engine/src';
import { printError } from './terminal';

let threads: WorkerAnalysis | undefined;
let most = 1;

/** How many threads the run may check on (--jobs); set before the first check. */
export function useCheckingThreads(count: number): void {
  most = Math.max(1, count);
}

/** The run's threads, the first started with the first draft; idle, they never keep the process alive. */
export function checkingThreads(): WorkerAnalysis {
  threads ??= workerAnalysis({
    script: workerScript(),
    // Reports need findings only; fixes and letters are made in the thread itself.
    models: false,
    maxWorkers: most,
    // Drafts are waiting: another thread starts as soon as every thread has a check.
    busyMs: 0,
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
