import type { DisputedItem } from '../model/types';
import type { DecisionValue } from '../profiles/types';
import type { Fix, Rule } from './types';

export const decisionValue: Rule = {
  id: 'decision-value',
  description: 'Each disputed item ends with an IMR decision, exactly "Upheld" or "Overturned" (or the phrase the profile uses).',
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
          ? {
              title: `Add decision "${word}"`,
              // A word ends its item line, replacing what trails the name (a bare colon); a phrase goes before the sentence's full stop.
              edits:
                words.form === 'word'
                  ? [{ span: { start: item.name.span.end, end: item.header.span.end }, newText: `:  ${word}` }]
                  : [{ span: { start: item.name.span.end, end: item.name.span.end }, newText: ` ${word}` }],
            }
          : { title: `Change to "${word}"`, edits: [{ span: decision.span, newText: word }] };
      const span = decision.class === 'missing' ? item.name.span : decision.span;
      switch (decision.class) {
        case 'valid':
          break;
        case 'casing':
          context.report({ span, severity: 'warning', message: `Write the decision as "${correct}".`, fix: replace(correct!) });
          break;
        case 'punctuation':
          context.report({
            span,
            severity: 'warning',
            message: `Write the decision as "${correct}", without "${decision.text.slice(correct!.length)}".`,
            fix: replace(correct!),
          });
          break;
        case 'misspelt':
          context.report({ span, message: `"${decision.text}" is not an IMR decision; write "${correct}".`, fix: replace(correct!) });
          break;
        case 'ur-word': {
          // The rationale's conclusion says what the reviewer decided; the UR word only what UR would call it.
          const meant = concluded(item) ?? decision.value;
          const reason =
            meant !== undefined && meant !== decision.value
              ? ` (the rationale concludes the request is ${meant === 'overturned' ? '' : 'not '}medically necessary)`
              : '';
          context.report({
            span,
            message: `"${decision.text}" is a utilization review word; an IMR decision is ${both}${meant ? ` (here probably "${words[meant]}"${reason})` : ''}.`,
            fix: meant ? replace(words[meant]) : undefined,
            suggestions: meant ? undefined : [replace(words.upheld), replace(words.overturned)],
          });
          break;
        }
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
            message: `Item "${item.name.text}" has no decision; ${words.form === 'word' ? 'end its line with' : 'end its sentence with'} ${both}.`,
            suggestions: [replace(words.upheld), replace(words.overturned)],
          });
          break;
      }
    }
  },
};

/** The decision the item's rationale concludes, if it concludes. */
function concluded(item: DisputedItem): DecisionValue | undefined {
  const conclusion = item.rationale?.conclusion;
  if (!conclusion) return undefined;
  return conclusion.necessary ? 'overturned' : 'upheld';
}
