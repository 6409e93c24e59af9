// An item's fields: the label, the text up to the next label, item or section, and what the text says.
import type { FieldKind } from '../profiles/types';
import { MappedText, type LineIndex } from '../text';
import { readCitations, readStatement } from './citation';
import { located, textPart } from './parts';
import { readConclusion, readMtusExplanation } from './rationale';
import type { DisputedItem, Field, GuidelineField, RationaleField, TextLine } from './types';

/** A field being read: its kind, its lines so far, and where its label ends on the first line. */
export interface OpenField {
  kind: FieldKind;
  lines: TextLine[];
  /** Index just past the label's colon on the first line. */
  labelEnd: number;
  /** Index just past the label words. */
  labelTextEnd: number;
}

/** Grows a located part to `end` when it ends before it. */
export function extend(target: { span: { start: number; end: number }; range: unknown }, end: number, index: LineIndex): void {
  if (end <= target.span.end) return;
  Object.assign(target, located({ start: target.span.start, end }, index));
}

/** Reads the field and gives it to the item; `grow` extends the item over it (not for a block apart from the item's line). */
export function attachField(item: DisputedItem, field: OpenField, index: LineIndex, grow = true): void {
  const [first, ...rest] = field.lines;
  const value = MappedText.join(
    [first.content.slice(field.labelEnd).trim(), ...rest.map((line) => line.content)].filter((piece) => piece.length > 0),
    ' ',
  );
  const lastLine = field.lines[field.lines.length - 1];
  const base: Field = {
    kind: field.kind,
    label: textPart(first.content, 0, field.labelTextEnd, index),
    value: value.length > 0 ? value : MappedText.empty(first.content.span.end),
    lines: field.lines,
    ...located({ start: first.content.span.start, end: lastLine.content.span.end }, index),
  };
  if (grow) extend(item, base.span.end, index);
  item.fields.push(base);
  if (base.kind === 'rationale') {
    const rationale = base as RationaleField;
    rationale.conclusion = readConclusion(base.value, index);
    rationale.mtusExplanation = readMtusExplanation(base.value, index);
    item.rationale ??= rationale;
  } else {
    const guideline = base as GuidelineField;
    guideline.statement = readStatement(base.value, index);
    guideline.citations = readCitations(base.value, index);
    guideline.citation = guideline.citations[0];
    if (base.kind === 'claimsAdministrator') item.claimsAdministrator ??= guideline;
    else item.reviewer ??= guideline;
  }
}
