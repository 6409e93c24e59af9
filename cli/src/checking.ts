// Where imr-lint checks drafts: a worker thread, each draft under the budget of one check; one over budget gets the
// finding and the run goes on.
import * as path from 'node:path';
import { workerAnalysis, type WorkerAnalysis } from '../../engine/src';
import { printError } from './terminal';

let threads: WorkerAnalysis | undefined;

/** One thread for the run, started with the first draft; idle, it never keeps the process alive. */
export function checkingThreads(): WorkerAnalysis {
  threads ??= workerAnalysis({
    // The thread's bundle ships beside dist/cli.cjs.
    script: path.join(__dirname, 'analysis-worker.cjs'),
    // Reports need findings only; fixes and letters are made in the thread itself.
    models: false,
    maxWorkers: 1,
    // Each draft is checked once: nothing is kept between checks for an edit to reuse.
    keptDocuments: 0,
    log: (message) => printError(message.replace(/^imr: /, '')),
  });
  return threads;
}
