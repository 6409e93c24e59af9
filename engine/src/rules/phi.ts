import type { RE2JS } from 're2js';
import { compilePattern } from '../pattern';
import { z } from 'zod';
import { defineRule, type PrivacyPattern as ConfiguredPattern } from './types';

interface PrivacyPattern {
  name: string;
  pattern: RegExp;
  /** What a line must hold for the pattern to be worth trying. */
  probe: RegExp;
  /** A neutral term to offer besides [REDACTED]. */
  neutral?: string;
}

const BUILTIN: PrivacyPattern[] = [
  { name: 'a social security number', pattern: /(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])/g, probe: /\d-\d/ },
  { name: 'a phone number', pattern: /(?<![\d-])(?:\+?1[\s.-])?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\d-])/g, probe: /\d{4}/ },
  { name: 'an e-mail address', pattern: /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, probe: /@/ },
  {
    name: 'a date of birth',
    probe: /birth|born|D\.?O\.?B/i,
    // One way to read each space: "\s*" then "[:\s]*" would try every split of a long run of spaces.
    pattern:
      /\b(?:[Dd]ate\s+of\s+[Bb]irth|DATE\s+OF\s+BIRTH|D\.?O\.?B\.?|[Bb]orn\s+on|BORN\s+ON|[Bb]irth\s*[Dd]ate|BIRTH\s*DATE)[:\s]*(?:(?:is|was|of)[:\s]*)?(?:\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})/g,
  },
  {
    name: 'a street address',
    probe: /\d/,
    pattern:
      /\b\d{1,6}\s+(?:[NSEW]\.?\s+)?(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Lane|Ln|Way|Court|Ct|Place|Pl|Circle|Terrace|Parkway|Pkwy|Highway|Hwy)\b\.?/g,
  },
  // A doctor named in a letter is a provider; anyone else named with a title is most often the applicant.
  {
    name: 'a personal name',
    pattern: /\bDr\.?\s+[A-Z](?:[a-z]|['’][A-Za-z])+(?:[\s-][A-Z](?:[a-z]|['’][A-Za-z])+)?/g,
    probe: /Dr/,
    neutral: 'the attending provider',
  },
  {
    name: 'a personal name',
    pattern: /\b(?:Mr|Mrs|Ms|Miss)\.?\s+[A-Z](?:[a-z]|['’][A-Za-z])+(?:[\s-][A-Z](?:[a-z]|['’][A-Za-z])+)?/g,
    probe: /M(?:r|s|iss)/,
    neutral: 'the applicant',
  },
];

const REDACTED = '[REDACTED]';

// The rule takes no options: privacy patterns have one home, `privacy.patterns`, where they are checked.
const options = z.strictObject(
  {},
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' && issue.keys.includes('patterns')
        ? 'privacy patterns are not a rule option: put them under "privacy": { "patterns": [...] } at the top level (or in the imr.privacy setting)'
        : issue.code === 'unrecognized_keys'
          ? `this rule takes no options (got ${issue.keys.map((key) => `"${key}"`).join(', ')})`
          : 'options are an object',
  },
);

export const phi = defineRule({
  id: 'phi',
  description: 'No identifying details: social security numbers, phone numbers, e-mail addresses, dates of birth, street addresses or titled personal names.',
  severity: 'warning',
  tags: ['privacy'],
  options,
  check(model, context) {
    const extra = extraPatterns(context.privacy);
    const read = (text: string): Identifier[] => identifiersIn(text, extra);
    for (const line of model.textLines) {
      for (const { name, start, end, neutral } of context.perLine(line.content.text, read)) {
        const span = line.content.spanOf(start, end);
        context.report({
          span,
          message: `This looks like ${name}; published determinations are redacted. Remove it or write a neutral term.`,
          fix: { title: `Redact as ${REDACTED}`, edits: [{ span, newText: REDACTED }] },
          suggestions: neutral ? [{ title: `Replace with "${neutral}"`, edits: [{ span, newText: neutral }] }] : undefined,
        });
      }
    }
  },
});

/** Identifying text in one line, as indices into it. */
interface Identifier {
  name: string;
  start: number;
  end: number;
  neutral?: string;
}

/** What identifies someone in one line's text, each character reported once, first pattern first. */
function identifiersIn(text: string, extra: readonly { name: string; pattern: RE2JS }[]): Identifier[] {
  const found: Identifier[] = [];
  // Characters already reported: each match is checked and marked in its own length, so the check stays linear.
  let taken: Uint8Array | undefined;
  const add = (name: string, start: number, matched: string, neutral?: string): void => {
    const end = start + matched.trimEnd().length;
    if (end <= start || matched.includes(REDACTED)) return;
    taken ??= new Uint8Array(text.length);
    if (taken.subarray(start, end).includes(1)) return;
    taken.fill(1, start, end);
    found.push(neutral ? { name, start, end, neutral } : { name, start, end });
  };
  for (const { name, pattern, probe, neutral } of BUILTIN) {
    if (probe.test(text)) for (const match of text.matchAll(pattern)) add(name, match.index, match[0], neutral);
  }
  for (const { name, pattern } of extra) for (const match of pattern.matchAll(text)) add(name, match.index ?? 0, match[0]);
  return found;
}

/** Patterns from configuration (`privacy.patterns`), compiled for RE2; the schema has already refused any that do not compile. */
function extraPatterns(configured: readonly ConfiguredPattern[]): { name: string; pattern: RE2JS }[] {
  const out: { name: string; pattern: RE2JS }[] = [];
  for (const { name, pattern, flags } of configured) {
    const compiled = compilePattern(pattern, (flags ?? '').replace(/g/g, ''));
    if (compiled.ok) out.push({ name, pattern: compiled.pattern });
  }
  return out;
}
