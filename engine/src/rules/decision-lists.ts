import { itemKey as key } from './item-key';
import type { Rule } from './types';

export const decisionLists: Rule = {
  id: 'decision-lists',
  description: 'Where a letter lists its decisions twice (the 2013 notice and its decision section), the two lists agree.',
  severity: 'error',
  tags: ['decisions', 'items'],
  check(model, context) {
    const repeated = model.repeatedItems;
    const sectionId = context.profile.items.repeatedIn;
    if (!repeated || !sectionId) return;
    // A section as the draft titles it, else as the profile does (the letter may lack it).
    const titleOf = (id: string): string =>
      model.sections.find((section) => section.id === id)?.heading.text.trim() ?? context.profile.sections.find((spec) => spec.id === id)?.title ?? id;
    const where = titleOf(sectionId);
    const issues = titleOf(context.profile.issuesSection);
    const words = context.profile.decisions;
    for (const copy of repeated) {
      const item = model.items.find((candidate) => key(candidate) === key(copy));
      if (!item) {
        context.report({ span: copy.name.span, message: `"${copy.name.text}" is decided in "${where}" but not in "${issues}"; list the same items in both.` });
        continue;
      }
      if (copy.decision.value && item.decision.value && copy.decision.value !== item.decision.value) {
        context.report({
          span: copy.decision.span,
          message: `"${where}" says the request for "${copy.name.text}" ${words[copy.decision.value]}, but "${issues}" says it ${words[item.decision.value]} (line ${item.range.start.line + 1}); make the two agree.`,
          suggestions: [{ title: `Change to "${words[item.decision.value]}"`, edits: [{ span: copy.decision.span, newText: words[item.decision.value] }] }],
        });
      }
    }
    for (const item of model.items) {
      if (repeated.some((copy) => key(copy) === key(item))) continue;
      context.report({ span: item.name.span, message: `"${item.name.text}" is decided in "${issues}" but not in "${where}"; list the same items in both.` });
    }
  },
};
