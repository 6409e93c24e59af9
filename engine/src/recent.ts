// Answers kept between the checks of one document: what the last check used, and what this one has used so far.

interface Entry<Value> {
  value: Value;
  /** The last check that used it. */
  used: number;
}

export interface RecentCacheOptions {
  /**
   * Keep keys as copies: a slice of a long text is a view that would keep that whole version of a draft alive.
   * Keys that are texts the model holds anyway (a line's text) are kept as they are, and found by identity.
   */
  copyKeys?: boolean;
}

/**
 * A cache by key that forgets what two checks in a row did not use: `settle()` ends a check. A keystroke leaves
 * almost every key as it was, so almost every answer is found; what an edit replaced is dropped a check later.
 */
export class RecentCache<Value> {
  private readonly entries = new Map<string, Entry<Value>>();
  private check = 0;
  private usedThisCheck = 0;

  constructor(private readonly options: RecentCacheOptions = {}) {}

  get(key: string): Value | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.used !== this.check) this.usedThisCheck++;
    entry.used = this.check;
    return entry.value;
  }

  set(key: string, value: Value): void {
    const entry = this.entries.get(key);
    if (entry) {
      if (entry.used !== this.check) this.usedThisCheck++;
      entry.used = this.check;
      entry.value = value;
      return;
    }
    this.entries.set(this.options.copyKeys ? detached(key) : key, { value, used: this.check });
    this.usedThisCheck++;
  }

  /**
   * A check ended. Answers neither it nor the one before used are dropped, in one sweep once they are as many as
   * the answers in use, so that a keystroke costs nothing here.
   */
  settle(): void {
    if (this.entries.size > 2 * this.usedThisCheck + 64) {
      for (const [key, entry] of this.entries) if (entry.used < this.check - 1) this.entries.delete(key);
    }
    this.check++;
    this.usedThisCheck = 0;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** A flat copy of a string, not a view into the (much longer) text it was sliced from. */
export function detached(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}
