import type { Fix, Rule } from './types';

export const decisionValue: Rule = {
  id: 'decision-value',
  description: 'Each disputed item ends with an IMR decision word, exactly "Upheld" or "Overturned".',
  severity: 'error',
  tags: ['decisions'],
  check(model, context) {
    const words = context.profile.decisions;
    const both = `"${words.upheld}" or "${words.overturned}"`;
    for (const item of model.items) {
      const decision = item.decision;
      const correct = decision.value ? words[decision.value] : undefined;
      const replace = (word: string): Fix =>
        decision.class === 'missing'
          ? { title: `Add decision "${word}"`, edits: [{ span: { start: item.name.span.end, end: item.header.span.end }, newText: `:  ${word}` }] }
          : { title: `Change to "${word}"`, edits: [{ span: decision.span, newText: word }] };
      const span = decision.class === 'missing' ? item.name.span : decision.span;
      switch (decision.class) {
        case 'valid':
          break;
        case 'casing':
          context.report({ span, severity: 'warning', message: `Write the decision as "${correct}".`, fix: replace(correct!) });
          break;
        case 'misspelt':
          context.report({ span, message: `"${decision.text}" is not an IMR decision; write "${correct}".`, fix: replace(correct!) });
          break;
        case 'ur-word':
          context.report({
            span,
            message: `"${decision.text}" is a utilization review word; an IMR decision is ${both}${correct ? ` (here probably "${correct}")` : ''}.`,
            fix: correct ? replace(correct) : undefined,
            suggestions: correct ? undefined : [replace(words.upheld), replace(words.overturned)],
          });
          break;
        case 'unknown':
          context.report({
            span,
            message: `"${decision.text}" is not an IMR decision; write ${both}.`,
            suggestions: [replace(words.upheld), replace(words.overturned)],
          });
          break;
        case 'missing':
          context.report({
            span,
            message: `Item "${item.name.text}" has no decision; end its line with ${both}.`,
            suggestions: [replace(words.upheld), replace(words.overturned)],
          });
          break;
      }
    }
  },
};
