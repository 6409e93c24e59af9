import { stateAbbreviations, stateAliases, usStates } from '../catalogue/states';
import { closest } from '../distance';
import type { Rule } from './types';

const known = new Set(usStates.map((state) => state.toLowerCase()));

export const credentialState: Rule = {
  id: 'credential-state',
  description: 'States of licensure are US states, the District of Columbia or territories, spelt right.',
  severity: 'warning',
  tags: ['credentials'],
  check(model, context) {
    for (const entry of model.credentials.states?.entries ?? []) {
      // Text left to fill in is the placeholder rule's.
      if (entry.placeholder) continue;
      const name = entry.text.replace(/\s+/g, ' ').trim();
      const lower = name.toLowerCase();
      if (known.has(lower) || name in stateAbbreviations || lower in stateAliases) continue;
      const suggestion = closest(name, usStates);
      context.report({
        span: entry.span,
        message: suggestion
          ? `"${name}" is not a state; did you mean "${suggestion}"?`
          : `"${name}" is not a US state, the District of Columbia or a territory; write the state's full name, separated from the others by commas.`,
        fix: suggestion ? { title: `Change to "${suggestion}"`, edits: [{ span: entry.span, newText: suggestion }] } : undefined,
      });
    }
  },
};
