// Folding a determination: each section, each disputed item and each field that runs over several lines.
import type { Determination, Located } from '../model/types';

export interface FoldingLines {
  startLine: number;
  endLine: number;
}

export function foldingRanges(model: Determination): FoldingLines[] {
  const parts: Located[] = [...model.sections];
  for (const item of model.items) parts.push(item, ...item.fields);
  const seen = new Set<string>();
  const out: FoldingLines[] = [];
  for (const part of parts) {
    const startLine = part.range.start.line;
    // A part that ends at the very start of a line does not reach into it.
    const endLine = part.range.end.character === 0 && part.range.end.line > startLine ? part.range.end.line - 1 : part.range.end.line;
    const key = `${startLine}:${endLine}`;
    if (endLine <= startLine || seen.has(key)) continue;
    seen.add(key);
    out.push({ startLine, endLine });
  }
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
