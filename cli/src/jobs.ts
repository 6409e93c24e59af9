// Checking many drafts on several threads (--jobs): the main thread finds each draft's configuration, reads it and
// keeps the cache; the checks themselves run on up to `jobs` checking threads at once, each under the budget of one
// check (checking.ts). Each draft's outcome is handed on in the order of the drafts, as one thread would give them.
import * as os from 'node:os';
import { useCheckingThreads } from './checking';
import { lintFile, type FileOutcome, type FileTask, type LintRunOptions } from './lint-file';

/** Starting a thread costs about what checking this many drafts of 20 KB does: fewer per thread, and it does not pay. */
export const DRAFTS_PER_THREAD = 32;
/** Drafts on their way per thread, so that a thread never waits for the main thread to hand it the next. */
const IN_FLIGHT_PER_THREAD = 2;

/** The machine's cores: the default for --jobs. */
export function defaultJobs(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/** How many threads check `drafts` drafts with at most `jobs`: as many as are each worth starting. */
export function threadsFor(drafts: number, jobs: number): number {
  return Math.max(1, Math.min(jobs, Math.floor(drafts / DRAFTS_PER_THREAD)));
}

/**
 * Checks every task on up to `jobs` checking threads. `handle` receives each outcome in the order of the tasks, an
 * outcome waiting for those before it; it returns false to stop the run. Resolves with the number of threads used.
 */
export async function runJobs(tasks: readonly FileTask[], options: LintRunOptions, jobs: number, handle: (outcome: FileOutcome) => boolean): Promise<number> {
  const threads = threadsFor(tasks.length, jobs);
  useCheckingThreads(threads);
  const outcomes: (Promise<FileOutcome> | undefined)[] = new Array(tasks.length);
  let next = 0;
  const start = (): void => {
    if (next < tasks.length) {
      const index = next++;
      outcomes[index] = lintFile(tasks[index], options);
    }
  };
  const inFlight = threads * IN_FLIGHT_PER_THREAD;
  for (let started = 0; started < inFlight; started++) start();
  for (let index = 0; index < tasks.length; index++) {
    const outcome = await outcomes[index]!;
    outcomes[index] = undefined;
    if (!handle(outcome)) {
      // Checks already on their way end unseen; nothing they say is printed.
      await Promise.allSettled(outcomes.filter((pending) => pending !== undefined));
      break;
    }
    start();
  }
  return threads;
}
