// Validation scheduling: debounced per document, never publishing a result for an older version.
import type { TextDocument } from 'vscode-languageserver-textdocument';

export interface ValidationHost {
  /** Current text of a document, or undefined once it is closed. */
  get(uri: string): TextDocument | undefined;
  validate(document: TextDocument): void;
}

export class ValidationQueue {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly host: ValidationHost,
    public debounceMs: number,
  ) {}

  /** Schedules a validation; a newer edit before it runs replaces it, so edits never queue up work. */
  schedule(uri: string, immediately = false): void {
    this.cancel(uri);
    const run = (): void => {
      this.timers.delete(uri);
      const document = this.host.get(uri);
      if (document) this.host.validate(document);
    };
    if (immediately || this.debounceMs <= 0) {
      setImmediate(run);
      return;
    }
    this.timers.set(uri, setTimeout(run, this.debounceMs));
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }
}
