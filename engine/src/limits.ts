// Limits every adapter applies the same way.

/** The largest draft, in characters, that is checked unless configuration says otherwise. */
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

/** How long one check (a draft's findings, its fix-all, its letter) may run before it is stopped; a letter takes milliseconds. */
export const DEFAULT_TIME_BUDGET_MS = 10_000;

/** How much JavaScript heap, in MB, the thread that checks a draft may use before the check is stopped. */
export const DEFAULT_MEMORY_BUDGET_MB = 512;

/** The range a budget may be set to: too little stops every check, too much stops none. */
export const TIME_BUDGET_RANGE = { min: 100, max: 600_000 } as const;
export const MEMORY_BUDGET_RANGE = { min: 64, max: 16_384 } as const;
