// How a draft writes its labels, so a label a fix inserts looks like the ones around it.
import type { Determination, Located } from '../model/types';

export interface LabelStyle {
  /** The label written this way, with its colon ("**MAXIMUS guideline:**", "   - MAXIMUS guideline:", "- *MAXIMUS guideline:*"). */
  write(label: string): string;
  /** Whether labels are list items, which follow one another without a blank line. */
  listed: boolean;
}

/** The style of an existing label (its words, without the colon); plain paragraphs when there is none. */
export function labelStyle(model: Determination, label: Located | undefined): LabelStyle {
  const plain: LabelStyle = { write: (words) => `${words}:`, listed: false };
  if (!label) return plain;
  const before = model.text.slice(model.lines.lineStarts[label.range.start.line], label.span.start);
  // Indentation, a list marker or a heading's marks, then the emphasis that opens the label ("**", "*", "***", "_**").
  const shape = /^(\s*(?:(?:[-*+]|\d+[.)]|#+)\s+)?)([*_]*)$/.exec(before);
  if (!shape) return plain;
  const [, lead, open] = shape;
  const close = [...open].reverse().join('');
  const colonInside = !open || model.text.startsWith(`:${close}`, label.span.end);
  return { write: (words) => `${lead}${open}${words}${colonInside ? `:${close}` : `${close}:`}`, listed: /[-*+\d]/.test(lead) };
}
