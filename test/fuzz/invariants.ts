// What must hold for any draft: the engine answers, ranges stay inside the text, fixes do not collide, fix-all sticks.
import assert from 'node:assert/strict';
import type { Nodes } from 'mdast';
import { applyEdits, fixEdits } from '../../engine/src/fixes';
import { lint, type LintOptions, type LintResult } from '../../engine/src/lint';
import type { Finding, TextEdit } from '../../engine/src/rules/types';
import { LineIndex, type Range, type Span } from '../../engine/src/text';
import { parseMarkdown } from '../../engine/src/parse';

/** Lints, asserting that no rule failed (a rule that throws is a bug even though lint survives it). */
export function lintChecked(text: string, options: LintOptions = {}): LintResult {
  const result = lint(text, { today: '2030-01-01', ...options });
  assert.deepEqual(result.failures, [], `a rule threw on ${JSON.stringify(text.slice(0, 200))}`);
  return result;
}

export function assertSpanInside(span: Span, length: number, what: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: span ${JSON.stringify(span)} is not whole numbers`);
  assert.ok(0 <= span.start && span.start <= span.end && span.end <= length, `${what}: span ${JSON.stringify(span)} outside 0..${length}`);
}

export function assertRangeInside(range: Range, lines: LineIndex, what: string): void {
  for (const position of [range.start, range.end]) {
    assert.ok(position.line >= 0 && position.line < lines.lineCount, `${what}: line ${position.line} outside 0..${lines.lineCount - 1}`);
    const length = lines.lineEnd(position.line) - lines.lineStarts[position.line];
    assert.ok(
      position.character >= 0 && position.character <= length,
      `${what}: character ${position.character} outside line ${position.line} (length ${length})`,
    );
  }
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  assert.ok(ordered, `${what}: range ends before it starts ${JSON.stringify(range)}`);
}

/** Every finding, fix and suggestion lies inside the text, and each range is where its span is. */
export function assertFindingsInside(text: string, findings: Finding[]): void {
  const lines = new LineIndex(text);
  for (const finding of findings) {
    const what = `${finding.ruleId} "${finding.message}"`;
    assertSpanInside(finding.span, text.length, what);
    assertRangeInside(finding.range, lines, what);
    assert.deepEqual(finding.range, lines.rangeOf(finding.span), `${what}: range and span disagree`);
    for (const fix of [...(finding.fix ? [finding.fix] : []), ...(finding.suggestions ?? [])]) {
      for (const edit of fix.edits) {
        assertSpanInside(edit.span, text.length, `${what}, fix "${fix.title}"`);
        assertRangeInside(edit.range, lines, `${what}, fix "${fix.title}"`);
      }
      assert.equal(overlapping(fix.edits), undefined, `${what}: the edits of fix "${fix.title}" overlap`);
    }
  }
}

/** Every located part of the model (sections, items, fields, citations...) lies inside the text. */
export function assertModelInside(result: LintResult, text: string): void {
  if (!result.model) return;
  const lines = result.model.lines;
  const seen = new Set<object>();
  const stack: unknown[] = [result.model.sections, result.model.items, result.model.credentials, result.model.frontMatter, result.model.preamble];
  while (stack.length > 0) {
    const value = stack.pop();
    if (!value || typeof value !== 'object' || seen.has(value) || value instanceof LineIndex) continue;
    seen.add(value);
    const candidate = value as { span?: Span; range?: Range };
    if (candidate.span && candidate.range) {
      assertSpanInside(candidate.span, text.length, 'model part');
      assertRangeInside(candidate.range, lines, 'model part');
    }
    for (const child of Object.values(value)) if (child && typeof child === 'object') stack.push(child);
  }
}

/** Two edits collide when they overlap, or insert at the same place (the order would be a guess). */
export function collide(a: TextEdit, b: TextEdit): boolean {
  return (
    (a.span.start < b.span.end && b.span.start < a.span.end) || (a.span.start === b.span.start && (a.span.start === a.span.end || b.span.start === b.span.end))
  );
}

function overlapping(edits: readonly TextEdit[]): [TextEdit, TextEdit] | undefined {
  for (let i = 0; i < edits.length; i++) for (let j = i + 1; j < edits.length; j++) if (collide(edits[i], edits[j])) return [edits[i], edits[j]];
  return undefined;
}

export interface FixAllOutcome {
  passes: number;
  /** Fixes of different findings that collided before fixEdits chose among them. */
  collisions: number;
  /** Fixed findings that came back because of a known defect (see knownDefect()), by rule and defect. */
  knownDefects: Record<string, number>;
  text: string;
}

export const MAX_FIX_PASSES = 10;

/** In a long fuzz run, records a fix-all defect (category, draft, what happened) instead of stopping at the first. */
export type DefectRecorder = (category: string, draft: string, message: string) => void;

/**
 * Fix-all to a fixpoint, as the CLI's --fix does: fixEdits never hands applyEdits colliding edits, each
 * pass applies all it chose, a fixed finding does not come back at the same place, and the passes end.
 */
export function assertFixAll(original: string, options: LintOptions = {}, record?: DefectRecorder): FixAllOutcome {
  let text = original;
  let findings = lintChecked(text, options).findings;
  let collisions = 0;
  const knownDefects: Record<string, number> = {};
  // Findings that a known defect brings back keep coming back; a writer would stop applying them, and so do we.
  const givenUp = new Set<string>();
  const key = (finding: Finding): string => `${finding.ruleId}\u0000${finding.message}`;
  for (let pass = 1; pass <= MAX_FIX_PASSES; pass++) {
    const withFix = findings.filter((finding) => finding.fix && finding.fix.edits.length > 0);
    for (let i = 0; i < withFix.length; i++) {
      for (let j = i + 1; j < withFix.length; j++) if (withFix[i].fix!.edits.some((a) => withFix[j].fix!.edits.some((b) => collide(a, b)))) collisions++;
    }
    const edits = fixEdits(findings);
    if (edits.length === 0) return { passes: pass - 1, collisions, knownDefects, text };
    assert.equal(overlapping(edits), undefined, 'fixEdits chose colliding edits');
    const claimed = withFix.filter((finding) =>
      finding.fix!.edits.every((edit) =>
        edits.some((chosen) => chosen.span.start === edit.span.start && chosen.span.end === edit.span.end && chosen.newText === edit.newText),
      ),
    );
    const applied = applyEdits(text, edits);
    assert.deepEqual(applied.skipped, [], 'applyEdits skipped edits that fixEdits chose');
    const next = applied.text;
    const nextFindings = lintChecked(next, options).findings;
    assertFindingsInside(next, nextFindings);
    for (const fixed of claimed) {
      const places = mapOffset(fixed.span.start, applied.applied);
      const back = nextFindings.find((finding) => finding.ruleId === fixed.ruleId && finding.message === fixed.message && places.includes(finding.span.start));
      const defect = back ? knownDefect(text, next, fixed, applied.applied) : undefined;
      if (defect) {
        knownDefects[`${fixed.ruleId} (${defect})`] = (knownDefects[`${fixed.ruleId} (${defect})`] ?? 0) + 1;
        givenUp.add(key(fixed));
        continue;
      }
      if (!back) continue;
      const message = `fix-all claimed to fix ${fixed.ruleId} "${fixed.message}" ("${fixed.fix!.title}") but it is reported again at offset ${back.span.start} of ${JSON.stringify(next.slice(Math.max(0, back.span.start - 60), back.span.end + 60))}`;
      if (!record) assert.fail(`${message}\nin ${JSON.stringify(original)}`);
      record(`${fixed.ruleId}: fixed finding reported again`, original, message);
      givenUp.add(key(fixed));
    }
    text = next;
    findings = nextFindings.filter((finding) => !givenUp.has(key(finding)));
  }
  const unsettled = `fix-all did not settle after ${MAX_FIX_PASSES} passes: ${findings
    .filter((finding) => finding.fix)
    .map((finding) => finding.ruleId)
    .join(', ')}`;
  if (fixEdits(findings).length > 0) {
    if (!record) assert.fail(unsettled);
    record('fix-all did not settle', original, unsettled);
  }
  return { passes: MAX_FIX_PASSES, collisions, knownDefects, text };
}

/** Which known defect explains a fixed finding coming back, if one does (both reported to the rules' owner). */
function knownDefect(before: string, after: string, fixed: Finding, applied: readonly TextEdit[]): string | undefined {
  if (swallowed(after, fixed.fix!.edits, applied)) return 'fix absorbed by an open block';
  if (fixed.ruleId === 'item-fields' && insideMultiLineHeading(before, fixed.span)) return 'item title inside a multi-line heading';
  return undefined;
}

/** Whether a span lies in a heading that spans several lines (a setext heading over two lines of text). */
function insideMultiLineHeading(text: string, span: Span): boolean {
  const stack: Nodes[] = [parseMarkdown(text)];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const position = node.position;
    if (
      node.type === 'heading' &&
      position &&
      position.start.line < position.end.line - 1 &&
      position.start.offset! <= span.start &&
      span.end <= position.end.offset!
    )
      return true;
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
  return false;
}

// Blocks that absorb inserted text: code or HTML left open above the insertion point (``` or <!-- running
// to the end), and a setext heading whose underline follows the insertion point.
const ABSORBING = new Set(['code', 'html', 'heading']);

/**
 * Whether a fix's inserted text ended up inside a block that absorbs it, so the draft does not read it as
 * written. A known defect of the inserting fixes (required-section, item-fields), reported to the rules'
 * owner; counted rather than failed so that other defects still show.
 */
function swallowed(next: string, fixEdits: readonly TextEdit[], applied: readonly TextEdit[]): boolean {
  const inserted = fixEdits.filter((edit) => edit.newText.trim().length > 0);
  if (inserted.length === 0) return false;
  const root = parseMarkdown(next);
  return inserted.every((edit) => {
    const [at] = mapOffset(edit.span.start, applied);
    // The first line written (a section title, a field label) is what must read as written.
    const trimmed = edit.newText.trimStart();
    const start = at + (edit.newText.length - trimmed.length);
    const end = start + trimmed.split(/\r\n|\r|\n/)[0].trimEnd().length;
    const stack: Nodes[] = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      const position = node.position;
      if (ABSORBING.has(node.type) && position && position.start.offset! <= start && end <= position.end.offset!) return true;
      if ('children' in node) for (const child of node.children) stack.push(child);
    }
    return false;
  });
}

/** Where an offset lands after edits: before and after whatever was inserted exactly there. */
function mapOffset(offset: number, edits: readonly TextEdit[]): number[] {
  let before = 0;
  let inserted = 0;
  for (const edit of edits) {
    const delta = edit.newText.length - (edit.span.end - edit.span.start);
    if (edit.span.end < offset || (edit.span.end === offset && edit.span.start < offset)) before += delta;
    else if (edit.span.start === offset && edit.span.end === offset) inserted += delta;
  }
  return [offset + before, offset + before + inserted];
}
