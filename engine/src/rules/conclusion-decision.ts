import type { Rule } from './types';

export const conclusionDecision: Rule = {
  id: 'conclusion-decision',
  description: "The rationale's conclusion agrees with the decision: Upheld means not medically necessary, Overturned means medically necessary.",
  severity: 'error',
  tags: ['rationale', 'decisions'],
  check(model, context) {
    const words = context.profile.decisions;
    for (const item of model.items) {
      const rationale = item.rationale;
      const decision = item.decision.value;
      // A decision word only mis-written (case, a full stop) is still a decision to agree with.
      if (!rationale || !decision || !['valid', 'casing', 'punctuation'].includes(item.decision.class)) continue;
      const necessary = decision === 'overturned';
      const sentence = words.conclusions[decision];
      const conclusion = rationale.conclusion;
      if (!conclusion) {
        if (rationale.value.length === 0) continue;
        const end = rationale.value.span.end;
        context.report({
          span: rationale.label.span,
          severity: 'warning',
          message: `The rationale for "${item.name.text}" has no conclusion; end it with "${sentence}"`,
          fix: { title: `Add "${sentence}"`, edits: [{ span: { start: end, end }, newText: ` ${sentence}` }] },
        });
        continue;
      }
      if (conclusion.necessary === necessary) continue;
      const other = necessary ? words.upheld : words.overturned;
      context.report({
        span: conclusion.span,
        message: `The decision is "${words[decision]}" but the rationale concludes the request is ${conclusion.necessary ? '' : 'not '}medically necessary; "${words[decision]}" needs "${necessary ? 'medically necessary' : 'not medically necessary'}". Correct whichever of the two is wrong.`,
        suggestions: [
          { title: `Change the conclusion to "${sentence}"`, edits: [{ span: conclusion.span, newText: sentence }] },
          { title: `Change the decision to "${other}"`, edits: [{ span: item.decision.span, newText: other }] },
        ],
      });
    }
  },
};
