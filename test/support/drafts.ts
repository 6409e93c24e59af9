// Builds small determination drafts from parts, and finds where text sits in them, so rule tests stay short.
import { applyEdits } from '../../engine/src/fixes';
import { lint, type LintOptions } from '../../engine/src/lint';
import type { Finding } from '../../engine/src/rules/types';
import type { Position, Range } from '../../engine/src/text';

export const HOW_MADE_STATEMENT =
  'MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no affiliation with the employer, employee, providers or the claims administrator. He/she has been in active clinical practice for more than five years and is currently working at least 24 hours a week in active practice.';

export const SUMMARY =
  'The applicant filed a claim for chronic low back pain reportedly associated with an industrial injury of March 3, 2012. In a Utilization Review Report dated June 2, 2014, the claims administrator failed to approve the requests at issue. The applicant returned to regular duty work.';

export const INTRO = 'The Final Determination was based on decisions for the disputed items/services set forth below:';

export const MTUS_CA = 'The Claims Administrator based their decision on the MTUS. Decision based on MTUS Chronic Pain Medical Treatment Guidelines, page 78';
export const MTUS_REVIEWER = 'The Expert Reviewer based their decision on the MTUS. Decision based on MTUS Chronic Pain Medical Treatment Guidelines, page 80';
export const NON_MTUS_CA = 'The Claims Administrator did not base their decision on the MTUS. Decision based on Non-MTUS Citation ODG Hip and Pelvis Chapter';
export const NON_MTUS_REVIEWER =
  'The Expert Reviewer did not base their decision on the MTUS. Decision based on Non-MTUS Citation ACOEM Practice Guidelines, Third Edition, Hip Chapter, Trochanteric Glucocorticosteroid Injections';

export const NECESSARY = 'Therefore, the request was medically necessary.';
export const NOT_NECESSARY = 'Therefore, the request was not medically necessary.';

export interface ItemParts {
  name?: string;
  decision?: string;
  /** Field texts after their labels; `null` leaves the field out. */
  claims?: string | null;
  reviewer?: string | null;
  rationale?: string | null;
}

/** One disputed item in the seed's plain form, fields defaulting to an MTUS item that agrees with its decision. */
export function item(parts: ItemParts = {}): string {
  const decision = parts.decision ?? 'Upheld';
  const concluding = /^overturned$/i.test(decision) ? NECESSARY : NOT_NECESSARY;
  const lines = [`${parts.name ?? 'Tramadol 50 mg #120'}:  ${decision}`];
  if (parts.claims !== null) lines.push(`Claims Administrator guideline: ${parts.claims ?? MTUS_CA}`);
  if (parts.reviewer !== null) lines.push(`MAXIMUS guideline: ${parts.reviewer ?? MTUS_REVIEWER}`);
  if (parts.rationale !== null) {
    lines.push(
      `Decision rationale: ${parts.rationale ?? `As noted on page 80 of the MTUS Chronic Pain Medical Treatment Guidelines, the cardinal criteria for continuation of opioid therapy include a return to work and improved function. ${concluding}`}`,
    );
  }
  return lines.join('\n\n');
}

export interface DraftParts {
  /** YAML lines without the fences. */
  frontMatter?: string;
  states?: string | null;
  specialties?: string | null;
  summary?: string;
  /** The issues section's body after the intro sentence; defaults to one clean item. */
  items?: string[];
  /** Replaces the three standard section titles, in order; `null` leaves a section out. */
  titles?: [string | null, string | null, string | null];
}

/** A whole draft in the seed's format (titles as plain paragraphs, LF line ends). */
export function draft(parts: DraftParts = {}): string {
  const [howMade, summary, issues] = parts.titles ?? [
    'HOW THE IMR FINAL DETERMINATION WAS MADE',
    'CLINICAL CASE SUMMARY',
    'IMR ISSUES, DECISIONS AND RATIONALES',
  ];
  const blocks: string[] = [];
  if (parts.frontMatter !== undefined) blocks.push(`---\n${parts.frontMatter}\n---`);
  if (howMade !== null) {
    blocks.push(howMade, HOW_MADE_STATEMENT, 'The Expert Reviewer has the following credentials:');
    if (parts.states !== null) blocks.push(`State(s) of Licensure: ${parts.states ?? 'Texas, Ohio, California'}`);
    if (parts.specialties !== null) blocks.push(`Certification(s)/Specialty: ${parts.specialties ?? 'Preventive Medicine, Occupational Medicine'}`);
  }
  if (summary !== null) blocks.push(summary, parts.summary ?? SUMMARY);
  if (issues !== null) blocks.push(issues, INTRO, ...(parts.items ?? [item()]));
  return `${blocks.join('\n\n')}\n`;
}

/** Lints with a fixed clock, so date checks do not depend on the day the tests run. */
export function lintText(text: string, options: LintOptions = {}): Finding[] {
  const result = lint(text, { today: '2025-06-30', ...options });
  if (result.failures.length > 0) throw new Error(`rules failed: ${JSON.stringify(result.failures)}`);
  return result.findings;
}

export function findingsOf(text: string, ruleId: string, options: LintOptions = {}): Finding[] {
  return lintText(text, options).filter((finding) => finding.ruleId === ruleId);
}

/** Errors and warnings only: what a clean draft must not have. */
export function problems(text: string, options: LintOptions = {}): Finding[] {
  return lintText(text, options).filter((finding) => finding.severity === 'error' || finding.severity === 'warning');
}

/** The text with a finding's fix (or one of its suggestions) applied. */
export function applyFix(text: string, finding: Finding, suggestion?: number): string {
  const fix = suggestion === undefined ? finding.fix : finding.suggestions?.[suggestion];
  if (!fix) throw new Error(`finding ${finding.ruleId} "${finding.message}" has no ${suggestion === undefined ? 'fix' : `suggestion ${suggestion}`}`);
  return applyEdits(text, fix.edits).text;
}

/**
 * The LSP range of the `occurrence`-th appearance of `needle`, counted here by splitting lines
 * independently of the engine's LineIndex, so a test compares two computations.
 */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" occurs fewer than ${occurrence + 1} times`);
  }
  return { start: positionOf(text, at), end: positionOf(text, at + needle.length) };
}

function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const breaks = before.match(/\r\n|\r|\n/g) ?? [];
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { line: breaks.length, character: offset - (lastBreak + 1) };
}

/** The 0-based line of the first line containing `needle`. */
export function lineOf(text: string, needle: string, occurrence = 0): number {
  return rangeOf(text, needle, occurrence).start.line;
}

/** A compact view of findings for deepEqual: rule, severity and range. */
export function summarize(findings: Finding[]): { ruleId: string; severity: string; range: Range }[] {
  return findings.map(({ ruleId, severity, range }) => ({ ruleId, severity, range }));
}
