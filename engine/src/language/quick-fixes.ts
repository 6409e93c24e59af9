// The quick fixes at a place in the draft, in the order an editor lists them: each finding's fixes, then "disable for this line".
import type { Finding, LocatedFix } from '../rules/types';
import type { Range } from '../text';
import { disableForLine, type DisableContext } from './disable';

export interface QuickFix {
  finding: Finding;
  fix: LocatedFix;
  /** 'fix' is the finding's obvious fix, 'suggestion' one of its alternatives, 'disable' the directive. */
  kind: 'fix' | 'suggestion' | 'disable';
  /** The one fix an editor may apply with a single key: the obvious fix when it is the only one. */
  preferred: boolean;
}

export interface QuickFixes {
  fixes: QuickFix[];
  /** As ESLint does: offer fixing the whole draft beside them, when a finding here has an obvious fix and the draft has more. */
  offerFixAll: boolean;
}

export interface QuickFixContext extends DisableContext {
  findings: readonly Finding[];
}

export function quickFixesAt(context: QuickFixContext, range: Range): QuickFixes {
  const fixes: QuickFix[] = [];
  let fixable = false;
  const disabled = new Set<string>();
  for (const finding of context.findings) {
    if (!overlaps(finding.range, range)) continue;
    const own = [finding.fix, ...(finding.suggestions ?? [])].filter((fix): fix is LocatedFix => fix !== undefined && fix.edits.length > 0);
    if (finding.fix) fixable = true;
    for (const fix of own) {
      const obvious = fix === finding.fix;
      fixes.push({ finding, fix, kind: obvious ? 'fix' : 'suggestion', preferred: obvious && own.length === 1 });
    }
    // One directive per rule and line, however many findings the rule has there.
    const key = `${finding.ruleId}:${finding.range.start.line}`;
    if (disabled.has(key)) continue;
    const disable = disableForLine(context, finding);
    if (!disable) continue;
    disabled.add(key);
    fixes.push({ finding, fix: disable, kind: 'disable', preferred: false });
  }
  const offerFixAll = fixable && context.findings.filter((finding) => finding.fix).length > 1;
  return { fixes, offerFixAll };
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Ranges that overlap or touch: a cursor at the end of a word still asks about it. */
function overlaps(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}
