// Summaries of timing samples: nearest-rank percentiles, in milliseconds rounded for reading.

export interface Summary {
  samples: number;
  median: number;
  p95: number;
}

export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { samples: sorted.length, median: round(percentile(sorted, 0.5)), p95: round(percentile(sorted, 0.95)) };
}

export function round(value: number, digits = value < 10 ? 2 : 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** Runs `work` `count` times and returns each run's duration in milliseconds. */
export function time(count: number, work: (run: number) => void): number[] {
  const durations: number[] = [];
  for (let run = 0; run < count; run++) {
    const start = performance.now();
    work(run);
    durations.push(performance.now() - start);
  }
  return durations;
}
