// A progress bar on stderr for long runs over many drafts: only on a terminal, cleared before the report prints.

/** The part of a stream the bar needs (process.stderr, or a test's stand-in). */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface Progress {
  /** The next draft is being checked. */
  tick(): void;
  /** Writes a message on a line of its own; the bar comes back on the next tick. */
  print(text: string): void;
  /** Erases the bar, leaving the terminal as it was. */
  clear(): void;
}

/** Fewer drafts than this finish before a bar would be worth reading. */
export const PROGRESS_THRESHOLD = 200;

const silent = { tick() {}, clear() {} };

export function createProgress(total: number, stream: ProgressStream = process.stderr, threshold = PROGRESS_THRESHOLD): Progress {
  if (stream.isTTY !== true || total <= threshold) return { ...silent, print: (text) => void stream.write(text) };
  let done = 0;
  let drawn = -1;
  let visible = false;
  const draw = (): void => {
    const percent = Math.floor((done / total) * 100);
    // Redraw only when the figure changes: at most about a hundred writes, however many drafts.
    if (percent === drawn) return;
    drawn = percent;
    const label = ` ${done}/${total} drafts ${String(percent).padStart(3)}%`;
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - label.length - 12));
    const filled = Math.round((done / total) * width);
    stream.write(`\r\x1b[2Kimr-lint [${'#'.repeat(filled)}${'-'.repeat(width - filled)}]${label}`);
    visible = true;
  };
  draw();
  return {
    tick() {
      if (done < total) done++;
      draw();
    },
    print(text) {
      this.clear();
      stream.write(text);
      drawn = -1;
    },
    clear() {
      if (visible) stream.write('\r\x1b[2K');
      visible = false;
    },
  };
}
