// Counts of findings per draft and per rule, as the HTML report shows them.
import type { Finding, Severity } from '../../../engine/src';
import type { FileReport } from '../report';

/** Errors, warnings, and info (hints counted with info, as reviewers read them alike). */
export interface Counts {
  error: number;
  warning: number;
  info: number;
}

export interface DraftTally {
  file: string;
  findings: Finding[];
  counts: Counts;
}

export interface RuleTally {
  ruleId: string;
  counts: Counts;
  /** Drafts with at least one finding of the rule. */
  drafts: number;
}

const BUCKET: Record<Severity, keyof Counts> = { error: 'error', warning: 'warning', info: 'info', hint: 'info' };

export const total = (counts: Counts): number => counts.error + counts.warning + counts.info;

const empty = (): Counts => ({ error: 0, warning: 0, info: 0 });

export function bucket(severity: Severity): keyof Counts {
  return BUCKET[severity];
}

/** Drafts most in need of work first (errors, then warnings, then info), then by name. */
export function tallyDrafts(reports: FileReport[]): DraftTally[] {
  const drafts = reports.map((report) => {
    const counts = empty();
    for (const finding of report.findings) counts[BUCKET[finding.severity]]++;
    return { file: report.file, findings: report.findings, counts };
  });
  return drafts.sort(
    (a, b) =>
      b.counts.error - a.counts.error ||
      b.counts.warning - a.counts.warning ||
      b.counts.info - a.counts.info ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0),
  );
}

/** Rules that found something, most findings first. */
export function tallyRules(reports: FileReport[]): RuleTally[] {
  const byRule = new Map<string, { counts: Counts; drafts: Set<string> }>();
  for (const report of reports) {
    for (const finding of report.findings) {
      const entry = byRule.get(finding.ruleId) ?? { counts: empty(), drafts: new Set<string>() };
      entry.counts[BUCKET[finding.severity]]++;
      entry.drafts.add(report.file);
      byRule.set(finding.ruleId, entry);
    }
  }
  return [...byRule]
    .map(([ruleId, entry]) => ({ ruleId, counts: entry.counts, drafts: entry.drafts.size }))
    .sort((a, b) => total(b.counts) - total(a.counts) || (a.ruleId < b.ruleId ? -1 : 1));
}

export function sumCounts(items: { counts: Counts }[]): Counts {
  const sum = empty();
  for (const { counts } of items) {
    sum.error += counts.error;
    sum.warning += counts.warning;
    sum.info += counts.info;
  }
  return sum;
}
