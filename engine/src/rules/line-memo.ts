// What line-local rules read in each line, kept between checks of one document while the line's text is unchanged.
import { RecentCache } from '../recent';

/** A reading kept in a cache, so that an undefined answer is kept too. */
interface Kept {
  value: unknown;
}

/**
 * The line readings of a document's rules, for one configuration (a reading may depend on it, as the privacy
 * patterns do). A keystroke changes one line or a few: every other line's reading is taken from here.
 */
export class LineMemo {
  private readonly rules = new Map<string, RecentCache<Kept>>();
  private config: object | undefined;
  private configText: string | undefined;

  /** The reader for a rule, under `config`; a different configuration starts afresh, the same one written anew does not. */
  reader(ruleId: string, config: object): <T>(text: string, read: (text: string) => T) => T {
    if (this.config !== config) {
      // A checking thread receives each check's configuration as a new copy: it is the same if it says the same.
      const configText = JSON.stringify(config);
      if (configText !== this.configText) this.rules.clear();
      this.config = config;
      this.configText = configText;
    }
    let readings = this.rules.get(ruleId);
    if (!readings) this.rules.set(ruleId, (readings = new RecentCache()));
    const own = readings;
    return <T>(text: string, read: (text: string) => T): T => {
      const kept = own.get(text);
      if (kept) return kept.value as T;
      const value = read(text);
      own.set(text, { value });
      return value;
    };
  }

  /** Every rule has run on this version of the document. */
  settle(): void {
    for (const readings of this.rules.values()) readings.settle();
  }
}

/** Without a memo, a reading is made each time it is asked for. */
export const readAfresh = <T>(text: string, read: (text: string) => T): T => read(text);
