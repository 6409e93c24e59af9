import type { Rule } from './types';

const LABELS = { states: 'State(s) of Licensure:', specialties: 'Certification(s)/Specialty:' } as const;

export const credentials: Rule = {
  id: 'credentials',
  description: 'The credentials block lists the reviewer\'s states of licensure and certifications or specialties.',
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
      const other = model.credentials[kind === 'states' ? 'specialties' : 'states'];
      const eol = context.eol;
      // Keep the block's order: states first, then specialties.
      const offset = other
        ? kind === 'states'
          ? model.lines.lineStarts[other.range.start.line]
          : model.lines.lineEnd(other.range.end.line)
        : section.body.span.end;
      const newText = other && kind === 'states' ? `${LABELS[kind]} ${eol}${eol}` : `${eol}${eol}${LABELS[kind]} `;
      context.report({
        span: section.heading.span,
        message: `The credentials block has no "${LABELS[kind]}" line; add it under "${section.heading.text.trim()}".`,
        fix: { title: `Insert "${LABELS[kind]}"`, edits: [{ span: { start: offset, end: offset }, newText }] },
      });
    }
  },
};
