// Building located parts of the model from mapped text.
import { MappedText, type LineIndex, type Range, type Span } from '../text';
import type { Located, TextLine, TextPart } from './types';

export function located(span: Span, index: LineIndex): Located {
  return { span, range: index.rangeOf(span) };
}

export function textPart(source: MappedText, from: number, to: number, index: LineIndex): TextPart {
  const span = source.spanOf(from, to);
  return { text: source.text.slice(from, to), span, range: index.rangeOf(span) };
}

/** The part of `source` that a regular-expression group matched, trimmed. */
export function groupPart(source: MappedText, from: number, text: string, index: LineIndex): TextPart {
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  return textPart(source, from + lead, from + lead + trimmed.length, index);
}

/**
 * A copy of parts read from text that has moved `delta` characters since (perhaps none, the lines around it
 * changing), with every span moved and every range read again from `index`. Parts are plain objects; nested parts
 * are copied too.
 */
export function shiftParts<T>(parts: T, delta: number, index: LineIndex): T {
  return copyMoved(parts, new Map(), {
    span: (span) => ({ start: span.start + delta, end: span.end + delta }),
    range: (span) => index.rangeOf(span),
    text: (text) => text.shifted(delta),
  }) as T;
}

/** How a block of text moved: by `offset` characters and `lines` lines, its lines' own columns unchanged. */
export interface Move {
  offset: number;
  lines: number;
}

/**
 * A copy of parts of text that moved as a whole, `move.lines` lines further on and on lines that start as they
 * did; their text lines are replaced by `line(old)`, the lines where that text now stands. Shared parts stay
 * shared in the copy; a template's placeholder, which is the profile's, is kept.
 */
export function moveParts<T>(parts: T, move: Move, line: (old: TextLine) => TextLine): T {
  return copyMoved(parts, new Map(), {
    span: (span) => ({ start: span.start + move.offset, end: span.end + move.offset }),
    range: (_span, range) => ({
      start: { line: range.start.line + move.lines, character: range.start.character },
      end: { line: range.end.line + move.lines, character: range.end.character },
    }),
    text: (text) => text.shifted(move.offset),
    line,
  }) as T;
}

interface Mover {
  span(span: Span): Span;
  range(moved: Span, range: Range): Range;
  text(text: MappedText): MappedText;
  /** Where a text line now stands; without it, text lines are copied as parts. */
  line?(old: TextLine): TextLine;
}

function copyMoved(value: unknown, copies: Map<object, unknown>, mover: Mover): unknown {
  if (value === null || typeof value !== 'object') return value;
  const done = copies.get(value);
  if (done !== undefined) return done;
  let copy: unknown;
  if (Array.isArray(value)) {
    copy = value.map((element) => copyMoved(element, copies, mover));
  } else if (value instanceof MappedText) {
    copy = mover.text(value);
  } else if (Object.getPrototypeOf(value) !== Object.prototype) {
    throw new Error('only plain parts can be moved');
  } else if (mover.line && isTextLine(value)) {
    copy = mover.line(value);
  } else {
    const moved: Record<string, unknown> = {};
    const source = value as Record<string, unknown>;
    for (const key in source) {
      const field = source[key];
      moved[key] = key === 'span' || key === 'range' || key === 'placeholder' ? field : copyMoved(field, copies, mover);
    }
    if (source.span !== undefined) {
      moved.span = mover.span(source.span as Span);
      if (source.range !== undefined) moved.range = mover.range(moved.span as Span, source.range as Range);
    }
    copy = moved;
  }
  copies.set(value, copy);
  return copy;
}

function isTextLine(value: object): value is TextLine {
  return 'content' in value && 'blockStart' in value && (value as TextLine).content instanceof MappedText;
}
