// Limits every adapter applies the same way.

/** The largest draft, in characters, that is checked unless configuration says otherwise. */
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;
