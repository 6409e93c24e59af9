import type { Rule } from './types';

export const sectionOrder: Rule = {
  id: 'section-order',
  description: 'Sections appear in the order the profile gives.',
  severity: 'warning',
  tags: ['sections'],
  check(model, context) {
    const order = context.profile.sections.map((section) => section.id);
    let highest = -1;
    let highestTitle = '';
    const seen = new Set<string>();
    for (const section of model.sections) {
      if (seen.has(section.id)) continue;
      seen.add(section.id);
      const rank = order.indexOf(section.id);
      if (rank < highest) {
        context.report({
          span: section.heading.span,
          message: `Move "${section.heading.text.trim()}" before "${highestTitle}": the profile "${context.profile.id}" orders it earlier.`,
        });
      } else {
        highest = rank;
        highestTitle = section.heading.text.trim();
      }
    }
  },
};
