// Where the letter's structure starts in the source: section titles, item lines, field labels, credential lines.
import type { CredentialLine, Determination, DisputedItem, Field, Section } from '../model/types';

export type Landmark =
  | { kind: 'section'; start: number; end: number; section: Section }
  | { kind: 'item'; start: number; end: number; item: DisputedItem; index: number }
  | { kind: 'field'; start: number; end: number; field: Field }
  | { kind: 'credential'; start: number; end: number; credential: CredentialLine; which: 'states' | 'specialties' };

/** Every landmark, in source order; `end` is where the text the letter shows in its own way stops. */
export function landmarksOf(model: Determination): Landmark[] {
  const landmarks: Landmark[] = [];
  for (const section of model.sections) landmarks.push({ kind: 'section', start: section.heading.span.start, end: section.heading.span.end, section });
  model.items.forEach((item, index) => {
    landmarks.push({ kind: 'item', start: item.header.span.start, end: item.header.span.end, item, index });
    for (const field of item.fields) landmarks.push({ kind: 'field', start: field.span.start, end: labelEnd(field), field });
  });
  for (const which of ['states', 'specialties'] as const) {
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
