// The checking threads: started when needed, one check at a time each, stopped over budget and replaced, retired when idle.
import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
import { MAX_INCREMENTAL_DOCUMENTS } from '../analysis';
import { addressSpaceLeftMb, THREAD_ADDRESS_SPACE_MB } from './address-space';
import type { CheckBudget, Stop } from './budget';
import type { Answers, FromWorker, Task, ToWorker } from './protocol';

export interface WorkerPoolOptions {
  /** The worker bundle (dist/analysis-worker.cjs beside the server's and the CLI's bundles). */
  script: string;
  /** Most threads at once. The first starts with the first check; another only when every thread has been busy `busyMs`. */
  maxWorkers?: number;
  busyMs?: number;
  /** A thread idle this long is retired: what it keeps per document is a cache, and the memory is worth more. */
  idleMs?: number;
  /**
   * The young generation of each thread, in MB; V8's own size when left out. A small one keeps an editor's threads
   * small between checks, at some CPU in each check (short-lived objects of a parse are promoted sooner).
   */
  youngGenerationMb?: number;
  /** Drafts each thread keeps its incremental state for (see analysis.ts); 0 where each draft is checked once (the command line). */
  keptDocuments?: number;
  /** Where a thread's own output and failures are reported (the server's log); never the protocol's stdout. */
  log?(message: string): void;
}

export const POOL_DEFAULTS = { maxWorkers: 2, busyMs: 500, idleMs: 30_000, keptDocuments: MAX_INCREMENTAL_DOCUMENTS, youngGenerationMb: 0 } as const;

/** No thread could take the job: the process's address space (a `ulimit -v`) has no room for one. The caller runs it itself. */
export interface Unavailable {
  unavailable: string;
}

export type Outcome<T> = { ok: true; answer: T } | { ok: false; stop: Stop } | Unavailable;

/** What happens to the threads, for logs, tests and benchmarks: a thread started, or ended (idle, over budget, failed, closed). */
export interface PoolEvents {
  spawn: [{ threads: number }];
  retire: [{ threads: number; reason: Stop['kind'] | 'idle' | 'closed' }];
}

/** Room for a thread's compiled code, in MB: the engine needs a few; V8's default reserves 128 of address space per thread. */
const CODE_RANGE_MB = 32;

interface Job {
  id: number;
  uri: string;
  task: Task;
  budget: CheckBudget;
  resolve(outcome: Outcome<unknown>): void;
}

interface Slot {
  worker: Worker;
  memoryMb: number;
  /** The engine is loaded: a job's time counts from here. */
  ready: boolean;
  alive: boolean;
  job?: Job;
  /** When the job's time started (the thread was ready and had the job). */
  startedAt?: number;
  budgetTimer?: NodeJS.Timeout;
  idleTimer?: NodeJS.Timeout;
}

export class WorkerPool {
  private readonly options: Required<Omit<WorkerPoolOptions, 'log'>> & Pick<WorkerPoolOptions, 'log'>;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  /** The thread that holds a document's state (its incremental parse): its next check goes there when it can. */
  private readonly homes = new Map<string, Slot>();
  readonly events = new EventEmitter<PoolEvents>();
  private nextId = 1;
  private wake?: NodeJS.Timeout;
  private closed = false;
  /** Dispatching is never re-entered (retiring a thread dispatches); a call meanwhile makes it run once more. */
  private dispatching = false;
  private dispatchAgain = false;

  constructor(options: WorkerPoolOptions) {
    this.options = { ...POOL_DEFAULTS, ...options };
  }

