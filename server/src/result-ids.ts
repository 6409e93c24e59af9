// Result ids of pulled diagnostics: equal ids mean equal inputs (text or file, configuration, date), so equal findings.
import { createHash, randomBytes } from 'node:crypto';

export class ResultIds {
  /** Ids from an earlier run of the server never match: its configuration may have been another. */
  private readonly session = randomBytes(6).toString('base64url');
  private generation = 0;

  /** Settings or a configuration file changed: every earlier id is stale. */
  configurationChanged(): void {
    this.generation++;
  }

  /** An open document, by its text. */
  ofText(text: string): string {
    return `${this.prefix()}.t${createHash('sha1').update(text).digest('base64url')}`;
  }

  /** A closed file, by its stamp on disk (nothing read). */
  ofFile(stamp: string): string {
    return `${this.prefix()}.f${stamp}`;
  }

  // The date is an input: a date in the narrative becomes "in the future" or stops being so at midnight.
  private prefix(): string {
    return `${this.session}.${this.generation}.${new Date().toISOString().slice(0, 10)}`;
  }
}
