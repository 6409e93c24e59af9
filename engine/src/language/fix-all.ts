// Fix-all: every obvious fix, pass after pass (a fix can reveal another), as edits of the original text where the
// fixes fall. A fix after which the draft has more errors than before is never applied; fixes are judged one by one
// whenever the errors of some rule grow, so one fix's good never hides another's harm.
import { applyEdits, fixEdits } from '../fixes';
import { lint, type LintOptions } from '../lint';
import type { Finding, TextEdit } from '../rules/types';
import { TrackedText } from './tracked-text';

/** Enough for a draft whose fixes reveal further fixes, bounded so fixes that undo each other cannot loop. */
export const MAX_FIX_PASSES = 10;

export interface FixAllResult {
  text: string;
  /** Edits of the original text (spans in it), one per changed region. */
  edits: TextEdit[];
  /** Lint passes that changed the text. */
  passes: number;
  /** Findings still reported on the fixed text. */
  remaining: Finding[];
  /** Fixes left out because the draft had more errors after them. */
  refused: Finding[];
  /** Set when fix-all was stopped over its budget (the finding says so): nothing was fixed. */
  stopped?: Finding;
}

/** Errors by rule. */
function errorsByRule(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) if (finding.severity === 'error') counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  return counts;
}

/** Whether `after` has more errors of some rule than `before`. */
function anyRuleWorse(before: Map<string, number>, after: readonly Finding[]): boolean {
  for (const [ruleId, count] of errorsByRule(after)) if (count > (before.get(ruleId) ?? 0)) return true;
  return false;
}

const errorCount = (findings: readonly Finding[]): number => findings.filter((finding) => finding.severity === 'error').length;

/** `findings` may be the original text's current findings, saving one lint. */
export function fixAll(text: string, options: LintOptions = {}, findings?: Finding[], maxPasses = MAX_FIX_PASSES): FixAllResult {
  const tracked = new TrackedText(text);
  let current = text;
  let currentFindings = findings ?? lint(text, options).findings;
  let passes = 0;
  const refused: Finding[] = [];
  // A fix whose finding comes back unchanged did not take (say, text inserted inside an unclosed comment): never apply it twice.
  const tried = new Set<string>();
  const key = (finding: Finding): string => `${finding.ruleId}\u0000${finding.message}\u0000${finding.fix?.edits.map((edit) => edit.newText).join('\u0000')}`;
  while (passes < maxPasses) {
    const fresh = currentFindings.filter((finding) => finding.fix && !tried.has(key(finding)));
    if (fixEdits(fresh).length === 0) break;
    for (const finding of fresh) tried.add(key(finding));
    const step = applyPass(current, fresh, currentFindings, options);
    refused.push(...step.refused);
    if (step.text === current) break;
    tracked.apply(step.applied);
    current = step.text;
    currentFindings = step.findings;
    passes++;
  }
  return { text: current, edits: tracked.edits(), passes, remaining: currentFindings, refused };
}

interface Pass {
  text: string;
  applied: TextEdit[];
  findings: Finding[];
  refused: Finding[];
}

/**
 * Applies the fixes together. When that leaves any rule with more errors (a fix's harm, perhaps hidden by another's
 * good), each fix is judged on its own and kept only when the draft has no more errors after it.
 */
function applyPass(text: string, fixes: Finding[], before: Finding[], options: LintOptions): Pass {
  const together = applyEdits(text, fixEdits(fixes));
  const after = lint(together.text, options).findings;
  if (!anyRuleWorse(errorsByRule(before), after)) return { text: together.text, applied: together.applied, findings: after, refused: [] };
  const limit = errorCount(before);
  const accepted: Finding[] = [];
  const refused: Finding[] = [];
  for (const fix of fixes) {
    const alone = applyEdits(text, fixEdits([fix])).text;
    (errorCount(lint(alone, options).findings) > limit ? refused : accepted).push(fix);
  }
  if (accepted.length === 0) return { text, applied: [], findings: before, refused };
  const chosen = applyEdits(text, fixEdits(accepted));
  const findings = lint(chosen.text, options).findings;
  // Fixes that are harmless alone can still do harm together; then none is applied in this pass.
  if (errorCount(findings) > limit) return { text, applied: [], findings: before, refused: fixes };
  return { text: chosen.text, applied: chosen.applied, findings, refused };
}
