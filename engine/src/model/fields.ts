// An item's fields: the label, the text up to the next label, item or section, and what the text says.
import type { FieldKind } from '../profiles/types';
import { MappedText, type LineIndex } from '../text';
import { readCitations, readStatement } from './citation';
import type { FieldReading, ModelCache } from './cache';
import { located, shiftParts, textPart } from './parts';
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

/**
 * Reads the field and gives it to the item; `grow` extends the item over it (not for a block apart from the item's
 * line). With a cache, a field whose text is unchanged since an earlier check is not read again.
 */
export function attachField(item: DisputedItem, field: OpenField, index: LineIndex, grow = true, cache?: ModelCache): void {
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
  const reading = cache && value.length > 0 ? cachedReading(base.kind, value, field.lines, index, cache) : readField(base.kind, base.value, index);
  if (reading.kind === 'rationale') {
    const rationale = base as RationaleField;
    rationale.conclusion = reading.conclusion;
    rationale.mtusExplanation = reading.mtusExplanation;
    item.rationale ??= rationale;
  } else {
    const guideline = base as GuidelineField;
    guideline.statement = reading.statement;
    guideline.citations = reading.citations;
    guideline.citation = guideline.citations[0];
    if (base.kind === 'claimsAdministrator') item.claimsAdministrator ??= guideline;
    else item.reviewer ??= guideline;
  }
}

function readField(kind: FieldKind, value: MappedText, index: LineIndex): FieldReading {
  const at = value.offsetAt(0);
  if (kind === 'rationale') return { at, kind: 'rationale', conclusion: readConclusion(value, index), mtusExplanation: readMtusExplanation(value, index) };
  return { at, kind: 'guideline', statement: readStatement(value, index), citations: readCitations(value, index) };
}

/**
 * The reading of a field's text, kept by the text and how it maps to the source. Read from the very same lines it
 * is as it was; elsewhere its parts are moved with the text and their ranges read again (the lines around may differ).
 */
function cachedReading(kind: FieldKind, value: MappedText, lines: TextLine[], index: LineIndex, cache: ModelCache): FieldReading {
  const at = value.offsetAt(0);
  const key = `${kind === 'rationale' ? 'r' : 'g'} ${value.shapeFrom(at)} ${value.text}`;
  const kept = cache.fields.get(key);
  cache.count('fields', kept !== undefined);
  if (kept && kept.lines?.length === lines.length && kept.lines.every((line, position) => line === lines[position])) return kept;
  const reading = kept ? { ...shiftParts({ ...kept, lines: undefined }, at - kept.at, index), at, lines } : { ...readField(kind, value, index), lines };
  cache.fields.set(key, reading);
  return reading;
}
