// The quick fixes at a place in the draft, in the order a writer most likely means them: the fix of the finding under
// the cursor first, then the other fixes and suggestions, then "disable for this line"; fix-all goes after them all.
import type { Severity } from '../severity';
import type { Finding, LocatedFix } from '../rules/types';
import type { Range } from '../text';
import { disableForLine, type DisableContext } from './disable';

export interface QuickFix {
  finding: Finding;
  fix: LocatedFix;
  /** 'fix' is the finding's obvious fix, 'suggestion' one of its alternatives, 'disable' the directive. */
  kind: 'fix' | 'suggestion' | 'disable';
  /** The one fix an editor may apply with a single key: first in the list, the obvious and only fix of the finding under the cursor. */
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

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export function quickFixesAt(context: QuickFixContext, range: Range): QuickFixes {
  const here = context.findings.filter((finding) => overlaps(finding.range, range)).sort((a, b) => byLikelihood(a, b, range));
  const fixes: QuickFix[] = [];
  for (const finding of here) {
    const own = [finding.fix, ...(finding.suggestions ?? [])].filter((fix): fix is LocatedFix => fix !== undefined && fix.edits.length > 0);
    for (const fix of own) fixes.push({ finding, fix, kind: fix === finding.fix ? 'fix' : 'suggestion', preferred: false });
  }
  // Preferred only where one finding holds the place asked about: a line or a wide selection is no single intent.
  const first = fixes[0];
  const top = here[0];
  if (first && first.finding === top && first.kind === 'fix' && covers(top.range, range) && !top.suggestions?.some((fix) => fix.edits.length > 0))
    first.preferred = true;
  // One directive per rule and line, however many findings the rule has there.
  const disabled = new Set<string>();
  for (const finding of here) {
    const key = `${finding.ruleId}:${finding.range.start.line}`;
    if (disabled.has(key)) continue;
    const disable = disableForLine(context, finding);
    if (!disable) continue;
    disabled.add(key);
    fixes.push({ finding, fix: disable, kind: 'disable', preferred: false });
  }
  const offerFixAll = here.some((finding) => finding.fix) && context.findings.filter((finding) => finding.fix).length > 1;
  return { fixes, offerFixAll };
}

/** The finding under the cursor before those the range only touches; then the graver, then the narrower, then the earlier. */
function byLikelihood(a: Finding, b: Finding, range: Range): number {
  return (
    Number(!covers(a.range, range)) - Number(!covers(b.range, range)) ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    extent(a.range) - extent(b.range) ||
    (before(a.range.start, b.range.start) ? -1 : before(b.range.start, a.range.start) ? 1 : 0)
  );
}

/** Lines weigh more than characters: a finding on one line is narrower than any over two. */
function extent(range: Range): number {
  return (range.end.line - range.start.line) * 1_000_000 + (range.end.character - range.start.character);
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** The finding's range holds the whole of the asked range (the cursor, or the selection). */
function covers(outer: Range, inner: Range): boolean {
  return !before(inner.start, outer.start) && !before(outer.end, inner.end);
}

/** Ranges that overlap or touch: a cursor at the end of a word still asks about it. */
function overlaps(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}
