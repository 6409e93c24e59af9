import type { Rule } from './types';

export const fieldOrder: Rule = {
  id: 'field-order',
  description: "An item's fields appear once each, in the profile's order.",
  severity: 'warning',
  tags: ['items'],
  check(model, context) {
    const order = context.profile.fields.map((spec) => spec.kind);
    for (const item of model.items) {
      let highest = -1;
      const seen = new Set<string>();
      for (const field of item.fields) {
        if (seen.has(field.kind)) {
          context.report({ span: field.label.span, message: `"${field.label.text}" appears twice in "${item.name.text}"; merge the two.` });
          continue;
        }
        seen.add(field.kind);
        const rank = order.indexOf(field.kind);
        if (rank < highest) {
          context.report({
            span: field.label.span,
            message: `Move "${field.label.text}" up: the fields go ${context.profile.fields.map((spec) => spec.label).join(', ')}.`,
          });
        } else {
          highest = rank;
        }
      }
    }
  },
};
