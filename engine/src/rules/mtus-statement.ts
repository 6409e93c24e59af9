import type { GuidelineField } from '../model/types';
import type { Rule } from './types';

export const mtusStatement: Rule = {
  id: 'mtus-statement',
  description: 'Each guideline field says whether the decision was based on the MTUS, and the citation agrees with it.',
  severity: 'error',
  tags: ['citations'],
  check(model, context) {
    for (const item of model.items) {
      for (const field of item.fields) {
        if (field.kind === 'rationale' || field.value.length === 0) continue;
        const { statement, citation } = field as GuidelineField;
        const spec = context.profile.fields.find((candidate) => candidate.kind === field.kind);
        if (!statement) {
          const subject = spec?.subject ?? 'The reviewer';
          const based = citation?.kind === 'MTUS';
          context.report({
            span: field.label.span,
            severity: 'warning',
            message: `"${field.label.text}" does not say whether the decision was based on the MTUS; begin it with "${subject} ${based ? 'based' : 'did not base'} their decision on the MTUS."`,
            fix: citation
              ? {
                  title: 'Insert the MTUS statement',
                  edits: [
                    {
                      span: { start: field.value.span.start, end: field.value.span.start },
                      newText: `${subject} ${based ? 'based' : 'did not base'} their decision on the MTUS. `,
                    },
                  ],
                }
              : undefined,
          });
          continue;
        }
        if (citation && statement.basedOnMtus !== (citation.kind === 'MTUS')) {
          const verb = citation.kind === 'MTUS' ? 'based' : 'did not base';
          context.report({
            span: statement.verb.span,
            message: `The statement says the decision was ${statement.basedOnMtus ? '' : 'not '}based on the MTUS, but the citation is "${citation.prefix.text}"; make them agree.`,
            fix: { title: `Change to "${verb}"`, edits: [{ span: statement.verb.span, newText: verb }] },
          });
        }
        if (spec?.subject && statement.subject.text.replace(/\s+/g, ' ').toLowerCase() !== spec.subject.toLowerCase()) {
          context.report({
            span: statement.subject.span,
            severity: 'warning',
            message: `In "${field.label.text}" the statement speaks of "${spec.subject}", not "${statement.subject.text}"; write "${spec.subject}".`,
            fix: { title: `Change to "${spec.subject}"`, edits: [{ span: statement.subject.span, newText: spec.subject }] },
          });
        }
      }
    }
  },
};
