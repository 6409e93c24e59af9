import type { PrivacyPattern as ConfiguredPattern, Rule } from './types';

interface PrivacyPattern {
  name: string;
  pattern: RegExp;
  /** A neutral term to offer besides [REDACTED]. */
  neutral?: string;
}

const BUILTIN: PrivacyPattern[] = [
  { name: 'a social security number', pattern: /(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])/g },
  { name: 'a phone number', pattern: /(?<![\d-])(?:\+?1[\s.-])?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\d-])/g },
  { name: 'an e-mail address', pattern: /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g },
  {
    name: 'a date of birth',
    pattern:
      /\b(?:date\s+of\s+birth|D\.?O\.?B\.?|born\s+on|birth\s*date)\s*(?:is|was|of)?[:\s]*(?:\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})/g,
  },
  {
    name: 'a street address',
    pattern:
      /\b\d{1,6}\s+(?:[NSEW]\.?\s+)?(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Lane|Ln|Way|Court|Ct|Place|Pl|Circle|Terrace|Parkway|Pkwy|Highway|Hwy)\b\.?/g,
  },
  // A doctor named in a letter is a provider; anyone else named with a title is most often the applicant.
  { name: 'a personal name', pattern: /\bDr\.?\s+[A-Z][a-z'’]+(?:[\s-][A-Z][a-z'’]+)?/g, neutral: 'the attending provider' },
  { name: 'a personal name', pattern: /\b(?:Mr|Mrs|Ms|Miss)\.?\s+[A-Z][a-z'’]+(?:[\s-][A-Z][a-z'’]+)?/g, neutral: 'the applicant' },
];

const REDACTED = '[REDACTED]';

export const phi: Rule = {
  id: 'phi',
  description: 'No identifying details: social security numbers, phone numbers, e-mail addresses, dates of birth, street addresses or titled personal names.',
  severity: 'warning',
  tags: ['privacy'],
  check(model, context) {
    const patterns = [...BUILTIN, ...extraPatterns(context.privacy)];
    for (const line of model.textLines) {
      const text = line.content.text;
      const taken: [number, number][] = [];
      for (const { name, pattern, neutral } of patterns) {
        for (const match of text.matchAll(pattern)) {
          const start = match.index ?? 0;
          const end = start + match[0].trimEnd().length;
          if (end <= start || taken.some(([from, to]) => start < to && end > from) || match[0].includes(REDACTED)) continue;
          taken.push([start, end]);
          const span = line.content.spanOf(start, end);
          context.report({
            span,
            message: `This looks like ${name}; published determinations are redacted. Remove it or write a neutral term.`,
            fix: { title: `Redact as ${REDACTED}`, edits: [{ span, newText: REDACTED }] },
            suggestions: neutral ? [{ title: `Replace with "${neutral}"`, edits: [{ span, newText: neutral }] }] : undefined,
          });
        }
      }
    }
  },
};

/** Extra patterns from the `privacy` configuration. */
function extraPatterns(configured: readonly ConfiguredPattern[]): PrivacyPattern[] {
  const out: PrivacyPattern[] = [];
  for (const { name, pattern, flags } of configured) {
    try {
      out.push({ name, pattern: new RegExp(pattern, `g${(flags ?? '').replace(/g/g, '')}`) });
    } catch {
      // Configuration validation reports bad patterns; the rule skips them.
    }
  }
  return out;
}
