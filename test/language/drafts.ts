// Defective drafts made from the seed, each with the finding it causes and the text its fix must give back.
import { readFileSync } from 'node:fs';

export const seed = readFileSync(new URL('../fixtures/seed.imr.md', import.meta.url), 'utf8');

export interface Defect {
  name: string;
  ruleId: string;
  /** The finding's message, to tell it from other findings of the same rule. */
  message: RegExp;
  fixTitle: string;
  /** [from, to] that makes the defect, and [from, to] that the fix must do to the defective draft. */
  inject: [string, string];
  repair: [string, string];
}

const maximusField = seed.slice(seed.indexOf('MAXIMUS guideline:'), seed.indexOf('Decision rationale:'));

export const defects: Defect[] = [
  {
    name: 'a UR word as the decision',
    ruleId: 'decision-value',
    message: /utilization review word/,
    fixTitle: 'Change to "Overturned"',
    inject: ['Injection:  Overturned', 'Injection:  Approved'],
    repair: ['Injection:  Approved', 'Injection:  Overturned'],
  },
  {
    name: 'an MTUS statement that contradicts its citation kind',
    ruleId: 'mtus-statement',
    message: /make them agree/,
    fixTitle: 'Change to "did not base"',
    inject: ['The Claims Administrator did not base', 'The Claims Administrator based'],
    repair: ['The Claims Administrator based', 'The Claims Administrator did not base'],
  },
  {
    name: 'a rationale without its conclusion',
    ruleId: 'conclusion-decision',
    message: /has no conclusion/,
    fixTitle: 'Add "Therefore, the request was medically necessary."',
    inject: ['return to work. Therefore, the request was \n\nmedically necessary. ', 'return to work. '],
    repair: ['return to work. ', 'return to work. Therefore, the request was medically necessary. '],
  },
  {
    name: 'a missing section',
    ruleId: 'required-section',
    message: /Add the required section "CLINICAL CASE SUMMARY"/,
    fixTitle: 'Insert section "CLINICAL CASE SUMMARY"',
    inject: ['CLINICAL CASE SUMMARY \n\n', ''],
    repair: [
      'IMR ISSUES, DECISIONS AND RATIONALES',
      'CLINICAL CASE SUMMARY\n\nThe expert reviewer developed the following clinical case summary based on a review of the case file, including all medical records:\n\nIMR ISSUES, DECISIONS AND RATIONALES',
    ],
  },
  {
    name: 'a missing field',
    ruleId: 'item-fields',
    message: /has no "MAXIMUS guideline:" field/,
    fixTitle: 'Insert "MAXIMUS guideline:"',
    inject: [maximusField, ''],
    repair: ['Decision rationale:', 'MAXIMUS guideline: \n\nDecision rationale:'],
  },
  {
    name: 'a misspelt state',
    ruleId: 'credential-state',
    message: /"Ohoi" is not a state/,
    fixTitle: 'Change to "Ohio"',
    inject: ['Texas, Ohio', 'Texas, Ohoi'],
    repair: ['Texas, Ohoi', 'Texas, Ohio'],
  },
  {
    name: 'a personal name',
    ruleId: 'phi',
    message: /personal name/,
    fixTitle: 'Redact as [REDACTED]',
    inject: ['The applicant filed', 'Mr. Johnson filed'],
    repair: ['Mr. Johnson filed', '[REDACTED] filed'],
  },
];

const withEol = (text: string, eol: string): string => text.replace(/\n/g, eol);

/** Replaces the one occurrence of `from`; a second or missing one means the fixture drifted. */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`expected exactly one ${JSON.stringify(from.slice(0, 60))}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

export function seedWith(eol = '\n'): string {
  return withEol(seed, eol);
}

/** The draft with every given defect. */
export function draftWith(list: Defect[], eol = '\n'): string {
  return list.reduce((text, defect) => replaceOnce(text, withEol(defect.inject[0], eol), withEol(defect.inject[1], eol)), seedWith(eol));
}

/** What the draft must read after every given defect is fixed. */
export function repaired(draft: string, list: Defect[], eol = '\n'): string {
  return list.reduce((text, defect) => replaceOnce(text, withEol(defect.repair[0], eol), withEol(defect.repair[1], eol)), draft);
}

/** Where `marker` stands in `text`, and the text without it: for completion and hover positions. */
export function cursorAt(text: string, marker = '‸'): { text: string; offset: number } {
  const offset = text.indexOf(marker);
  if (offset < 0) throw new Error(`no ${marker} in the text`);
  return { text: text.slice(0, offset) + text.slice(offset + marker.length), offset };
}
