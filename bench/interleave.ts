// Runs contestants in turn, round after round (ours, theirs, theirs, ours ...), so that load on a shared machine hits both alike.
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';

export interface Contestant {
  name: string;
  /** One timed run; `round` counts from 0 over warm-up and timed rounds alike. */
  run(round: number): void;
}

/** Per timed run, in milliseconds. */
export interface RunSamples {
  wall: number[];
  cpu: number[];
  /** Main-thread garbage-collection pauses that fell inside the run (in-process contestants only). */
  gc: number[];
}

export interface InterleaveOptions {
  rounds: number;
  /** Untimed rounds first, so the JIT and the file cache are warm for everyone. */
  warmup?: number;
  /** CPU milliseconds consumed so far by whatever runs the work: this process, or its children. */
  cpuClock?: () => number;
  /** Attributes garbage-collection pauses to runs (meaningless when the work runs in other processes). */
  gc?: boolean;
  /** Called after each round, outside any timing (progress, or a check that the runs still agree). */
  afterRound?: (round: number) => void;
}

export const processCpu = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/**
 * Each round runs every contestant once; the order rotates from round to round (AB, BA, ... or ABC, BCA, CAB, ...),
 * so neither side always runs right after the other's garbage or always first on a cold cache.
 */
export async function interleave(contestants: readonly Contestant[], options: InterleaveOptions): Promise<Record<string, RunSamples>> {
  const { rounds, warmup = 2, cpuClock = processCpu } = options;
  const samples: Record<string, RunSamples> = {};
  for (const contestant of contestants) samples[contestant.name] = { wall: [], cpu: [], gc: [] };
  const windows: { start: number; end: number; name: string; index: number }[] = [];
  const pauses: PerformanceEntry[] = [];
  const observer = options.gc ? new PerformanceObserver((list) => pauses.push(...list.getEntries())) : undefined;
  observer?.observe({ entryTypes: ['gc'] });
  try {
    for (let round = 0; round < warmup + rounds; round++) {
      const timed = round >= warmup;
      for (let turn = 0; turn < contestants.length; turn++) {
        const contestant = contestants[(round + turn) % contestants.length];
        const cpuBefore = cpuClock();
        const start = performance.now();
        contestant.run(round);
        const end = performance.now();
        const cpu = cpuClock() - cpuBefore;
        if (!timed) continue;
        const own = samples[contestant.name];
        windows.push({ start, end, name: contestant.name, index: own.wall.length });
        own.wall.push(end - start);
        own.cpu.push(cpu);
        own.gc.push(0);
      }
      options.afterRound?.(round);
      // Lets the observer take its entries between rounds, never inside a timed run.
      if (observer) await new Promise((resolve) => setImmediate(resolve));
    }
    if (observer) {
      await new Promise((resolve) => setImmediate(resolve));
      pauses.push(...observer.takeRecords());
    }
  } finally {
    observer?.disconnect();
  }
  for (const pause of pauses) {
    const window = windowAt(windows, pause.startTime);
    if (window) samples[window.name].gc[window.index] += pause.duration;
  }
  return samples;
}

/** The run during which `time` fell; windows are in time order and never overlap. */
function windowAt<T extends { start: number; end: number }>(windows: readonly T[], time: number): T | undefined {
  let low = 0;
  let high = windows.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (time < windows[mid].start) high = mid - 1;
    else if (time > windows[mid].end) low = mid + 1;
    else return windows[mid];
  }
  return undefined;
}

/** Share of the runs' total wall time spent in garbage-collection pauses. */
export function gcShare(samples: RunSamples): number {
  const wall = samples.wall.reduce((sum, value) => sum + value, 0);
  const gc = samples.gc.reduce((sum, value) => sum + value, 0);
  return wall > 0 ? gc / wall : NaN;
}
