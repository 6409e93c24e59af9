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

/** Text whose every character knows the source offset it came from. */
export class MappedText {
  /** offsets[i] is the source offset of text[i]; offsets[text.length] is the end offset. */
  constructor(
    readonly text: string,
    readonly offsets: number[],
  ) {}

  static empty(at: number): MappedText {
    return new MappedText('', [at]);
  }

  get length(): number {
    return this.text.length;
  }

  get span(): Span {
    return this.spanOf(0, this.text.length);
  }

  /** Source span of text[from, to). */
  spanOf(from: number, to: number): Span {
    const start = this.offsets[Math.max(0, Math.min(from, this.text.length))];
    if (to <= from) return { start, end: start };
    const end = this.offsets[Math.min(to - 1, this.text.length - 1)] + 1;
    return { start, end: Math.max(start, end) };
  }

  slice(from: number, to: number = this.text.length): MappedText {
    const f = Math.max(0, Math.min(from, this.text.length));
    const t = Math.max(f, Math.min(to, this.text.length));
    const offsets = this.offsets.slice(f, t);
    offsets.push(t > f ? this.offsets[t - 1] + 1 : this.offsets[f]);
    return new MappedText(this.text.slice(f, t), offsets);
  }

  trim(): MappedText {
    const start = this.text.length - this.text.trimStart().length;
    const end = this.text.trimEnd().length;
    return end <= start ? MappedText.empty(this.offsets[start] ?? this.offsets[0]) : this.slice(start, end);
  }

  /** Joins pieces with a separator that maps to the end of the piece before it. */
  static join(pieces: MappedText[], separator: string): MappedText {
    if (pieces.length === 0) return new MappedText('', [0]);
    let text = '';
    const offsets: number[] = [];
    pieces.forEach((piece, index) => {
      if (index > 0) {
        const at = offsets.length > 0 ? (offsets[offsets.length - 1] ?? 0) + 1 : piece.offsets[0];
        text += separator;
        for (let i = 0; i < separator.length; i++) offsets.push(at);
      }
      text += piece.text;
      // A loop, not a spread: a spread of a very long paragraph overflows the call stack.
      for (let i = 0; i < piece.text.length; i++) offsets.push(piece.offsets[i]);
    });
    const last = pieces[pieces.length - 1];
    offsets.push(last.offsets[last.text.length]);
    return new MappedText(text, offsets);
  }
}

/** Aligns a node's value to its source slice: value characters are matched greedily in order. */
export function alignValue(value: string, source: string, base: number): number[] {
  const offsets = new Array<number>(value.length + 1);
  if (value === source) {
    for (let i = 0; i <= value.length; i++) offsets[i] = base + i;
    return offsets;
  }
  let cursor = 0;
  for (let i = 0; i < value.length; i++) {
    const found = source.indexOf(value[i], cursor);
    if (found >= 0 && found - cursor <= 16) {
      offsets[i] = base + found;
      cursor = found + 1;
    } else {
      offsets[i] = base + Math.min(cursor, source.length);
    }
  }
  offsets[value.length] = base + source.length;
  return offsets;
}
