import type { Rule } from './types';

export const duplicateSection: Rule = {
  id: 'duplicate-section',
  description: 'No section appears twice.',
  severity: 'error',
  tags: ['sections'],
  check(model, context) {
    const first = new Map<string, number>();
    for (const section of model.sections) {
      const line = first.get(section.id);
      if (line === undefined) {
        first.set(section.id, section.range.start.line);
        continue;
      }
      context.report({
        span: section.heading.span,
        message: `Section "${section.heading.text.trim()}" already appears on line ${line + 1}; merge the two into one.`,
      });
    }
  },
};
