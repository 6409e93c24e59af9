// Building located parts of the model from mapped text.
import type { LineIndex, MappedText, Span } from '../text';
import type { Located, TextPart } from './types';

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
