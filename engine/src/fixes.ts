// Applying fixes: the CLI's --fix, the editor's fix-all and tests all use this.
import type { Finding, TextEdit } from './rules/types';

/**
 * Applies non-overlapping edits to text. Edits that overlap an earlier-accepted edit are skipped
 * and returned, so a second pass can apply them to the new text.
 */
export function applyEdits(text: string, edits: TextEdit[]): { text: string; applied: TextEdit[]; skipped: TextEdit[] } {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const applied: TextEdit[] = [];
  const skipped: TextEdit[] = [];
  let lastEnd = -1;
  for (const edit of sorted) {
    const isInsertAtSameSpot =
      edit.span.start === edit.span.end && applied.some((other) => other.span.start === edit.span.start && other.span.end === edit.span.start);
    if (edit.span.start < lastEnd || isInsertAtSameSpot || edit.span.start > text.length || edit.span.end > text.length) {
      skipped.push(edit);
      continue;
    }
    applied.push(edit);
    lastEnd = Math.max(lastEnd, edit.span.end);
  }
  let out = '';
  let cursor = 0;
  for (const edit of applied) {
    out += text.slice(cursor, edit.span.start) + edit.newText;
    cursor = edit.span.end;
  }
  out += text.slice(cursor);
  return { text: out, applied, skipped };
}

/** The edits of every finding's obvious fix, each fix taken whole or not at all. */
export function fixEdits(findings: Finding[]): TextEdit[] {
  const chosen: TextEdit[] = [];
  const overlaps = (a: TextEdit, b: TextEdit): boolean =>
    (a.span.start < b.span.end && b.span.start < a.span.end) || (a.span.start === b.span.start && (a.span.start === a.span.end || b.span.start === b.span.end));
  for (const finding of findings) {
    const edits = finding.fix?.edits;
    if (!edits || edits.length === 0) continue;
    if (edits.some((edit) => chosen.some((other) => overlaps(edit, other)))) continue;
    chosen.push(...edits.map(({ span, newText }) => ({ span, newText })));
  }
  return chosen;
}
