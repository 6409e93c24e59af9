// Fix-all: every obvious fix, pass after pass (a fix can reveal another), as edits of the original text where the fixes fall.
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
}

/** `findings` may be the original text's current findings, saving one lint. */
export function fixAll(text: string, options: LintOptions = {}, findings?: Finding[], maxPasses = MAX_FIX_PASSES): FixAllResult {
  const tracked = new TrackedText(text);
  let current = text;
  let currentFindings = findings ?? lint(text, options).findings;
  let passes = 0;
  // A fix whose finding comes back unchanged did not take (say, text inserted inside an unclosed comment): never apply it twice.
  const tried = new Set<string>();
  const key = (finding: Finding): string => `${finding.ruleId}\u0000${finding.message}\u0000${finding.fix?.edits.map((edit) => edit.newText).join('\u0000')}`;
  while (passes < maxPasses) {
    const fresh = currentFindings.filter((finding) => finding.fix && !tried.has(key(finding)));
    const edits = fixEdits(fresh);
    if (edits.length === 0) break;
    for (const finding of fresh) tried.add(key(finding));
    const { text: next, applied } = applyEdits(current, edits);
    if (next === current) break;
    tracked.apply(applied);
    current = next;
    passes++;
    currentFindings = lint(current, options).findings;
  }
  return { text: current, edits: tracked.edits(), passes, remaining: currentFindings };
}
