import type { TextLine } from '../model/types';
import { editDistance } from '../model/words';
import { labelStyle } from './label-style';
import type { Rule } from './types';

const LABELS = { states: 'State(s) of Licensure:', specialties: 'Certification(s)/Specialty:' } as const;
// The labels' words alone, as misspellings are compared ("State of Licensur", "Certifcation/Specialty").
const LABEL_WORDS = { states: 'state of licensure', specialties: 'certification specialty' } as const;

export const credentials: Rule = {
  id: 'credentials',
  description: "The credentials block lists the reviewer's states of licensure and certifications or specialties.",
  severity: 'error',
  tags: ['credentials'],
  check(model, context) {
    const sectionId = context.profile.credentialsSection;
    if (!sectionId) return;
    const section = model.sections.find((candidate) => candidate.id === sectionId);
    if (!section) return;
    for (const kind of ['states', 'specialties'] as const) {
      const line = model.credentials[kind];
      if (line && line.entries.length > 0) continue;
      if (line) {
        context.report({ span: line.label.span, message: `"${LABELS[kind]}" lists nothing; name at least one.` });
        continue;
      }
      const misspelt = findMisspeltLabel(section.lines, kind);
      if (misspelt) {
        const label = LABELS[kind].slice(0, -1);
        context.report({
          span: misspelt.span,
          message: `"${misspelt.text}" looks like the label "${label}" misspelt; correct it so the credentials block is read.`,
          fix: { title: `Change to "${label}"`, edits: [{ span: misspelt.span, newText: label }] },
        });
        continue;
      }
      const other = model.credentials[kind === 'states' ? 'specialties' : 'states'];
      const eol = context.eol;
      // Keep the block's order: states first, then specialties.
      const offset = other
        ? kind === 'states'
          ? model.lines.lineStarts[other.range.start.line]
          : model.lines.lineEnd(other.range.end.line)
        : section.body.span.end;
      // Written like the other label (list item, bold), which the block already uses.
      const style = labelStyle(
        model,
        other && {
          span: {
            start: other.label.span.start,
            end: other.label.span.start + labelWords(model.text.slice(other.label.span.start, other.label.span.end)).length,
          },
          range: other.label.range,
        },
      );
      const label = style.write(LABELS[kind].slice(0, -1));
      const gap = style.listed ? eol : `${eol}${eol}`;
      const newText = other && kind === 'states' ? `${label} ${gap}` : `${gap}${label} `;
      context.report({
        span: other?.label.span ?? section.heading.span,
        message: `The credentials block has no "${LABELS[kind]}" line; add it ${other ? `${kind === 'states' ? 'before' : 'after'} "${other.label.text.trim()}"` : `under "${section.heading.text.trim()}"`}.`,
        fix: { title: `Insert "${LABELS[kind]}"`, edits: [{ span: { start: offset, end: offset }, newText }] },
      });
    }
  },
};

function findMisspeltLabel(lines: TextLine[], kind: 'states' | 'specialties'): { text: string; span: { start: number; end: number } } | undefined {
  for (const line of lines) {
    const colon = line.content.text.indexOf(':');
    if (colon < 5 || colon > 45) continue;
    const written = line.content.text.slice(0, colon).trimEnd();
    const words = written
      .toLowerCase()
      .replace(/\((?:s|ies)\)/g, '')
      .replace(/[^a-z]+/g, ' ')
      .trim();
    if (editDistance(words, LABEL_WORDS[kind]) <= 3) return { text: written, span: line.content.spanOf(0, written.length) };
  }
  return undefined;
}

/** A label as written without its colon and closing markup ("State(s) of Licensure**:" → "State(s) of Licensure"). */
function labelWords(source: string): string {
  return source.replace(/\s*(?:\*\*|__)?\s*:\s*$/, '');
}
