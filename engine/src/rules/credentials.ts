import { labelStyle } from './label-style';
import type { Rule } from './types';

const WHAT = { states: 'the states where the reviewer is licensed', specialties: "the reviewer's certifications or specialties" } as const;

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
    const spec = context.profile.credentials;
    for (const kind of ['states', 'specialties'] as const) {
      // An empty line is text left to fill in, which the placeholder rule reports.
      if (model.credentials[kind]) continue;
      const label = spec[kind][0];
      if (spec.form === 'prose') {
        context.report({
          span: section.heading.span,
          message: `"${section.heading.text.trim()}" does not name ${WHAT[kind]}; write them after "${label}".`,
        });
        continue;
      }
      const misspelt = model.credentials.nearLabels.find((near) => near.credential === kind);
      if (misspelt) {
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
      const written = style.write(label);
      const gap = style.listed ? eol : `${eol}${eol}`;
      const newText = other && kind === 'states' ? `${written} ${gap}` : `${gap}${written} `;
      context.report({
        span: other?.label.span ?? section.heading.span,
        message: `The credentials block has no "${label}:" line; add it ${other ? `${kind === 'states' ? 'before' : 'after'} "${other.label.text.trim()}"` : `under "${section.heading.text.trim()}"`}.`,
        fix: { title: `Insert "${label}:"`, edits: [{ span: { start: offset, end: offset }, newText }] },
      });
    }
  },
};

/** A label as written without its colon and closing markup ("State(s) of Licensure**:" → "State(s) of Licensure"). */
function labelWords(source: string): string {
  return source.replace(/\s*(?:\*\*|__)?\s*:\s*$/, '');
}
