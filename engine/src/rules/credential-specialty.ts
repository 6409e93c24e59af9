import { knownSpecialties } from '../catalogue/specialties';
import { closest } from '../model/words';
import type { Rule } from './types';

const normalize = (name: string): string =>
  name
    .toLowerCase()
    .replace(/orthopedic/g, 'orthopaedic')
    .replace(/&/g, 'and')
    .replace(/[^a-z]+/g, ' ')
    .trim();
const known = new Set(knownSpecialties.map(normalize));

export const credentialSpecialty: Rule = {
  id: 'credential-specialty',
  description: 'Certifications and specialties are known ABMS boards, subspecialties or non-physician disciplines.',
  severity: 'info',
  tags: ['credentials'],
  check(model, context) {
    for (const entry of model.credentials.specialties?.entries ?? []) {
      const name = entry.text.replace(/\s+/g, ' ').replace(/^(?:American\s+Board\s+of|Board\s+Certified\s+in|Board[- ]certified)\s+/i, '');
      if (known.has(normalize(name))) continue;
      const suggestion = closest(name, knownSpecialties);
      context.report({
        span: entry.span,
        message: suggestion
          ? `"${entry.text}" is not a specialty this extension knows; did you mean "${suggestion}"?`
          : `"${entry.text}" is not a specialty this extension knows; check it is a board, subspecialty or discipline.`,
        suggestions: suggestion ? [{ title: `Change to "${suggestion}"`, edits: [{ span: entry.span, newText: suggestion }] }] : undefined,
      });
    }
  },
};
