// "Disable <rule> for this line": the directive comment above a finding's line, or the rule added to one already there.
import type { Determination } from '../model/types';
import { findRule } from '../rules';
import type { Finding, LocatedFix } from '../rules/types';
import type { LineIndex } from '../text';

/** The comment that switches a rule off for the next line. */
export function disableNextLineComment(ruleId: string): string {
  return `<!-- imr-disable-next-line ${ruleId} -->`;
}

const NEXT_LINE_DIRECTIVE = /^([ \t]*<!--\s*imr-disable-next-line\b)([^>]*?)(\s*-->\s*)$/;

/** What the edit is built from: the checked text, its lines and, when it could be read, its model. */
export interface DisableContext {
  lines: LineIndex;
  model?: Determination;
}

/** The fix that switches the finding's rule off for its line; undefined where no directive can do it. */
export function disableForLine(context: DisableContext, finding: Finding): LocatedFix | undefined {
  if (!findRule(finding.ruleId)) return undefined;
  const { lines, model } = context;
  const text = lines.text;
  const line = finding.range.start.line;
  // A comment inside the YAML front matter would not be read as a directive, and would break the YAML.
  const front = model?.frontMatter;
  if (front && line <= front.range.end.line) return undefined;
  const title = `Disable ${finding.ruleId} for this line`;
  const previous = line > 0 ? text.slice(lines.lineStarts[line - 1], lines.lineEnd(line - 1)) : undefined;
  const existing = previous === undefined ? undefined : NEXT_LINE_DIRECTIVE.exec(previous);
  if (existing && existing[2].trim().length > 0) {
    return { title, edits: [insertAt(lines, lines.lineStarts[line - 1] + existing[1].length + existing[2].length, ` ${finding.ruleId}`)] };
  }
  const lineText = text.slice(lines.lineStarts[line], lines.lineEnd(line));
  // Indented like the line, except where indentation would make the comment part of a code block.
  const isCode = model?.textLines.some((candidate) => candidate.line === line && candidate.block === 'code') ?? false;
  const indent = isCode ? '' : /^[ \t]*/.exec(lineText)![0];
  return { title, edits: [insertAt(lines, lines.lineStarts[line], `${indent}${disableNextLineComment(finding.ruleId)}${lines.eol}`)] };
}

function insertAt(lines: LineIndex, offset: number, newText: string): LocatedFix['edits'][number] {
  const span = { start: offset, end: offset };
  return { span, newText, range: lines.rangeOf(span) };
}
