import { labelStyle } from './label-style';
import type { FieldKind } from '../profiles/types';
import type { Rule } from './types';

export const itemFields: Rule = {
  id: 'item-fields',
  description: 'Each disputed item has its three fields: Claims Administrator guideline, MAXIMUS guideline and Decision rationale.',
  severity: 'error',
  tags: ['items'],
  check(model, context) {
    const specs = context.profile.fields;
    for (const item of model.items) {
      const present = new Set<FieldKind>(item.fields.map((field) => field.kind));
      specs.forEach((spec, order) => {
        if (present.has(spec.kind)) {
          const field = item.fields.find((candidate) => candidate.kind === spec.kind)!;
          if (field.value.length === 0) {
            context.report({ span: field.label.span, message: `"${spec.label}" of "${item.name.text}" is empty; write it after the label.` });
          }
          return;
        }
        const misspelt = item.nearLabels.find((near) => near.kind === spec.kind);
        if (misspelt) {
          context.report({
            span: misspelt.span,
            message: `"${misspelt.text}" looks like the label "${spec.label}" misspelt, so item "${item.name.text}" has no "${spec.label}:" field; correct the label.`,
            fix: { title: `Change to "${spec.label}"`, edits: [{ span: misspelt.span, newText: spec.label }] },
          });
          return;
        }
        // Insert the label before the first field the profile orders after it, else after the item, written like its neighbours.
        const later = item.fields.find((field) => specs.findIndex((candidate) => candidate.kind === field.kind) > order);
        const offset = later ? model.lines.lineStarts[later.range.start.line] : model.lines.lineEnd(item.range.end.line);
        const style = labelStyle(model, (later ?? item.fields[item.fields.length - 1])?.label);
        const eol = context.eol;
        const label = style.write(spec.label);
        const gap = style.listed ? eol : `${eol}${eol}`;
        const newText = later ? `${label} ${gap}` : `${gap}${label} `;
        context.report({
          span: item.header.span,
          message: `Item "${item.name.text}" has no "${spec.label}:" field; add it.`,
          fix: { title: `Insert "${spec.label}:"`, edits: [{ span: { start: offset, end: offset }, newText }] },
        });
      });
    }
  },
};
