// Validation scheduling: debounced per document, one run at a time, never publishing a result for an older version.
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** Milliseconds the server waits after an edit before checking, unless the client sets `debounceMs`. */
export const DEFAULT_DEBOUNCE_MS = 150;

/** The shortest wait after an edit, for a debounce of 0: long enough for the next queued edit to arrive. */
export const SETTLE_MS = 2;

export interface ValidationHost {
  /** Current text of a document, or undefined once it is closed. */
  get(uri: string): TextDocument | undefined;
  /** Checks the document; the queue waits for the returned promise before it starts the next run for the same URI. */
  validate(document: TextDocument): Promise<void> | void;
}

interface DocumentState {
  timer?: { kind: 'timeout'; handle: NodeJS.Timeout } | { kind: 'immediate'; handle: NodeJS.Immediate };
  running: boolean;
  /** A run was due while another was running: run once more, on the latest text, when it ends. */
  again: boolean;
}

export class ValidationQueue {
  private readonly states = new Map<string, DocumentState>();

  constructor(
    private readonly host: ValidationHost,
    public debounceMs: number,
  ) {}

  /** Schedules a validation; a newer edit replaces a pending one, and a running one is followed by one run at most, so edits never queue up work. */
  schedule(uri: string, immediately = false): void {
    const state = this.stateOf(uri);
    this.clearTimer(state);
    const due = (): void => {
      state.timer = undefined;
      if (state.running) state.again = true;
      else this.run(uri, state);
    };
    // Even without a debounce, wait for the stream of edits to pause: edits that arrived while the server was
    // busy are handled one per turn of the event loop, and each would otherwise start its own validation.
    state.timer = immediately
      ? { kind: 'immediate', handle: setImmediate(due) }
      : { kind: 'timeout', handle: setTimeout(due, Math.max(this.debounceMs, SETTLE_MS)) };
  }

  /** Forgets a document's pending validation (it closed); a running one finds the document gone and publishes nothing. */
  cancel(uri: string): void {
    const state = this.states.get(uri);
    if (!state) return;
    this.clearTimer(state);
    state.again = false;
    if (!state.running) this.states.delete(uri);
  }

  /** Whether a validation is pending or running for the URI (for tests and benchmarks). */
  isBusy(uri: string): boolean {
    const state = this.states.get(uri);
    return state !== undefined && (state.running || state.timer !== undefined || state.again);
  }

  private run(uri: string, state: DocumentState): void {
    const document = this.host.get(uri);
    if (!document) {
      if (!state.timer) this.states.delete(uri);
      return;
    }
    state.running = true;
    let pending: Promise<void> | void;
    try {
      pending = this.host.validate(document);
    } catch {
      // The host reports its own failures; a throw must not leave the document marked as running.
      pending = undefined;
    }
    void Promise.resolve(pending)
      .catch(() => undefined)
      .then(() => {
        state.running = false;
        if (state.again) {
          state.again = false;
          this.run(uri, state);
        } else if (!state.timer && !this.host.get(uri)) {
          this.states.delete(uri);
        }
      });
  }

  private stateOf(uri: string): DocumentState {
    let state = this.states.get(uri);
    if (!state) {
      state = { running: false, again: false };
      this.states.set(uri, state);
    }
    return state;
  }

  private clearTimer(state: DocumentState): void {
    if (!state.timer) return;
    if (state.timer.kind === 'timeout') clearTimeout(state.timer.handle);
    else clearImmediate(state.timer.handle);
    state.timer = undefined;
  }
}
