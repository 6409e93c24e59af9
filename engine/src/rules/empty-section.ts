import type { Rule } from './types';

export const emptySection: Rule = {
  id: 'empty-section',
  description: 'Every section has content under its title.',
  severity: 'error',
  tags: ['sections'],
  check(model, context) {
    for (const section of model.sections) {
      if (section.lines.length > 0) continue;
      const spec = context.profile.sections.find((candidate) => candidate.id === section.id);
      context.report({
        span: section.heading.span,
        message: `Section "${section.heading.text.trim()}" is empty; write its content under the title.`,
        fix: spec?.skeleton
          ? {
              title: 'Insert the standard opening text',
              edits: [
                {
                  span: { start: section.heading.span.end, end: section.heading.span.end },
                  newText: `${context.eol}${context.eol}${spec.skeleton.replace(/\n/g, context.eol)}`,
                },
              ],
            }
          : undefined,
      });
    }
  },
};
