// Summaries of samples: medians, quartiles and tails, rounded for reading.

/** A distribution of timings (ms) or ratios: the median with its interquartile range, extremes and 95th percentile. */
export interface Summary {
  samples: number;
  median: number;
  q1: number;
  q3: number;
  min: number;
  max: number;
  p95: number;
}

/** Quantile by linear interpolation between closest ranks (the usual "type 7"); `sorted` ascending. */
export function quantile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * Math.min(1, Math.max(0, fraction));
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

export function summarize(samples: readonly number[], digits?: number): Summary {
  const sorted = samples.filter((sample) => Number.isFinite(sample)).sort((a, b) => a - b);
  const at = (fraction: number): number => round(quantile(sorted, fraction), digits);
  return { samples: sorted.length, median: at(0.5), q1: at(0.25), q3: at(0.75), min: at(0), max: at(1), p95: at(0.95) };
}

/** Ratios of paired samples, ours[i] / theirs[i]: each pair ran back to back, so load and heat cancel out. */
export function pairedRatios(ours: readonly number[], theirs: readonly number[]): number[] {
  return ours.map((value, index) => value / theirs[index]);
}

/** Three significant digits or two decimals, whichever is coarser: enough for noisy timings. */
export function round(value: number, digits?: number): number {
  if (!Number.isFinite(value)) return value;
  const places = digits ?? (Math.abs(value) >= 100 ? 1 : Math.abs(value) >= 10 ? 2 : 3);
  const scale = 10 ** places;
  return Math.round(value * scale) / scale;
}
