// Checking many drafts on several threads (--jobs): the main thread and workers take drafts in turn, and each
// draft's outcome is handed on in the order of the drafts, as one thread would give them.
import * as os from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { setRunDate } from './config';
import { lintFile, type FileOutcome, type FileTask, type LintRunOptions } from './lint-file';

/** Starting a thread costs about what checking this many drafts of 20 KB does: fewer per thread, and it does not pay. */
export const DRAFTS_PER_THREAD = 32;
/** Drafts a worker holds at once, so that it never waits for the main thread to hand it the next. */
const IN_FLIGHT = 4;
const ROLE = 'imr-lint-jobs';

/** The machine's cores: the default for --jobs. */
export function defaultJobs(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/** How many threads check `drafts` drafts with at most `jobs`: as many as are each worth starting. */
export function threadsFor(drafts: number, jobs: number): number {
  return Math.max(1, Math.min(jobs, Math.floor(drafts / DRAFTS_PER_THREAD)));
}

interface WorkerSetup {
  role: typeof ROLE;
  options: LintRunOptions;
}

interface Done {
  index: number;
  outcome?: FileOutcome;
  error?: string;
}

/**
 * Checks every task on up to `jobs` threads (the main thread and jobs - 1 workers). `handle` receives each outcome
 * in the order of the tasks, an outcome waiting for those before it; it returns false to stop the run. Resolves
 * with the number of threads that checked. Workers run `workerCode`: the bundle this module is part of.
 */
export async function runJobs(
  tasks: readonly FileTask[],
  options: LintRunOptions,
  jobs: number,
  handle: (outcome: FileOutcome) => boolean,
  workerCode: URL = new URL(import.meta.url),
): Promise<number> {
  const threads = threadsFor(tasks.length, jobs);
  if (threads === 1) {
    for (const task of tasks) if (!handle(await lintFile(task, options))) break;
    return 1;
  }
  const outcomes: (FileOutcome | undefined)[] = new Array(tasks.length);
  let next = 0;
  let handed = 0;
  let stopped = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  /** Hands on every outcome whose turn has come. */
  const flush = (): void => {
    while (!stopped && handed < tasks.length && outcomes[handed]) {
      const outcome = outcomes[handed]!;
      outcomes[handed++] = undefined;
      if (!handle(outcome)) stopped = true;
    }
    if (stopped || handed === tasks.length) wake?.();
  };
  const finished = new Promise<void>((resolve) => (wake = resolve));

  const setup: WorkerSetup = { role: ROLE, options };
  const workers = Array.from({ length: threads - 1 }, () => new Worker(workerCode, { workerData: setup }));
  for (const worker of workers) {
    let holding = 0;
    const feed = (): void => {
      while (!stopped && holding < IN_FLIGHT && next < tasks.length) {
        const index = next++;
        holding++;
        worker.postMessage({ index, task: tasks[index] });
      }
    };
    worker.on('message', (done: Done) => {
      holding--;
      if (done.error !== undefined) {
        failure ??= new Error(done.error);
        stopped = true;
        wake?.();
        return;
      }
      outcomes[done.index] = done.outcome;
      feed();
      flush();
    });
    worker.on('error', (error) => {
      failure ??= error;
      stopped = true;
      wake?.();
    });
    feed();
  }
  try {
    // The main thread checks drafts too, letting the workers' messages in between.
    while (!stopped && next < tasks.length) {
      const index = next++;
      outcomes[index] = await lintFile(tasks[index], options);
      flush();
      await new Promise((resolve) => setImmediate(resolve));
    }
    flush();
    await finished;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  if (failure) throw failure;
  return threads;
}

/** A worker: checks the drafts it is handed, one at a time, and sends back each outcome. */
function serve(setup: WorkerSetup): void {
  setRunDate(setup.options.today);
  let queue = Promise.resolve();
  parentPort!.on('message', ({ index, task }: { index: number; task: FileTask }) => {
    queue = queue.then(async () => {
      try {
        parentPort!.postMessage({ index, outcome: await lintFile(task, setup.options) } satisfies Done);
      } catch (error) {
        parentPort!.postMessage({ index, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies Done);
      }
    });
  });
}

// The bundle that runs the command line is the workers' code too: loaded in a worker of ours, it serves.
if (!isMainThread && (workerData as Partial<WorkerSetup> | undefined)?.role === ROLE) serve(workerData as WorkerSetup);
