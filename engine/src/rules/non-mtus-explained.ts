import type { Rule } from './types';

export const nonMtusExplained: Rule = {
  id: 'non-mtus-explained',
  description: 'When the reviewer cites a Non-MTUS source, the rationale says why the MTUS was not used.',
  severity: 'warning',
  tags: ['rationale', 'citations'],
  check(model, context) {
    for (const item of model.items) {
      if (item.reviewer?.citation?.kind !== 'Non-MTUS' || !item.rationale) continue;
      if (item.rationale.mtusExplanation) continue;
      const start = item.rationale.value.span.start;
      context.report({
        span: item.rationale.label.span,
        message: `"${item.name.text}" relies on a Non-MTUS source; say why in the rationale (for example "The MTUS does not address the topic."), as the evidence search sequence requires.`,
        suggestions: [
          {
            title: 'Insert "The MTUS does not address the topic."',
            edits: [{ span: { start, end: start }, newText: 'The MTUS does not address the topic. ' }],
          },
        ],
      });
    }
  },
};