  /** Runs a task for a document under the budget; resolves with its answer, or with why it was stopped. Never rejects. */
  run<K extends Task['kind']>(uri: string, task: Task & { kind: K }, budget: CheckBudget): Promise<Outcome<Answers[K]>> {
    if (this.closed) return Promise.resolve({ ok: false, stop: { kind: 'failed', reason: 'the checking threads were closed' } });
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, uri, task, budget, resolve: resolve as Job['resolve'] });
      this.dispatch();
    });
  }

  /** The document closed: its thread drops what it kept for it. */
  forget(uri: string): void {
    const home = this.homes.get(uri);
    this.homes.delete(uri);
    if (home?.alive) this.post(home, { kind: 'forget', uri });
  }

  /** How many threads run, and how many are busy (for tests and benchmarks). */
  get size(): { threads: number; busy: number; queued: number } {
    return { threads: this.slots.length, busy: this.slots.filter((slot) => slot.job).length, queued: this.queue.length };
  }

  /** Stops every thread; queued and running jobs end as failed. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.wake);
    for (const job of this.queue.splice(0)) job.resolve({ ok: false, stop: { kind: 'failed', reason: 'the checking threads were closed' } });
    await Promise.all([...this.slots].map((slot) => this.retire(slot, { kind: 'failed', reason: 'the checking threads were closed' }, 'closed')));
  }

  /** Starts every queued job that has a thread to go to, and wakes up again when a busy thread passes `busyMs`. */
  private dispatch(): void {
    if (this.dispatching) {
      this.dispatchAgain = true;
      return;
    }
    this.dispatching = true;
    try {
      do {
        this.dispatchAgain = false;
        this.dispatchQueue();
      } while (this.dispatchAgain);
    } finally {
      this.dispatching = false;
    }
  }

  private dispatchQueue(): void {
    clearTimeout(this.wake);
    this.wake = undefined;
    for (let index = 0; index < this.queue.length;) {
      const job = this.queue[index];
      const slot = this.slotFor(job);
      if (!slot) {
        index++;
        continue;
      }
      this.queue.splice(index, 1);
      if ('unavailable' in slot) job.resolve(slot);
      else this.start(slot, job);
    }
    if (this.queue.length === 0) return;
    const now = performance.now();
    const due = this.slots.filter((slot) => slot.job && slot.startedAt !== undefined).map((slot) => slot.startedAt! + this.options.busyMs - now);
    const next = due.filter((ms) => ms > 0);
    if (next.length > 0) {
      this.wake = setTimeout(() => this.dispatch(), Math.ceil(Math.min(...next)));
      this.wake.unref();
    }
  }

  /**
   * The document's own thread when it is free; else it waits for that thread unless the thread has been busy past
   * `busyMs`. Then any free thread with the same memory limit, or a new one while there are fewer than `maxWorkers`
   * (a job whose memory limit no thread has always gets one, retiring an idle thread to make room).
   */
  private slotFor(job: Job): Slot | Unavailable | undefined {
    const fits = this.slots.filter((slot) => slot.memoryMb === job.budget.memoryMb);
    const home = this.homes.get(job.uri);
    if (home && fits.includes(home)) {
      if (!home.job) return home;
      if (!this.pastBusy(home)) return undefined;
    }
    const free = fits.find((slot) => !slot.job);
    if (free) return free;
    if (fits.some((slot) => !this.pastBusy(slot))) return undefined;
    if (this.slots.length >= this.options.maxWorkers) {
      if (fits.length > 0) return undefined;
      const idle = this.slots.find((slot) => !slot.job);
      if (idle) void this.retire(idle, undefined, 'idle');
    }
    // V8 aborts the whole process when it cannot reserve a thread's address space: better not to start one.
    const left = addressSpaceLeftMb();
    if (left !== undefined && left < THREAD_ADDRESS_SPACE_MB + job.budget.memoryMb) {
      return {
        unavailable: `the process's address-space limit (ulimit -v) leaves ${Math.max(0, Math.round(left))} MB, and a checking thread needs ${THREAD_ADDRESS_SPACE_MB + job.budget.memoryMb} MB`,
      };
    }
    return this.spawn(job.budget.memoryMb);
  }

  /** A thread still loading the engine is not yet busy: it will take the job in a moment. */
  private pastBusy(slot: Slot): boolean {
    return slot.job !== undefined && slot.startedAt !== undefined && performance.now() - slot.startedAt >= this.options.busyMs;
  }

  private spawn(memoryMb: number): Slot {
    const worker = new Worker(this.options.script, {
      // The young generation keeps V8's size unless told: a smaller one promotes a parse's short-lived nodes and costs the command line a tenth more CPU.
      resourceLimits: {
        maxOldGenerationSizeMb: memoryMb,
        codeRangeSizeMb: CODE_RANGE_MB,
        ...(this.options.youngGenerationMb > 0 ? { maxYoungGenerationSizeMb: this.options.youngGenerationMb } : {}),
      },
      // The server speaks LSP on its stdout: the thread sends what it prints as messages, which are logged (worker.ts).
      stdout: true,
      stderr: true,
      // Not the parent's --inspect or --import flags: a checking thread needs none. Profiling asked of the process
      // (--cpu-prof, as `npm run bench:profile` runs it) covers its checking threads too.
      execArgv: profilingFlags(process.execArgv),
      workerData: { keptDocuments: this.options.keptDocuments },
    });
    const slot: Slot = { worker, memoryMb, ready: false, alive: true };
    this.slots.push(slot);
    this.events.emit('spawn', { threads: this.slots.length });
    worker.on('message', (message: FromWorker) => this.receive(slot, message));
    worker.on('error', (error: Error & { code?: string }) => {
      const stop: Stop =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { kind: 'memory', memoryMb } : { kind: 'failed', reason: `${error.name}: ${error.message}` };
      if (stop.kind === 'failed') this.options.log?.(`imr: a checking thread failed: ${error.stack ?? error.message}`);
      void this.retire(slot, stop);
    });
    worker.on('exit', (code) => void this.retire(slot, { kind: 'failed', reason: `it exited with status ${code}` }));
    return slot;
  }

  private start(slot: Slot, job: Job): void {
    clearTimeout(slot.idleTimer);
    slot.idleTimer = undefined;
    slot.job = job;
    slot.worker.ref();
    const previous = this.homes.get(job.uri);
    if (previous !== slot) {
      if (previous?.alive) this.post(previous, { kind: 'forget', uri: job.uri });
      this.homes.set(job.uri, slot);
    }
    this.post(slot, { ...job.task, id: job.id } as ToWorker);
    if (slot.ready && slot.job === job) this.startClock(slot);
  }

  /** The job's time runs from when the thread is ready for it. */
  private startClock(slot: Slot): void {
    const job = slot.job!;
    slot.startedAt = performance.now();
    slot.budgetTimer = setTimeout(() => void this.retire(slot, { kind: 'time', timeMs: job.budget.timeMs }), job.budget.timeMs);
  }

  private receive(slot: Slot, message: FromWorker): void {
    if (message.kind === 'log') {
      this.options.log?.(`imr: checking thread: ${message.text.slice(0, 2000).trimEnd()}`);
      return;
    }
    if (message.kind === 'ready') {
      slot.ready = true;
      if (slot.job) this.startClock(slot);
      else this.idle(slot);
      this.dispatch();
      return;
    }
    const job = slot.job;
    if (!job || job.id !== message.id) return;
    this.finish(slot);
    if (message.kind === 'done') job.resolve({ ok: true, answer: message.answer });
    else job.resolve({ ok: false, stop: { kind: 'failed', reason: message.error } });
    this.idle(slot);
    this.dispatch();
  }

  private finish(slot: Slot): void {
    clearTimeout(slot.budgetTimer);
    slot.budgetTimer = undefined;
    slot.startedAt = undefined;
    slot.job = undefined;
  }

  /** An idle thread does not keep the process alive, and is retired after `idleMs`. */
  private idle(slot: Slot): void {
    if (!slot.alive) return;
    slot.worker.unref();
    clearTimeout(slot.idleTimer);
    slot.idleTimer = setTimeout(() => void this.retire(slot, undefined, 'idle'), this.options.idleMs);
    slot.idleTimer.unref();
  }

  /** Ends a thread; its running job, if any, ends with `stop`. Documents it held start afresh elsewhere. */
  private async retire(slot: Slot, stop?: Stop, reason?: 'idle' | 'closed'): Promise<void> {
    if (!slot.alive) return;
    slot.alive = false;
    const job = slot.job;
    this.finish(slot);
    clearTimeout(slot.idleTimer);
    this.slots.splice(this.slots.indexOf(slot), 1);
    for (const [uri, home] of this.homes) if (home === slot) this.homes.delete(uri);
    if (job) job.resolve({ ok: false, stop: stop ?? { kind: 'failed', reason: 'the thread was retired' } });
    if (!this.closed) this.dispatch();
    await slot.worker.terminate().catch(() => undefined);
    this.events.emit('retire', { threads: this.slots.length, reason: reason ?? stop?.kind ?? 'idle' });
  }

  private post(slot: Slot, message: ToWorker): void {
    try {
      slot.worker.postMessage(message);
    } catch (error) {
      // A message that cannot be cloned fails its own job only.
      if (message.kind !== 'forget' && slot.job?.id === message.id) {
        const job = slot.job;
        this.finish(slot);
        job.resolve({ ok: false, stop: { kind: 'failed', reason: error instanceof Error ? error.message : String(error) } });
        this.idle(slot);
      }
    }
  }
}

/** The --cpu-prof flags among a process's flags, with the values of those that take one. */
export function profilingFlags(execArgv: readonly string[]): string[] {
  const flags: string[] = [];
  for (let index = 0; index < execArgv.length; index++) {
    const flag = execArgv[index];
    if (!flag.startsWith('--cpu-prof')) continue;
    flags.push(flag);
    if (['--cpu-prof-dir', '--cpu-prof-name', '--cpu-prof-interval'].includes(flag) && index + 1 < execArgv.length) flags.push(execArgv[++index]);
  }
  return flags;
}
