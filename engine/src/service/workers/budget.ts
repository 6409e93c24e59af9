// The budget of one check (time and memory), and the finding of a check stopped over it.
import type { ImrConfig } from '../../config/schema';
import { DEFAULT_MEMORY_BUDGET_MB, DEFAULT_TIME_BUDGET_MS } from '../../limits';
import { overBudgetFindings, unreadableFindings } from '../../lint';
import type { Finding } from '../../rules/types';

export interface CheckBudget {
  timeMs: number;
  /** The heap limit of the thread that runs the check. */
  memoryMb: number;
}

/** Why a check ended without a result: over one of its budgets, or its thread failed. */
export type Stop = { kind: 'time'; timeMs: number } | { kind: 'memory'; memoryMb: number } | { kind: 'failed'; reason: string };

export function budgetOf(config: ImrConfig): CheckBudget {
  return { timeMs: config.budget?.timeMs ?? DEFAULT_TIME_BUDGET_MS, memoryMb: config.budget?.memoryMb ?? DEFAULT_MEMORY_BUDGET_MB };
}

/** "10 s", "2.5 s", "500 ms". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  return `${Number((ms / 1000).toFixed(1)).toLocaleString('en-US')} s`;
}

export function stopMessage(stop: Stop): string {
  switch (stop.kind) {
    case 'time':
      return `Stopped after ${formatDuration(stop.timeMs)}: this draft takes longer to check than the budget of one check allows, so it shows no other findings. Nothing was changed; if it is a real letter, raise the time budget ("budget.timeMs").`;
    case 'memory':
      return `Stopped at ${stop.memoryMb.toLocaleString('en-US')} MB: this draft needs more memory to check than the budget of one check allows, so it shows no other findings. Nothing was changed; if it is a real letter, raise the memory budget ("budget.memoryMb").`;
    case 'failed':
      return `This draft could not be checked (the thread checking it failed: ${stop.reason}). Nothing was changed; please report the problem with the draft attached.`;
  }
}

/** The draft's one finding: check-budget over a budget, unreadable-draft when the thread failed. */
export function stopFindings(stop: Stop, config: ImrConfig): Finding[] {
  const message = stopMessage(stop);
  return stop.kind === 'failed' ? unreadableFindings(message, config) : overBudgetFindings(message, config);
}
