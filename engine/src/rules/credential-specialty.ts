import { knownSpecialties } from '../catalogue/specialties';
import { closest } from '../distance';
import { z } from 'zod';
import { defineRule } from './types';

const normalize = (name: string): string =>
  name
    .toLowerCase()
    .replace(/orthopedic/g, 'orthopaedic')
    .replace(/&/g, 'and')
    .replace(/[^a-z]+/g, ' ')
    .trim();
const known = new Set(knownSpecialties.map(normalize));

const options = z.strictObject({
  specialties: z
    .array(z.string().min(1))
    .default([])
    .describe('Certifications or specialties to accept besides the catalogue (boards of other countries, local titles).'),
});

export const credentialSpecialty = defineRule({
  id: 'credential-specialty',
  description: 'Certifications and specialties are known ABMS boards, subspecialties or non-physician disciplines.',
  severity: 'info',
  tags: ['credentials'],
  options,
  check(model, context) {
    const accepted = new Set(context.options.specialties.map(normalize));
    for (const entry of model.credentials.specialties?.entries ?? []) {
      // Text left to fill in is the placeholder rule's.
      if (entry.placeholder) continue;
      // The words of a certification before the specialty, after any quotation mark: "American Board of …", "Board Certified
      // in …", "Board-certified …", "Diplomate of the American Board of …", "Certified by the American Board of …".
      const name = entry.text
        .replace(/\s+/g, ' ')
        .replace(
          /^[^A-Za-z]*(?:(?:Diplomate\s+of|(?:Board[- ])?Certified\s+by)\s+the\s+)?(?:American\s+Board\s+of|Board\s+Certified\s+in|Board[- ]certified)\s+/i,
          '',
        );
      if (known.has(normalize(name)) || accepted.has(normalize(name))) continue;
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
});
