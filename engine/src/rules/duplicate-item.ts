import { itemKey } from './item-key';
import type { Rule } from './types';

export const duplicateItem: Rule = {
  id: 'duplicate-item',
  description: 'Each disputed item name appears once.',
  severity: 'error',
  tags: ['items'],
  check(model, context) {
    const first = new Map<string, number>();
    for (const item of model.items) {
      const name = itemKey(item);
      const line = first.get(name);
      if (line === undefined) {
        first.set(name, item.range.start.line);
        continue;
      }
      context.report({
        span: item.name.span,
        message: `Item "${item.name.text}" already appears on line ${line + 1}; each item is decided once, so merge the two or correct the name.`,
      });
    }
  },
};
