// Source offsets (UTF-16 code units, as JavaScript strings count) and LSP positions.
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A half-open span of source offsets. */
export interface Span {
  start: number;
  end: number;
}

/** Maps offsets to 0-based line/character positions; \n, \r\n and \r all end a line, as in LSP. */
export class LineIndex {
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    // Most drafts end lines with \n alone: the search for it is native and many times faster than a loop over characters.
    if (!text.includes('\r')) {
      for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
      this.lineStarts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (code === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    const character = Math.min(clamped, this.lineEnd(low)) - this.lineStarts[low];
    return { line: low, character };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  /** Offset of the end of a line's content, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  /** The line break the document uses, for inserted text: CRLF if any, else LF, else CR alone (old Mac files), else LF. */
  get eol(): string {
    if (this.text.includes('\r\n')) return '\r\n';
    if (this.text.includes('\n')) return '\n';
    return this.text.includes('\r') ? '\r' : '\n';
  }
}

/**
 * Source offsets of a text, stored as runs: `runs` is flat, [start0, base0, start1, base1, ...], and text[i] for
 * start_k <= i < start_k+1 came from source offset base_k + (i - start_k). A text copied from one stretch of the
 * source is one run, whatever its length. `end` is the source offset where the text ends.
 */
export interface OffsetRuns {
  runs: number[];
  end: number;
}

/** Text whose every character knows the source offset it came from. */
export class MappedText {
  /** Flat [start, base] pairs, starts ascending from 0, no run empty, no run a continuation of the one before; [] for empty text. */
  readonly runs: readonly number[];
  /** Source offset of the end of the text: where an insertion after its last character goes. */
  readonly end: number;

  constructor(
    readonly text: string,
    offsets: OffsetRuns,
  ) {
    this.runs = offsets.runs;
    this.end = offsets.end;
  }

  static empty(at: number): MappedText {
    return new MappedText('', { runs: [], end: at });
  }

  /** Text copied unchanged from the source, starting at offset `base`. */
  static at(text: string, base: number): MappedText {
    return new MappedText(text, { runs: text.length > 0 ? [0, base] : [], end: base + text.length });
  }

  /** Text with one offset per character, plus the end offset (offsets.length === text.length + 1). */
  static fromOffsets(text: string, offsets: readonly number[]): MappedText {
    const runs = new RunBuilder();
    for (let i = 0; i < text.length; i++) runs.push(i, offsets[i]);
    return new MappedText(text, { runs: runs.runs, end: offsets[text.length] });
  }

  get length(): number {
    return this.text.length;
  }

  get span(): Span {
    return this.spanOf(0, this.text.length);
  }

  /** Source offset of text[index]; at or past the end of the text, the end offset. */
  offsetAt(index: number): number {
    if (index >= this.text.length) return this.end;
    const run = this.runAt(Math.max(0, index));
    return this.runs[run + 1] + Math.max(0, index) - this.runs[run];
  }

  /** The first index whose source offset is at or after `offset` (the text's length when none is). */
  indexAtOrAfter(offset: number): number {
    const runs = this.runs;
    for (let run = 0; run < runs.length; run += 2) {
      const start = runs[run];
      const next = run + 2 < runs.length ? runs[run + 2] : this.text.length;
      const base = runs[run + 1];
      if (base + (next - start) - 1 >= offset) return start + Math.max(0, offset - base);
    }
    return this.text.length;
  }

  /** Source span of text[from, to), clamped to the text. */
  spanOf(from: number, to: number): Span {
    const f = Math.max(0, Math.min(from, this.text.length));
    const t = Math.max(f, Math.min(to, this.text.length));
    const start = this.offsetAt(f);
    if (t === f) return { start, end: start };
    return { start, end: Math.max(start, this.offsetAt(t - 1) + 1) };
  }

  slice(from: number, to: number = this.text.length): MappedText {
    const f = Math.max(0, Math.min(from, this.text.length));
    const t = Math.max(f, Math.min(to, this.text.length));
    if (t === f) return MappedText.empty(this.offsetAt(f));
    if (f === 0 && t === this.text.length && this.end === this.offsetAt(t - 1) + 1) return this;
    const runs = this.runs;
    const first = this.runAt(f);
    const out = [0, runs[first + 1] + f - runs[first]];
    for (let run = first + 2; run < runs.length && runs[run] < t; run += 2) out.push(runs[run] - f, runs[run + 1]);
    return new MappedText(this.text.slice(f, t), { runs: out, end: this.offsetAt(t - 1) + 1 });
  }

  /** The same text, every offset `delta` further on (the source before it grew or shrank by `delta`). */
  shifted(delta: number): MappedText {
    if (delta === 0) return this;
    const runs = this.runs.slice();
    for (let run = 1; run < runs.length; run += 2) runs[run] += delta;
    return new MappedText(this.text, { runs, end: this.end + delta });
  }

  /** The runs with source offsets counted from `base`, as one string: equal for texts mapped alike wherever they sit. */
  shapeFrom(base: number): string {
    let shape = `${this.end - base}`;
    for (let run = 0; run < this.runs.length; run += 2) shape += `,${this.runs[run]}:${this.runs[run + 1] - base}`;
    return shape;
  }

  trim(): MappedText {
    const start = this.text.length - this.text.trimStart().length;
    const end = this.text.trimEnd().length;
    return end <= start ? MappedText.empty(this.offsetAt(start)) : this.slice(start, end);
  }

  /**
   * Joins pieces with a separator. Each separator character maps to one offset: just after the last character
   * joined so far (or, before anything, to the next piece's start).
   */
  static join(pieces: MappedText[], separator: string): MappedText {
    if (pieces.length === 0) return MappedText.empty(0);
    if (pieces.length === 1) return pieces[0];
    const out = new RunBuilder();
    let text = '';
    // Source offset of the last character joined so far; NaN before any.
    let last = NaN;
    pieces.forEach((piece, index) => {
      if (index > 0 && separator.length > 0) {
        const at = Number.isNaN(last) ? piece.offsetAt(0) : last + 1;
        for (let i = 0; i < separator.length; i++) out.push(text.length + i, at);
        text += separator;
        last = at;
      }
      const runs = piece.runs;
      for (let run = 0; run < runs.length; run += 2) out.push(text.length + runs[run], runs[run + 1]);
      if (piece.text.length > 0) last = piece.offsetAt(piece.text.length - 1);
      text += piece.text;
    });
    return new MappedText(text, { runs: out.runs, end: pieces[pieces.length - 1].end });
  }

  /** Index into `runs` of the run holding text[index], for 0 <= index < length. */
  private runAt(index: number): number {
    const runs = this.runs;
    let low = 0;
    let high = (runs.length >> 1) - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (runs[mid << 1] <= index) low = mid;
      else high = mid - 1;
    }
    return low << 1;
  }
}

/** Appends runs, merging one that continues the run before it. */
class RunBuilder {
  readonly runs: number[] = [];

  /** Text index `start` onwards comes from source offset `base` onwards. */
  push(start: number, base: number): void {
    const runs = this.runs;
    const length = runs.length;
    if (length > 0 && runs[length - 1] + (start - runs[length - 2]) === base) return;
    runs.push(start, base);
  }
}

/**
 * Aligns a node's value to its source slice: value characters are matched greedily in order, each within 16
 * characters of the one before; a character not found (a decoded entity, say) maps to where the search stands.
 */
export function alignValue(value: string, source: string, base: number): OffsetRuns {
  if (value === source) return { runs: value.length > 0 ? [0, base] : [], end: base + source.length };
  const out = new RunBuilder();
  let cursor = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const limit = Math.min(source.length, cursor + 17);
    let found = -1;
    for (let at = cursor; at < limit; at++) {
      if (source.charCodeAt(at) === code) {
        found = at;
        break;
      }
    }
    if (found >= 0) {
      out.push(i, base + found);
      cursor = found + 1;
    } else {
      out.push(i, base + Math.min(cursor, source.length));
    }
  }
  return { runs: out.runs, end: base + source.length };
}
