import type { GuidelineField } from '../model/types';
import type { Rule } from './types';

export const citationFormat: Rule = {
  id: 'citation-format',
  description: 'Each guideline field ends with a citation: "Decision based on MTUS <source>" or "Decision based on Non-MTUS Citation <source>".',
  severity: 'error',
  tags: ['citations'],
  check(model, context) {
    for (const item of model.items) {
      for (const field of item.fields) {
        if (field.kind === 'rationale' || field.value.length === 0) continue;
        const { citation } = field as GuidelineField;
        if (!citation) {
          context.report({
            span: field.label.span,
            message: `"${field.label.text}" of "${item.name.text}" has no citation; end it with "Decision based on MTUS <source>" or "Decision based on Non-MTUS Citation <source>".`,
          });
        } else if (!citation.reference) {
          context.report({ span: citation.prefix.span, message: `Name the guideline after "${citation.prefix.text}".` });
        }
      }
    }
  },
};
