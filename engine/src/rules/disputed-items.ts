import type { Rule } from './types';

export const disputedItems: Rule = {
  id: 'disputed-items',
  description: 'The issues section decides at least one disputed item.',
  severity: 'error',
  tags: ['items'],
  check(model, context) {
    const issues = model.sections.find((section) => section.id === context.profile.issuesSection);
    if (!issues || model.items.length > 0 || issues.lines.length === 0) return;
    const words = context.profile.decisions;
    context.report({
      span: issues.heading.span,
      message: `"${issues.heading.text.trim()}" decides no disputed item; add one as "<Item name>:  ${words.upheld}" or "<Item name>:  ${words.overturned}" followed by its fields.`,
    });
  },
};
