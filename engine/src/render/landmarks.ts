// Where the letter's structure starts in the source: section titles, item lines, field labels, credential lines.
import type { CredentialLine, Determination, DisputedItem, Field, Section } from '../model/types';

export type Landmark =
  | { kind: 'section'; start: number; end: number; section: Section }
  | { kind: 'item'; start: number; end: number; item: DisputedItem; index: number }
  | { kind: 'field'; start: number; end: number; field: Field }
  | { kind: 'credential'; start: number; end: number; credential: CredentialLine; which: 'states' | 'specialties' }
  /** Text the letter shows elsewhere: a decision written below its item's line, which the item's badge shows. */
  | { kind: 'shown-elsewhere'; start: number; end: number };

/** Every landmark, in source order; `end` is where the text the letter shows in its own way stops. */
export function landmarksOf(model: Determination): Landmark[] {
  const landmarks: Landmark[] = [];
  for (const section of model.sections) landmarks.push({ kind: 'section', start: section.heading.span.start, end: section.heading.span.end, section });
  const sentences = model.profile.decisions.form === 'phrase';
  model.items.forEach((item, index) => {
    // A determination sentence is printed as written; the item is set off where its own block of fields opens.
    const opening = sentences ? item.block : item.header;
    if (opening) landmarks.push({ kind: 'item', start: opening.span.start, end: opening.span.end, item, index });
    if (!sentences && item.decision.span.start >= item.header.span.end && item.decision.span.end > item.decision.span.start) {
      landmarks.push({ kind: 'shown-elsewhere', start: item.decision.span.start, end: item.decision.span.end });
    }
    for (const field of item.fields) landmarks.push({ kind: 'field', start: field.span.start, end: labelEnd(field), field });
  });
  // Credentials in prose are printed as written.
  for (const which of model.profile.credentials.form === 'labels' ? (['states', 'specialties'] as const) : []) {
    const credential = model.credentials[which];
    if (credential) landmarks.push({ kind: 'credential', start: credential.span.start, end: credential.span.end, credential, which });
  }
  return landmarks.sort((a, b) => a.start - b.start);
}

/** The label runs up to the field's first word; a label alone on its line runs to the line's end. */
function labelEnd(field: Field): number {
  const line = field.lines[0].content.span;
  const valueStart = field.value.length > 0 ? field.value.offsetAt(0) : undefined;
  return valueStart !== undefined && valueStart > field.span.start && valueStart < line.end ? valueStart : line.end;
}
